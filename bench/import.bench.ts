// npm run bench:import — a 100,000-row SmartStore download imported into an empty database.
// Prints rows/s, peak memory and the ratio to a plain ExcelJS streaming read of the same file,
// with the database server's CPU during the import and the process's memory before it.
// Targets: ratio ≤ 1.5, peak RSS ≤ 400 MB, re-import at least as fast as the first import.
// BENCH_IMPORT_HEAP_MB caps the import processes' heap (--max-old-space-size); the plain read
// never gets a cap.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as mariadb from 'mariadb';
import { poolConfigFromUrl, withDatabase } from '../src/database/database-url';
import { migrate } from '../src/database/migrator';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ROOT = join(__dirname, '..');
const FILE = join(ROOT, 'tmp', `bench-smartstore-${ROWS}.xlsx`);
const BASE_URL = process.env.DATABASE_URL ?? 'mysql://oms:oms@127.0.0.1:3306/oms';
const BENCH_URL = withDatabase(BASE_URL, 'oms_bench_import');
const BUILD = join(ROOT, 'tmp', 'bench-build');
const HEAP_MB = process.env.BENCH_IMPORT_HEAP_MB;
const IMPORT_FLAGS = HEAP_MB ? [`--max-old-space-size=${HEAP_MB}`] : [];

// Every measured step runs compiled JavaScript, as production does (node dist/…): under
// ts-node the TypeScript compiler would sit in the measured process, about 100 MB of it.
function compile() {
  rmSync(BUILD, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      ...['-p', join(ROOT, 'tsconfig.json'), '--outDir', BUILD],
      ...['--incremental', 'false', '--sourceMap', 'false', '--noCheck'],
    ],
    { stdio: 'inherit' },
  );
}

function step(name: string, args: string[], flags: string[] = []) {
  const out = execFileSync(
    process.execPath,
    [...flags, join(BUILD, 'bench', 'import-steps.js'), name, ...args],
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
  execFileSync(process.execPath, [join(BUILD, 'src', 'cli.js'), 'seed', '--demo'], {
    env: { ...process.env, DATABASE_URL: BENCH_URL, REDIS_KEY_PREFIX: 'oms-bench:' },
    stdio: 'ignore',
  });
  // Users, channels and catalog stay; the demo orders go, and so do their delivery bundles,
  // which share 묶음번호 with the bench file (both come from the same generator).
  const clean = await mariadb.createConnection(poolConfigFromUrl(BENCH_URL));
  await clean.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const table of ['OrderEvent', 'OrderItem', '`Order`', 'ChannelListing', 'DeliveryBundle'])
    await clean.query(`TRUNCATE TABLE ${table}`);
  await clean.query('SET FOREIGN_KEY_CHECKS = 1');
  await clean.end();
}

// CPU seconds the local MariaDB server has used so far (from /proc), or null when it runs
// elsewhere: the import's database work happens on one connection, in one transaction, so
// it cannot spread over more than one core.
function databaseCpuSeconds(): number | null {
  const ticksPerSecond = 100;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = /\(([^)]*)\)/.exec(stat)?.[1];
      if (name !== 'mariadbd' && name !== 'mysqld') continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    } catch {
      continue;
    }
  }
  return null;
}

async function main() {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  console.log(`compiling to ${BUILD} …`);
  compile();
  console.log(`building ${ROWS.toLocaleString()}-row SmartStore file (cached at ${FILE}) …`);
  step('build', [FILE, String(ROWS)]);
  await freshDatabase();
  const read = step('read', [FILE]);
  const dbBefore = databaseCpuSeconds();
  const first = step('import', [FILE], IMPORT_FLAGS);
  const dbAfter = databaseCpuSeconds();
  const again = step('import', [FILE], IMPORT_FLAGS);
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
  if (HEAP_MB) console.log(`\nimport heap capped at ${HEAP_MB} MB (--max-old-space-size)`);
  console.log(`\nimport rate: ${Math.round(ROWS / first.seconds).toLocaleString()} rows/s`);
  console.log(
    `import CPU: ${first.cpuSeconds.toFixed(2)} s, re-import CPU: ${again.cpuSeconds.toFixed(2)} s`,
  );
  if (dbBefore !== null && dbAfter !== null) {
    const db = dbAfter - dbBefore;
    console.log(
      `database server CPU during the import: ${db.toFixed(2)} s, against the ${(1.5 * read.seconds).toFixed(2)} s a 1.5 ratio allows`,
    );
  }
  console.log(
    `ratio import / plain read: ${(first.seconds / read.seconds).toFixed(2)} (target ≤ 1.5)`,
  );
  console.log(
    `ratio re-import / import: ${(again.seconds / first.seconds).toFixed(2)} (target ≤ 1.0)`,
  );
  console.log(
    `peak RSS of the import: ${first.peakRssMb.toFixed(0)} MB (target ≤ 400 MB); the process held ${first.startRssMb.toFixed(0)} MB before the first row`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
