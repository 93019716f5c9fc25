import type { CodeIndex } from './code-index';
import { joinNotes, NOTES, withNote } from './notes';
import type { RegionResult, SigunguInfo } from './region-types';

/**
 * A code's answer without its note. The notes are kept apart because an address that settles
 * what the code left open (a split 시/군/구, the 일반구) makes that part of the note obsolete.
 */
export interface CodeAnswer {
  result: RegionResult;
  /** Why the code is not an exact active one (reserve, renumbered, unused prefix). */
  baseNote?: string;
  splitNote?: string;
  guNote?: string;
}

export function codeOnly({ result, baseNote, splitNote, guNote }: CodeAnswer): RegionResult {
  return withNote(result, joinNotes(baseNote, splitNote, guNote));
}

/**
 * What a 5-digit code alone says, or null when it lies in a range no 시/도 uses. Active codes
 * resolve exactly; other codes in a known prefix take the prefix's 시/군/구 but never a 일반구,
 * since 일반구 are not prefix-aligned.
 */
export function resolveCode({
  code,
  index,
}: {
  code: string;
  index: CodeIndex;
}): CodeAnswer | null {
  const prefix = code.slice(0, 3);
  const entry = index.prefixes.get(prefix);
  if (!entry) {
    const sido = index.sidoByPrefix2.get(code.slice(0, 2));
    if (!sido) return null;
    const settled = index.sidoWithoutSigungu.has(sido);
    const result: RegionResult = { sido, sigungu: null, source: 'sido' };
    return {
      result: settled ? result : { ...result, ambiguous: true },
      baseNote: NOTES.unusedPrefix,
    };
  }
  const isActive = index.active[Number(code)] === 1;
  const result: RegionResult = {
    sido: entry.sido,
    sigungu: entry.sigungu,
    source: isActive ? 'exact' : 'prefix',
  };
  if (entry.candidates) {
    result.ambiguous = true;
    result.candidates = entry.candidates.map((sigungu) => ({ sido: entry.sido, sigungu }));
  }
  const baseNote = isActive ? undefined : entry.movedTo ? entry.note : NOTES.reserve;
  const splitNote = entry.candidates ? entry.note : undefined;
  const city = index.guCityByPrefix.get(prefix);
  if (!city) return { result, baseNote, splitNote };
  const { gu, guCandidates, guNote } = guOf({ code, isActive, city, index });
  result.gu = gu;
  if (guCandidates) result.guCandidates = [...guCandidates];
  return { result, baseNote, splitNote, guNote };
}

function guOf({
  code,
  isActive,
  city,
  index,
}: {
  code: string;
  isActive: boolean;
  city: SigunguInfo;
  index: CodeIndex;
}): { gu: string | null; guCandidates?: string[]; guNote?: string } {
  const gus = isActive ? (index.guByCode.get(code) ?? []) : [];
  if (gus.length === 1) return { gu: gus[0] };
  if (gus.length > 1) return { gu: null, guCandidates: gus, guNote: NOTES.straddle };
  if (!isActive) return { gu: null, guCandidates: city.gu };
  return { gu: null, guCandidates: city.gu, guNote: city.guNote ?? NOTES.newCode };
}
