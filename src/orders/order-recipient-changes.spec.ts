import { RecipientFields, recipientChanges } from './order-recipient-changes';

const before: RecipientFields = {
  recipientName: '김민준',
  recipientPhone: '010-1234-5678',
  postalCode: '06236',
  address: '서울특별시 강남구 테헤란로 152',
  addressDetail: '101동 1203호',
  requestedDate: new Date('2026-11-20T00:00:00Z'),
  memo: null,
};

describe('the history rows of a recipient change', () => {
  it('records nothing when nothing changed', () => {
    expect(recipientChanges(before, { ...before })).toEqual([]);
  });

  it('records the name and phone as recipient changes', () => {
    const rows = recipientChanges(before, {
      ...before,
      recipientName: '이서연',
      recipientPhone: '010-9999-0000',
    });
    expect(rows).toEqual([
      {
        type: 'RECIPIENT',
        fromValue: '김민준',
        toValue: '이서연',
        detail: { field: 'recipientName', label: '수령인' },
      },
      {
        type: 'RECIPIENT',
        fromValue: '010-1234-5678',
        toValue: '010-9999-0000',
        detail: { field: 'recipientPhone', label: '연락처' },
      },
    ]);
  });

  it('records the postal code, address and delivery day as address changes', () => {
    const rows = recipientChanges(before, {
      ...before,
      postalCode: '43100',
      address: '대구광역시 군위군 군위읍 중앙길 1',
      requestedDate: new Date('2026-11-21T00:00:00Z'),
    });
    expect(rows.map((r) => [r.type, r.detail.field, r.fromValue, r.toValue])).toEqual([
      ['ADDRESS', 'postalCode', '06236', '43100'],
      ['ADDRESS', 'address', '서울특별시 강남구 테헤란로 152', '대구광역시 군위군 군위읍 중앙길 1'],
      ['ADDRESS', 'requestedDate', '2026-11-20', '2026-11-21'],
    ]);
  });

  it('treats an emptied field as removed and a new memo as added', () => {
    const rows = recipientChanges(before, {
      ...before,
      addressDetail: '',
      memo: '경비실에 맡겨 주세요',
    });
    expect(rows).toEqual([
      {
        type: 'ADDRESS',
        fromValue: '101동 1203호',
        toValue: null,
        detail: { field: 'addressDetail', label: '상세주소' },
      },
      {
        type: 'MEMO',
        fromValue: null,
        toValue: '경비실에 맡겨 주세요',
        detail: { field: 'memo', label: '메모' },
      },
    ]);
  });
});
