import { ChannelKind } from '../generated/prisma/enums';
import type { ImportLayout } from './import-fields';

// SmartStore 발주발송관리 export headers. 기본배송지 + 상세배송지 is preferred; an export that
// only has 통합배송지 (the two joined) still imports.
export const SMARTSTORE_LAYOUT: ImportLayout = {
  externalItemNo: ['상품주문번호'],
  externalOrderNo: ['주문번호'],
  orderedAt: ['주문일시', '결제일'],
  status: ['주문상태'],
  statusDetail: ['주문세부상태', '클레임상태'],
  buyerName: ['구매자명'],
  buyerPhone: ['구매자연락처'],
  recipientName: ['수취인명'],
  recipientPhone: ['수취인연락처1', '수취인연락처'],
  postalCode: ['우편번호'],
  address: ['기본배송지', '통합배송지', '배송지'],
  addressDetail: ['상세배송지'],
  channelProductId: ['상품번호'],
  productName: ['상품명'],
  optionText: ['옵션정보'],
  quantity: ['수량'],
  unitPrice: ['상품가격'],
  optionPrice: ['옵션가격'],
  amount: ['최종 상품별 총 주문금액', '상품별 총 주문금액', '총 주문금액'],
  bundleNo: ['배송비 묶음번호', '묶음배송번호'],
  courier: ['택배사'],
  trackingNo: ['송장번호'],
  memo: ['배송메세지', '배송메시지'],
};

// What a partner reseller's sheet usually looks like; an admin adjusts it per partner.
export const PARTNER_LAYOUT: ImportLayout = {
  externalItemNo: ['품목번호', '주문상세번호', '상품주문번호'],
  externalOrderNo: ['주문번호'],
  orderedAt: ['주문일', '주문일시', '주문일자'],
  recipientName: ['고객명', '수령인', '수취인명'],
  recipientPhone: ['연락처', '휴대폰', '수취인연락처'],
  postalCode: ['우편번호'],
  address: ['주소', '배송지'],
  addressDetail: ['상세주소'],
  productName: ['상품명', '품명'],
  optionText: ['옵션', '규격'],
  quantity: ['수량'],
  unitPrice: ['단가'],
  amount: ['금액', '합계'],
  memo: ['배송메모', '비고'],
  requestedDate: ['배송희망일', '희망배송일'],
};

export function defaultLayoutFor(kind: ChannelKind): ImportLayout {
  return kind === 'SMARTSTORE' ? SMARTSTORE_LAYOUT : PARTNER_LAYOUT;
}
