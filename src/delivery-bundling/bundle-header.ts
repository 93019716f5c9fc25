export interface HeaderOrder {
  id: number;
  orderedAt: Date;
  recipientName: string;
  recipientPhone: string;
  postalCode: string | null;
  address: string;
  addressDetail: string | null;
  memo: string | null;
  requestedDate: Date | null;
}

export interface HeaderItem {
  channelId: number;
  scheduledDate: Date | null;
  regionSido: string | null;
  regionSigungu: string | null;
  order: HeaderOrder;
}

export interface BundleHeader {
  channelId: number;
  recipientName: string;
  recipientPhone: string;
  address: string;
  postalCode: string | null;
  regionSido: string | null;
  regionSigungu: string | null;
  memo: string | null;
  scheduledDate: Date | null;
}

const ADDRESS_MAX = 500;

// What the driver reads on the card. The latest order speaks for the stop (an add-on or a
// second order may carry a corrected phone or memo); the bundle is due on its earliest
// item's day, or the day the customer asked for when no item is scheduled yet.
export function bundleHeaderOf(members: readonly HeaderItem[]): BundleHeader | null {
  if (!members.length) return null;
  const latest = [...members].sort(
    (a, b) => b.order.orderedAt.getTime() - a.order.orderedAt.getTime() || b.order.id - a.order.id,
  )[0];
  const { order } = latest;
  return {
    channelId: latest.channelId,
    recipientName: order.recipientName,
    recipientPhone: order.recipientPhone,
    address: [order.address, order.addressDetail].filter(Boolean).join(' ').slice(0, ADDRESS_MAX),
    postalCode: order.postalCode,
    regionSido: latest.regionSido,
    regionSigungu: latest.regionSigungu,
    memo: order.memo,
    scheduledDate:
      earliest(members.map((m) => m.scheduledDate)) ??
      earliest(members.map((m) => m.order.requestedDate)),
  };
}

function earliest(dates: ReadonlyArray<Date | null>): Date | null {
  let first: Date | null = null;
  for (const date of dates) if (date && (!first || date < first)) first = date;
  return first;
}

export function sameHeader(a: BundleHeader, b: BundleHeader): boolean {
  return (Object.keys(a) as Array<keyof BundleHeader>).every((k) => {
    const x = a[k];
    const y = b[k];
    return x instanceof Date || y instanceof Date
      ? (x as Date | null)?.getTime() === (y as Date | null)?.getTime()
      : x === y;
  });
}
