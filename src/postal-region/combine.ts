import type { AddressMatch } from './address-index';
import { candidatesOf, matchToResult } from './address-result';
import { codeOnly, type CodeAnswer } from './code-lookup';
import { joinNotes, NOTES, withNote } from './notes';
import type { RegionResult } from './region-types';

/**
 * Code and address together. The code decides whatever it settles, even against the address
 * (addresses are typed by customers, codes are picked from a search); the address only fills in
 * what the code leaves open: a split 시/군/구, a 시/도-only code, an unknown 일반구.
 */
export function combineWithAddress({
  answer,
  matches,
}: {
  answer: CodeAnswer;
  matches: AddressMatch[];
}): RegionResult {
  const { result, baseNote } = answer;
  if (matches.length === 0) return codeOnly(answer);
  const agreeing = matches.filter((match) => agrees(result, match));
  if (agreeing.length === 0) return withExtraNote(answer, `주소(${describe(matches)})와 불일치`);
  const only = matches.length === 1 ? matches[0] : undefined;
  if (result.sigungu === null && only === agreeing[0] && only.sigungu !== null) {
    return withNote(matchToResult(only), joinNotes(baseNote, NOTES.sigunguFromAddress, only.note));
  }
  const gu = agreeing.length === 1 ? agreeing[0].gu : undefined;
  if (result.gu === null && gu && result.guCandidates?.includes(gu)) {
    const { guCandidates: _settled, ...rest } = result;
    return withNote({ ...rest, gu }, joinNotes(baseNote, NOTES.guFromAddress));
  }
  if (result.gu && gu && gu !== result.gu)
    return withExtraNote(answer, `주소의 일반구(${gu})와 불일치`);
  return codeOnly(answer);
}

/** Whether an address reading is compatible with what the code settled. */
function agrees(result: RegionResult, match: AddressMatch): boolean {
  if (match.sido !== result.sido || match.sigungu === null) return match.sido === result.sido;
  if (result.candidates) return result.candidates.some((c) => c.sigungu === match.sigungu);
  return result.source === 'sido' || match.sigungu === result.sigungu;
}

function withExtraNote(answer: CodeAnswer, disagreement: string): RegionResult {
  const result = codeOnly(answer);
  return withNote(result, joinNotes(result.note, `${disagreement} — 우편번호 기준`));
}

function describe(matches: AddressMatch[]): string {
  return candidatesOf(matches)
    .map(({ sido, sigungu }) => [sido, sigungu].filter(Boolean).join(' '))
    .join(', ');
}
