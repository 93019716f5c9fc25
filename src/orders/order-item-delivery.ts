import type { RegionResult } from '../postal-region/region-types';
import { bundleKeyOf } from './bundle-key';

export interface OrderDeliveryFields {
  id: number;
  channelId: number;
  recipientName: string;
  recipientPhone: string;
  address: string;
  addressDetail: string | null;
  doNotCombine: boolean;
}

// Two flats in one building are two stops, so the address detail is part of the key. A
// channel's own bundle number still wins inside bundleKeyOf, and do-not-combine over both.
export function itemBundleKey(order: OrderDeliveryFields, item: { bundleNo: string | null }) {
  return bundleKeyOf({
    channelId: order.channelId,
    bundleNo: item.bundleNo,
    recipientName: order.recipientName,
    recipientPhone: order.recipientPhone,
    address: [order.address, order.addressDetail].filter(Boolean).join(' '),
    orderId: order.id,
    doNotCombine: order.doNotCombine,
  });
}

// The delivery view groups by 시/군/구, which is stable for cities with 일반구 (the 구 is not).
// An unsettled region is left empty rather than guessed, as intake does.
export function regionColumns(region: RegionResult) {
  if (region.ambiguous) return { regionSido: null, regionSigungu: null };
  return { regionSido: region.sido, regionSigungu: region.sigungu };
}
