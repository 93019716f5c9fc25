import type { FieldErrors } from '../shared/http/domain-error';
import { formatWon } from '../shared/views/formatting';
import type { OrderEventInput } from './order-history.service';

export const FINAL_QUANTITY_MAX = 999;
export const FINAL_AMOUNT_MAX = 1_000_000_000;
// Order.totalAmount is a signed 32-bit column.
export const ORDER_TOTAL_MAX = 2_147_483_647;

const QUANTITY_MESSAGE = `최종 수량은 1~${FINAL_QUANTITY_MAX} 사이의 정수로 입력하세요.`;
const AMOUNT_MESSAGE = '최종 금액은 0원~10억 원 사이의 정수로 입력하세요.';

export interface FinalValues {
  quantity: number;
  amount: number;
}

export interface FinalizableItem {
  quantity: number;
  amount: number;
  finalQuantity: number | null;
  finalAmount: number | null;
}

export type FinalInputResult = { values: FinalValues } | { errors: FieldErrors };

// What the clerk typed: the quantity actually delivered and the amount agreed for it, money
// with or without thousands separators as the page shows it. Nothing delivered is a cancel or
// a return, not a completion, so the quantity starts at 1; a free replacement costs 0 won.
export function parseFinalInput(input: {
  finalQuantity: string;
  finalAmount: string;
}): FinalInputResult {
  const errors: FieldErrors = {};
  const quantity = wholeNumber(input.finalQuantity, /^\d+$/);
  const amount = wholeNumber(input.finalAmount, /^\d{1,3}(?:,\d{3})*$|^\d+$/);
  if (quantity === null || quantity < 1 || quantity > FINAL_QUANTITY_MAX) {
    errors.finalQuantity = QUANTITY_MESSAGE;
  }
  if (amount === null || amount > FINAL_AMOUNT_MAX) errors.finalAmount = AMOUNT_MESSAGE;
  if (quantity === null || amount === null || Object.keys(errors).length) return { errors };
  return { values: { quantity, amount } };
}

function wholeNumber(text: string, shape: RegExp): number | null {
  const trimmed = text.trim();
  return shape.test(trimmed) ? Number(trimmed.replace(/,/g, '')) : null;
}

// The quantity and amount an item counts with: the final ones once recorded.
export const effectiveQuantity = (item: FinalizableItem) => item.finalQuantity ?? item.quantity;
export const effectiveAmount = (item: FinalizableItem) => item.finalAmount ?? item.amount;

// The order's total is the sum of its items, each at its final amount where one is recorded
// (cancelled items included, as intake and add-ons count them).
export function orderTotalOf(
  items: ReadonlyArray<Pick<FinalizableItem, 'amount' | 'finalAmount'>>,
) {
  return items.reduce((sum, item) => sum + (item.finalAmount ?? item.amount), 0);
}

export interface FinalDifference {
  before: FinalValues;
  after: FinalValues;
  // Positive when the customer pays more than was counted before.
  amountChange: number;
}

export function finalDifference(item: FinalizableItem, after: FinalValues): FinalDifference {
  const before = { quantity: effectiveQuantity(item), amount: effectiveAmount(item) };
  return { before, after, amountChange: after.amount - before.amount };
}

export const describeFinal = ({ quantity, amount }: FinalValues) =>
  `수량 ${quantity} · ${formatWon(amount)}`;

export const signedWon = (amount: number) =>
  amount > 0 ? `+${formatWon(amount)}` : formatWon(amount);

// The history keeps both sides of the change on the item, and the order's total when it moved.
export function finalizeEvents(params: {
  orderId: number;
  itemId: number;
  actorId: number;
  difference: FinalDifference;
  totalBefore: number;
  totalAfter: number;
}): OrderEventInput[] {
  const { orderId, itemId, actorId, difference, totalBefore, totalAfter } = params;
  const base = { orderId, actorId, source: 'USER' as const, type: 'FINALIZE' as const };
  const events: OrderEventInput[] = [
    {
      ...base,
      itemId,
      fromValue: describeFinal(difference.before),
      toValue: describeFinal(difference.after),
      detail: {
        label: '최종 수량·금액',
        quantity: { from: difference.before.quantity, to: difference.after.quantity },
        amount: { from: difference.before.amount, to: difference.after.amount },
        amountChange: difference.amountChange,
      },
    },
  ];
  if (totalAfter !== totalBefore) {
    events.push({
      ...base,
      fromValue: formatWon(totalBefore),
      toValue: formatWon(totalAfter),
      detail: { label: '주문금액', field: 'totalAmount', from: totalBefore, to: totalAfter },
    });
  }
  return events;
}

export function finalizedMessage(itemNo: string, difference: FinalDifference): string {
  const change = difference.amountChange
    ? ` (차액 ${signedWon(difference.amountChange)})`
    : ' (차액 없음)';
  return `${itemNo}을(를) 최종 확정했습니다: ${describeFinal(difference.after)}${change}.`;
}
