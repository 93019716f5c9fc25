import type { RawOrderRow } from '../channels/import-fields';
import { DEMO_PRODUCTS } from './demo-catalog';
import {
  DELIVERY_MESSAGES,
  SAMPLE_ADDRESSES,
  addressDetail,
  koreanName,
  mobileNumber,
} from './korean-sample-data';
import { SeededRandom } from './seeded-random';
import { seoulWallClock } from '../shared/text/seoul-time';

export type DemoChannel = 'smartstore' | 'showroom' | 'hanbit';

const SMARTSTORE_STATUSES: Array<[status: string, detail: string, weight: number]> = [
  ['결제완료', '신규주문', 30],
  ['결제완료', '발주확인', 15],
  ['배송중', '', 15],
  ['배송완료', '', 15],
  ['구매확정', '', 12],
  ['취소', '취소요청', 4],
  ['반품', '반품요청', 5],
  ['교환', '교환요청', 4],
];
const COURIERS = ['CJ대한통운', '한진택배', '롯데택배'];
const DAY = 86_400_000;

// Seoul wall-clock text, as order files carry it.
function seoulText(date: Date, withTime = true): string {
  const text = seoulWallClock(date);
  return withTime ? text : text.slice(0, 10);
}

function weighted<T extends [...unknown[], number]>(random: SeededRandom, items: T[]): T {
  const total = items.reduce((sum, item) => sum + (item.at(-1) as number), 0);
  let ticket = random.next() * total;
  for (const item of items) {
    ticket -= item.at(-1) as number;
    if (ticket < 0) return item;
  }
  return items[items.length - 1];
}

// A few weeks of believable orders for one channel, in the shape the intake pipeline reads,
// so the demo desk is filled by the same pipeline real files go through.
export function* demoOrderRows(params: {
  channel: DemoChannel;
  orders: number;
  now: Date;
  seed: number;
}): Generator<{ rowNumber: number; raw: RawOrderRow }> {
  const random = new SeededRandom(params.seed);
  let rowNumber = 1;
  for (let o = 0; o < params.orders; o++) {
    const orderedAt = new Date(params.now.getTime() - random.int(0, 21 * DAY));
    const orderNo =
      params.channel === 'smartstore'
        ? `20261${String(100000000 + params.seed * 1000 + o).padStart(10, '0')}`
        : `${params.channel === 'showroom' ? 'S' : 'HB'}-DEMO-${String(o + 1).padStart(4, '0')}`;
    const place = random.pick(SAMPLE_ADDRESSES);
    const recipient = koreanName(random);
    const phone = mobileNumber(random);
    const [status, statusDetail] =
      params.channel === 'smartstore' ? weighted(random, SMARTSTORE_STATUSES) : ['', ''];
    const shipped = ['배송중', '배송완료', '구매확정', '반품', '교환'].includes(status);
    const requested = new Date(params.now.getTime() + random.int(-2, 10) * DAY);
    const detail = addressDetail(random);
    const memo = random.pick(DELIVERY_MESSAGES);
    const items = random.int(1, 3);
    for (let i = 0; i < items; i++) {
      const product = random.pick(DEMO_PRODUCTS);
      const option = random.pick(product.options);
      const quantity = product.price < 200_000 ? random.int(1, 2) : 1;
      yield {
        rowNumber: ++rowNumber,
        raw: {
          externalItemNo:
            params.channel === 'smartstore' ? `${orderNo}${i}` : `${orderNo}-${i + 1}`,
          externalOrderNo: orderNo,
          orderedAt: seoulText(orderedAt),
          status,
          statusDetail,
          buyerName: recipient,
          recipientName: recipient,
          recipientPhone: phone,
          postalCode: place.postalCode,
          address: place.base,
          addressDetail: detail,
          productName: product.name,
          optionText: option.name,
          quantity: String(quantity),
          unitPrice: String(product.price + option.extraPrice),
          bundleNo: params.channel === 'smartstore' ? orderNo : '',
          courier: shipped && product.method === 'COURIER' ? random.pick(COURIERS) : '',
          trackingNo: shipped && product.method === 'COURIER' ? `6${random.digits(11)}` : '',
          memo,
          requestedDate: params.channel === 'smartstore' ? '' : seoulText(requested, false),
        },
      };
    }
  }
}
