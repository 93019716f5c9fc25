import { Body, Controller, Get, Post, Redirect, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { CurrentActor, RequestActor } from '../shared/http/current-actor.decorator';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { ShowroomOrderForm } from './dto/showroom-order.form';
import { registeredMessage } from './showroom-order';
import { ShowroomOrderService } from './showroom-order.service';

// A refused form comes back with the catalog freshly loaded and the rows as they were typed.
const formAgain = (c: ShowroomOrderController, req: Request) =>
  c.page(req.body as Record<string, unknown>);

@Controller('orders/new')
@Roles(Role.CLERK, Role.ADMIN)
export class ShowroomOrderController {
  constructor(private readonly showroom: ShowroomOrderService) {}

  @Get()
  @Render('orders/showroom-new')
  show() {
    return this.page();
  }

  page(submitted?: Record<string, unknown>) {
    return this.showroom.page(submitted);
  }

  @Post()
  @FormView('orders/showroom-new', { title: '매장 주문 등록', model: formAgain })
  @Redirect()
  async register(
    @Body() form: ShowroomOrderForm,
    @CurrentActor() actor: RequestActor,
    @Req() req: Request,
  ) {
    const { orderId, orderNo } = await this.showroom.register(form, actor.id);
    flash(req, 'success', registeredMessage(orderNo));
    return { url: `/orders/${orderId}` };
  }
}
