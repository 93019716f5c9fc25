import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { CatalogSnapshot } from './catalog-snapshot';
import { CatalogVersion } from './catalog-version.service';

// A write commits before it bumps the version, so a lost bump (Redis failing in between)
// would leave every instance on the old catalog until the next write; this bounds that.
export const SNAPSHOT_MAX_AGE_MS = 60_000;

export function isSnapshotCurrent(snapshot: CatalogSnapshot, version: string, now: Date): boolean {
  return (
    snapshot.version === version &&
    now.getTime() - snapshot.loadedAt.getTime() < SNAPSHOT_MAX_AGE_MS
  );
}

@Injectable()
export class CatalogCache {
  private snapshot?: CatalogSnapshot;
  // Requests arriving while a snapshot loads share that load instead of each querying.
  private loading?: { version: string; promise: Promise<CatalogSnapshot> };

  constructor(
    private readonly prisma: PrismaService,
    private readonly version: CatalogVersion,
  ) {}

  async get(now = new Date()): Promise<CatalogSnapshot> {
    const version = await this.version.current();
    if (this.snapshot && isSnapshotCurrent(this.snapshot, version, now)) return this.snapshot;
    if (this.loading?.version !== version) {
      this.loading = { version, promise: this.load(version) };
    }
    return this.loading.promise;
  }

  // The version is read before the rows: a write that commits during the load bumps the
  // version afterwards, so this snapshot is replaced on the next request rather than kept.
  private async load(version: string): Promise<CatalogSnapshot> {
    try {
      // One transaction, so the three reads see the same moment (no product without its category).
      const [categories, products, options] = await this.prisma.$transaction([
        this.prisma.category.findMany({
          select: { id: true, name: true, sortOrder: true, deletedAt: true },
        }),
        this.prisma.product.findMany({
          select: {
            id: true,
            code: true,
            name: true,
            categoryId: true,
            price: true,
            deliveryMethod: true,
            deletedAt: true,
          },
        }),
        this.prisma.productOption.findMany({
          select: {
            id: true,
            productId: true,
            name: true,
            extraPrice: true,
            sortOrder: true,
            deletedAt: true,
          },
        }),
      ]);
      const snapshot = new CatalogSnapshot(version, { categories, products, options }, new Date());
      if (this.loading?.version === version) this.snapshot = snapshot;
      return snapshot;
    } finally {
      if (this.loading?.version === version) this.loading = undefined;
    }
  }
}
