import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { PrismaClient } from '../generated/prisma/client';
import { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.provider';
import { poolConfigFromUrl } from './database-url';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  constructor(@InjectConfig() config: AppConfig) {
    super({
      adapter: new PrismaMariaDb(poolConfigFromUrl(config.database.url, config.database.poolSize), {
        useTextProtocol: true,
      }),
    });
  }

  // Fail fast at start-up: an app that boots without its database only fails later, per request.
  async onModuleInit(): Promise<void> {
    await this.$queryRaw`SELECT 1`;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
