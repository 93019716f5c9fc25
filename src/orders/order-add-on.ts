// The 상품주문번호 an add-on gets: the order's number with -A1, -A2, … so that it is unique in
// the channel, reads as belonging to the order, and never collides with the channel's own
// numbers (which have no such suffix).
export function nextAddOnItemNo(
  externalOrderNo: string,
  takenItemNos: readonly string[],
  maxLength = 50,
): string | null {
  const prefix = `${externalOrderNo}-A`;
  const used = takenItemNos
    .filter((no) => no.startsWith(prefix) && /^\d+$/.test(no.slice(prefix.length)))
    .map((no) => Number(no.slice(prefix.length)));
  const next = `${prefix}${Math.max(0, ...used) + 1}`;
  return next.length <= maxLength ? next : null;
}
