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

// A refused tap re-renders the bundle's own district, with the failure form kept open.
const districtAgain = (c: DeliveryController, req: Request) =>
  c.pageOfBundle(Number(req.params.id));
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
  show(@Query() query: DeliveryQuery) {
    return this.page(dayQueryOf(query));
  }

  async page(day: DayQuery, failedFormFor?: number) {
    return toDeliveryPage({ day, ...(await this.view.day(day)), failedFormFor });
  }

  async pageOfBundle(id: number) {
    const day = await this.view.dayOfBundle(id);
    if (!day) throw new NotFoundException();
    return this.page(day, id);
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
    const result = await this.outcomes.delivered({
      bundleId: id,
      from: form.status,
      actorId: actor.id,
    });
    flash(req, result.already ? 'info' : 'success', deliveredMessage(result));
    return { url: backTo(result) };
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
    const result = await this.outcomes.failed({
      bundleId: id,
      from: form.status,
      reason: form.reason,
      actorId: actor.id,
    });
    flash(
      req,
      result.already ? 'info' : 'warning',
      result.already ? '이미 배송실패로 기록된 묶음입니다.' : '배송실패로 기록했습니다.',
    );
    return { url: backTo(result) };
  }
}

function deliveredMessage(result: OutcomeResult): string {
  if (result.already) return '이미 배송완료된 묶음입니다.';
  const kept = result.skipped
    ? ` (${result.skipped}건은 상태를 바꿀 수 없어 그대로 두었습니다)`
    : '';
  return `배송완료로 기록했습니다.${kept}`;
}

function backTo({ bundle }: OutcomeResult): string {
  if (!bundle.scheduledDate) return '/delivery';
  return dayHref({
    date: bundle.scheduledDate,
    district: { sido: bundle.regionSido, sigungu: bundle.regionSigungu },
  });
}
