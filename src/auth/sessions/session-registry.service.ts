import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/config.provider';
import { InjectRedis } from '../../redis/redis.provider';

// Which session ids belong to which user, so a password change, role change, deactivation or
// a stolen remember-me token can end every session of that user on every app instance.
@Injectable()
export class SessionRegistry {
  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  get sessionKeyPrefix(): string {
    return `${this.config.redis.keyPrefix}sess:`;
  }

  private userKey(userId: number): string {
    return `${this.config.redis.keyPrefix}user-sessions:${userId}`;
  }

  async track(userId: number, sessionId: string): Promise<void> {
    const key = this.userKey(userId);
    await this.redis
      .multi()
      .sadd(key, sessionId)
      .pexpire(key, this.config.session.absoluteMs)
      .exec();
  }

  async forget(userId: number, sessionId: string): Promise<void> {
    await this.redis.srem(this.userKey(userId), sessionId);
  }

  async revokeAll(userId: number): Promise<number> {
    const key = this.userKey(userId);
    const ids = await this.redis.smembers(key);
    const pipeline = this.redis.multi();
    for (const id of ids) pipeline.del(`${this.sessionKeyPrefix}${id}`);
    await pipeline.del(key).exec();
    return ids.length;
  }
}
