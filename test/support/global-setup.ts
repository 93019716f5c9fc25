import { join } from 'node:path';
import * as mariadb from 'mariadb';
import { poolConfigFromUrl } from '../../src/database/database-url';
import { migrate } from '../../src/database/migrator';
import { BASE_DATABASE_URL, workerDatabaseName, workerDatabaseUrl } from './test-env';

// Every run starts from empty databases migrated by the project's own migrator, so the
// migrations themselves are exercised on each run.
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const workers = Math.max(1, globalConfig.maxWorkers);
  const conn = await mariadb.createConnection({
    ...poolConfigFromUrl(BASE_DATABASE_URL),
    database: undefined,
  });
  try {
    for (let worker = 1; worker <= workers; worker++) {
      await conn.query(`DROP DATABASE IF EXISTS \`${workerDatabaseName(worker)}\``);
    }
  } finally {
    await conn.end();
  }
  for (let worker = 1; worker <= workers; worker++) {
    await migrate({
      databaseUrl: workerDatabaseUrl(worker),
      migrationsDir: join(__dirname, '..', '..', 'prisma', 'migrations'),
      createDatabase: true,
    });
  }
}
