import { IMPORT_FIELDS, type ImportField, type RawOrderRow } from '../../channels/import-fields';
import { withSubjectParticle } from '../../shared/text/korean';
import { ChannelStatus, channelStatusOf } from './channel-status';
import {
  formatPhone,
  parseCalendarDate,
  parseQuantity,
  parseSeoulDateTime,
  parseWon,
  WON_LIMIT,
} from './intake-values';

// The widths of the columns these cells land in. A longer cell is the row's error, not the
// whole file's: the database would refuse the batch it sits in. Product and option names are
// shortened instead, as a display name may be.
const MAX_LENGTHS: Partial<Record<ImportField, number>> = {
  externalItemNo: 50,
  externalOrderNo: 50,
  buyerName: 100,
  buyerPhone: 30,
  recipientName: 100,
  recipientPhone: 30,
  postalCode: 10,
  address: 300,
  addressDetail: 200,
  channelProductId: 100,
  optionText: 500,
  bundleNo: 50,
  courier: 50,
  trackingNo: 50,
  memo: 500,
};
const LABELS = new Map<ImportField, string>(IMPORT_FIELDS.map((f) => [f.field, f.label]));

// The catalog product/option a clerk picked on a form: linked as is, never matched by text.
export interface ChosenItem {
  productId: number;
  optionId: number | null;
}

export interface IntakeRow {
  rowNumber: number;
  externalItemNo: string;
  externalOrderNo: string;
  orderedAt: Date;
  channelStatus?: ChannelStatus;
  buyerName: string;
  buyerPhone: string | null;
  recipientName: string;
  recipientPhone: string;
  postalCode: string | null;
  address: string;
  addressDetail: string | null;
  channelProductId: string | null;
  productName: string;
  optionText: string | null;
  quantity: number;
  unitPrice: number;
  amount: number;
  bundleNo: string | null;
  courier: string | null;
  trackingNo: string | null;
  memo: string | null;
  requestedDate: Date | null;
  chosen?: ChosenItem;
}

export interface RowError {
  row: number;
  column: string;
  message: string;
}

const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

// One file row → a clean order item, or every reason it cannot be one (with the header the
// clerk sees in their file, so they can fix the cell).
export function readIntakeRow(params: {
  raw: RawOrderRow;
  rowNumber: number;
  headerOf: (field: ImportField) => string;
}): { row?: IntakeRow; errors: RowError[] } {
  const { raw, rowNumber, headerOf } = params;
  const errors: RowError[] = [];
  const fail = (field: ImportField, message: string) =>
    errors.push({ row: rowNumber, column: headerOf(field), message });
  const text = (field: ImportField) => raw[field]?.trim() ?? '';
  const required = (field: ImportField, label: string) => {
    const value = text(field);
    if (!value) fail(field, `${withSubjectParticle(label)} 비어 있습니다.`);
    return value;
  };

  for (const [field, max] of Object.entries(MAX_LENGTHS) as Array<[ImportField, number]>) {
    const value = text(field);
    if (value.length > max) {
      const label = withSubjectParticle(LABELS.get(field) ?? field);
      fail(field, `${label} 너무 깁니다 (${max}자까지): ${value.slice(0, 20)}…`);
    }
  }
  const externalItemNo = required('externalItemNo', '상품주문번호');
  const externalOrderNo = text('externalOrderNo') || externalItemNo;
  const orderedAtText = required('orderedAt', '주문일시');
  const orderedAt = orderedAtText ? parseSeoulDateTime(orderedAtText) : null;
  if (orderedAtText && !orderedAt) fail('orderedAt', `알 수 없는 날짜입니다: ${orderedAtText}`);
  const recipientName = required('recipientName', '수취인명');
  const recipientPhoneText = required('recipientPhone', '수취인 연락처');
  const address = required('address', '주소');
  const productName = required('productName', '상품명');

  const quantityText = required('quantity', '수량');
  const quantity = quantityText ? parseQuantity(quantityText) : null;
  if (quantityText && quantity === null)
    fail('quantity', `수량이 올바른 숫자가 아닙니다: ${quantityText}`);

  const money = (field: ImportField) => {
    const value = text(field);
    if (!value) return null;
    const won = parseWon(value);
    if (won === null) fail(field, `금액은 20억 원 이하의 숫자로 적어 주세요: ${value}`);
    return won;
  };
  const basePrice = money('unitPrice');
  const optionPrice = money('optionPrice') ?? 0;
  const amountGiven = money('amount');

  const channelStatus = channelStatusOf(text('status'), text('statusDetail'));
  if (channelStatus === null)
    fail(
      'status',
      `알 수 없는 주문상태입니다: ${[text('status'), text('statusDetail')].filter(Boolean).join(' / ')}`,
    );

  const requestedText = text('requestedDate');
  const requestedDate = requestedText ? parseCalendarDate(requestedText) : null;
  if (requestedText && !requestedDate)
    fail('requestedDate', `알 수 없는 날짜입니다: ${requestedText}`);

  if (errors.length || !orderedAt || quantity === null) return { errors };
  const unitPrice =
    basePrice !== null
      ? basePrice + optionPrice
      : amountGiven !== null
        ? Math.round(amountGiven / quantity)
        : 0;
  const amount = amountGiven ?? unitPrice * quantity;
  if (Math.abs(amount) > WON_LIMIT) {
    fail('amount', `금액이 20억 원을 넘습니다: 단가 ${unitPrice} × 수량 ${quantity}`);
    return { errors };
  }
  return {
    errors,
    row: {
      rowNumber,
      externalItemNo,
      externalOrderNo,
      orderedAt,
      channelStatus: channelStatus ?? undefined,
      buyerName: text('buyerName') || recipientName,
      buyerPhone: text('buyerPhone') ? formatPhone(text('buyerPhone')) : null,
      recipientName,
      recipientPhone: formatPhone(recipientPhoneText),
      postalCode: orNull(raw.postalCode),
      address,
      addressDetail: orNull(raw.addressDetail),
      channelProductId: orNull(raw.channelProductId),
      productName,
      optionText: orNull(raw.optionText),
      quantity,
      unitPrice,
      amount,
      bundleNo: orNull(raw.bundleNo),
      courier: orNull(raw.courier),
      trackingNo: orNull(raw.trackingNo),
      memo: orNull(raw.memo),
      requestedDate,
    },
  };
}
