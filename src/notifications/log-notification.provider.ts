import type { NotificationProvider, ProviderResult } from './notification-provider';

export const LOG_ONLY_REPLY = '기록만 함 (발송 안 함)';

// Development and demos: the message is kept in the log as if sent, and nobody's phone rings.
export class LogNotificationProvider implements NotificationProvider {
  readonly name = 'log';

  send(): Promise<ProviderResult> {
    return Promise.resolve({ ok: true, reply: LOG_ONLY_REPLY });
  }
}
