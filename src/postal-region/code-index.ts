import { decodeRanges } from './code-ranges';
import type { PrefixEntry, RegionTables, SigunguInfo } from './region-types';

/** The tables unpacked once into structures that answer a code in constant time. */
export interface CodeIndex {
  sidoByPrefix2: ReadonlyMap<string, string>;
  prefixes: ReadonlyMap<string, PrefixEntry>;
  /** Indexed by the numeric code: 1 when the code is in the official list. */
  active: Uint8Array;
  guByCode: ReadonlyMap<string, string[]>;
  /** Prefixes of cities with 일반구 → the city's 일반구. */
  guCityByPrefix: ReadonlyMap<string, SigunguInfo>;
  /** 세종: a 시/도 answer is complete there. */
  sidoWithoutSigungu: ReadonlySet<string>;
}

export function compileCodeIndex(tables: RegionTables): CodeIndex {
  const active = new Uint8Array(100_000);
  for (const [prefix, entry] of Object.entries(tables.prefixes)) {
    for (const suffix of decodeRanges(entry.active)) active[Number(prefix) * 100 + suffix] = 1;
  }
  const guByCode = new Map<string, string[]>();
  for (const [prefix, byGu] of Object.entries(tables.gu)) {
    for (const [gu, ranges] of Object.entries(byGu)) {
      for (const suffix of decodeRanges(ranges)) {
        const code = `${prefix}${String(suffix).padStart(2, '0')}`;
        guByCode.set(code, [...(guByCode.get(code) ?? []), gu]);
      }
    }
  }
  const guCityByPrefix = new Map<string, SigunguInfo>();
  for (const [prefix, { sido, sigungu }] of Object.entries(tables.prefixes)) {
    const info = sigungu === null ? undefined : tables.regions[sido]?.[sigungu];
    if (info?.gu) guCityByPrefix.set(prefix, info);
  }
  return {
    sidoByPrefix2: new Map(Object.entries(tables.sidoByPrefix2)),
    prefixes: new Map(Object.entries(tables.prefixes)),
    active,
    guByCode,
    guCityByPrefix,
    sidoWithoutSigungu: new Set(
      Object.keys(tables.regions).filter((sido) => Object.keys(tables.regions[sido]).length === 0),
    ),
  };
}
