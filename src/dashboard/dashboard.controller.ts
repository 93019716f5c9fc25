import { Controller, Get, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Role } from '../generated/prisma/enums';
import { AnyRole } from '../auth/access.decorators';
import { BundleDeskService } from '../delivery-bundling/bundle-desk.service';
import { OrderDeskSummaryService } from '../orders/order-desk-summary.service';
import { ROLE_LABELS } from '../users/role-labels';
import { navigationFor } from '../shared/views/navigation';

@Controller()
@AnyRole()
export class DashboardController {
  constructor(
    private readonly summary: OrderDeskSummaryService,
    private readonly bundles: BundleDeskService,
  ) {}

  @Get()
  @Render('dashboard/index')
  async index(@Req() req: Request) {
    const user = req.user!;
    const deskRoles: Role[] = [Role.ADMIN, Role.CLERK];
    return {
      title: '대시보드',
      roleLabel: ROLE_LABELS[user.role],
      queues: deskRoles.includes(user.role)
        ? [...(await this.summary.queues()), ...(await this.bundles.queues())]
        : [],
      shortcuts: navigationFor(user.role, '').filter((item) => item.href !== '/'),
    };
  }
}
