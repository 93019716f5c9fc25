import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as mariadb from 'mariadb';
import { poolConfigFromUrl, withDatabase } from '../../src/database/database-url';
import { MigrationError, migrate, readMigrations } from '../../src/database/migrator';

const MIGRATIONS = join(__dirname, '..', '..', 'prisma', 'migrations');
const scratchDb = `oms_test_migrator_${process.env.JEST_WORKER_ID ?? '1'}`;
const scratchUrl = withDatabase(process.env.DATABASE_URL!, scratchDb);

async function admin<T>(work: (conn: mariadb.Connection) => Promise<T>): Promise<T> {
  const conn = await mariadb.createConnection({
    ...poolConfigFromUrl(scratchUrl),
    database: undefined,
  });
  try {
    return await work(conn);
  } finally {
    await conn.end();
  }
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'oms-migrations-'));
  await cp(MIGRATIONS, dir, { recursive: true });
  return dir;
}

describe('the migration command', () => {
  beforeEach(() => admin((c) => c.query(`DROP DATABASE IF EXISTS \`${scratchDb}\``)));
  afterAll(() => admin((c) => c.query(`DROP DATABASE IF EXISTS \`${scratchDb}\``)));

  it('records each migration in _prisma_migrations the way Prisma does', async () => {
    const result = await migrate({
      databaseUrl: scratchUrl,
      migrationsDir: MIGRATIONS,
      createDatabase: true,
    });
    const files = await readMigrations(MIGRATIONS);
    expect(result.applied).toEqual(files.map((f) => f.name));
    const rows = await admin((c) =>
      c.query(
        `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM \`${scratchDb}\`._prisma_migrations ORDER BY migration_name`,
      ),
    );
    expect(rows).toHaveLength(files.length);
    for (const [i, row] of rows.entries()) {
      expect(row.migration_name).toBe(files[i].name);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.checksum).toBe(files[i].checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(Number(row.applied_steps_count)).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it('does nothing when run a second time', async () => {
    await migrate({ databaseUrl: scratchUrl, migrationsDir: MIGRATIONS, createDatabase: true });
    const again = await migrate({ databaseUrl: scratchUrl, migrationsDir: MIGRATIONS });
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied.length).toBeGreaterThan(0);
  });

  it('is safe when two instances start at the same moment', async () => {
    const [a, b] = await Promise.all([
      migrate({ databaseUrl: scratchUrl, migrationsDir: MIGRATIONS, createDatabase: true }),
      migrate({ databaseUrl: scratchUrl, migrationsDir: MIGRATIONS, createDatabase: true }),
    ]);
    expect([...a.applied, ...b.applied].sort()).toEqual(
      (await readMigrations(MIGRATIONS)).map((f) => f.name),
    );
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const dir = await copyOfMigrations();
    await migrate({ databaseUrl: scratchUrl, migrationsDir: dir, createDatabase: true });
    const [first] = await readMigrations(dir);
    await writeFile(join(dir, first.name, 'migration.sql'), `${first.sql}\n-- edited later\n`);
    await expect(migrate({ databaseUrl: scratchUrl, migrationsDir: dir })).rejects.toThrow(
      /적용 후에 변경/,
    );
  });

  it('applies a new migration added later, and stops at a failing one without recording it as done', async () => {
    const dir = await copyOfMigrations();
    await migrate({ databaseUrl: scratchUrl, migrationsDir: dir, createDatabase: true });
    await mkdir(join(dir, '29990101000000_add_note'));
    await writeFile(
      join(dir, '29990101000000_add_note', 'migration.sql'),
      'ALTER TABLE `Channel` ADD COLUMN `note` VARCHAR(10) NULL;',
    );
    expect((await migrate({ databaseUrl: scratchUrl, migrationsDir: dir })).applied).toEqual([
      '29990101000000_add_note',
    ]);

    await mkdir(join(dir, '29990102000000_broken'));
    await writeFile(
      join(dir, '29990102000000_broken', 'migration.sql'),
      'ALTER TABLE `NoSuchTable` ADD COLUMN `x` INT;',
    );
    await expect(migrate({ databaseUrl: scratchUrl, migrationsDir: dir })).rejects.toBeInstanceOf(
      MigrationError,
    );
    await expect(migrate({ databaseUrl: scratchUrl, migrationsDir: dir })).rejects.toThrow(
      /실패한 채로 기록/,
    );
  });
});
