import { Controller, Get, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { AnyRole } from '../auth/access.decorators';
import { ROLE_LABELS } from '../users/role-labels';
import { navigationFor } from '../shared/views/navigation';

@Controller()
@AnyRole()
export class DashboardController {
  @Get()
  @Render('dashboard/index')
  index(@Req() req: Request) {
    const user = req.user!;
    return {
      title: '대시보드',
      roleLabel: ROLE_LABELS[user.role],
      shortcuts: navigationFor(user.role, '').filter((item) => item.href !== '/'),
    };
  }
}
