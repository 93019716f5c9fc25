import { compileAddressIndex, type AddressIndex } from './address-index';
import { parseAddress } from './address-parser';
import { fromAddress } from './address-result';
import { compileCodeIndex, type CodeIndex } from './code-index';
import { resolveCode } from './code-lookup';
import { combineWithAddress } from './combine';
import { NOTES } from './notes';
import { normalizePostalCode } from './postal-code';
import type { RegionOverride, RegionResult, RegionTables } from './region-types';

export interface RegionLookupInput {
  postalCode?: string | null;
  address?: string | null;
}

export interface RegionLookup {
  lookup(input: RegionLookupInput): RegionResult;
  /** Same compiled tables, other overrides: cheap enough to call after every admin edit. */
  withOverrides(overrides: ReadonlyMap<string, RegionOverride>): RegionLookup;
}

/** Compiles the tables once (tens of milliseconds); lookups are then pure and in-memory. */
export function createRegionLookup({
  tables,
  overrides = new Map(),
}: {
  tables: RegionTables;
  overrides?: ReadonlyMap<string, RegionOverride>;
}): RegionLookup {
  const codeIndex = compileCodeIndex(tables);
  const addressIndex = compileAddressIndex(tables.regions);
  const bind = (current: ReadonlyMap<string, RegionOverride>): RegionLookup => ({
    lookup: ({ postalCode, address }) =>
      lookupRegion({ postalCode, address, codeIndex, addressIndex, overrides: current }),
    withOverrides: bind,
  });
  return bind(overrides);
}

/** Override, then the code, then the address for whatever the code leaves open. */
export function lookupRegion({
  postalCode,
  address,
  codeIndex,
  addressIndex,
  overrides,
}: RegionLookupInput & {
  codeIndex: CodeIndex;
  addressIndex: AddressIndex;
  overrides: ReadonlyMap<string, RegionOverride>;
}): RegionResult {
  const code = normalizePostalCode(postalCode);
  const matches = address?.trim() ? parseAddress({ address, index: addressIndex }) : null;
  const { sidoWithoutSigungu } = codeIndex;
  if (code.kind !== 'five') {
    return fromAddress({ matches, note: NOTES[code.kind], sidoWithoutSigungu });
  }
  const override = overrides.get(code.code);
  if (override) return fromOverride(override);
  const answer = resolveCode({ code: code.code, index: codeIndex });
  if (!answer) return fromAddress({ matches, note: NOTES.unusedRange, sidoWithoutSigungu });
  return combineWithAddress({ answer, matches: matches ?? [] });
}

function fromOverride({ sido, sigungu, gu }: RegionOverride): RegionResult {
  // The database stores 세종's missing 시/군/구 as '' and an absent 일반구 as null.
  const result: RegionResult = {
    sido,
    sigungu: sigungu || null,
    source: 'override',
    note: NOTES.override,
  };
  return gu ? { ...result, gu } : result;
}
