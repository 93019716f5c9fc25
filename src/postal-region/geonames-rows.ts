import { RENAMED_SIDO } from './region-names';

/** One row of the GeoNames KR postal dump, with the 시/도 already under its current name. */
export interface GeoNamesRow {
  code: string;
  sido: string;
  /** 시/군/구 ("수원시" for "수원시 영통구"); null for 세종, which has none. */
  city: string | null;
  gu: string | null;
  eupmyeon: string | null;
}

export function parseGeoNames(tsv: string): GeoNamesRow[] {
  return tsv
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.split('\t');
      const [city, gu] = cols[5].split(' ');
      return {
        code: cols[1],
        sido: RENAMED_SIDO[cols[3]] ?? cols[3],
        city: city || null,
        gu: gu ?? null,
        eupmyeon: cols[7] || null,
      };
    });
}
