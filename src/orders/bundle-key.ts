import { normaliseAddress, normaliseName, normalisePhone } from '../shared/text/contact-normalise';

// What one delivery stop carries. A channel that groups items itself (SmartStore's
// 배송비 묶음번호) is trusted; for showroom and partner orders the same recipient, phone and
// address make one stop. An order marked "do not combine" is a stop of its own.
export function bundleKeyOf(params: {
  channelId: number;
  bundleNo?: string | null;
  recipientName: string;
  recipientPhone: string;
  address: string;
  orderId?: number;
  doNotCombine?: boolean;
}): string {
  const { channelId, bundleNo, doNotCombine, orderId } = params;
  if (doNotCombine && orderId !== undefined) return `${channelId}:order:${orderId}`;
  if (bundleNo?.trim()) return `${channelId}:no:${bundleNo.trim()}`;
  const who = normaliseName(params.recipientName);
  const phone = normalisePhone(params.recipientPhone);
  return `${channelId}:to:${who}|${phone}|${normaliseAddress(params.address)}`.slice(0, 191);
}
