import type { RegionOverride, RegionTables } from './region-types';

export interface OverrideInput {
  postalCode: string;
  sido: string;
  sigungu: string;
  gu?: string;
}

// An override must name a region the tables know, so a typo cannot invent a district that
// the delivery view would then group on its own.
export function validateOverride(
  input: OverrideInput,
  tables: RegionTables,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^\d{5}$/.test(input.postalCode)) errors.postalCode = '우편번호는 숫자 5자리입니다.';
  const districts = tables.regions[input.sido];
  if (!districts) {
    errors.sido = '시/도 이름을 정확히 입력하세요. (예: 경기도, 강원특별자치도)';
    return errors;
  }
  const hasDistricts = Object.keys(districts).length > 0;
  if (hasDistricts && !districts[input.sigungu]) {
    errors.sigungu = `${input.sido}에 없는 시/군/구입니다.`;
  } else if (!hasDistricts && input.sigungu) {
    errors.sigungu = `${input.sido}에는 시/군/구가 없습니다. 비워 두세요.`;
  }
  const gus = districts[input.sigungu]?.gu ?? [];
  if (input.gu && !gus.includes(input.gu)) errors.gu = `${input.sigungu}에 없는 구입니다.`;
  return errors;
}

export function toRegionOverride(row: {
  sido: string;
  sigungu: string;
  gu: string | null;
}): RegionOverride {
  return { sido: row.sido, sigungu: row.sigungu || null, ...(row.gu ? { gu: row.gu } : {}) };
}
