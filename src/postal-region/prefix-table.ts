import { encodeRanges } from './code-ranges';
import type { GeoNamesRow } from './geonames-rows';
import { findSigunguChange, formatSince, MOVED_PREFIXES } from './region-changes';
import type { PrefixEntry } from './region-types';

type Owner = Omit<PrefixEntry, 'active'>;

/** Current owner of an area GeoNames names by its 2020 시/도 and 시/군/구. */
export function currentOwner({ sido, city }: { sido: string; city: string | null }): Owner {
  const change = city === null ? undefined : findSigunguChange({ sido, name: city });
  if (!change) return { sido, sigungu: city };
  const owner = {
    sido: change.toSido ?? sido,
    sigungu: change.to.length === 1 ? change.to[0] : null,
  };
  if (change.to.length === 1) return owner;
  const parts = change.to.join('·');
  const note = `${formatSince(change.since)} ${change.name} 분할(${parts}) — 시/군/구 미확인`;
  return { ...owner, candidates: [...change.to] as string[], note };
}

/**
 * One entry per 3-digit prefix. Relies on each prefix belonging to exactly one 시/군/자치구 in the
 * snapshot, and stops the build if that ever stops being true rather than pick an owner.
 */
export function buildPrefixes({
  geonames,
  official,
}: {
  geonames: GeoNamesRow[];
  official: Record<string, string>;
}): { prefixes: Record<string, PrefixEntry>; unknownPrefixes: string[] } {
  const owners = new Map<string, Owner>();
  for (const row of geonames) {
    const prefix = row.code.slice(0, 3);
    const owner = currentOwner(row);
    const seen = owners.get(prefix);
    if (seen && JSON.stringify(seen) !== JSON.stringify(owner)) {
      throw new Error(`prefix ${prefix} is shared by ${seen.sigungu} and ${owner.sigungu}`);
    }
    owners.set(prefix, owner);
  }
  for (const { from, to, since } of MOVED_PREFIXES) {
    const owner = owners.get(from);
    // A snapshot newer than the move no longer has the old prefix and needs nothing here.
    if (!owner) continue;
    if (!owners.has(to)) owners.set(to, owner);
    const note = `${formatSince(since)} 이전 ${owner.sigungu} 번호 — 현재 ${to}xx`;
    owners.set(from, { ...owner, movedTo: to, note });
  }
  const activeByPrefix = groupSuffixes(Object.keys(official));
  const unknownPrefixes = [...activeByPrefix.keys()].filter((prefix) => !owners.has(prefix));
  for (const prefix of unknownPrefixes) {
    const sido = official[`${prefix}${String(activeByPrefix.get(prefix)![0]).padStart(2, '0')}`];
    owners.set(prefix, { sido, sigungu: null, note: '자료에 없는 구역 — 시/군/구 미확인' });
  }
  const prefixes: Record<string, PrefixEntry> = {};
  for (const prefix of [...owners.keys()].sort()) {
    const { sido, sigungu, ...rest } = owners.get(prefix)!;
    const active = encodeRanges(activeByPrefix.get(prefix) ?? []);
    prefixes[prefix] = { sido, sigungu, ...rest, active };
  }
  return { prefixes, unknownPrefixes };
}

/** 2-digit → 시/도 from the official list; a 2-digit block with two 시/도 stops the build. */
export function buildSidoByPrefix2(official: Record<string, string>): Record<string, string> {
  const byPrefix2 = new Map<string, string>();
  for (const code of Object.keys(official).sort()) {
    const seen = byPrefix2.get(code.slice(0, 2));
    if (seen && seen !== official[code]) throw new Error(`${code.slice(0, 2)}xxx spans two 시/도`);
    byPrefix2.set(code.slice(0, 2), official[code]);
  }
  return Object.fromEntries(byPrefix2);
}

export function groupSuffixes(codes: Iterable<string>): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const code of codes) {
    const list = groups.get(code.slice(0, 3)) ?? [];
    list.push(Number(code.slice(3)));
    groups.set(code.slice(0, 3), list);
  }
  return groups;
}
