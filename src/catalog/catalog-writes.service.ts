import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { CatalogVersion } from './catalog-version.service';

export type Tx = Prisma.TransactionClient;

// Every catalog write runs here. The version is bumped only after the commit: an instance
// that reloads because of the new version is then certain to read the new rows.
@Injectable()
export class CatalogWrites {
  constructor(
    private readonly prisma: PrismaService,
    private readonly version: CatalogVersion,
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await this.prisma.$transaction(work);
    await this.version.bump();
    return result;
  }
}
