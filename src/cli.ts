import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig, ConfigError, loadAppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { PrismaService } from './database/prisma.service';
import { MigrationError, migrate } from './database/migrator';
import { toRegionOverride } from './postal-region/postal-overrides';
import { parseRegionArgs } from './postal-region/region-cli-args';
import { createRegionLookup } from './postal-region/region-lookup';
import { loadRegionTables } from './postal-region/region-tables';
import { seedDemo } from './seed/demo-seed';
import { Role } from './generated/prisma/enums';
import { DomainError, FormValidationError } from './shared/http/domain-error';
import { CreateUserForm } from './users/dto/user-forms';
import { PasswordHasher } from './users/password-hasher';

const ROOT_DIR = join(__dirname, '..');

@Module({ imports: [ConfigModule, DatabaseModule], providers: [PasswordHasher] })
class CliModule {}

const USAGE = `사용법: npm run oms -- <명령>
  migrate        prisma/migrations의 SQL 마이그레이션을 적용합니다 (두 번 실행해도 안전).
  seed --demo    데모 사용자·채널·상품을 넣습니다 (운영 환경에서는 거부).
  import --channel <코드> --file <경로> [--password <암호>] [--dry-run]
                 주문 파일을 가져오고 결과를 JSON 한 줄로 출력합니다.
  bundles rebuild
                 배송 묶음을 주문 항목으로부터 다시 계산합니다 (지역 재분류·상품 연결 뒤 등).
  region <우편번호> [주소…] | region <주소…>
                 배송 지역(시/도, 시/군/구)을 판정해 JSON 한 줄로 출력합니다.
  users create-admin --username <아이디> [--name <이름>]
                 관리자 계정을 만듭니다 (운영 환경의 첫 관리자). 비밀번호는 OMS_PASSWORD
                 환경 변수나 표준 입력의 첫 줄로 줍니다.`;

