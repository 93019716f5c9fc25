import { HeaderItem, bundleHeaderOf } from './bundle-header';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

const member = (orderId: number, over: Partial<HeaderItem> = {}): HeaderItem => ({
  channelId: 1,
  scheduledDate: null,
  regionSido: '서울특별시',
  regionSigungu: '강남구',
  order: {
    id: orderId,
    orderedAt: new Date(`2026-11-2${orderId}T01:00:00Z`),
    recipientName: `수령인${orderId}`,
    recipientPhone: `010-0000-000${orderId}`,
    postalCode: '06236',
    address: '서울특별시 강남구 테헤란로 152',
    addressDetail: `${orderId}01호`,
    memo: `메모${orderId}`,
    requestedDate: day(`2026-12-0${orderId}`),
  },
  ...over,
});

describe('bundle header', () => {
  it('takes recipient, phone, address and memo from the latest order', () => {
    const header = bundleHeaderOf([member(1), member(3), member(2)])!;
    expect(header).toMatchObject({
      recipientName: '수령인3',
      recipientPhone: '010-0000-0003',
      address: '서울특별시 강남구 테헤란로 152 301호',
      memo: '메모3',
    });
  });

  it('is due on the earliest scheduled item, else on the earliest requested day', () => {
    const scheduled = bundleHeaderOf([
      member(1, { scheduledDate: day('2026-12-05') }),
      member(2, { scheduledDate: day('2026-12-03') }),
    ]);
    expect(scheduled?.scheduledDate).toEqual(day('2026-12-03'));
    expect(bundleHeaderOf([member(2), member(3)])?.scheduledDate).toEqual(day('2026-12-02'));
  });

  it('has no header without members', () => {
    expect(bundleHeaderOf([])).toBeNull();
  });
});
