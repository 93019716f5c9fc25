import guJson from './data/gu.json';
import prefixesJson from './data/prefixes.json';
import regionsJson from './data/regions.json';
import type { PrefixEntry, RegionTables, SigunguInfo } from './region-types';

/** The committed tables; importing the JSON lets `nest build` ship them without asset config. */
export function loadRegionTables(): RegionTables {
  return {
    sidoByPrefix2: prefixesJson.sidoByPrefix2,
    prefixes: prefixesJson.prefixes as Record<string, PrefixEntry>,
    gu: guJson,
    regions: regionsJson as Record<string, Record<string, SigunguInfo>>,
  };
}
