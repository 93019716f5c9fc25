import { ItemStatus } from '../generated/prisma/enums';
import { canTransition } from './order-status';

type FormInput = Record<string, unknown>;

// What a failed finalize POST puts back on the detail page: the one item's submitted values.
export interface FinalizePageInput {
  finalizeForm?: { itemId: number; values: FormInput };
}

interface ItemRow {
  id: number;
  status: ItemStatus;
  quantity: number;
  amount: number;
  finalQuantity: number | null;
  finalAmount: number | null;
}

// Each item the status machine lets complete gets a finalize form, filled with what the item
// counts with now, or with what the clerk typed when the form came back with errors.
export function withFinalizeForms<Page extends { items: ItemRow[] }>(
  page: Page,
  submitted: FinalizePageInput['finalizeForm'],
): Omit<Page, 'items'> & {
  items: Array<Page['items'][number] & { finalize: FinalizeFormView | null }>;
} {
  return {
    ...page,
    items: page.items.map((item) => ({ ...item, finalize: finalizeFormOf(item, submitted) })),
  };
}

interface FinalizeFormView {
  submitted: boolean;
  finalQuantity: unknown;
  finalAmount: unknown;
}

function finalizeFormOf(
  item: ItemRow,
  submitted: FinalizePageInput['finalizeForm'],
): FinalizeFormView | null {
  if (!canTransition(item.status, 'COMPLETED')) return null;
  const values = submitted?.itemId === item.id ? submitted.values : null;
  return {
    submitted: values !== null,
    finalQuantity: values ? values.finalQuantity : (item.finalQuantity ?? item.quantity),
    finalAmount: values ? values.finalAmount : (item.finalAmount ?? item.amount),
  };
}
