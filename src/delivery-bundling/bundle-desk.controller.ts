import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Redirect,
  Render,
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { Roles } from '../auth/access.decorators';
import { Role } from '../generated/prisma/enums';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { FormValidationError } from '../shared/http/domain-error';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { buildPagination, hrefWith } from '../shared/views/pagination';
import { BundleDeskService, DESK_PAGE_SIZE, DeskQuery } from './bundle-desk.service';
import { toDeskCandidate, toDeskCard } from './bundle-desk.view';
import { BundleLifecycleService } from './bundle-lifecycle.service';
import { reopenReasonRefusal } from './bundle-reopen';
import { BundleDeskQuery, DeskReturnForm, MergeForm, ReopenForm } from './dto/bundle-desk-forms';

const PATH = '/delivery/bundles';

// A refused action re-renders the page the clerk came from, the card's form kept open.
const pageAgain = (c: BundleDeskController, req: Request) =>
  c.page(deskQueryOf(queryOfReturn(req)), Number(req.params.id));
const DESK = { title: '배송 묶음 관리', model: pageAgain };

@Controller('delivery/bundles')
@Roles(Role.CLERK, Role.ADMIN)
export class BundleDeskController {
  constructor(
    private readonly desk: BundleDeskService,
    private readonly lifecycle: BundleLifecycleService,
  ) {}

  @Get()
  @Render('bundles/index')
  index(@Query() query: BundleDeskQuery) {
    return this.page(deskQueryOf(query));
  }

  async page(query: DeskQuery, formFor?: number) {
    const [{ total, bundles }, candidates] = await Promise.all([
      this.desk.page(query),
      query.view === 'open' ? this.desk.candidates() : Promise.resolve([]),
    ]);
    const state = {
      view: query.view,
      q: query.q,
      date: query.date?.toISOString().slice(0, 10),
      late: query.late ? '1' : undefined,
    };
    return {
      title: '배송 묶음 관리',
      query: state,
      returnTo: hrefWith(PATH, { ...state, page: query.page > 1 ? query.page : undefined }, {}),
      open: query.view === 'open',
      cards: bundles.map((b) => toDeskCard(b, formFor)),
      candidates: candidates.map(toDeskCandidate),
      pagination: buildPagination({
        path: PATH,
        query: state,
        page: query.page,
        pageSize: DESK_PAGE_SIZE,
        total,
      }),
      errors: {},
    };
  }

  @Post(':id/merge')
  @FormView('bundles/index', DESK)
  @Redirect()
  async merge(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: MergeForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    await this.lifecycle.merge({ fromId: id, intoId: form.intoId, actorId: actor.id });
    flash(req, 'success', `묶음 #${id}을(를) 묶음 #${form.intoId}에 합쳤습니다.`);
    return { url: form.returnTo ?? PATH };
  }

  @Post(':id/items/:itemId/split')
  @FormView('bundles/index', DESK)
  @Redirect()
  async split(
    @Param('id', ParseIntPipe) id: number,
    @Param('itemId', ParseIntPipe) itemId: number,
    @Body() form: DeskReturnForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    await this.lifecycle.split({ bundleId: id, itemId, actorId: actor.id });
    flash(req, 'success', '상품을 따로 배송하도록 새 묶음으로 나눴습니다.');
    return { url: form.returnTo ?? PATH };
  }

  @Post(':id/reopen')
  @FormView('bundles/index', DESK)
  @Redirect()
  async reopen(
    @Param('id', ParseIntPipe) id: number,
    @Body() form: ReopenForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const refusal = reopenReasonRefusal(form.reason ?? '');
    if (refusal) throw new FormValidationError({ reason: refusal });
    await this.lifecycle.reopen({ bundleId: id, reason: form.reason.trim(), actorId: actor.id });
    flash(req, 'success', `묶음 #${id}을(를) 다시 열었습니다. 새 주문이 이 묶음에 함께 실립니다.`);
    return { url: `${PATH}?view=open` };
  }
}

function deskQueryOf(query: BundleDeskQuery): DeskQuery {
  return {
    view: query.view ?? 'open',
    q: query.q || undefined,
    date: query.date ? new Date(`${query.date}T00:00:00Z`) : undefined,
    late: query.late === '1',
    page: query.page ?? 1,
  };
}

// The desk query a refused POST came from, read from its returnTo field before validation.
function queryOfReturn(req: Request): BundleDeskQuery {
  const body = req.body as { returnTo?: unknown };
  const returnTo = typeof body?.returnTo === 'string' ? body.returnTo : PATH;
  const url = new URL(returnTo.startsWith(PATH) ? returnTo : PATH, 'http://local');
  const params = Object.fromEntries(url.searchParams) as Record<string, string>;
  return {
    view: params.view === 'closed' ? 'closed' : 'open',
    q: params.q,
    date: /^\d{4}-\d{2}-\d{2}$/.test(params.date ?? '') ? params.date : undefined,
    late: params.late === '1' ? '1' : undefined,
    page: Number(params.page) > 0 ? Number(params.page) : undefined,
  };
}
