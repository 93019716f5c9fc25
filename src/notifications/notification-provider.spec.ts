import { HttpNotificationProvider, failureReply } from './http-notification.provider';
import { LOG_ONLY_REPLY, LogNotificationProvider } from './log-notification.provider';
import { providerFor } from './notification-provider.factory';

describe('providerFor', () => {
  it('only records messages by default', async () => {
    const provider = providerFor({ kind: 'log' });
    expect(provider).toBeInstanceOf(LogNotificationProvider);
    expect(provider.name).toBe('log');
    await expect(provider.send({ id: 1, to: '010', event: 'SHIPPED', body: '…' })).resolves.toEqual(
      { ok: true, reply: LOG_ONLY_REPLY },
    );
  });

  it('posts to the configured gateway when the HTTP provider is chosen', () => {
    const provider = providerFor({ kind: 'http', url: 'https://sms.example.kr', timeoutMs: 1000 });
    expect(provider).toBeInstanceOf(HttpNotificationProvider);
    expect(provider.name).toBe('http');
  });
});

describe('failureReply', () => {
  it('names a timeout with the time waited', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(failureReply(timeout, 500)).toBe('시간 초과: 500ms 안에 응답이 없습니다');
  });

  it('gives the network cause of a failed connection', () => {
    const refused = new TypeError('fetch failed', {
      cause: new Error('connect ECONNREFUSED 127.0.0.1:9'),
    });
    expect(failureReply(refused, 500)).toBe('연결 실패: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('falls back to the error code when the cause carries no message', () => {
    const cause = Object.assign(new Error(''), { code: 'ECONNREFUSED' });
    expect(failureReply(new TypeError('fetch failed', { cause }), 500)).toBe(
      '연결 실패: ECONNREFUSED',
    );
  });

  it('keeps a very long cause short enough for the log', () => {
    const reply = failureReply(new Error('x'.repeat(5000)), 500);
    expect(reply.length).toBeLessThanOrEqual(1001);
  });
});
