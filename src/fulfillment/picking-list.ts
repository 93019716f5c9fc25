import type { Prisma } from '../generated/prisma/client';
import type { DeliveryMethod, ItemStatus } from '../generated/prisma/enums';
import { DELIVERY_METHOD_LABELS } from '../catalog/delivery-methods';
import type { SheetColumn } from '../shared/excel/xlsx-writer';

// Everything on its way that day; claimed items (cancelled, coming back, being exchanged) are
// not taken off the shelf.
export const PICKING_STATUSES: ItemStatus[] = [
  'NEW',
  'CONFIRMED',
  'PREPARING',
  'SHIPPED',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'COMPLETED',
];

export const PICKING_WHERE = {
  status: { in: PICKING_STATUSES },
} satisfies Prisma.OrderItemWhereInput;

export interface PickItem {
  productId: number | null;
  optionId: number | null;
  productName: string;
  optionName: string | null;
  deliveryMethod: DeliveryMethod;
  quantity: number;
  finalQuantity: number | null;
}

export interface PickLine {
  productName: string;
  optionName: string | null;
  deliveryMethod: DeliveryMethod;
  methodLabel: string;
  quantity: number;
  items: number;
}

export const PICKING_COLUMNS: SheetColumn[] = [
  { header: '상품명', key: 'productName', width: 34 },
  { header: '옵션', key: 'optionName', width: 26 },
  { header: '배송방법', key: 'methodLabel', width: 10 },
  { header: '수량', key: 'quantity', width: 8 },
  { header: '주문 건수', key: 'items', width: 10 },
];

// One line per product and option, apart for the team's truck and for parcels since they are
// staged in different places. A catalog item is counted by its id, so a renamed product is one
// line; an item not yet linked to the catalog is counted by the names the channel sent.
export function pickingTally() {
  const lines = new Map<string, PickLine>();
  return {
    add(items: Iterable<PickItem>): void {
      for (const item of items) {
        const key = [
          item.deliveryMethod,
          item.productId ?? `name:${item.productName}`,
          item.productId ? (item.optionId ?? '') : `name:${item.optionName ?? ''}`,
        ].join('|');
        const line = lines.get(key) ?? {
          productName: item.productName,
          optionName: item.optionName,
          deliveryMethod: item.deliveryMethod,
          methodLabel: DELIVERY_METHOD_LABELS[item.deliveryMethod],
          quantity: 0,
          items: 0,
        };
        line.quantity += item.finalQuantity ?? item.quantity;
        line.items += 1;
        lines.set(key, line);
      }
    },
    lines(): PickLine[] {
      return [...lines.values()].sort(
        (a, b) =>
          a.productName.localeCompare(b.productName, 'ko') ||
          (a.optionName ?? '').localeCompare(b.optionName ?? '', 'ko') ||
          a.deliveryMethod.localeCompare(b.deliveryMethod),
      );
    },
  };
}
