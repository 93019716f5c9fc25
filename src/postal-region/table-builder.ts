import type { GeoNamesRow } from './geonames-rows';
import { buildGu } from './gu-table';
import { buildPrefixes, buildSidoByPrefix2 } from './prefix-table';
import { buildRegions } from './regions-table';
import type { RegionTables } from './region-types';

/** Everything the build could not settle or that contradicts an assumption, for the summary. */
export interface BuildReport {
  activeCodes: number;
  prefixes: number;
  /** Active codes whose official 시/도 differs from the 시/도 derived from the snapshot. */
  sidoMismatches: string[];
  /** Active prefixes the snapshot does not cover (only 시/도 known). */
  unknownPrefixes: string[];
  missingFromGeoNames: string[];
  /** Snapshot codes no longer in the official list (they resolve at prefix level). */
  retiredCodes: string[];
  /** Prefix note → active codes whose 시/군/구 was split after the snapshot. */
  splitSigungu: Record<string, string[]>;
  guStraddles: Record<string, string[]>;
  guUnknown: Record<string, string[]>;
}

export function buildRegionTables({
  geonames,
  official,
}: {
  geonames: GeoNamesRow[];
  official: Record<string, string>;
}): { tables: RegionTables; report: BuildReport } {
  const { prefixes, unknownPrefixes } = buildPrefixes({ geonames, official });
  const gu = buildGu({ geonames, official, prefixes });
  const tables: RegionTables = {
    sidoByPrefix2: buildSidoByPrefix2(official),
    prefixes,
    gu: gu.gu,
    regions: buildRegions({ geonames }),
  };
  const activeCodes = Object.keys(official).sort();
  const snapshotCodes = new Set(geonames.map((row) => row.code));
  const splitSigungu: Record<string, string[]> = {};
  for (const code of activeCodes) {
    const entry = prefixes[code.slice(0, 3)];
    if (entry.candidates) (splitSigungu[entry.note as string] ??= []).push(code);
  }
  const report: BuildReport = {
    activeCodes: activeCodes.length,
    prefixes: Object.keys(prefixes).length,
    sidoMismatches: activeCodes.filter(
      (code) => prefixes[code.slice(0, 3)].sido !== official[code],
    ),
    unknownPrefixes,
    missingFromGeoNames: activeCodes.filter((code) => !snapshotCodes.has(code)),
    retiredCodes: [...snapshotCodes].filter((code) => !(code in official)).sort(),
    splitSigungu,
    guStraddles: gu.straddles,
    guUnknown: gu.unknown,
  };
  return { tables, report };
}
