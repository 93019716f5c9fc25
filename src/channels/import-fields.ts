// The fields an order file can fill, in the words clerks use. A channel's layout maps each
// of these to the header names that channel uses (with aliases, since channels rename columns).
export const IMPORT_FIELDS = [
  { field: 'externalItemNo', label: '상품주문번호', required: true },
  { field: 'externalOrderNo', label: '주문번호', required: true },
  { field: 'orderedAt', label: '주문일시', required: true },
  { field: 'status', label: '주문상태', required: false },
  { field: 'statusDetail', label: '주문세부상태', required: false },
  { field: 'buyerName', label: '구매자명', required: false },
  { field: 'buyerPhone', label: '구매자 연락처', required: false },
  { field: 'recipientName', label: '수취인명', required: true },
  { field: 'recipientPhone', label: '수취인 연락처', required: true },
  { field: 'postalCode', label: '우편번호', required: false },
  { field: 'address', label: '주소', required: true },
  { field: 'addressDetail', label: '상세주소', required: false },
  { field: 'channelProductId', label: '채널 상품번호', required: false },
  { field: 'productName', label: '상품명', required: true },
  { field: 'optionText', label: '옵션', required: false },
  { field: 'quantity', label: '수량', required: true },
  { field: 'unitPrice', label: '단가', required: false },
  { field: 'optionPrice', label: '옵션가격', required: false },
  { field: 'amount', label: '금액', required: false },
  { field: 'bundleNo', label: '배송비 묶음번호', required: false },
  { field: 'courier', label: '택배사', required: false },
  { field: 'trackingNo', label: '송장번호', required: false },
  { field: 'memo', label: '배송메모', required: false },
  { field: 'requestedDate', label: '배송희망일', required: false },
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number]['field'];

export type ImportLayout = Partial<Record<ImportField, string[]>>;

export type RawOrderRow = Partial<Record<ImportField, string>>;

export function isImportField(value: string): value is ImportField {
  return IMPORT_FIELDS.some((f) => f.field === value);
}
