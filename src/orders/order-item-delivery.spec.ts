import { itemBundleKey, regionColumns } from './order-item-delivery';

const order = {
  id: 41,
  channelId: 2,
  recipientName: '김민준',
  recipientPhone: '010-1234-5678',
  address: '서울특별시 강남구 테헤란로 152',
  addressDetail: '101동 1203호',
  doNotCombine: false,
};

describe("an item's delivery stop", () => {
  it('groups by recipient, phone and the full address including the flat', () => {
    expect(itemBundleKey(order, { bundleNo: null })).not.toBe(
      itemBundleKey({ ...order, addressDetail: '101동 1204호' }, { bundleNo: null }),
    );
    expect(itemBundleKey(order, { bundleNo: null })).toBe(
      itemBundleKey({ ...order, id: 42, recipientPhone: '01012345678' }, { bundleNo: null }),
    );
  });

  it("keeps the channel's bundle number whatever the address says", () => {
    expect(itemBundleKey({ ...order, address: '부산' }, { bundleNo: '2026112400012345' })).toBe(
      '2:no:2026112400012345',
    );
  });

  it('puts a do-not-combine order on a stop of its own', () => {
    expect(itemBundleKey({ ...order, doNotCombine: true }, { bundleNo: '2026' })).toBe(
      '2:order:41',
    );
  });

  it('files the item under the 시/도 and 시/군/구, not the 일반구', () => {
    expect(
      regionColumns({ sido: '경기도', sigungu: '수원시', gu: '영통구', source: 'exact' }),
    ).toEqual({ regionSido: '경기도', regionSigungu: '수원시' });
  });

  it('files nothing when the region cannot be settled', () => {
    expect(
      regionColumns({ sido: '경기도', sigungu: null, ambiguous: true, source: 'address' }),
    ).toEqual({ regionSido: null, regionSigungu: null });
  });
});
