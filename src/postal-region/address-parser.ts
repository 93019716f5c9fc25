import type { AddressIndex, AddressMatch, CityDetail, NameEntry } from './address-index';

const DECOMPOSED = /[\u1100-\u11ff]/;

interface Reading {
  match: AddressMatch;
  /** How many parts of the address the reading explains (시/도, 시/군/구, 일반구, 읍/면, 동). */
  score: number;
}

/**
 * Reads the 시/도 and 시/군/구 at the front of an address. Every way of reading it is kept (광주 as
 * 광주광역시 or as 경기도 광주시, 고성군 in 강원 or 경남) and the one explaining the most parts wins;
 * readings that tie and disagree are all returned, so the caller reports ambiguity instead of
 * picking one. Returns [] when nothing is recognised.
 */
export function parseAddress({
  address,
  index,
}: {
  address: string;
  index: AddressIndex;
}): AddressMatch[] {
  const text = compact(address);
  const readings: Reading[] = [];
  readNamesAt({ text, pos: 0, sido: null, index, into: readings });
  for (const [alias, sido] of index.sidoAliases.get(text.slice(0, 2)) ?? []) {
    if (!text.startsWith(alias)) continue;
    const before = readings.length;
    readNamesAt({ text, pos: alias.length, sido, index, into: readings });
    if (readings.length === before) readings.push({ match: { sido, sigungu: null }, score: 1 });
  }
  return best(readings);
}

/** Hangul only, without spaces: "서울 강남구" and "서울강남구" read the same. */
function compact(address: string): string {
  // Decomposed Hangul (NFD, from some Mac exports) is rare; normalising every address is not free.
  return (DECOMPOSED.test(address) ? address.normalize('NFC') : address)
    .replace(/^\s*(?:[[(（【][^\])）】]*[\])）】]\s*)+/, '')
    .replace(/[^가-힣]/g, '')
    .replace(/^대한민국/, '');
}

/** Adds the readings of every name at `pos` (within `sido` when one was given) to `into`. */
function readNamesAt({
  text,
  pos,
  sido,
  index,
  into,
}: {
  text: string;
  pos: number;
  sido: string | null;
  index: AddressIndex;
  into: Reading[];
}): void {
  for (const entry of index.names.get(text.slice(pos, pos + 2)) ?? []) {
    if ((sido !== null && entry.sido !== sido) || !text.startsWith(entry.name, pos)) continue;
    for (const { match, score } of readName({ entry, text, pos: pos + entry.name.length })) {
      into.push({ match, score: sido === null ? score : score + 1 });
    }
  }
}

function readName({
  entry,
  text,
  pos,
}: {
  entry: NameEntry;
  text: string;
  pos: number;
}): Reading[] {
  if (entry.targets.length > 1) {
    const rest = text.slice(pos);
    for (const [sigungu, dongs] of Object.entries(entry.byDong ?? {})) {
      const dong = dongs.find((name) => rest.includes(name));
      const target = entry.targets.find((t) => t.sigungu === sigungu);
      if (dong && target) {
        return [{ match: { ...target, note: `${entry.splitNote} — ${dong} 기준 판정` }, score: 2 }];
      }
    }
    return entry.targets.map((match) => ({ match, score: 1 }));
  }
  const match = entry.targets[0];
  const detail = readDetail({ city: entry.city, text, pos });
  if (entry.short && detail.score === 0) return [];
  if (!detail.gu) return [{ match, score: 1 + detail.score }];
  return [{ match: { ...withoutGuCandidates(match), gu: detail.gu }, score: 1 + detail.score }];
}

/** 일반구 and/or 읍/면 right after a city name. */
function readDetail({ city, text, pos }: { city?: CityDetail; text: string; pos: number }): {
  gu?: string;
  score: number;
} {
  if (!city) return { score: 0 };
  const gu = city.gu?.find((name) => text.startsWith(name, pos));
  const after = pos + (gu?.length ?? 0);
  const eupmyeon = city.eupmyeon?.find((name) => text.startsWith(name, after));
  const score = (gu ? 1 : 0) + (eupmyeon ? 1 : 0);
  return { gu: gu ?? (eupmyeon ? city.guOfEupmyeon?.get(eupmyeon) : undefined), score };
}

function withoutGuCandidates(match: AddressMatch): AddressMatch {
  const { guCandidates: _ignored, ...rest } = match;
  return rest;
}

/** Top-scoring readings; a 시/도-only reading gives way to one naming a 시/군/구 in that 시/도. */
function best(readings: Reading[]): AddressMatch[] {
  let top = 0;
  for (const { score } of readings) top = Math.max(top, score);
  const matches = readings.filter((r) => r.score === top).map((r) => r.match);
  if (matches.length === 1) return matches;
  const sidoWithSigungu = new Set(matches.filter((m) => m.sigungu !== null).map((m) => m.sido));
  const unique = new Map<string, AddressMatch>();
  for (const match of matches) {
    if (match.sigungu === null && sidoWithSigungu.has(match.sido)) continue;
    unique.set(`${match.sido}|${match.sigungu}|${match.gu ?? ''}`, match);
  }
  return [...unique.values()];
}
