import { Controller, Get, Query, Render, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { FormView } from '../shared/http/form-view.decorator';
import { DispatchExportService } from './dispatch-export.service';
import { DayQuery, PeriodQuery } from './dto/fulfillment-queries';
import { dispatchPageModel, partnerPageModel, pickingPageModel } from './fulfillment.view';
import { PartnerExportService } from './partner-export.service';
import { Period, dayOf, periodOf, periodOrNull } from './period';
import { PickingListService } from './picking-list.service';

type C = FulfillmentExportsController;
type QueryText = Record<string, unknown>;

// A refused page or download shows its page again with the reason, the clerk's input kept.
const DISPATCH = {
  title: '스마트스토어 일괄발송 파일',
  model: (c: C, req: Request) => c.dispatchPage(req.query, periodOrNull(req.query)),
};
const PARTNER = {
  title: '협력사 주문 내보내기',
  model: (c: C, req: Request) => c.partnerPage(req.query),
};
const PICKING = {
  title: '피킹 리스트',
  model: (c: C, req: Request) => c.pickingPage(req.query, dayOf(undefined), false),
};

@Controller('fulfillment')
@Roles(Role.CLERK, Role.ADMIN)
export class FulfillmentExportsController {
  constructor(
    private readonly dispatch: DispatchExportService,
    private readonly partners: PartnerExportService,
    private readonly picking: PickingListService,
  ) {}

  @Get('dispatch')
  @FormView('fulfillment/dispatch', DISPATCH)
  @Render('fulfillment/dispatch')
  dispatchIndex(@Query() query: PeriodQuery) {
    return this.dispatchPage({ ...query }, periodOf(query));
  }

  async dispatchPage(query: QueryText, period: Period | null) {
    return dispatchPageModel({ query, ...(await this.dispatch.page(query.channelId, period)) });
  }

  @Get('dispatch.xlsx')
  @FormView('fulfillment/dispatch', DISPATCH)
  async dispatchFile(@Query() query: PeriodQuery, @Res() res: Response) {
    await this.dispatch.send(query.channelId, periodOf(query), res);
  }

  @Get('partner')
  @FormView('fulfillment/partner', PARTNER)
  @Render('fulfillment/partner')
  partnerIndex(@Query() query: PeriodQuery) {
    return this.partnerPage({ ...query });
  }

  async partnerPage(query: QueryText) {
    return partnerPageModel({ query, ...(await this.partners.page(query.channelId)) });
  }

  @Get('partner.xlsx')
  @FormView('fulfillment/partner', PARTNER)
  async partnerFile(@Query() query: PeriodQuery, @Res() res: Response) {
    await this.partners.send(query.channelId, periodOf(query), res);
  }

  @Get('picking')
  @FormView('fulfillment/picking', PICKING)
  @Render('fulfillment/picking')
  pickingIndex(@Query() query: DayQuery) {
    return this.pickingPage({ ...query }, dayOf(query.date), true);
  }

  async pickingPage(query: QueryText, day: Period, withLines: boolean) {
    const lines = withLines ? await this.picking.lines(day) : [];
    return pickingPageModel({ query, day: day.from, lines });
  }

  @Get('picking.xlsx')
  @FormView('fulfillment/picking', PICKING)
  async pickingFile(@Query() query: DayQuery, @Res() res: Response) {
    await this.picking.send(dayOf(query.date), res);
  }
}
