import type { CatalogSnapshot } from '../catalog/catalog-snapshot';
import { IMPORT_FIELDS, ImportField } from '../channels/import-fields';
import { DomainError, FieldErrors } from '../shared/http/domain-error';
import type { ShowroomItemForm, ShowroomOrderForm } from './dto/showroom-order.form';
import type { IntakeInput } from './intake/intake.pipeline';
import { seoulToday, seoulWallClock } from '../shared/text/seoul-time';

const MAX_DAILY_ORDERS = 9999;

// Showroom numbers restart every Seoul day: S-YYYYMMDD-0001.
export const showroomOrderPrefix = (now: Date) => `S-${seoulToday(now).replace(/-/g, '')}-`;

export function nextShowroomOrderNo(params: { last: string | null; now: Date }): string {
  const prefix = showroomOrderPrefix(params.now);
  const last = params.last?.startsWith(prefix) ? Number(params.last.slice(prefix.length)) : 0;
  if (last >= MAX_DAILY_ORDERS) {
    throw new DomainError(
      'SHOWROOM_ORDER_NO_FULL',
      `오늘 매장 주문번호를 모두 썼습니다 (${MAX_DAILY_ORDERS}건). 내일 다시 등록하세요.`,
    );
  }
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

// Read aloud, the number ends in a Sino-Korean digit: 일, 삼, 육, 칠, 팔, 공 take 을.
export function registeredMessage(orderNo: string): string {
  const particle = '013678'.includes(orderNo.slice(-1)) ? '을' : '를';
  return `매장 주문 ${orderNo}${particle} 등록했습니다.`;
}

export const showroomHeaderOf = (field: ImportField) =>
  IMPORT_FIELDS.find((f) => f.field === field)?.label ?? field;

// What the catalog knows and the form alone cannot check. Run after
// CatalogService.assertOrderable, which already refused unknown, deleted or mismatched items.
export function showroomFormErrors(params: {
  form: ShowroomOrderForm;
  snapshot: CatalogSnapshot;
  now: Date;
}): FieldErrors {
  const { form, snapshot, now } = params;
  const errors: FieldErrors = {};
  form.items.forEach((item, index) => {
    const options = snapshot.products.get(item.productId)?.options ?? [];
    if (item.optionId === undefined && options.some((o) => !o.deleted)) {
      errors[`items.${index}.optionId`] = '옵션을 선택하세요.';
    }
  });
  if (form.requestedDate && form.requestedDate < seoulToday(now)) {
    errors.requestedDate = '배송희망일은 오늘 이후 날짜로 입력하세요.';
  }
  return errors;
}

// The form as intake rows, one per item, each naming the catalog item the clerk picked.
export function showroomRows(params: {
  form: ShowroomOrderForm;
  snapshot: CatalogSnapshot;
  orderNo: string;
  now: Date;
}): IntakeInput[] {
  const { form, snapshot, orderNo, now } = params;
  // The buyer is the recipient unless the clerk named someone else.
  const buyerPhone = form.buyerPhone ?? (form.buyerName ? undefined : form.recipientPhone);
  return form.items.map((item, index) => {
    const { product, option, unitPrice } = priced(snapshot, item);
    return {
      rowNumber: index + 1,
      chosen: { productId: product.id, optionId: option?.id ?? null },
      raw: {
        externalOrderNo: orderNo,
        externalItemNo: `${orderNo}-${index + 1}`,
        orderedAt: seoulWallClock(now),
        buyerName: form.buyerName,
        buyerPhone,
        recipientName: form.recipientName,
        recipientPhone: form.recipientPhone,
        postalCode: form.postalCode,
        address: form.address,
        addressDetail: form.addressDetail,
        productName: product.name,
        optionText: option?.name,
        quantity: String(item.quantity),
        unitPrice: String(unitPrice),
        memo: form.memo,
        requestedDate: form.requestedDate,
      },
    };
  });
}

function priced(snapshot: CatalogSnapshot, item: ShowroomItemForm) {
  const product = snapshot.products.get(item.productId);
  if (!product) throw new Error(`product ${item.productId} is not in the catalog`);
  const option = item.optionId === undefined ? undefined : snapshot.options.get(item.optionId);
  const unitPrice = item.unitPrice ?? product.price + (option?.extraPrice ?? 0);
  return { product, option, unitPrice };
}

export interface ShowroomItemRow {
  index: number;
  productId?: string;
  optionId?: string;
  quantity?: string;
  unitPrice?: string;
  // The keys of this row's messages in the page's errors ("items.0.quantity").
  keys: Record<'productId' | 'optionId' | 'quantity' | 'unitPrice', string>;
}

// The item rows to show: the submitted ones (kept as typed), or one empty row.
export function itemRowsOf(items: unknown): ShowroomItemRow[] {
  const list = Array.isArray(items) && items.length ? (items as unknown[]) : [{ quantity: '1' }];
  return list.map((item, index) => {
    const typed = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const text = (name: string) => (typeof typed[name] === 'string' ? typed[name] : undefined);
    return {
      index,
      productId: text('productId'),
      optionId: text('optionId'),
      quantity: text('quantity'),
      unitPrice: text('unitPrice'),
      keys: {
        productId: `items.${index}.productId`,
        optionId: `items.${index}.optionId`,
        quantity: `items.${index}.quantity`,
        unitPrice: `items.${index}.unitPrice`,
      },
    };
  });
}
