import type { ImportField, ImportLayout } from '../channels/import-fields';
import type { SheetColumn, SheetRecord } from '../shared/excel/xlsx-writer';
import { formatDate } from '../shared/views/formatting';
import type { ClaimType, ItemStatus } from '../generated/prisma/enums';
import { CLAIM_LABELS, STATUS_LABELS } from '../orders/order-status';

// An item as a partner's sheet can show it: our fields, named as the import layout names them.
export interface PartnerItem {
  externalItemNo: string;
  productName: string;
  optionName: string | null;
  quantity: number;
  finalQuantity: number | null;
  unitPrice: number;
  amount: number;
  finalAmount: number | null;
  status: ItemStatus;
  claimType: ClaimType | null;
  bundleNo: string | null;
  courier: string | null;
  trackingNo: string | null;
  channelProductId: string | null;
  order: {
    externalOrderNo: string;
    orderedAt: Date;
    buyerName: string;
    buyerPhone: string | null;
    recipientName: string;
    recipientPhone: string;
    postalCode: string | null;
    address: string;
    addressDetail: string | null;
    memo: string | null;
    requestedDate: Date | null;
  };
}

// The partner reads its own headers back: the first name of each field the layout maps, in the
// layout's order (which is the order the admin's layout form saves).
export function partnerColumns(layout: ImportLayout): SheetColumn[] {
  return (Object.entries(layout) as Array<[ImportField, string[] | undefined]>)
    .filter(([, aliases]) => aliases?.length)
    .map(([field, aliases]) => ({ header: aliases![0], key: field, width: widthOf(field) }));
}

// Quantities and amounts are the final ones once an item was finalised: what was delivered
// and is invoiced.
export function partnerRecord(item: PartnerItem): SheetRecord {
  const { order } = item;
  const values: Record<ImportField, unknown> = {
    externalItemNo: item.externalItemNo,
    externalOrderNo: order.externalOrderNo,
    orderedAt: order.orderedAt,
    status: STATUS_LABELS[item.status],
    statusDetail: item.claimType ? CLAIM_LABELS[item.claimType] : null,
    buyerName: order.buyerName,
    buyerPhone: order.buyerPhone,
    recipientName: order.recipientName,
    recipientPhone: order.recipientPhone,
    postalCode: order.postalCode,
    address: order.address,
    addressDetail: order.addressDetail,
    channelProductId: item.channelProductId,
    productName: item.productName,
    optionText: item.optionName,
    quantity: item.finalQuantity ?? item.quantity,
    unitPrice: item.unitPrice,
    // Kept inside the unit price: we hold no separate option price.
    optionPrice: null,
    amount: item.finalAmount ?? item.amount,
    bundleNo: item.bundleNo,
    courier: item.courier,
    trackingNo: item.trackingNo,
    memo: order.memo,
    requestedDate: order.requestedDate ? formatDate(order.requestedDate) : null,
  };
  return values;
}

const WIDE: Partial<Record<ImportField, number>> = {
  address: 36,
  addressDetail: 20,
  productName: 30,
  optionText: 24,
  memo: 24,
  orderedAt: 18,
};

const widthOf = (field: ImportField) => WIDE[field] ?? 14;
