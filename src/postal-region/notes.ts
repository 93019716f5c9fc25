/** Notes shown on the admin page; one place so wording stays consistent. */
export const NOTES = {
  override: '관리자 지정',
  reserve: '현행 목록에 없는 번호 — 앞 3자리로 판정',
  unusedPrefix: '사용하지 않는 앞 3자리 — 시/도만 판정',
  unusedRange: '사용하지 않는 우편번호 구간 — 주소로 판정',
  old6: '구 우편번호(6자리) — 주소로 판정',
  empty: '우편번호 없음 — 주소로 판정',
  invalid: '잘못된 우편번호 — 주소로 판정',
  straddle: '두 일반구에 걸친 번호',
  newCode: '자료에 없는 번호 — 일반구 미확인',
  guFromAddress: '일반구는 주소로 판정',
  sigunguFromAddress: '시/군/구는 주소로 판정',
  noAddress: '주소 없음',
  addressUnreadable: '주소에서 시/도를 찾지 못함',
  addressWithoutSigungu: '주소에 시/군/구 없음',
  addressAmbiguous: '주소만으로 판정 불가 — 후보 확인',
} as const;

export function joinNotes(...notes: Array<string | undefined>): string | undefined {
  const present = notes.filter((note): note is string => Boolean(note));
  return present.length > 0 ? present.join('; ') : undefined;
}

/** Sets `note` only when there is one, so results stay free of `note: undefined`. */
export function withNote<T extends { note?: string }>(value: T, note: string | undefined): T {
  if (note) return { ...value, note };
  if (value.note === undefined) return value;
  const copy = { ...value };
  delete copy.note;
  return copy;
}
