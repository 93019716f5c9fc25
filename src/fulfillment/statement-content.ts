import type { AppConfig } from '../config/app-config';
import type { StatementItem } from '../orders/order-statement-data.service';
import { formatDate } from '../shared/views/formatting';

export type Supplier = AppConfig['company'];

export interface StatementLine {
  productName: string;
  optionName: string | null;
  // The order the line belongs to, on statements that gather several orders.
  reference: string | null;
  quantity: number;
  // Null when no whole-won unit price gives the line's amount (a finalised item whose agreed
  // amount is not its quantity times a price): the amount is what counts.
  unitPrice: number | null;
  amount: number;
}

export interface Statement {
  number: string;
  tradeDate: string;
  issuedOn: string;
  supplier: Supplier;
  buyer: { name: string; phone: string | null; note: string | null };
  lines: StatementLine[];
  totalQuantity: number;
  totalAmount: number;
}

export function statementLineOf(item: StatementItem, withReference: boolean): StatementLine {
  return {
    productName: item.productName,
    optionName: item.optionName,
    reference: withReference ? item.externalOrderNo : null,
    quantity: item.quantity,
    unitPrice: unitPriceOf(item),
    amount: item.amount,
  };
}

function unitPriceOf({ quantity, unitPrice, amount }: StatementItem): number | null {
  if (quantity * unitPrice === amount) return unitPrice;
  return amount % quantity === 0 ? amount / quantity : null;
}

export function statementOf(params: {
  number: string;
  tradeDate: string;
  supplier: Supplier;
  buyer: Statement['buyer'];
  lines: StatementLine[];
  now?: Date;
}): Statement {
  const { lines, now = new Date(), ...rest } = params;
  return {
    ...rest,
    issuedOn: formatDate(now),
    lines,
    totalQuantity: lines.reduce((sum, line) => sum + line.quantity, 0),
    totalAmount: lines.reduce((sum, line) => sum + line.amount, 0),
  };
}

// Printing the same statement again gives the same number: one per order, one per partner
// and day.
export const orderStatementNumber = (orderId: number) => `O-${String(orderId).padStart(8, '0')}`;

export const partnerStatementNumber = (channelId: number, day: string) =>
  `P${String(channelId).padStart(3, '0')}-${day.replace(/-/g, '')}`;

// The name a Korean browser saves; the ASCII one is for clients that ignore filename*.
export function statementFileName(number: string, buyer: string) {
  const safeBuyer = buyer.replace(/[\\/:*?"<>|\s]+/g, '_');
  return { ascii: `statement-${number}.pdf`, korean: `거래명세서-${safeBuyer}-${number}.pdf` };
}
