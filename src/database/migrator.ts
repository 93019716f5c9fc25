import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as mariadb from 'mariadb';
import { databaseName, poolConfigFromUrl } from './database-url';

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {}

// Prisma's own bookkeeping table, byte for byte, so `prisma migrate deploy` and
// `prisma migrate status` accept a database migrated by this script and vice versa.
const CREATE_PRISMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
  id VARCHAR(36) PRIMARY KEY NOT NULL,
  checksum VARCHAR(64) NOT NULL,
  finished_at DATETIME(3),
  migration_name VARCHAR(255) NOT NULL,
  logs TEXT,
  rolled_back_at DATETIME(3),
  started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

const LOCK_NAME = 'oms_migrate';
const LOCK_WAIT_SECONDS = 120;

export async function readMigrations(dir: string): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

function verifyHistory(files: MigrationFile[], applied: AppliedRow[]): Set<string> {
  const done = new Set<string>();
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        `마이그레이션 ${row.migration_name}이(가) 실패한 채로 기록되어 있습니다. ` +
          '데이터베이스를 확인하고 _prisma_migrations의 해당 행을 정리한 뒤 다시 실행하세요.',
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `데이터베이스에 적용된 마이그레이션 ${row.migration_name}이(가) prisma/migrations에 없습니다.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `마이그레이션 ${row.migration_name}의 파일이 적용 후에 변경되었습니다. ` +
          '적용된 마이그레이션은 고치지 말고 새 마이그레이션을 추가하세요.',
      );
    }
    done.add(row.migration_name);
  }
  return done;
}

export async function migrate(options: {
  databaseUrl: string;
  migrationsDir: string;
  createDatabase?: boolean;
  log?: (line: string) => void;
}): Promise<MigrateResult> {
  const log = options.log ?? (() => undefined);
  const config = poolConfigFromUrl(options.databaseUrl);
  const database = databaseName(options.databaseUrl);
  const conn = await mariadb.createConnection({
    ...config,
    database: undefined,
    multipleStatements: true,
  });
  try {
    if (options.createDatabase) {
      await conn.query(
        `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
    }
    await conn.query(`USE \`${database}\``);
    // Several app instances may start at once (blue/green); only one migrates at a time.
    const [{ locked }] = await conn.query('SELECT GET_LOCK(?, ?) AS locked', [
      LOCK_NAME,
      LOCK_WAIT_SECONDS,
    ]);
    if (Number(locked) !== 1) throw new MigrationError('마이그레이션 잠금을 얻지 못했습니다.');
    try {
      return await applyPending(conn, await readMigrations(options.migrationsDir), log);
    } finally {
      await conn.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await conn.end();
  }
}

async function applyPending(
  conn: mariadb.Connection,
  files: MigrationFile[],
  log: (line: string) => void,
): Promise<MigrateResult> {
  await conn.query(CREATE_PRISMA_MIGRATIONS);
  const rows: AppliedRow[] = await conn.query(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at',
  );
  const done = verifyHistory(files, rows);
  const applied: string[] = [];
  for (const file of files.filter((f) => !done.has(f.name))) {
    const id = randomUUID();
    await conn.query(
      'INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, NOW(3), 0)',
      [id, file.checksum, file.name],
    );
    try {
      await conn.query(file.sql);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await conn.query('UPDATE _prisma_migrations SET logs = ? WHERE id = ?', [message, id]);
      throw new MigrationError(`마이그레이션 ${file.name} 적용 실패: ${message}`);
    }
    await conn.query(
      'UPDATE _prisma_migrations SET finished_at = NOW(3), applied_steps_count = 1 WHERE id = ?',
      [id],
    );
    log(`applied ${file.name}`);
    applied.push(file.name);
  }
  return { applied, alreadyApplied: [...done] };
}
