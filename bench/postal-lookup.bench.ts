/**
 * Times 100,000 lookups over a realistic mix of inputs, and 100,000 code-only lookups (not a test):
 *   npx ts-node --transpile-only bench/postal-lookup.bench.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeRanges } from '../src/postal-region/code-ranges';
import { createRegionLookup, type RegionLookupInput } from '../src/postal-region/region-lookup';
import { SIDO_ALIASES } from '../src/postal-region/region-names';
import type { RegionTables } from '../src/postal-region/region-types';

const LOOKUPS = 100_000;
const DATA_DIR = path.resolve(__dirname, '../src/postal-region/data');

// Read the JSON the way start-up does (the service imports it), timed apart from compiling.
const loadStart = performance.now();
const [prefixes, gu, regionsJson] = ['prefixes.json', 'gu.json', 'regions.json'].map((file) =>
  JSON.parse(readFileSync(path.join(DATA_DIR, file), 'utf8')),
);
const tables: RegionTables = { ...prefixes, gu, regions: regionsJson };
const loaded = performance.now();
const regions = createRegionLookup({ tables });
const compiled = performance.now();
console.log(`tables: read+parse ${ms(loaded - loadStart)}, compile ${ms(compiled - loaded)}`);

const activeCodes = Object.entries(tables.prefixes).flatMap(([prefix, entry]) =>
  decodeRanges(entry.active).map((suffix) => `${prefix}${String(suffix).padStart(2, '0')}`),
);
const random = seeded(42);
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
time('mixed', mixedInputs());
time(
  'codes only',
  Array.from({ length: LOOKUPS }, () => ({ postalCode: pick(activeCodes) })),
);

/** 70% active code + address, 5% old 군위 codes, 5% reserve numbers, 10% 6-digit, 10% address. */
function mixedInputs(): RegionLookupInput[] {
  const aliases = [...SIDO_ALIASES];
  const addresses = Object.entries(tables.regions).flatMap(([sido, sigungus]) =>
    Object.keys(sigungus).flatMap((sigungu) => [
      `${sido} ${sigungu} 중앙로 12`,
      `${pick(aliases.filter(([, name]) => name === sido))[0]} ${sigungu}중앙로 12 (중앙동)`,
    ]),
  );
  addresses.push(
    '광주시 오포읍 오포로 1',
    '고성군 간성읍',
    '중구 세종대로 110',
    '인천 중구 (운서동)',
  );
  return Array.from({ length: LOOKUPS }, () => {
    const roll = random();
    if (roll < 0.7) return { postalCode: pick(activeCodes), address: pick(addresses) };
    if (roll < 0.75)
      return { postalCode: `390${String(Math.floor(random() * 67)).padStart(2, '0')}` };
    if (roll < 0.8) return { postalCode: `${pick(activeCodes).slice(0, 3)}99` };
    if (roll < 0.9) return { postalCode: '135-080', address: pick(addresses) };
    return { address: pick(addresses) };
  });
}

function time(label: string, inputs: RegionLookupInput[]): void {
  const sources = new Map<string, number>();
  const start = performance.now();
  for (const input of inputs) {
    const { source } = regions.lookup(input);
    sources.set(source, (sources.get(source) ?? 0) + 1);
  }
  const elapsed = performance.now() - start;
  const perSecond = Math.round(inputs.length / (elapsed / 1000));
  console.log(`${label}: ${inputs.length} lookups in ${ms(elapsed)} — ${perSecond} lookups/s`);
  console.log(`  by source: ${JSON.stringify(Object.fromEntries(sources))}`);
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
