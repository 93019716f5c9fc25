import type { SheetColumn, SheetRecord } from '../shared/excel/xlsx-writer';

export interface SheetItem {
  productName: string;
  optionName: string | null;
  quantity: number;
  orderNo: string;
  pickupLabel: string;
}

// One stop as the run sheet prints it; `position` is its place in the run.
export interface SheetStop {
  position: number;
  recipientName: string;
  recipientPhone: string;
  postalCode: string | null;
  address: string;
  regionSido: string | null;
  regionSigungu: string | null;
  requestedDate: string | null;
  memo: string | null;
  deliveries: SheetItem[];
  pickups: SheetItem[];
}

type Region = Pick<SheetStop, 'regionSido' | 'regionSigungu'>;

const UNSETTLED_LABEL = '지역 미확인';
// Excel's limits on a worksheet name.
const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;

// One worksheet per 시/군/구, in the order the truck reaches them, each keeping the run's
// order. A 구 name that exists in two 시/도 (중구, 동구, 강서구…) is named with its 시/도.
export function districtSheets<T extends Region>(
  stops: readonly T[],
): Array<{ name: string; stops: T[] }> {
  const groups = new Map<string, { region: Region; stops: T[] }>();
  for (const stop of stops) {
    const key = `${stop.regionSido ?? ''}|${stop.regionSigungu ?? ''}`;
    const group = groups.get(key);
    if (group) group.stops.push(stop);
    else groups.set(key, { region: stop, stops: [stop] });
  }
  const bases = [...groups.values()].map((g) => shortName(g.region));
  const taken = new Set<string>();
  return [...groups.values()].map((group, index) => {
    const shared = bases.filter((b) => b === bases[index]).length > 1;
    const wanted = shared ? fullName(group.region) : bases[index];
    return { name: uniqueName(wanted, taken), stops: group.stops };
  });
}

const shortName = (r: Region) => r.regionSigungu ?? r.regionSido ?? UNSETTLED_LABEL;
const fullName = (r: Region) =>
  [r.regionSido ?? UNSETTLED_LABEL, r.regionSigungu].filter(Boolean).join(' ');

function uniqueName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(SHEET_NAME_FORBIDDEN, ' ').trim() || UNSETTLED_LABEL;
  let name = clean.slice(0, SHEET_NAME_MAX);
  for (let n = 2; taken.has(name); n++) {
    const suffix = ` (${n})`;
    name = `${clean.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
  }
  taken.add(name);
  return name;
}

export const RUN_SHEET_COLUMNS: SheetColumn[] = [
  { header: '순서', key: 'position', width: 6 },
  { header: '수령인', key: 'recipientName', width: 10 },
  { header: '연락처', key: 'recipientPhone', width: 15 },
  { header: '우편번호', key: 'postalCode', width: 8 },
  { header: '주소', key: 'address', width: 40 },
  { header: '배송희망일', key: 'requestedDate', width: 11 },
  { header: '구분', key: 'kind', width: 9 },
  { header: '상품명', key: 'productName', width: 28 },
  { header: '옵션', key: 'optionName', width: 20 },
  { header: '수량', key: 'quantity', width: 6 },
  { header: '주문번호', key: 'orderNo', width: 20 },
  { header: '메모', key: 'memo', width: 30 },
];

// A row per item, deliveries before pickups, each carrying its stop's details so a clerk
// can filter or sort the sheet without losing where an item goes.
export function sheetRowsOf(stop: SheetStop): SheetRecord[] {
  const { deliveries, pickups, ...where } = stop;
  return [
    ...deliveries.map((item) => ({ ...where, ...item, kind: '배송' })),
    ...pickups.map((item) => ({ ...where, ...item, kind: item.pickupLabel })),
  ];
}
