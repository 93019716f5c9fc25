import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRegionLookup } from './region-lookup';
import { loadRegionTables } from './region-tables';

/**
 * Checks the committed tables against the raw reference files, which live outside the project
 * (../shared/data/postal). A missing file fails the tests: skipping would hide a broken check.
 */
const RAW_DIR = path.resolve(__dirname, '../../../shared/data/postal');

function readRaw(name: string): string {
  const file = path.join(RAW_DIR, name);
  if (!existsSync(file)) {
    throw new Error(`Reference file ${file} is missing; these tests need ../shared/data/postal.`);
  }
  return readFileSync(file, 'utf8');
}

const regions = createRegionLookup({ tables: loadRegionTables() });

describe('the official 2026 list of active codes', () => {
  const official = () =>
    JSON.parse(readRaw('kodis_2026_zip_sido_index.json')) as Record<string, string>;

  it('holds 34,516 codes', () => {
    expect(Object.keys(official())).toHaveLength(34516);
  });

  it('resolves every active code exactly, to the 시/도 the list gives', () => {
    const wrong = Object.entries(official()).filter(([postalCode, sido]) => {
      const result = regions.lookup({ postalCode });
      return result.source !== 'exact' || result.sido !== sido;
    });
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('gives the same number of codes per 시/도 as the list', () => {
    const expected = new Map<string, number>();
    const actual = new Map<string, number>();
    for (const [postalCode, sido] of Object.entries(official())) {
      expected.set(sido, (expected.get(sido) ?? 0) + 1);
      const found = regions.lookup({ postalCode }).sido ?? 'none';
      actual.set(found, (actual.get(found) ?? 0) + 1);
    }
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    expect(expected.size).toBe(17);
  });
});

describe('the GeoNames snapshot', () => {
  // Areas whose 시/군/구 or 일반구 changed after the snapshot; tested by name elsewhere.
  const changed = /^(인천광역시 (중구|동구|서구)|경기도 (부천시|화성시)|경상북도 군위군)/;
  const renamedSido: Record<string, string> = {
    강원도: '강원특별자치도',
    전라북도: '전북특별자치도',
  };
  const snapshot = () => {
    const official = JSON.parse(readRaw('kodis_2026_zip_sido_index.json')) as Record<
      string,
      string
    >;
    return readRaw('geonames_KR.txt')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('\t'))
      .map((cols) => ({ code: cols[1], sido: cols[3], area: cols[5] }))
      .filter((row) => row.code in official && !changed.test(`${row.sido} ${row.area}`));
  };

  it('agrees with the tables on the 시/군/구 and 일반구 of every unchanged active code', () => {
    const rows = snapshot();
    const wrong = rows.filter(({ code, sido, area }) => {
      const [city, gu] = area.split(' ');
      const result = regions.lookup({ postalCode: code });
      const guOk = gu === undefined || result.gu === gu || !!result.guCandidates?.includes(gu);
      return (
        result.sido !== (renamedSido[sido] ?? sido) || result.sigungu !== (city || null) || !guOk
      );
    });
    expect(rows.length).toBeGreaterThan(33000);
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
