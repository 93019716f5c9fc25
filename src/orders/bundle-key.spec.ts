import { bundleKeyOf } from './bundle-key';

const base = {
  channelId: 2,
  recipientName: '김민준',
  recipientPhone: '010-1234-5678',
  address: '서울특별시 강남구 테헤란로 152, 101동 1203호',
};

describe('the bundle key', () => {
  it("uses the channel's own bundle number when it has one", () => {
    expect(bundleKeyOf({ ...base, channelId: 1, bundleNo: '2026112400012345' })).toBe(
      '1:no:2026112400012345',
    );
  });

  it('groups showroom orders by recipient, phone and address, however they were typed', () => {
    const a = bundleKeyOf(base);
    const b = bundleKeyOf({
      ...base,
      recipientName: '김 민준',
      recipientPhone: '01012345678',
      address: '서울 강남구 테헤란로 152 101동 1203호',
    });
    expect(a).toBe(b);
  });

  it('separates different recipients at the same address', () => {
    expect(bundleKeyOf(base)).not.toBe(bundleKeyOf({ ...base, recipientName: '이서연' }));
  });

  it('keeps an order marked do-not-combine on its own', () => {
    expect(bundleKeyOf({ ...base, orderId: 77, doNotCombine: true })).toBe('2:order:77');
  });
});
