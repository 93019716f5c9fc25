import type { NotificationProviderConfig } from '../config/app-config';
import { HttpNotificationProvider } from './http-notification.provider';
import { LogNotificationProvider } from './log-notification.provider';
import type { NotificationProvider } from './notification-provider';

export function providerFor(config: NotificationProviderConfig): NotificationProvider {
  if (config.kind === 'http') return new HttpNotificationProvider(config);
  return new LogNotificationProvider();
}
