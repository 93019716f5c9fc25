import { CandidateBundle, mergeCandidates } from './merge-candidates';

const bundle = (id: number, over: Partial<CandidateBundle> = {}): CandidateBundle => ({
  id,
  recipientName: '김민준',
  recipientPhone: '010-1234-5678',
  address: '서울특별시 강남구 테헤란로 152 101호',
  ...over,
});

describe('merge candidates', () => {
  it('proposes two stops whose name and phone agree though the address was typed differently', () => {
    expect(
      mergeCandidates([bundle(1), bundle(2, { address: '서울 강남구 테헤란로 152, 1층' })]),
    ).toEqual([{ ids: [1, 2], agree: ['name', 'phone'] }]);
  });

  it('proposes stops agreeing on name and address, or on phone and address', () => {
    expect(
      mergeCandidates([
        bundle(1),
        bundle(2, { recipientPhone: '010 9999 0000' }),
        bundle(3, { recipientName: '김 민준 님', recipientPhone: '01099990000' }),
      ]),
    ).toEqual([
      { ids: [1, 2], agree: ['name', 'address'] },
      { ids: [2, 3], agree: ['phone', 'address'] },
    ]);
  });

  it('ignores spacing, hyphens and the spelled-out 서울특별시 when comparing', () => {
    const pairs = mergeCandidates([
      bundle(1, { recipientName: '김 민준', recipientPhone: '01012345678' }),
      bundle(2, { address: '서울 강남구 테헤란로152 101호', recipientPhone: '010-0000-0000' }),
    ]);
    expect(pairs).toEqual([{ ids: [1, 2], agree: ['name', 'address'] }]);
  });

  it('proposes nothing when only one of the three agrees', () => {
    expect(
      mergeCandidates([
        bundle(1),
        bundle(2, { recipientName: '이서연', recipientPhone: '010-2222-3333' }),
      ]),
    ).toEqual([]);
  });
});
