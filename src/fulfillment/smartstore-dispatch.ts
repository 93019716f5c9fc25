import type { Prisma } from '../generated/prisma/client';
import type { DeliveryMethod } from '../generated/prisma/enums';
import type { SheetColumn, SheetRecord } from '../shared/excel/xlsx-writer';

// SmartStore's 엑셀 일괄발송 sheet: four columns, and the 배송방법 words its dispatch form offers.
export const DISPATCH_COLUMNS: SheetColumn[] = [
  { header: '상품주문번호', key: 'externalItemNo', width: 22 },
  { header: '배송방법', key: 'method', width: 14 },
  { header: '택배사', key: 'courier', width: 14 },
  { header: '송장번호', key: 'trackingNo', width: 18 },
];

export const BY_COURIER = '택배,등기,소포';
// Our own team hands the item over; SmartStore wants no courier or number then.
export const HANDED_OVER = '직접전달';

// Ready to report: a parcel with its number, or an own-team item that has left with the team.
export const DISPATCH_READY = {
  OR: [
    {
      deliveryMethod: 'COURIER',
      status: { in: ['SHIPPED', 'DELIVERED'] },
      courier: { not: null },
      trackingNo: { not: null },
    },
    { deliveryMethod: 'OWN_TEAM', status: { in: ['OUT_FOR_DELIVERY', 'DELIVERED'] } },
  ],
} satisfies Prisma.OrderItemWhereInput;

export interface DispatchItem {
  externalItemNo: string;
  deliveryMethod: DeliveryMethod;
  courier: string | null;
  trackingNo: string | null;
}

export function dispatchRow(item: DispatchItem): SheetRecord {
  if (item.deliveryMethod === 'OWN_TEAM') {
    return {
      externalItemNo: item.externalItemNo,
      method: HANDED_OVER,
      courier: null,
      trackingNo: null,
    };
  }
  return {
    externalItemNo: item.externalItemNo,
    method: BY_COURIER,
    courier: item.courier,
    trackingNo: item.trackingNo,
  };
}
