import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { ListingsService } from '../channels/listings.service';
import { PrismaService } from '../database/prisma.service';
import { BundlesService } from '../delivery-bundling/bundles.service';
import { DomainError } from '../shared/http/domain-error';

export interface ListingChoice {
  productId: number;
  optionId: number | null;
}

// "상품 연결 검토": a clerk maps an unseen channel product/option to the catalog once; the
// mapping is remembered for later imports and relinks the items already imported.
@Injectable()
export class ListingReviewService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly listings: ListingsService,
    private readonly catalog: CatalogService,
    private readonly bundles: BundlesService,
  ) {}

  async pending() {
    const [listings, picker] = await Promise.all([
      this.listings.listNeedingReview(),
      this.catalog.listForPicker(),
    ]);
    return { listings, picker };
  }

  async map(listingId: number, choice: ListingChoice, actorId: number): Promise<number> {
    await this.catalog.assertOrderable([choice]);
    const product = (await this.catalog.getSnapshot()).products.get(choice.productId)!;
    if (product.options.some((o) => !o.deleted) && choice.optionId === null) {
      throw new DomainError('OPTION_REQUIRED', '옵션이 있는 상품은 옵션까지 골라 주세요.');
    }
    return this.prisma.$transaction(async (tx) => {
      await this.listings.map(listingId, choice.productId, choice.optionId, tx);
      const items = await tx.orderItem.findMany({
        where: { listingId },
        select: { id: true, orderId: true, productId: true, optionId: true },
      });
      await tx.orderItem.updateMany({
        where: { listingId },
        data: {
          productId: choice.productId,
          optionId: choice.optionId,
          deliveryMethod: product.deliveryMethod,
          needsReview: false,
        },
      });
      const label = [product.name, product.options.find((o) => o.id === choice.optionId)?.name]
        .filter(Boolean)
        .join(' / ');
      await tx.orderEvent.createMany({
        data: items.map((item) => ({
          orderId: item.orderId,
          itemId: item.id,
          actorId,
          source: 'USER' as const,
          type: 'MAPPING',
          fromValue: null,
          toValue: label.slice(0, 500),
        })),
      });
      // A courier product mapped to an own-team one (or back) joins or leaves its stop.
      await this.bundles.syncOrders(
        items.map((i) => i.orderId),
        tx,
      );
      return items.length;
    });
  }
}
