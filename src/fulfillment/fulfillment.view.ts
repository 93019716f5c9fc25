import type { Channel } from '../generated/prisma/client';
import { defaultPeriod } from './period';
import type { PickLine } from './picking-list';
import { BY_COURIER, HANDED_OVER } from './smartstore-dispatch';
import { TRACKING_MAX_ROWS } from './tracking-file';
import { KEY_LABELS } from './tracking-row';
import type { TrackingOutcome, TrackingResult } from './tracking-upload.service';

const OUTCOMES: Record<TrackingOutcome, { label: string; tone: string }> = {
  SHIPPED: { label: '발송 처리', tone: 'success' },
  RETRACKED: { label: '송장 변경', tone: 'primary' },
  UNCHANGED: { label: '변경 없음', tone: 'secondary' },
  ERROR: { label: '오류', tone: 'danger' },
};

export const FULFILLMENT_LINKS = [
  {
    href: '/fulfillment/tracking',
    label: '송장 업로드',
    help: '택배사 송장 파일로 택배 상품을 한 번에 발송 처리합니다.',
  },
  {
    href: '/fulfillment/dispatch',
    label: '스마트스토어 일괄발송 파일',
    help: '발송한 상품을 스마트스토어 엑셀 일괄발송 양식으로 내려받습니다.',
  },
  {
    href: '/fulfillment/partner',
    label: '협력사 주문 내보내기',
    help: '협력사 채널의 주문을 그 협력사의 엑셀 양식으로 내려받습니다.',
  },
  {
    href: '/fulfillment/picking',
    label: '피킹 리스트',
    help: '하루 동안 배송·발송할 상품을 상품·옵션별 수량으로 모아 봅니다.',
  },
  {
    href: '/fulfillment/statements',
    label: '협력사 거래명세서',
    help: '협력사와 날짜를 골라 그날 거래분 거래명세서(PDF)를 만듭니다.',
  },
];

// The raw text of the query, shown back in the form even when it was refused.
type QueryText = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

function periodValues(query: QueryText) {
  const defaults = defaultPeriod();
  return { from: text(query.from) || defaults.from, to: text(query.to) || defaults.to };
}

export function trackingPageModel(channels: Channel[]) {
  return {
    title: '송장 업로드',
    channels,
    maxRows: TRACKING_MAX_ROWS.toLocaleString('ko-KR'),
    form: {},
    errors: {},
  };
}

export function trackingResultModel(result: TrackingResult) {
  const count = (outcome: TrackingOutcome) =>
    result.lines.filter((line) => line.outcome === outcome).length;
  return {
    title: '송장 업로드 결과',
    fileName: result.fileName,
    channelName: result.channelName ?? '전체 채널',
    counts: {
      shipped: count('SHIPPED'),
      retracked: count('RETRACKED'),
      unchanged: count('UNCHANGED'),
      error: count('ERROR'),
    },
    lines: result.lines.map((line) => ({
      rowNumber: line.rowNumber,
      keyLabel: line.key ? KEY_LABELS[line.key.kind] : '',
      keyValue: line.key?.value ?? '',
      itemNo: line.item?.externalItemNo ?? null,
      orderId: line.item?.orderId ?? null,
      itemId: line.item?.id ?? null,
      productName: line.item?.productName ?? '',
      courier: line.courier,
      trackingNo: line.trackingNo,
      outcome: line.outcome,
      outcomeLabel: OUTCOMES[line.outcome].label,
      tone: OUTCOMES[line.outcome].tone,
      message: line.message,
    })),
  };
}

export function dispatchPageModel(params: {
  query: QueryText;
  channels: Channel[];
  channel: Channel | null;
  counts: { parcels: number; handedOver: number } | null;
}) {
  return {
    title: '스마트스토어 일괄발송 파일',
    channels: params.channels,
    channelId: params.channel?.id ?? null,
    values: periodValues(params.query),
    counts: params.counts,
    byCourier: BY_COURIER,
    handedOver: HANDED_OVER,
  };
}

export function partnerPageModel(params: {
  query: QueryText;
  channels: Channel[];
  channel: Channel | null;
  headers: string[];
}) {
  return {
    title: '협력사 주문 내보내기',
    channels: params.channels,
    channelId: params.channel?.id ?? null,
    values: periodValues(params.query),
    headers: params.headers,
  };
}

export function pickingPageModel(params: { query: QueryText; day: string; lines: PickLine[] }) {
  return {
    title: '피킹 리스트',
    pickDate: text(params.query.date) || params.day,
    day: params.day,
    lines: params.lines,
    totals: {
      quantity: params.lines.reduce((sum, line) => sum + line.quantity, 0),
      items: params.lines.reduce((sum, line) => sum + line.items, 0),
    },
  };
}
