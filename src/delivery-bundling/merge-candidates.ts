import { normaliseAddress, normaliseName, normalisePhone } from '../shared/text/contact-normalise';

export interface CandidateBundle {
  id: number;
  recipientName: string;
  recipientPhone: string;
  address: string;
}

export type Agreement = 'name' | 'phone' | 'address';

export interface MergeCandidate {
  ids: [number, number];
  agree: Agreement[];
}

const PAIRS: Array<[Agreement, Agreement]> = [
  ['name', 'phone'],
  ['name', 'address'],
  ['phone', 'address'],
];

// Open stops that are probably one: recipient, phone and address agree in at least two of
// three (a typo in one of them, or two channels' bundles for one household). Found through
// one hash per pair of fields, so thousands of open bundles cost a few milliseconds.
export function mergeCandidates(bundles: readonly CandidateBundle[]): MergeCandidate[] {
  const fields = new Map(
    bundles.map((b) => [
      b.id,
      {
        name: normaliseName(b.recipientName),
        phone: normalisePhone(b.recipientPhone),
        address: normaliseAddress(b.address),
      } as Record<Agreement, string>,
    ]),
  );
  const found = new Map<string, MergeCandidate>();
  for (const [x, y] of PAIRS) {
    const groups = new Map<string, number[]>();
    for (const b of bundles) {
      const f = fields.get(b.id)!;
      if (!f[x] || !f[y]) continue;
      const key = `${f[x]}\u0000${f[y]}`;
      groups.set(key, [...(groups.get(key) ?? []), b.id]);
    }
    for (const ids of groups.values()) {
      const sorted = [...ids].sort((a, b) => a - b);
      for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length; j++) {
          const pair: [number, number] = [sorted[i], sorted[j]];
          const a = fields.get(pair[0])!;
          const b = fields.get(pair[1])!;
          const agree = (['name', 'phone', 'address'] as const).filter((k) => a[k] === b[k]);
          found.set(pair.join(':'), { ids: pair, agree });
        }
      }
    }
  }
  return [...found.values()].sort((p, q) => p.ids[0] - q.ids[0] || p.ids[1] - q.ids[1]);
}
