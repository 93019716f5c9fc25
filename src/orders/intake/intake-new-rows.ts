import type { ListingRef } from '../../channels/listings.service';
import type { CatalogProduct } from '../../catalog/catalog-snapshot';
import { DeliveryMethod, ItemStatus } from '../../generated/prisma/enums';
import type { RegionResult } from '../../postal-region/region-types';
import { bundleKeyOf } from '../bundle-key';
import { lifeDateOf } from '../order-status';
import type { IntakeRow } from './intake-row';
import type { NewItem, NewOrder } from './intake-writer';

// A file row as the order and order item it creates, cut to the columns' lengths.
export function newOrderOf(channelId: number, row: IntakeRow): NewOrder {
  return {
    channelId,
    externalOrderNo: row.externalOrderNo,
    orderedAt: row.orderedAt,
    buyerName: row.buyerName.slice(0, 100),
    buyerPhone: row.buyerPhone,
    recipientName: row.recipientName.slice(0, 100),
    recipientPhone: row.recipientPhone.slice(0, 30),
    postalCode: row.postalCode?.slice(0, 10) ?? null,
    address: row.address.slice(0, 300),
    addressDetail: row.addressDetail?.slice(0, 200) ?? null,
    memo: row.memo?.slice(0, 500) ?? null,
    requestedDate: row.requestedDate,
    totalAmount: row.amount,
  };
}

export function newItemOf(params: {
  channelId: number;
  // 0 for an order this run creates: its id is known once its insert returns.
  orderId: number;
  doNotCombine?: boolean;
  row: IntakeRow;
  listing: ListingRef;
  product: CatalogProduct | undefined;
  region: RegionResult;
  now: Date;
}): NewItem {
  const { channelId, orderId, doNotCombine, row, listing, product, region, now } = params;
  const status: ItemStatus = row.channelStatus?.status ?? 'NEW';
  const completedAt = status === 'DELIVERED' || status === 'COMPLETED' ? now : null;
  return {
    orderId,
    channelId,
    externalItemNo: row.externalItemNo,
    listingId: listing.id > 0 ? listing.id : null,
    productId: listing.productId,
    optionId: listing.optionId,
    productName: row.productName.slice(0, 200),
    optionName: row.optionText?.slice(0, 300) ?? null,
    quantity: row.quantity,
    unitPrice: row.unitPrice,
    amount: row.amount,
    status,
    claimType: row.channelStatus?.claimType ?? null,
    deliveryMethod: product?.deliveryMethod ?? DeliveryMethod.OWN_TEAM,
    bundleNo: row.bundleNo,
    bundleKey: bundleKeyOf({
      channelId,
      bundleNo: row.bundleNo,
      recipientName: row.recipientName,
      recipientPhone: row.recipientPhone,
      address: [row.address, row.addressDetail].filter(Boolean).join(' '),
      orderId,
      doNotCombine,
    }),
    courier: row.courier,
    trackingNo: row.trackingNo,
    regionSido: region.ambiguous ? null : region.sido,
    regionSigungu: region.ambiguous ? null : region.sigungu,
    orderedAt: row.orderedAt,
    scheduledDate: row.requestedDate,
    completedAt,
    lifeDate: lifeDateOf({
      status,
      completedAt,
      scheduledDate: row.requestedDate,
      orderedAt: row.orderedAt,
    }),
    needsReview: listing.needsReview,
  };
}
