import { claimOf } from '../orders/order-status';
import { ItemParcel, TrackingDecision, trackingDecision } from './tracking-decision';
import { KEY_LABELS, TrackingKey, TrackingRow } from './tracking-row';

export interface TrackedItem extends ItemParcel {
  id: number;
  version: number;
  orderId: number;
  externalItemNo: string;
  productName: string;
}

// What a number found: in how many channels, and the items it names there.
export interface KeyMatch {
  channels: number;
  items: TrackedItem[];
}

export interface PlannedLine {
  rowNumber: number;
  key: TrackingKey | null;
  item: TrackedItem | null;
  courier: string | null;
  trackingNo: string | null;
  decision: TrackingDecision;
}

const refused = (refusal: string) => ({ refusal });

// Each row of the file becomes one line per item it names (a 주문번호 names several), or one
// refused line; nothing is written here.
export function planTracking(
  rows: readonly TrackingRow[],
  matchOf: (key: TrackingKey) => KeyMatch,
): PlannedLine[] {
  const lines = rows.flatMap((row) => linesOfRow(row, matchOf));
  return refuseSharedItems(lines);
}

function linesOfRow(row: TrackingRow, matchOf: (key: TrackingKey) => KeyMatch): PlannedLine[] {
  const line = { rowNumber: row.rowNumber, key: row.key, item: null, courier: null };
  if (row.error !== undefined) return [{ ...line, trackingNo: null, decision: refused(row.error) }];
  const { key, courier, trackingNo } = row;
  const match = matchOf(key);
  const label = KEY_LABELS[key.kind];
  const refuse = (reason: string): PlannedLine[] => [
    { ...line, courier, trackingNo, decision: refused(reason) },
  ];
  if (match.channels === 0) return refuse(`등록되지 않은 ${label}입니다.`);
  if (match.channels > 1) {
    return refuse(`여러 채널에 같은 ${label}가 있습니다. 채널을 골라 다시 올려 주세요.`);
  }
  // A 주문번호 stands for the order's parcels: own-team items and claimed ones are not among them.
  const items =
    key.kind === 'item'
      ? match.items
      : match.items.filter((i) => i.deliveryMethod === 'COURIER' && !claimOf(i.status));
  if (!items.length) {
    return refuse(
      '이 주문에는 택배로 보낼 상품이 없습니다(자체 배송이거나 취소·반품된 상품뿐입니다).',
    );
  }
  return items.map((item) => ({
    ...line,
    item,
    courier,
    trackingNo,
    decision: trackingDecision(item, { courier, trackingNo }),
  }));
}

// An item named by two rows (its 상품주문번호 and its 주문번호, say) is refused on both.
function refuseSharedItems(lines: PlannedLine[]): PlannedLine[] {
  const rowsOfItem = new Map<number, Set<number>>();
  for (const { item, rowNumber } of lines) {
    if (!item) continue;
    rowsOfItem.set(item.id, (rowsOfItem.get(item.id) ?? new Set()).add(rowNumber));
  }
  return lines.map((line) => {
    const rows = line.item ? rowsOfItem.get(line.item.id)! : new Set<number>();
    if (rows.size < 2) return line;
    const others = [...rows].filter((n) => n !== line.rowNumber).join(', ');
    return {
      ...line,
      decision: refused(`같은 상품주문이 파일의 ${others}행에도 있습니다. 한 행만 남겨 주세요.`),
    };
  });
}
