import { courierName } from './courier-names';

// The cells of one tracking-file row that we read, as text.
export interface TrackingCells {
  itemNo?: string;
  orderNo?: string;
  courier?: string;
  trackingNo?: string;
}

// 상품주문번호 names one item; 주문번호 names every courier item of the order.
export interface TrackingKey {
  kind: 'item' | 'order';
  value: string;
}

export type TrackingRow =
  | { rowNumber: number; key: TrackingKey; courier: string; trackingNo: string; error?: undefined }
  | { rowNumber: number; key: TrackingKey | null; error: string };

export const KEY_LABELS: Record<TrackingKey['kind'], string> = {
  item: '상품주문번호',
  order: '주문번호',
};

// What Excel shows for a long number it was not told is text; the digits are lost by then.
const EXPONENT = /^\d+(\.\d+)?e\+?\d+$/i;
// Couriers print numbers in groups ("6012-3456-7890"); the number itself is letters and digits.
const TRACKING_NO = /^[0-9A-Za-z]{6,30}$/;
const MAX_COURIER_LENGTH = 50;

const exponentMessage = (label: string, text: string) =>
  `${label}가 지수 형식(${text})으로 바뀌어 있습니다. 엑셀에서 열 서식을 텍스트로 바꿔 다시 저장하세요.`;

export function parseTrackingRow(rowNumber: number, cells: TrackingCells): TrackingRow {
  const itemNo = cells.itemNo?.trim() ?? '';
  const orderNo = cells.orderNo?.trim() ?? '';
  const key: TrackingKey | null = itemNo
    ? { kind: 'item', value: itemNo }
    : orderNo
      ? { kind: 'order', value: orderNo }
      : null;
  const fail = (error: string): TrackingRow => ({ rowNumber, key, error });
  if (!key) return fail('상품주문번호(또는 주문번호)가 비어 있습니다.');
  if (EXPONENT.test(key.value)) return fail(exponentMessage(KEY_LABELS[key.kind], key.value));
  const written = cells.trackingNo?.trim() ?? '';
  if (!written) return fail('송장번호가 비어 있습니다.');
  if (EXPONENT.test(written)) return fail(exponentMessage('송장번호', written));
  const trackingNo = written.replace(/[\s-]/g, '');
  if (!TRACKING_NO.test(trackingNo)) return fail(`송장번호 형식이 올바르지 않습니다: ${written}`);
  const courier = courierName(cells.courier ?? '');
  if (!courier) return fail('택배사가 비어 있습니다.');
  if (courier.length > MAX_COURIER_LENGTH) {
    return fail(`택배사 이름은 ${MAX_COURIER_LENGTH}자 이내여야 합니다.`);
  }
  return { rowNumber, key, courier, trackingNo };
}

const keyText = (key: TrackingKey) => `${key.kind}:${key.value}`;

// A number written twice may carry two different parcels, and which one is right cannot be
// told from the file: every row of such a number is refused, so the clerk fixes the file.
export function refuseRepeatedKeys(rows: readonly TrackingRow[]): TrackingRow[] {
  const rowsOfKey = new Map<string, number[]>();
  for (const row of rows) {
    if (!row.key) continue;
    const list = rowsOfKey.get(keyText(row.key)) ?? [];
    list.push(row.rowNumber);
    rowsOfKey.set(keyText(row.key), list);
  }
  return rows.map((row) => {
    const seen = row.key ? rowsOfKey.get(keyText(row.key))! : [];
    if (!row.key || seen.length < 2 || row.error) return row;
    return {
      rowNumber: row.rowNumber,
      key: row.key,
      error: `같은 ${KEY_LABELS[row.key.kind]}가 파일에 여러 번 있습니다(${seen.join(', ')}행). 한 행만 남겨 주세요.`,
    };
  });
}
