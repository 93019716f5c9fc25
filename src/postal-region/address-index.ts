import { formatSince, NEW_GU, SIGUNGU_CHANGES, type SigunguChange } from './region-changes';
import { SIDO_ALIASES } from './region-names';
import type { RegionTables, SigunguInfo } from './region-types';

/** One reading of an address: a current area, possibly with its 일반구. */
export interface AddressMatch {
  sido: string;
  sigungu: string | null;
  gu?: string | null;
  guCandidates?: string[];
  note?: string;
}

/** The city whose 일반구 and 읍/면 may follow a name in the address. */
export interface CityDetail {
  gu?: string[];
  eupmyeon?: string[];
  /** 읍/면 → 일반구, for 일반구 newer than the snapshot. */
  guOfEupmyeon?: ReadonlyMap<string, string>;
}

/** A name that may appear in an address, with the current area(s) it stands for. */
export interface NameEntry {
  name: string;
  /** 시/도 an explicit 시/도 in the address must match (the old one for areas that moved). */
  sido: string;
  /** Several when the old area was split after the snapshot. */
  targets: AddressMatch[];
  city?: CityDetail;
  byDong?: Readonly<Record<string, readonly string[]>>;
  splitNote?: string;
  /** 시/군 without 시/군 ("수원"): too loose alone, so it counts only before a 일반구 or 읍/면. */
  short?: boolean;
}

export interface AddressIndex {
  /** 시/도 aliases keyed by their first two characters, like `names`. */
  sidoAliases: ReadonlyMap<string, ReadonlyArray<readonly [string, string]>>;
  /** Names keyed by their first two characters, the shortest any name has. */
  names: ReadonlyMap<string, NameEntry[]>;
}

export function compileAddressIndex(regions: RegionTables['regions']): AddressIndex {
  const entries: NameEntry[] = [];
  for (const [sido, sigungus] of Object.entries(regions)) {
    for (const [sigungu, info] of Object.entries(sigungus)) {
      // A current name that is also a split old name (인천 서구) is read through the change.
      if (SIGUNGU_CHANGES.some((c) => c.sido === sido && c.name === sigungu)) continue;
      entries.push(...currentNames({ sido, sigungu, info }));
    }
  }
  for (const change of SIGUNGU_CHANGES) entries.push(oldName({ change, regions }));
  return {
    sidoAliases: byFirstTwo([...SIDO_ALIASES], ([alias]) => alias),
    names: byFirstTwo(entries, (entry) => entry.name),
  };
}

function byFirstTwo<T>(items: T[], nameOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = nameOf(item).slice(0, 2);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

function currentNames({
  sido,
  sigungu,
  info,
}: {
  sido: string;
  sigungu: string;
  info: SigunguInfo;
}) {
  const city = cityDetail({ sido, sigungu, info });
  const target: AddressMatch = info.gu
    ? { sido, sigungu, gu: null, guCandidates: info.gu }
    : { sido, sigungu };
  const entries: NameEntry[] = [{ name: sigungu, sido, targets: [target], city }];
  if (/[시군]$/.test(sigungu) && sigungu.length >= 3) {
    entries.push({ name: sigungu.slice(0, -1), sido, targets: [target], city, short: true });
  }
  for (const gu of info.gu ?? []) {
    entries.push({ name: gu, sido, targets: [{ sido, sigungu, gu }] });
  }
  return entries;
}

function oldName({
  change,
  regions,
}: {
  change: SigunguChange;
  regions: RegionTables['regions'];
}): NameEntry {
  const sido = change.toSido ?? change.sido;
  const since = formatSince(change.since);
  if (change.to.length > 1) {
    const targets = change.to.map((sigungu) => ({ sido, sigungu }));
    const splitNote = `${since} ${change.name} 분할`;
    return { name: change.name, sido: change.sido, targets, byDong: change.byDong, splitNote };
  }
  const sigungu = change.to[0];
  const note = `옛 행정구역(${change.name}, ${since} 변경)`;
  const info = sigungu === null ? undefined : regions[sido]?.[sigungu];
  const gu = change.gu ?? info?.gu;
  const target: AddressMatch = !gu
    ? { sido, sigungu, note }
    : gu.length === 1
      ? { sido, sigungu, gu: gu[0], note }
      : { sido, sigungu, gu: null, guCandidates: [...gu], note };
  // A 일반구 implied by the old name (진해시 → 진해구) must not be overridden by what follows.
  const city = info && sigungu && !change.gu ? cityDetail({ sido, sigungu, info }) : undefined;
  return { name: change.name, sido: change.sido, targets: [target], city };
}

function cityDetail({ sido, sigungu, info }: { sido: string; sigungu: string; info: SigunguInfo }) {
  const newGu = NEW_GU.find((entry) => entry.sido === sido && entry.city === sigungu);
  const guOfEupmyeon = newGu
    ? new Map(Object.entries(newGu.gu).flatMap(([gu, list]) => list.map((e) => [e, gu] as const)))
    : undefined;
  return { gu: info.gu, eupmyeon: info.eupmyeon, guOfEupmyeon };
}
