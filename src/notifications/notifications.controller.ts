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
import { Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { flash } from '../shared/http/flash';
import { FormView } from '../shared/http/form-view.decorator';
import { LOG_PATH, NotificationLogQuery, RetryForm } from './dto/notification-log.forms';
import { NotificationLogService } from './notification-log.service';
import { LOG_TITLE, retryFlash, toNotificationLogPage } from './notification-log.view';

const firstPage = (c: NotificationsController) => c.page({ page: 1 });

@Controller('admin/notifications')
@Roles(Role.ADMIN, Role.CLERK)
export class NotificationsController {
  constructor(private readonly log: NotificationLogService) {}

  @Get()
  @Render('notifications/index')
  index(@Query() query: NotificationLogQuery) {
    return this.page(query);
  }

  async page(query: NotificationLogQuery) {
    return toNotificationLogPage({ ...(await this.log.list(query)), query });
  }

  @Post(':id/retry')
  @FormView('notifications/index', { title: LOG_TITLE, model: firstPage })
  @Redirect()
  async retry(@Param('id', ParseIntPipe) id: number, @Body() form: RetryForm, @Req() req: Request) {
    const { type, message } = retryFlash(await this.log.retry(id, form.attempts));
    flash(req, type, message);
    return { url: form.returnTo ?? LOG_PATH };
  }
}
