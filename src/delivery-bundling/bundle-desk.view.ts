import type { DeskBundle } from './bundle-desk.service';
import { BUNDLE_STATUS_LABELS } from './delivery-view';
import type { Agreement } from './merge-candidates';

const PICKUP_LABELS: Record<string, string> = { RETURN: '반품 회수', EXCHANGE: '교환 회수' };

const AGREEMENT_LABELS: Record<Agreement, string> = {
  name: '받는 분',
  phone: '연락처',
  address: '주소',
};

export function toDeskCard(bundle: DeskBundle & { late: boolean }, formFor?: number) {
  // The sync keeps only carried items in a bundle, so every item here rides on the stop.
  const carried = bundle.items;
  const open = bundle.status === 'OPEN';
  return {
    id: bundle.id,
    status: BUNDLE_STATUS_LABELS[bundle.status],
    open,
    recipientName: bundle.recipientName,
    recipientPhone: bundle.recipientPhone,
    address: bundle.address,
    region: [bundle.regionSido, bundle.regionSigungu].filter(Boolean).join(' ') || '지역 미확인',
    scheduledDate: bundle.scheduledDate?.toISOString().slice(0, 10) ?? null,
    runName: bundle.run?.name ?? null,
    late: bundle.late,
    reopenReason: bundle.reopenReason,
    items: carried.map((i) => ({
      id: i.id,
      orderId: i.orderId,
      orderNo: i.order.externalOrderNo,
      productName: i.productName,
      optionName: i.optionName,
      quantity: i.quantity,
      pickupLabel: PICKUP_LABELS[i.claimType ?? ''] ?? null,
      canSplit: open && carried.length > 1,
    })),
    canMerge: open,
    canReopen: bundle.status === 'CLOSED',
    formOpen: formFor === bundle.id,
  };
}

export function toDeskCandidate(candidate: { agree: Agreement[]; bundles: DeskBundle[] }) {
  const [into, from] = candidate.bundles;
  return {
    agree: candidate.agree.map((a) => AGREEMENT_LABELS[a]).join(' · '),
    into: summary(into),
    from: summary(from),
  };
}

function summary(bundle: DeskBundle) {
  return {
    id: bundle.id,
    recipientName: bundle.recipientName,
    recipientPhone: bundle.recipientPhone,
    address: bundle.address,
    scheduledDate: bundle.scheduledDate?.toISOString().slice(0, 10) ?? null,
    itemCount: bundle.items.length,
  };
}
