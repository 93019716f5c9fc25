/**
 * Boundary and name changes the GeoNames snapshot (2020) predates, plus old names that still turn
 * up in customer addresses. The table builder applies them to postal-code prefixes and the
 * address parser applies them to names, so both paths agree on what "current" means.
 */
export interface SigunguChange {
  /** 시/도 the old name belonged to (current spelling of that 시/도). */
  readonly sido: string;
  readonly name: string;
  /** Set when the area moved to another 시/도. */
  readonly toSido?: string;
  /** Current 시/군/구; several when the old area was split (then the code cannot settle it). */
  readonly to: readonly (string | null)[];
  /** 일반구 of the new city the old area lies in; one entry settles the 구. */
  readonly gu?: readonly string[];
  /** 법정동 lying wholly in one of the split parts, so an address can settle the split. */
  readonly byDong?: Readonly<Record<string, readonly string[]>>;
  readonly since: string;
}

export const SIGUNGU_CHANGES: readonly SigunguChange[] = [
  {
    sido: '인천광역시',
    name: '중구',
    to: ['제물포구', '영종구'],
    byDong: {
      영종구: ['운서동', '운남동', '운북동', '중산동', '을왕동', '남북동', '덕교동', '무의동'],
    },
    since: '2026-07',
  },
  { sido: '인천광역시', name: '동구', to: ['제물포구'], since: '2026-07' },
  {
    sido: '인천광역시',
    name: '서구',
    to: ['서구', '검단구'],
    // 오류동, 백석동, 시천동, 검암동 straddle the 아라뱃길 boundary and are deliberately absent.
    byDong: {
      검단구: ['마전동', '당하동', '원당동', '불로동', '대곡동', '금곡동', '왕길동'],
      서구: [
        '청라동',
        '가정동',
        '석남동',
        '신현동',
        '원창동',
        '가좌동',
        '연희동',
        '심곡동',
        '공촌동',
        '경서동',
      ],
    },
    since: '2026-07',
  },
  { sido: '인천광역시', name: '남구', to: ['미추홀구'], since: '2018-07' },
  { sido: '경상북도', name: '군위군', toSido: '대구광역시', to: ['군위군'], since: '2023-07' },
  { sido: '경기도', name: '여주군', to: ['여주시'], since: '2013-09' },
  { sido: '충청남도', name: '당진군', to: ['당진시'], since: '2012-01' },
  { sido: '충청남도', name: '연기군', toSido: '세종특별자치시', to: [null], since: '2012-07' },
  { sido: '충청북도', name: '청원군', to: ['청주시'], since: '2014-07' },
  {
    sido: '경상남도',
    name: '마산시',
    to: ['창원시'],
    gu: ['마산합포구', '마산회원구'],
    since: '2010-07',
  },
  { sido: '경상남도', name: '진해시', to: ['창원시'], gu: ['진해구'], since: '2010-07' },
  { sido: '제주특별자치도', name: '북제주군', to: ['제주시'], since: '2006-07' },
  { sido: '제주특별자치도', name: '남제주군', to: ['서귀포시'], since: '2006-07' },
];

/**
 * 일반구 created after the GeoNames snapshot. Each 구 lists the 읍/면 lying wholly inside it:
 * those are the only places where the snapshot (which knows 읍/면 but not the new 구) can settle
 * the 구; 동 areas stay unknown.
 */
export interface NewGu {
  readonly sido: string;
  readonly city: string;
  readonly since: string;
  readonly gu: Readonly<Record<string, readonly string[]>>;
}

export const NEW_GU: readonly NewGu[] = [
  { sido: '경기도', city: '부천시', since: '2024-01', gu: { 원미구: [], 소사구: [], 오정구: [] } },
  {
    sido: '경기도',
    city: '화성시',
    since: '2026-02',
    gu: {
      만세구: [
        '우정읍',
        '향남읍',
        '남양읍',
        '마도면',
        '송산면',
        '서신면',
        '팔탄면',
        '장안면',
        '양감면',
      ],
      효행구: ['봉담읍', '매송면', '비봉면', '정남면'],
      병점구: [],
      동탄구: [],
    },
  },
];

/** 군위군 joined 대구 on 2023-07-01 and its 390xx codes were renumbered 431xx. */
export const MOVED_PREFIXES: ReadonlyArray<{ from: string; to: string; since: string }> = [
  { from: '390', to: '431', since: '2023-07' },
];

export function findSigunguChange({
  sido,
  name,
}: {
  sido: string;
  name: string;
}): SigunguChange | undefined {
  return SIGUNGU_CHANGES.find((change) => change.sido === sido && change.name === name);
}

/** '2026-07' → '2026.7', the form the admin page shows. */
export function formatSince(since: string): string {
  const [year, month] = since.split('-');
  return `${year}.${Number(month)}`;
}
