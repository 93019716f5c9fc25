import { SheetStop, districtSheets, sheetRowsOf } from './run-sheet';

const stop = (position: number, sido: string | null, sigungu: string | null): SheetStop => ({
  position,
  recipientName: `수령인${position}`,
  recipientPhone: '010-1234-5678',
  postalCode: '06236',
  address: '서울특별시 강남구 테헤란로 152',
  regionSido: sido,
  regionSigungu: sigungu,
  requestedDate: '2026-12-01',
  memo: null,
  deliveries: [],
  pickups: [],
});

const positions = (sheets: ReturnType<typeof districtSheets<SheetStop>>) =>
  sheets.map((s) => [s.name, s.stops.map((x) => x.position)]);

describe('run sheet by district', () => {
  it('makes a worksheet per 시/군/구 in the order the run reaches them, stops in run order', () => {
    const sheets = districtSheets([
      stop(1, '서울특별시', '강남구'),
      stop(2, '서울특별시', '서초구'),
      stop(3, '서울특별시', '강남구'),
      stop(4, '경기도', '성남시'),
    ]);
    expect(positions(sheets)).toEqual([
      ['강남구', [1, 3]],
      ['서초구', [2]],
      ['성남시', [4]],
    ]);
  });

  it('names a 구 found in two 시/도 with its 시/도, and an unsettled region as such', () => {
    const sheets = districtSheets([
      stop(1, '서울특별시', '중구'),
      stop(2, '부산광역시', '중구'),
      stop(3, '세종특별자치시', null),
      stop(4, null, null),
    ]);
    expect(sheets.map((s) => s.name)).toEqual([
      '서울특별시 중구',
      '부산광역시 중구',
      '세종특별자치시',
      '지역 미확인',
    ]);
  });

  it('keeps worksheet names within what Excel accepts and never repeats one', () => {
    const long = '가'.repeat(40);
    const sheets = districtSheets([
      stop(1, '서울', `${long}A`),
      stop(2, '서울', `${long}B`),
      stop(3, '경기', 'a/b:c'),
    ]);
    expect(sheets.map((s) => s.name)).toEqual(['가'.repeat(31), `${'가'.repeat(27)} (2)`, 'a b c']);
  });

  it('writes a row per item, deliveries first, each pickup marked as such', () => {
    const rows = sheetRowsOf({
      ...stop(2, '서울특별시', '강남구'),
      deliveries: [
        {
          productName: '모션베드 M1',
          optionName: '퀸',
          quantity: 1,
          orderNo: 'S-1',
          pickupLabel: '',
        },
      ],
      pickups: [
        {
          productName: '라텍스 베개',
          optionName: null,
          quantity: 2,
          orderNo: 'S-0',
          pickupLabel: '반품 회수',
        },
      ],
    });
    expect(rows.map((r) => [r.position, r.kind, r.productName, r.quantity])).toEqual([
      [2, '배송', '모션베드 M1', 1],
      [2, '반품 회수', '라텍스 베개', 2],
    ]);
  });
});
