import type { NotificationProviderConfig } from '../config/app-config';
import type {
  NotificationProvider,
  OutgoingMessage,
  ProviderResult,
} from './notification-provider';

type HttpConfig = Extract<NotificationProviderConfig, { kind: 'http' }>;

const REPLY_LIMIT = 1000;

// Posts {id, to, event, body} as JSON; any 2xx answer means the gateway took the message. The id
// doubles as an idempotency key: a message is sent at least once, and a sender that stopped
// mid-send makes the next one post it again.
export class HttpNotificationProvider implements NotificationProvider {
  readonly name = 'http';

  constructor(private readonly config: Omit<HttpConfig, 'kind'>) {}

  async send(message: OutgoingMessage): Promise<ProviderResult> {
    const { url, token, timeoutMs } = this.config;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `notification-${message.id}`,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({
          id: message.id,
          to: message.to,
          event: message.event,
          body: message.body,
        }),
        // Covers reading the answer too: a gateway that never finishes cannot hold a sender.
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = (await res.text()).trim();
      return { ok: res.ok, reply: clip(`HTTP ${res.status}${text ? ` ${text}` : ''}`) };
    } catch (error) {
      return { ok: false, reply: failureReply(error, timeoutMs) };
    }
  }
}

// Why there was no answer, in words a clerk can act on, with the technical cause beside them.
export function failureReply(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `시간 초과: ${timeoutMs}ms 안에 응답이 없습니다`;
  }
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  return clip(`연결 실패: ${describe(cause)}`);
}

// Duck-typed: fetch's errors come from Node's own realm, where `instanceof Error` can fail.
function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { message, code } = error as { message?: unknown; code?: unknown };
  if (typeof message === 'string' && message) return message;
  return typeof code === 'string' ? code : String(error);
}

const clip = (text: string) =>
  text.length > REPLY_LIMIT ? `${text.slice(0, REPLY_LIMIT)}…` : text;
