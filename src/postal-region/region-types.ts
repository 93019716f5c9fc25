/**
 * Shapes shared by the table builder, the lookup and its callers.
 *
 * For cities with 일반구 `sigungu` is the city ('수원시') and `gu` the 일반구 ('영통구'): the city is
 * the unit that owns whole 3-digit postal prefixes and is stable, while 일반구 are finer, not
 * prefix-aligned and keep changing (부천 2024, 화성 2026). Region mapping can therefore always rely
 * on `sigungu`, and `gu` is extra detail that may be unknown.
 */
export type RegionSource = 'override' | 'exact' | 'prefix' | 'sido' | 'address' | 'none';

export interface RegionCandidate {
  sido: string;
  sigungu: string | null;
}

export interface RegionResult {
  /** Current full name, e.g. '강원특별자치도'. */
  sido: string | null;
  /** The city for 일반구 cities, the 자치구/군/시 otherwise; null for 세종 and when unknown. */
  sigungu: string | null;
  /** Present for cities with 일반구 (and overrides naming one); null when it cannot be settled. */
  gu?: string | null;
  /** What `gu` could be when it is null. */
  guCandidates?: string[];
  /**
   * The input does not settle the 시/도 and 시/군/구 (unknown, or several possible: `candidates`).
   * An unknown 일반구 alone does not set it, so callers mapping regions by 시/군/구 can rely on it.
   */
  ambiguous?: boolean;
  candidates?: RegionCandidate[];
  source: RegionSource;
  /** Short Korean explanation for the admin page. */
  note?: string;
}

/** An admin's correction for one 5-digit code; wins over everything the tables say. */
export interface RegionOverride {
  sido: string;
  sigungu: string | null;
  gu?: string | null;
}

/** What one 3-digit prefix (a block owned by a single 시/군/자치구) resolves to. */
export interface PrefixEntry {
  sido: string;
  /** null for 세종 (no 시/군/구) and when a split left the prefix in several 시/군/구. */
  sigungu: string | null;
  candidates?: string[];
  /** Last two digits that are active codes in the official list, as ranges ("00-36,38"). */
  active: string;
  /** Set on retired prefixes whose codes were renumbered into another prefix. */
  movedTo?: string;
  note?: string;
}

export interface SigunguInfo {
  gu?: string[];
  /** Why the 구 of some codes is unknown (일반구 newer than the GeoNames snapshot). */
  guNote?: string;
  eupmyeon?: string[];
}

export interface RegionTables {
  sidoByPrefix2: Record<string, string>;
  prefixes: Record<string, PrefixEntry>;
  /** prefix → 일반구 → ranges of last two digits; a code listed under two 구 straddles both. */
  gu: Record<string, Record<string, string>>;
  /** 시/도 → current 시/군/구 → its 일반구 and 읍/면 (for parsing addresses). */
  regions: Record<string, Record<string, SigunguInfo>>;
}