async function runMigrate(config: AppConfig): Promise<void> {
  const result = await migrate({
    databaseUrl: config.database.url,
    migrationsDir: join(ROOT_DIR, 'prisma', 'migrations'),
    createDatabase: !config.isProduction,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function runSeed(config: AppConfig, args: string[]): Promise<void> {
  if (!args.includes('--demo')) throw new ConfigError(USAGE);
  if (config.isProduction) {
    throw new ConfigError('운영 환경(NODE_ENV=production)에서는 데모 데이터를 넣지 않습니다.');
  }
  // Demo orders go through the real intake pipeline, which needs the whole application.
  const { AppModule } = await import('./app.module');
  const { IntakePipeline } = await import('./orders/intake/intake.pipeline');
  const { ChannelsService } = await import('./channels/channels.service');
  const { seedDemoOrders } = await import('./seed/seed-demo-orders');
  const { seedDemoRun } = await import('./seed/seed-demo-run');
  const { RunsService } = await import('./delivery-bundling/runs.service');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    const summary = await seedDemo(
      app.get(PrismaService),
      app.get(PasswordHasher),
      config.demoPassword,
    );
    const orders = await seedDemoOrders({
      pipeline: app.get(IntakePipeline),
      channels: app.get(ChannelsService),
    });
    const run = await seedDemoRun({
      prisma: app.get(PrismaService),
      runs: app.get(RunsService),
    });
    const counts = Object.fromEntries(
      Object.entries(orders).map(([channel, s]) => [
        channel,
        { created: s.created, updated: s.updated, unchanged: s.unchanged, failed: s.failed },
      ]),
    );
    process.stdout.write(`${JSON.stringify({ ...summary, orders: counts, run })}\n`);
  } finally {
    await app.close();
  }
}

async function runRegion(args: string[]): Promise<void> {
  if (!args.length) throw new ConfigError(USAGE);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    const rows = await app.get(PrismaService).postalOverride.findMany();
    const lookup = createRegionLookup({
      tables: loadRegionTables(),
      overrides: new Map(rows.map((r) => [r.postalCode, toRegionOverride(r)])),
    });
    process.stdout.write(`${JSON.stringify(lookup.lookup(parseRegionArgs(args)))}\n`);
  } finally {
    await app.close();
  }
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

// One JSON line counting order items; exits non-zero only when the file as a whole could not
// be read (row-level problems are in "errors").
async function runImport(args: string[]): Promise<void> {
  const channelCode = option(args, '--channel');
  const path = option(args, '--file');
  if (!channelCode || !path) throw new ConfigError(USAGE);
  // The whole application only for this command: the others start in a fraction of the time.
  const { AppModule } = await import('./app.module');
  const { ImportService } = await import('./orders/intake/import.service');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    const summary = await app.get(ImportService).importFile({
      channelCode,
      fileName: basename(path),
      bytes: await readFile(path),
      password: option(args, '--password'),
      dryRun: args.includes('--dry-run'),
    });
    const { created, updated, unchanged, failed, errors } = summary;
    process.stdout.write(`${JSON.stringify({ created, updated, unchanged, failed, errors })}\n`);
  } catch (error) {
    if (error instanceof DomainError) {
      process.stdout.write(`${JSON.stringify({ error: error.code, message: error.message })}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    await app.close();
  }
}

// The bundles are a read model of the items: recomputing them changes nothing on a
// consistent database and puts them right after a bulk change made elsewhere.
async function runBundles(args: string[]): Promise<void> {
  if (args[0] !== 'rebuild') throw new ConfigError(USAGE);
  const { AppModule } = await import('./app.module');
  const { BundlesService } = await import('./delivery-bundling/bundles.service');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    const prisma = app.get(PrismaService);
    await app.get(BundlesService).rebuildAll();
    const bundles = await prisma.deliveryBundle.count();
    const assigned = await prisma.orderItem.count({ where: { bundleId: { not: null } } });
    process.stdout.write(`${JSON.stringify({ bundles, assignedItems: assigned })}\n`);
  } finally {
    await app.close();
  }
}

// The first administrator of a production install, where no demo user is ever created. The
// password never appears on the command line (shell history, the process list).
async function runUsers(args: string[]): Promise<void> {
  if (args[0] !== 'create-admin') throw new ConfigError(USAGE);
  const username = option(args, '--username');
  if (!username) throw new ConfigError(USAGE);
  const form = plainToInstance(CreateUserForm, {
    username,
    displayName: option(args, '--name') ?? username,
    role: Role.ADMIN,
    password: process.env.OMS_PASSWORD ?? (await passwordFromStdin()),
  });
  const problems = validateSync(form).flatMap((e) => Object.values(e.constraints ?? {}));
  if (problems.length) throw new ConfigError(problems.join('\n'));
  const { AppModule } = await import('./app.module');
  const { UsersService } = await import('./users/users.service');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  try {
    const user = await app.get(UsersService).create(form, null);
    process.stdout.write(`${JSON.stringify({ created: user.username, role: user.role })}\n`);
  } catch (error) {
    if (error instanceof FormValidationError) {
      throw new ConfigError(Object.values(error.fieldErrors).join('\n'));
    }
    throw error;
  } finally {
    await app.close();
  }
}

async function passwordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new ConfigError(
      '비밀번호를 OMS_PASSWORD 환경 변수나 표준 입력으로 주세요. 예: printf \'%s\\n\' "$PW" | npm run oms -- users create-admin --username boss',
    );
  }
  process.stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of process.stdin) text += chunk as string;
  return text.split(/\r?\n/)[0];
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const config = loadAppConfig();
  if (command === 'migrate') return runMigrate(config);
  if (command === 'seed') return runSeed(config, args);
  if (command === 'region') return runRegion(args);
  if (command === 'import') return runImport(args);
  if (command === 'bundles') return runBundles(args);
  if (command === 'users') return runUsers(args);
  throw new ConfigError(USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof MigrationError;
  process.stderr.write(
    `${known ? (error as Error).message : error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
