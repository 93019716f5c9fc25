import { encodeRanges } from './code-ranges';
import type { GeoNamesRow } from './geonames-rows';
import { NEW_GU, type NewGu } from './region-changes';
import type { PrefixEntry } from './region-types';

export interface GuTable {
  gu: Record<string, Record<string, string>>;
  /** city → active codes lying in two 일반구. */
  straddles: Record<string, string[]>;
  /** city → active codes whose 일반구 the data cannot settle. */
  unknown: Record<string, string[]>;
}

/** 일반구 of every active code in a city that has them, where the snapshot can settle it. */
export function buildGu({
  geonames,
  official,
  prefixes,
}: {
  geonames: GeoNamesRow[];
  official: Record<string, string>;
  prefixes: Record<string, PrefixEntry>;
}): GuTable {
  const rowsByCode = new Map<string, GeoNamesRow[]>();
  for (const row of geonames) rowsByCode.set(row.code, [...(rowsByCode.get(row.code) ?? []), row]);
  const guCities = new Set(
    geonames.filter((row) => row.gu).map((row) => `${row.sido}|${row.city}`),
  );
  for (const { sido, city } of NEW_GU) guCities.add(`${sido}|${city}`);

  const table: GuTable = { gu: {}, straddles: {}, unknown: {} };
  const suffixes = new Map<string, number[]>();
  for (const code of Object.keys(official).sort()) {
    const { sido, sigungu } = prefixes[code.slice(0, 3)];
    if (!guCities.has(`${sido}|${sigungu}`)) continue;
    const newGu = NEW_GU.find((entry) => entry.sido === sido && entry.city === sigungu);
    const gus = settleGu({ rows: rowsByCode.get(code) ?? [], newGu });
    const city = sigungu as string;
    if (gus.length === 0) (table.unknown[city] ??= []).push(code);
    if (gus.length > 1) (table.straddles[city] ??= []).push(code);
    for (const gu of gus) {
      const key = `${code.slice(0, 3)}|${gu}`;
      suffixes.set(key, [...(suffixes.get(key) ?? []), Number(code.slice(3))]);
    }
  }
  for (const key of [...suffixes.keys()].sort()) {
    const [prefix, gu] = key.split('|');
    (table.gu[prefix] ??= {})[gu] = encodeRanges(suffixes.get(key)!);
  }
  return table;
}

/**
 * 구 of one code from its snapshot rows. For 일반구 newer than the snapshot only rows naming a
 * 읍/면 inside one new 구 count; a single row in a 동 leaves the whole code unknown.
 */
function settleGu({ rows, newGu }: { rows: GeoNamesRow[]; newGu?: NewGu }): string[] {
  const gus = rows.map((row) => (newGu ? guOfEupmyeon(newGu, row.eupmyeon) : row.gu));
  if (gus.length === 0 || gus.some((gu) => gu === null)) return [];
  return [...new Set(gus as string[])].sort();
}

function guOfEupmyeon(newGu: NewGu, eupmyeon: string | null): string | null {
  const found = Object.entries(newGu.gu).find(([, list]) => eupmyeon && list.includes(eupmyeon));
  return found ? found[0] : null;
}
