// npm run bench:import — a 100,000-row SmartStore download imported into an empty database.
// Prints rows/s, peak memory and the ratio to a plain ExcelJS streaming read of the same file.
// Targets: ratio ≤ 1.5, peak RSS ≤ 400 MB, re-import at least as fast as the first import.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as mariadb from 'mariadb';
import { poolConfigFromUrl, withDatabase } from '../src/database/database-url';
import { migrate } from '../src/database/migrator';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ROOT = join(__dirname, '..');
const FILE = join(ROOT, 'tmp', `bench-smartstore-${ROWS}.xlsx`);
const BASE_URL = process.env.DATABASE_URL ?? 'mysql://oms:oms@127.0.0.1:3306/oms';
const BENCH_URL = withDatabase(BASE_URL, 'oms_bench_import');

function step(name: string, ...args: string[]) {
  const out = execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'import-steps.ts'), name, ...args],
    {
      env: {
        ...process.env,
        DATABASE_URL: BENCH_URL,
        LOG_LEVEL: 'error',
        REDIS_KEY_PREFIX: 'oms-bench:',
      },
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

async function freshDatabase() {
  const conn = await mariadb.createConnection({
    ...poolConfigFromUrl(BENCH_URL),
    database: undefined,
  });
  await conn.query('DROP DATABASE IF EXISTS `oms_bench_import`');
  await conn.end();
  await migrate({
    databaseUrl: BENCH_URL,
    migrationsDir: join(ROOT, 'prisma', 'migrations'),
    createDatabase: true,
  });
  execFileSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src', 'cli.ts'), 'seed', '--demo'],
    {
      env: { ...process.env, DATABASE_URL: BENCH_URL, REDIS_KEY_PREFIX: 'oms-bench:' },
      stdio: 'ignore',
    },
  );
  const clean = await mariadb.createConnection(poolConfigFromUrl(BENCH_URL));
  await clean.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const table of ['OrderEvent', 'OrderItem', '`Order`', 'ChannelListing'])
    await clean.query(`TRUNCATE TABLE ${table}`);
  await clean.query('SET FOREIGN_KEY_CHECKS = 1');
  await clean.end();
}

async function main() {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  console.log(`building ${ROWS.toLocaleString()}-row SmartStore file (cached at ${FILE}) …`);
  step('build', FILE, String(ROWS));
  await freshDatabase();
  const read = step('read', FILE);
  const first = step('import', FILE);
  const again = step('import', FILE);
  const rows = [
    ['plain ExcelJS streaming read', read.seconds, read.peakRssMb, '-'],
    [
      'import into empty database',
      first.seconds,
      first.peakRssMb,
      `created ${first.created}, failed ${first.failed}`,
    ],
    [
      're-import of the same file',
      again.seconds,
      again.peakRssMb,
      `unchanged ${again.unchanged}, updated ${again.updated}`,
    ],
  ];
  console.log('\nstep                              seconds   peak RSS MB   result');
  for (const [name, s, mb, note] of rows) {
    console.log(
      `${String(name).padEnd(34)}${Number(s).toFixed(2).padStart(7)}   ${Number(mb).toFixed(0).padStart(11)}   ${note}`,
    );
  }
  console.log(`\nimport rate: ${Math.round(ROWS / first.seconds).toLocaleString()} rows/s`);
  console.log(
    `ratio import / plain read: ${(first.seconds / read.seconds).toFixed(2)} (target ≤ 1.5)`,
  );
  console.log(
    `ratio re-import / import: ${(again.seconds / first.seconds).toFixed(2)} (target ≤ 1.0)`,
  );
  console.log(`peak RSS of the import: ${first.peakRssMb.toFixed(0)} MB (target ≤ 400 MB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
