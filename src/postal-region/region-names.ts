/**
 * 시/도 names. Results always carry the current full name; everything else a customer might
 * type (short forms, pre-2023/2024 names of 강원·전북) is an alias that maps onto it.
 */
export const SIDO_NAMES = [
  '서울특별시',
  '부산광역시',
  '대구광역시',
  '인천광역시',
  '광주광역시',
  '대전광역시',
  '울산광역시',
  '세종특별자치시',
  '경기도',
  '강원특별자치도',
  '충청북도',
  '충청남도',
  '전북특별자치도',
  '전라남도',
  '경상북도',
  '경상남도',
  '제주특별자치도',
] as const;

/** GeoNames (2020) still uses the names these 시/도 had before becoming 특별자치도. */
export const RENAMED_SIDO: Readonly<Record<string, string>> = {
  강원도: '강원특별자치도',
  전라북도: '전북특별자치도',
};

const SHORT_NAMES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['서울특별시', ['서울시', '서울']],
  ['부산광역시', ['부산시', '부산']],
  ['대구광역시', ['대구시', '대구']],
  ['인천광역시', ['인천시', '인천']],
  // '광주시' is also 경기도 광주시; the parser keeps both readings and reports a tie as ambiguous.
  ['광주광역시', ['광주시', '광주']],
  ['대전광역시', ['대전시', '대전']],
  ['울산광역시', ['울산시', '울산']],
  ['세종특별자치시', ['세종시', '세종']],
  ['경기도', ['경기']],
  ['강원특별자치도', ['강원']],
  ['충청북도', ['충북']],
  ['충청남도', ['충남']],
  ['전북특별자치도', ['전북']],
  ['전라남도', ['전남']],
  ['경상북도', ['경북']],
  ['경상남도', ['경남']],
  ['제주특별자치도', ['제주도', '제주']],
];

/** Every spelling of a 시/도 that may start an address, mapped to the current full name. */
export const SIDO_ALIASES: ReadonlyMap<string, string> = new Map([
  ...SIDO_NAMES.map((name) => [name, name] as const),
  ...Object.entries(RENAMED_SIDO),
  ...SHORT_NAMES.flatMap(([name, aliases]) => aliases.map((alias) => [alias, name] as const)),
]);
