import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { optionKeyOf } from './option-key';

export interface ListingRef {
  id: number;
  productId: number | null;
  optionId: number | null;
  needsReview: boolean;
}

export interface UnseenListing {
  channelProductId: string;
  channelProductName: string;
  optionText: string;
  productId: number | null;
  optionId: number | null;
}

type Db = Prisma.TransactionClient | PrismaService;

// The channel's product id when it sends one; otherwise its product name stands in for it.
export function listingKeyOf(params: {
  channelProductId?: string | null;
  productName: string;
  optionText?: string | null;
}) {
  const productKey = (params.channelProductId?.trim() || params.productName.trim()).slice(0, 100);
  return {
    productKey,
    optionKey: optionKeyOf(params.optionText),
    key: `${productKey}\u0000${optionKeyOf(params.optionText)}`,
  };
}

@Injectable()
export class ListingsService {
  constructor(private readonly prisma: PrismaService) {}

  // All of a channel's listings in memory for one import: a few thousand rows at most, and it
  // spares one query per order row.
  async indexFor(channelId: number, db: Db = this.prisma): Promise<Map<string, ListingRef>> {
    const rows = await db.channelListing.findMany({
      where: { channelId },
      select: {
        id: true,
        channelProductId: true,
        optionKey: true,
        productId: true,
        optionId: true,
        needsReview: true,
      },
    });
    return new Map(rows.map((r) => [`${r.channelProductId}\u0000${r.optionKey}`, r]));
  }

  // Unseen products are remembered and flagged so a clerk maps them once; an exact catalog
  // match is linked at once and needs no review.
  async create(channelId: number, listing: UnseenListing, db: Db): Promise<ListingRef> {
    const { productKey, optionKey } = listingKeyOf({
      channelProductId: listing.channelProductId,
      productName: listing.channelProductName,
      optionText: listing.optionText,
    });
    const matched = listing.optionId !== null;
    return db.channelListing.create({
      data: {
        channelId,
        channelProductId: productKey,
        channelProductName: listing.channelProductName.slice(0, 255),
        optionText: listing.optionText.slice(0, 500),
        optionKey,
        productId: listing.productId,
        optionId: listing.optionId,
        autoDetected: true,
        needsReview: !matched,
      },
      select: { id: true, productId: true, optionId: true, needsReview: true },
    });
  }

  listNeedingReview() {
    return this.prisma.channelListing.findMany({
      where: { needsReview: true },
      orderBy: [{ channelId: 'asc' }, { channelProductName: 'asc' }],
      include: { channel: { select: { name: true } }, _count: { select: { items: true } } },
    });
  }

  async map(listingId: number, productId: number, optionId: number | null, db: Db = this.prisma) {
    return db.channelListing.update({
      where: { id: listingId },
      data: { productId, optionId, needsReview: false },
    });
  }
}
