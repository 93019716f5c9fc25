// The kinds of change the order history timeline shows, with their Korean labels.
export const ORDER_EVENT_LABELS = {
  CREATED: '주문 등록',
  ITEM_ADDED: '품목 추가',
  STATUS: '상태 변경',
  CLAIM: '클레임',
  RECIPIENT: '수령인 변경',
  ADDRESS: '배송지 변경',
  TRACKING: '송장 등록',
  QUANTITY: '수량·금액 변경',
  MAPPING: '상품 연결',
  FINALIZE: '최종 확정',
  MEMO: '메모',
} as const;

export type OrderEventType = keyof typeof ORDER_EVENT_LABELS;

export const EVENT_SOURCE_LABELS = {
  EXCEL: '엑셀',
  FORM: '매장 주문서',
  API: '채널 연동',
  USER: '직접 수정',
  SYSTEM: '시스템',
} as const;
