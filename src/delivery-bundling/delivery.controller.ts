import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Redirect,
  Render,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { DeliveredForm, DeliveryQuery, FailedForm } from './dto/delivery-forms';
import { DeliveryOutcomeService, OutcomeResult } from './delivery-outcome.service';
import { dayHref, dayQueryOf, toDeliveryPage } from './delivery-view';
import { DayQuery, DeliveryViewService } from './delivery-view.service';
import { Viewer, seesOwnRunsOnly, viewerOf } from './run-access';

// A refused tap re-renders the bundle's own district, with the failure form kept open.
const districtAgain = (c: DeliveryController, req: Request) =>
  c.pageOfBundle(Number(req.params.id), viewerOf(req));
const DAY = { title: '배송', model: districtAgain };

@Controller('delivery')
@Roles(Role.DELIVERY, Role.CLERK, Role.ADMIN)
export class DeliveryController {
  constructor(
    private readonly view: DeliveryViewService,
    private readonly outcomes: DeliveryOutcomeService,
  ) {}

  @Get()
  @Render('delivery/index')
  show(@Query() query: DeliveryQuery, @Req() req: Request) {
    return this.page(dayQueryOf(query), viewerOf(req));
  }

  async page(day: DayQuery, viewer: Viewer, failedFormFor?: number) {
    return toDeliveryPage({
      day,
      ...(await this.view.day(day, viewer)),
      driverView: seesOwnRunsOnly(viewer),
      failedFormFor,
    });
  }

  async pageOfBundle(id: number, viewer: Viewer) {
    const day = await this.view.dayOfBundle(id, viewer);
    if (!day) throw new NotFoundException();
    return this.page(day, viewer, id);
  }

  @Post('bundles/:id/delivered')
  @FormView('delivery/index', DAY)
  @Redirect()
  async delivered(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: DeliveredForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const viewer = viewerOf(req);
    const result = await this.outcomes.delivered({
      bundleId: id,
      from: form.status,
      actorId: actor.id,
      viewer,
    });
    flash(req, result.already ? 'info' : 'success', deliveredMessage(result));
    return { url: backTo(result, viewer) };
  }

  @Post('bundles/:id/failed')
  @FormView('delivery/index', DAY)
  @Redirect()
  async failed(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: FailedForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const viewer = viewerOf(req);
    const result = await this.outcomes.failed({
      bundleId: id,
      from: form.status,
      reason: form.reason,
      actorId: actor.id,
      viewer,
    });
    flash(
      req,
      result.already ? 'info' : 'warning',
      result.already ? '이미 배송실패로 기록된 묶음입니다.' : '배송실패로 기록했습니다.',
    );
    return { url: backTo(result, viewer) };
  }
}

function deliveredMessage(result: OutcomeResult): string {
  if (result.already) return '이미 배송완료된 묶음입니다.';
  const kept = result.skipped
    ? ` (아직 배송 단계가 아닌 상품 ${result.skipped}건은 그대로 두었습니다. 사무실에 알려 주세요)`
    : '';
  return `배송완료로 기록했습니다.${kept}`;
}

// Back to the district the stop is listed in: the run's day for a driver.
function backTo({ bundle }: OutcomeResult, viewer: Viewer): string {
  const date = seesOwnRunsOnly(viewer) ? bundle.run?.runDate : bundle.scheduledDate;
  if (!date) return '/delivery';
  return dayHref({
    date,
    district: { sido: bundle.regionSido, sigungu: bundle.regionSigungu },
  });
}
