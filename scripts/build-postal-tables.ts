/**
 * Derives the postal-region tables from the raw reference data, which stays outside the project:
 *   npx ts-node --transpile-only scripts/build-postal-tables.ts [geonames_KR.txt] [official.json]
 * Output is deterministic so a rebuild from the same inputs gives identical bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseGeoNames } from '../src/postal-region/geonames-rows';
import { buildRegionTables, type BuildReport } from '../src/postal-region/table-builder';

const rawDir = path.resolve(__dirname, '../../shared/data/postal');
const outDir = path.resolve(__dirname, '../src/postal-region/data');
const [
  geonamesPath = path.join(rawDir, 'geonames_KR.txt'),
  officialPath = path.join(rawDir, 'kodis_2026_zip_sido_index.json'),
] = process.argv.slice(2);

const { tables, report } = buildRegionTables({
  geonames: parseGeoNames(readFileSync(geonamesPath, 'utf8')),
  official: JSON.parse(readFileSync(officialPath, 'utf8')) as Record<string, string>,
});
write('prefixes.json', { sidoByPrefix2: tables.sidoByPrefix2, prefixes: tables.prefixes });
write('gu.json', tables.gu);
write('regions.json', tables.regions);
printSummary(report);

/**
 * One entry per line with keys sorted, so rebuilds give identical bytes and small diffs. Sorting
 * here rather than relying on object order matters: JS lists keys like "10" before "01".
 */
function write(name: string, value: Record<string, unknown>): void {
  const lines = sortedEntries(value).map(([key, entry]) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      return `${JSON.stringify(key)}:${JSON.stringify(entry)}`;
    }
    const inner = sortedEntries(entry).map(
      ([k, v]) => ` ${JSON.stringify(k)}:${JSON.stringify(v)}`,
    );
    return `${JSON.stringify(key)}:{\n${inner.join(',\n')}\n}`;
  });
  writeFileSync(path.join(outDir, name), `{\n${lines.join(',\n')}\n}\n`);
}

function sortedEntries(value: object): Array<[string, unknown]> {
  return Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
}

function printSummary(r: BuildReport): void {
  const sample = (codes: string[]) =>
    codes.length === 0 ? '0' : `${codes.length} (${codes.slice(0, 5).join(', ')}…)`;
  const perCity = (byCity: Record<string, string[]>) =>
    Object.entries(byCity)
      .map(([city, codes]) => `${city} ${codes.length}`)
      .join(', ');
  console.log(`active codes ${r.activeCodes}, prefixes ${r.prefixes}`);
  console.log(`시/도 mismatches with the official list: ${sample(r.sidoMismatches)}`);
  console.log(`active prefixes missing from GeoNames: ${r.unknownPrefixes.join(', ') || 'none'}`);
  console.log(`active codes missing from GeoNames: ${sample(r.missingFromGeoNames)}`);
  console.log(`GeoNames codes no longer active (resolve by prefix): ${sample(r.retiredCodes)}`);
  for (const [note, codes] of Object.entries(r.splitSigungu)) {
    console.log(`unsettled 시/군/구 — ${note}: ${sample(codes)}`);
  }
  const straddles = Object.values(r.guStraddles).flat();
  console.log(`codes in two 일반구: ${straddles.length} — ${perCity(r.guStraddles)}`);
  const unknown = Object.values(r.guUnknown).flat();
  console.log(`codes with unknown 일반구: ${unknown.length} — ${perCity(r.guUnknown)}`);
}
