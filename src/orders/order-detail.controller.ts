import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
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
import { AddOnForm, ClaimForm, toAddOnInput } from './dto/order-claim-forms';
import { DoNotCombineForm, RecipientForm, toRecipientFields } from './dto/order-edit-forms';
import { BulkStatusForm, StatusChangeForm } from './dto/order-status-forms';
import { OrderBulkStatusService } from './order-bulk-status.service';
import { BULK_RESULT_TITLE, toBulkResultPage } from './order-bulk-result.view';
import { OrderClaimsService } from './order-claims.service';
import { OrderDetailService } from './order-detail.service';
import { DetailPageInput, toOrderDetailPage } from './order-detail.view';
import { OrderEditService } from './order-edit.service';
import { finalizedMessage } from './order-finalize';
import { FinalizeForm } from './order-finalize.form';
import { OrderFinalizeService } from './order-finalize.service';
import { FinalizePageInput, withFinalizeForms } from './order-finalize.view';
import { CLAIM_LABELS, STATUS_LABELS } from './order-status';
import { OrderStatusService } from './order-status.service';

type FormBody = Record<string, unknown>;
type PageInput = DetailPageInput & FinalizePageInput;

// A failed form re-renders the detail page, freshly loaded, with the submitted values put
// back into the form that was sent (the page has several).
const detailAgain =
  (input: (req: Request) => PageInput) => (c: OrderDetailController, req: Request) =>
    c.page(Number(req.params.orderId), input(req));
const itemForm = (kind: 'status' | 'claim') =>
  detailAgain((req) => ({
    itemForm: { itemId: Number(req.params.itemId), kind, values: req.body as FormBody },
  }));
const DETAIL = { title: '주문 상세' };

@Controller('orders')
@Roles(Role.CLERK, Role.ADMIN)
export class OrderDetailController {
  constructor(
    private readonly detail: OrderDetailService,
    private readonly status: OrderStatusService,
    private readonly bulk: OrderBulkStatusService,
    private readonly edit: OrderEditService,
    private readonly claims: OrderClaimsService,
    private readonly finalizer: OrderFinalizeService,
  ) {}

  // A page of results, not a created resource.
  @Post('bulk-status')
  @HttpCode(200)
  @FormView('orders/bulk-result', { title: BULK_RESULT_TITLE, locals: { rows: [] } })
  @Render('orders/bulk-result')
  async bulkStatus(@Body() form: BulkStatusForm, @CurrentActor() actor: RequestActor) {
    const rows = await this.bulk.apply(form.itemIds, form.to, actor.id);
    return toBulkResultPage(rows, form.to, form.returnTo);
  }

  @Get(':id')
  @Render('orders/detail')
  show(@Param('id', ParseIntPipe) id: number) {
    return this.page(id);
  }

  async page(id: number, input: PageInput = {}) {
    return withFinalizeForms(
      toOrderDetailPage(await this.detail.get(id), input),
      input.finalizeForm,
    );
  }

  @Post(':orderId/items/:itemId/status')
  @FormView('orders/detail', { ...DETAIL, model: itemForm('status') })
  @Redirect()
  async changeStatus(
    @Param('orderId', ParseIntPipe) orderId: number,
    @Param('itemId', ParseIntPipe) itemId: number,
    @Body() form: StatusChangeForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const { item, to } = await this.status.change({ orderId, itemId, ...form, actorId: actor.id });
    flash(
      req,
      'success',
      `${item.externalItemNo}의 상태를 '${STATUS_LABELS[to]}'(으)로 바꿨습니다.`,
    );
    return { url: `/orders/${orderId}` };
  }

  @Post(':orderId/items/:itemId/claim')
  @FormView('orders/detail', { ...DETAIL, model: itemForm('claim') })
  @Redirect()
  async openClaim(
    @Param('orderId', ParseIntPipe) orderId: number,
    @Param('itemId', ParseIntPipe) itemId: number,
    @Body() form: ClaimForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const { item } = await this.claims.open({ orderId, itemId, ...form, actorId: actor.id });
    flash(req, 'success', `${item.externalItemNo}: ${CLAIM_LABELS[form.kind]} 접수되었습니다.`);
    return { url: `/orders/${orderId}` };
  }

  @Post(':orderId/items/:itemId/finalize')
  @FormView('orders/detail', {
    ...DETAIL,
    model: detailAgain((req) => ({
      finalizeForm: { itemId: Number(req.params.itemId), values: req.body as FormBody },
    })),
  })
  @Redirect()
  async finalize(
    @Param('orderId', ParseIntPipe) orderId: number,
    @Param('itemId', ParseIntPipe) itemId: number,
    @Body() form: FinalizeForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const result = await this.finalizer.finalize({ orderId, itemId, ...form, actorId: actor.id });
    flash(req, 'success', finalizedMessage(result.externalItemNo, result.difference));
    return { url: `/orders/${orderId}` };
  }

  @Post(':orderId/add-ons')
  @FormView('orders/detail', {
    ...DETAIL,
    model: detailAgain((req) => ({ addOnForm: req.body as FormBody })),
  })
  @Redirect()
  async addOn(
    @Param('orderId', ParseIntPipe) orderId: number,
    @Body() form: AddOnForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const item = await this.claims.addOn({
      orderId,
      input: toAddOnInput(form),
      actorId: actor.id,
    });
    flash(req, 'success', `추가 주문 ${item.externalItemNo}을(를) 등록했습니다.`);
    return { url: `/orders/${orderId}` };
  }

  @Post(':orderId/recipient')
  @FormView('orders/detail', {
    ...DETAIL,
    model: detailAgain((req) => ({ recipientForm: req.body as FormBody })),
  })
  @Redirect()
  async updateRecipient(
    @Param('orderId', ParseIntPipe) orderId: number,
    @Body() form: RecipientForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const changed = await this.edit.updateRecipient({
      orderId,
      version: form.version,
      fields: toRecipientFields(form),
      actorId: actor.id,
    });
    if (changed) flash(req, 'success', '수령인·배송 정보를 수정했습니다.');
    else flash(req, 'info', '바뀐 내용이 없습니다.');
    return { url: `/orders/${orderId}` };
  }

  @Post(':orderId/do-not-combine')
  @FormView('orders/detail', { ...DETAIL, model: detailAgain(() => ({})) })
  @Redirect()
  async setDoNotCombine(
    @Param('orderId', ParseIntPipe) orderId: number,
    @Body() form: DoNotCombineForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const doNotCombine = form.doNotCombine === 'true';
    await this.edit.setDoNotCombine({
      orderId,
      version: form.version,
      doNotCombine,
      actorId: actor.id,
    });
    flash(
      req,
      'success',
      doNotCombine
        ? '이 주문을 따로 배송하도록 바꿨습니다.'
        : '이 주문을 다시 묶음배송에 포함합니다.',
    );
    return { url: `/orders/${orderId}` };
  }
}
