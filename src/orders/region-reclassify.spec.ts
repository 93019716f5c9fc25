import { createRegionLookup } from '../postal-region/region-lookup';
import { loadRegionTables } from '../postal-region/region-tables';
import {
  ItemAddressRow,
  MoveCount,
  movesByTarget,
  regionCountTable,
  regionEvents,
  regionMoves,
  rulesFingerprint,
  tallyMoves,
  topMoves,
} from './region-reclassify';

const tables = loadRegionTables();
const tablesLookup = createRegionLookup({ tables });
const gangnam = { regionSido: '서울특별시', regionSigungu: '강남구' };
const suwon = { regionSido: '경기도', regionSigungu: '수원시' };
const yongin = { regionSido: '경기도', regionSigungu: '용인시' };

const row = (id: number, orderId: number, over: Partial<ItemAddressRow>): ItemAddressRow => ({
  id,
  orderId,
  ...suwon,
  postalCode: '16514',
  address: '경기도 수원시 영통구 광교중앙로 140',
  ...over,
});

describe('re-deriving item regions', () => {
  it('keeps only the items whose region the current rules decide differently', () => {
    const lookup = tablesLookup.withOverrides(
      new Map([['16514', { sido: '경기도', sigungu: '용인시' }]]),
    );
    const moves = regionMoves(
      [
        row(1, 10, {}),
        row(2, 10, {}),
        row(3, 11, { ...gangnam, postalCode: '06236', address: '서울특별시 강남구 테헤란로 152' }),
      ],
      lookup,
    );
    expect(moves).toEqual([
      { itemId: 1, orderId: 10, from: suwon, to: yongin },
      { itemId: 2, orderId: 10, from: suwon, to: yongin },
    ]);
  });

  it('leaves an address it cannot settle without a region, as intake does', () => {
    const [move] = regionMoves([row(1, 10, { postalCode: null, address: '어딘가' })], tablesLookup);
    expect(move.to).toEqual({ regionSido: null, regionSigungu: null });
  });

  it('classifies each order once, however many items it has', () => {
    const decided = { sido: '경기도', sigungu: '용인시', source: 'exact' as const };
    const lookup = { lookup: jest.fn(() => decided), withOverrides: jest.fn() };
    regionMoves([row(1, 10, {}), row(2, 10, {}), row(3, 11, {})], lookup);
    expect(lookup.lookup).toHaveBeenCalledTimes(2);
  });

  it('groups the writes by target region', () => {
    const moves = [
      { itemId: 1, orderId: 10, from: suwon, to: yongin },
      { itemId: 2, orderId: 11, from: gangnam, to: suwon },
      { itemId: 3, orderId: 12, from: suwon, to: yongin },
    ];
    expect(movesByTarget(moves)).toEqual([
      { to: yongin, itemIds: [1, 3] },
      { to: suwon, itemIds: [2] },
    ]);
  });
});

describe('the history of a re-classification', () => {
  it('writes one system event per order naming the old and the new region', () => {
    const unknown = { regionSido: null, regionSigungu: null };
    const events = regionEvents(
      [
        { itemId: 1, orderId: 10, from: suwon, to: yongin },
        { itemId: 2, orderId: 10, from: unknown, to: yongin },
      ],
      7,
    );
    expect(events).toEqual([
      expect.objectContaining({
        orderId: 10,
        actorId: 7,
        source: 'SYSTEM',
        type: 'ADDRESS',
        fromValue: '경기도 수원시, 미분류',
        toValue: '경기도 용인시',
      }),
    ]);
  });

  it('tallies where items move, largest first', () => {
    const tally = new Map<string, MoveCount>();
    tallyMoves(tally, [{ itemId: 1, orderId: 1, from: gangnam, to: suwon }]);
    tallyMoves(tally, [
      { itemId: 2, orderId: 2, from: suwon, to: yongin },
      { itemId: 3, orderId: 3, from: suwon, to: yongin },
    ]);
    expect(topMoves(tally, 1)).toEqual([{ from: '경기도 수원시', to: '경기도 용인시', items: 2 }]);
  });
});

describe('the fingerprint of the rules', () => {
  const override = { postalCode: '16514', sido: '경기도', sigungu: '용인시', gu: null };
  const other = { postalCode: '43100', sido: '경상북도', sigungu: '의성군', gu: null };

  it('ignores the order the overrides are listed in', () => {
    expect(rulesFingerprint({ tables, overrides: [override, other] })).toBe(
      rulesFingerprint({ tables, overrides: [other, override] }),
    );
  });

  it('changes when an override or the tables change', () => {
    const base = rulesFingerprint({ tables, overrides: [override] });
    expect(rulesFingerprint({ tables, overrides: [{ ...override, sigungu: '수원시' }] })).not.toBe(
      base,
    );
    expect(rulesFingerprint({ tables: {}, overrides: [override] })).not.toBe(base);
  });
});

describe('the table of items per region', () => {
  const counts = [
    { ...gangnam, items: 3 },
    { ...suwon, items: 1 },
    { ...yongin, items: 5 },
    { regionSido: null, regionSigungu: null, items: 2 },
  ];

  it('adds up each 시/도 and counts items without a region apart', () => {
    const table = regionCountTable(counts, '-count');
    expect(table.total).toBe(11);
    expect(table.unclassified).toBe(2);
    expect(table.groups.map((g) => [g.name, g.items])).toEqual([
      ['경기도', 6],
      ['서울특별시', 3],
    ]);
    expect(table.groups[0].districts.map((d) => d.name)).toEqual(['용인시', '수원시']);
  });

  it('sorts by name in 가나다 order', () => {
    const table = regionCountTable(counts, 'name');
    expect(table.groups.map((g) => g.name)).toEqual(['경기도', '서울특별시']);
    expect(table.groups[0].districts.map((d) => d.name)).toEqual(['수원시', '용인시']);
    expect(regionCountTable(counts, '-name').groups.map((g) => g.name)).toEqual([
      '서울특별시',
      '경기도',
    ]);
  });
});
