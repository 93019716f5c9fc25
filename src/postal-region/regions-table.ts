import type { GeoNamesRow } from './geonames-rows';
import { currentOwner } from './prefix-table';
import { formatSince, NEW_GU } from './region-changes';
import { SIDO_NAMES } from './region-names';
import type { SigunguInfo } from './region-types';

type Regions = Record<string, Record<string, SigunguInfo>>;

/** Current 시/군/구 of every 시/도 with their 일반구 and 읍/면, for the address parser. */
export function buildRegions({ geonames }: { geonames: GeoNamesRow[] }): Regions {
  const found = new Map<string, { gu: Set<string>; eupmyeon: Set<string> }>();
  for (const row of geonames) {
    const owner = currentOwner(row);
    for (const sigungu of owner.candidates ?? [owner.sigungu]) {
      if (sigungu === null) continue;
      const key = `${owner.sido}|${sigungu}`;
      const sets = found.get(key) ?? { gu: new Set<string>(), eupmyeon: new Set<string>() };
      found.set(key, sets);
      // A split area's 읍/면 cannot be assigned to one part, so they are left out.
      if (owner.candidates) continue;
      if (row.gu) sets.gu.add(row.gu);
      if (row.eupmyeon) sets.eupmyeon.add(row.eupmyeon);
    }
  }
  const regions: Regions = Object.fromEntries(SIDO_NAMES.map((sido) => [sido, {}]));
  for (const key of [...found.keys()].sort()) {
    const [sido, sigungu] = key.split('|');
    const { gu, eupmyeon } = found.get(key)!;
    const newGu = NEW_GU.find((entry) => entry.sido === sido && entry.city === sigungu);
    const info: SigunguInfo = {};
    if (newGu) {
      info.gu = Object.keys(newGu.gu).sort();
      info.guNote = `${formatSince(newGu.since)} 일반구 신설 — 자료로 구 미확인`;
    } else if (gu.size > 0) {
      info.gu = [...gu].sort();
    }
    if (eupmyeon.size > 0) info.eupmyeon = [...eupmyeon].sort();
    regions[sido][sigungu] = info;
  }
  return regions;
}
