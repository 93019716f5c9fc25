import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import { InjectRedis } from '../redis/redis.provider';

export interface LockState {
  locked: boolean;
  retryAfterSeconds: number;
}

// Failed logins counted in Redis, so the limit holds across every app instance: per account
// (guessing one password) and per IP (trying many accounts).
@Injectable()
export class LoginThrottle {
  private readonly byUser: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(@InjectRedis() redis: Redis, @InjectConfig() config: AppConfig) {
    const { maxPerUser, maxPerIp, lockSeconds } = config.loginThrottle;
    const common = { storeClient: redis, duration: lockSeconds, blockDuration: lockSeconds };
    this.byUser = new RateLimiterRedis({
      ...common,
      points: maxPerUser,
      keyPrefix: `${config.redis.keyPrefix}login-fail-user`,
    });
    this.byIp = new RateLimiterRedis({
      ...common,
      points: maxPerIp,
      keyPrefix: `${config.redis.keyPrefix}login-fail-ip`,
    });
  }

  async check(username: string, ip: string): Promise<LockState> {
    const [user, addr] = await Promise.all([
      this.byUser.get(username.toLowerCase()),
      this.byIp.get(ip),
    ]);
    const locked = [
      { res: user, points: this.byUser.points },
      { res: addr, points: this.byIp.points },
    ].filter((x) => x.res && x.res.consumedPoints >= x.points);
    if (!locked.length) return { locked: false, retryAfterSeconds: 0 };
    const ms = Math.max(...locked.map((x) => (x.res as RateLimiterRes).msBeforeNext));
    return { locked: true, retryAfterSeconds: Math.ceil(ms / 1000) };
  }

  // Returns whether this failure has just locked the account or the address.
  async recordFailure(username: string, ip: string): Promise<boolean> {
    const results = await Promise.allSettled([
      this.byUser.consume(username.toLowerCase()),
      this.byIp.consume(ip),
    ]);
    const unexpected = results.find(
      (r) => r.status === 'rejected' && !(r.reason instanceof RateLimiterRes),
    );
    if (unexpected) throw (unexpected as PromiseRejectedResult).reason;
    return results.some((r) => r.status === 'rejected' || r.value.remainingPoints === 0);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.byUser.delete(username.toLowerCase());
  }
}
