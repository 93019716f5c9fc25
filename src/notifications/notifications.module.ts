import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.provider';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationLogService } from './notification-log.service';
import { NOTIFICATION_PROVIDER } from './notification-provider';
import { providerFor } from './notification-provider.factory';
import { NotificationSender } from './notification-sender';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

// Customer messages on dispatch and delivery (seed 002: every message kept in a log). The orders
// module queues them through NotificationsService inside its own transactions; this module
// depends on no order or delivery module.
@Module({
  controllers: [NotificationsController],
  providers: [
    {
      provide: NOTIFICATION_PROVIDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => providerFor(config.notifications.provider),
    },
    NotificationsService,
    NotificationSender,
    NotificationDispatcher,
    NotificationLogService,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
