import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import { InjectRedis } from '../redis/redis.provider';

// Set-if-missing and increment in one step, so a write never lands on a half-seeded key.
const BUMP = `redis.call('SET', KEYS[1], ARGV[1], 'NX')
return redis.call('INCR', KEYS[1])`;

// The catalog's version, shared by every app instance through Redis: each write increments
// it, and an instance whose snapshot carries another version reloads.
@Injectable()
export class CatalogVersion {
  private readonly key: string;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    @InjectConfig() config: AppConfig,
  ) {
    this.key = `${config.redis.keyPrefix}catalog:version`;
  }

  // A lost key (Redis restarted or flushed) is seeded from the clock rather than starting
  // again at 1, which could repeat a version some instance still holds.
  async current(): Promise<string> {
    const version = await this.redis.get(this.key);
    if (version !== null) return version;
    await this.redis.set(this.key, seed(), 'NX');
    return (await this.redis.get(this.key)) ?? seed();
  }

  async bump(): Promise<void> {
    await this.redis.eval(BUMP, 1, this.key, seed());
  }
}

const seed = () => String(Date.now());
