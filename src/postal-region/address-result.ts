import type { AddressMatch } from './address-index';
import { joinNotes, NOTES, withNote } from './notes';
import type { RegionCandidate, RegionResult } from './region-types';

/**
 * The answer an address alone gives (`matches` is null when there was no address); `note`
 * explains why the code could not be used.
 */
export function fromAddress({
  matches,
  note,
  sidoWithoutSigungu,
}: {
  matches: AddressMatch[] | null;
  note?: string;
  sidoWithoutSigungu: ReadonlySet<string>;
}): RegionResult {
  if (!matches?.length) {
    const result: RegionResult = { sido: null, sigungu: null, ambiguous: true, source: 'none' };
    return withNote(result, joinNotes(note, matches ? NOTES.addressUnreadable : NOTES.noAddress));
  }
  if (matches.length === 1) {
    const result = matchToResult(matches[0]);
    if (result.sigungu !== null || sidoWithoutSigungu.has(matches[0].sido)) {
      return withNote(result, joinNotes(note, matches[0].note));
    }
    return withNote({ ...result, ambiguous: true }, joinNotes(note, NOTES.addressWithoutSigungu));
  }
  const sidos = new Set(matches.map((match) => match.sido));
  const result: RegionResult = {
    sido: sidos.size === 1 ? matches[0].sido : null,
    sigungu: null,
    ambiguous: true,
    candidates: candidatesOf(matches),
    source: 'address',
  };
  return withNote(result, joinNotes(note, NOTES.addressAmbiguous));
}

export function matchToResult(match: AddressMatch): RegionResult {
  const result: RegionResult = { sido: match.sido, sigungu: match.sigungu, source: 'address' };
  if (match.gu !== undefined) result.gu = match.gu;
  if (match.guCandidates) result.guCandidates = [...match.guCandidates];
  return result;
}

export function candidatesOf(matches: AddressMatch[]): RegionCandidate[] {
  const unique = new Map(
    matches.map(({ sido, sigungu }) => [`${sido}|${sigungu}`, { sido, sigungu }]),
  );
  return [...unique.values()];
}
