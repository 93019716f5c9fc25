import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { PrismaService } from '../database/prisma.service';
import { InjectRedis } from '../redis/redis.provider';

const TIMEOUT_MS = 1500;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref(),
    ),
  ]);
}

async function probe(work: () => Promise<unknown>): Promise<string> {
  try {
    await withTimeout(work());
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 120) : 'error';
  }
}

@Injectable()
export class ReadinessService {
  constructor(
    private readonly prisma: PrismaService,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async check(): Promise<{ database: string; redis: string }> {
    const [database, redis] = await Promise.all([
      probe(() => this.prisma.$queryRaw`SELECT 1`),
      probe(() => this.redis.ping()),
    ]);
    return { database, redis };
  }
}
