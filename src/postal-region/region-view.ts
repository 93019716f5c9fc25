import type { RegionResult, RegionSource } from './region-types';

export const SOURCE_LABELS: Record<RegionSource, string> = {
  override: '관리자 예외 규칙',
  exact: '우편번호 (현행 번호와 정확히 일치)',
  prefix: '우편번호 앞 3자리 (시/군/구 구간)',
  sido: '우편번호 앞 2자리 (시/도만)',
  address: '주소',
  none: '판정할 수 없음',
};

export function toRegionView(result: RegionResult) {
  return {
    ...result,
    sourceLabel: SOURCE_LABELS[result.source],
    candidateLabels: result.candidates?.map((c) => [c.sido, c.sigungu].filter(Boolean).join(' ')),
  };
}
