/**
 * Delivery view speed for a day with 2,000 bundles (not a test):
 *   npm run bench:delivery          (BENCH_BUNDLES=2000, BENCH_RUNS=30 by default)
 * Recreates its own database `oms_bench_delivery` on the server of DATABASE_URL, fills one
 * day with bundles over 25 districts (two items each, every tenth with a return pickup),
 * planned district by district into runs of 50 stops, one per driver. Serves the app and
 * prints p50/p95 of GET /delivery: as a clerk, who sees all 2,000 bundles (the day's region
 * counts, the busiest district's cards), and as a driver, who sees his run (his day with the
 * stops in order, his first district's cards). Target: 200 ms.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NestExpressApplication } from '@nestjs/platform-express';
import * as mariadb from 'mariadb';
import { poolConfigFromUrl, withDatabase } from '../src/database/database-url';
import { migrate } from '../src/database/migrator';
import { createUser } from '../test/support/factories';
import { logIn } from '../test/support/http';

const BUNDLES = Number(process.env.BENCH_BUNDLES ?? 2_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const STOPS_PER_RUN = 50;
const TARGET_MS = 200;
const BASE_URL = process.env.DATABASE_URL ?? 'mysql://oms:oms@127.0.0.1:3306/oms';
const BENCH_URL = withDatabase(BASE_URL, 'oms_bench_delivery');
const DAY = '2026-12-01';
const DISTRICTS = [
  ...[
    '강남구',
    '서초구',
    '송파구',
    '강동구',
    '마포구',
    '용산구',
    '성동구',
    '노원구',
    '관악구',
    '은평구',
  ].map((g) => ['서울특별시', g]),
  ...[
    '수원시',
    '성남시',
    '용인시',
    '고양시',
    '화성시',
    '부천시',
    '남양주시',
    '안양시',
    '평택시',
    '김포시',
  ].map((g) => ['경기도', g]),
  ...['해운대구', '수영구', '부산진구', '동래구', '사하구'].map((g) => ['부산광역시', g]),
];

async function insert(
  conn: mariadb.Connection,
  table: string,
  columns: string[],
  rows: unknown[][],
) {
  const tuple = `(${columns.map(() => '?').join(',')})`;
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    await conn.query(
      `INSERT INTO \`${table}\` (${columns.join(',')}) VALUES ${chunk.map(() => tuple).join(',')}`,
      chunk.flat(),
    );
  }
}

async function fill(): Promise<void> {
  const server = await mariadb.createConnection({
    ...poolConfigFromUrl(BASE_URL),
    database: undefined,
  });
  await server.query('DROP DATABASE IF EXISTS oms_bench_delivery');
  await server.end();
  await migrate({
    databaseUrl: BENCH_URL,
    migrationsDir: join(__dirname, '..', 'prisma', 'migrations'),
    createDatabase: true,
  });
  const conn = await mariadb.createConnection(poolConfigFromUrl(BENCH_URL));
  try {
    await conn.query(
      `INSERT INTO Channel (id, code, name, kind, updatedAt) VALUES (1, 'showroom', '자체 매장', 'SHOWROOM', NOW(3))`,
    );
    const runCount = Math.ceil(BUNDLES / STOPS_PER_RUN);
    await insert(
      conn,
      'User',
      ['id', 'username', 'displayName', 'role', 'passwordHash', 'updatedAt'],
      Array.from({ length: runCount }, (_, i) => [
        i + 1,
        `bench-driver-${i + 1}`,
        `기사${i + 1}`,
        'DELIVERY',
        '-',
        new Date(),
      ]),
    );
    await insert(
      conn,
      'DeliveryRun',
      ['id', 'runDate', 'driverId', 'name', 'updatedAt'],
      Array.from({ length: runCount }, (_, i) => [i + 1, DAY, i + 1, `${i + 1}호차`, new Date()]),
    );
    const now = new Date();
    const bundles: unknown[][] = [];
    const orders: unknown[][] = [];
    const items: unknown[][] = [];
    for (let n = 1; n <= BUNDLES; n++) {
      const [sido, sigungu] = DISTRICTS[n % DISTRICTS.length];
      const address = `${sido} ${sigungu} 테스트로 ${n} ${n % 30}01호`;
      const phone = `010-${String(1000 + (n % 9000)).padStart(4, '0')}-${String(n).padStart(4, '0')}`;
      bundles.push([
        n,
        `1:to:${n}`,
        1,
        `수령인${n}`,
        phone,
        address,
        '06236',
        sido,
        sigungu,
        'OPEN',
        DAY,
        '오후에 연락 주세요',
        now,
        now,
        now,
      ]);
      orders.push([
        n,
        1,
        `S-${n}`,
        now,
        `수령인${n}`,
        phone,
        `수령인${n}`,
        phone,
        '06236',
        address,
        '오후에 연락 주세요',
        DAY,
        1_780_000,
        now,
        now,
      ]);
      const pickup = n % 10 === 0;
      for (let k = 1; k <= (pickup ? 3 : 2); k++) {
        const isPickup = pickup && k === 3;
        items.push([
          items.length + 1,
          n,
          1,
          `S-${n}-${k}`,
          k === 2 ? '라텍스 베개' : '모션베드 M1',
          k === 2 ? '높이: 높음' : '퀸 / 그레이',
          1,
          890_000,
          890_000,
          isPickup ? 'RETURN_REQUESTED' : 'PREPARING',
          isPickup ? 'RETURN' : null,
          'OWN_TEAM',
          `1:to:${n}`,
          n,
          sido,
          sigungu,
          now,
          DAY,
          DAY,
          now,
        ]);
      }
    }
    await insert(
      conn,
      'DeliveryBundle',
      [
        'id',
        'bundleKey',
        'channelId',
        'recipientName',
        'recipientPhone',
        'address',
        'postalCode',
        'regionSido',
        'regionSigungu',
        'status',
        'scheduledDate',
        'memo',
        'lastActivityAt',
        'createdAt',
        'updatedAt',
      ],
      bundles,
    );
    await insert(
      conn,
      'Order',
      [
        'id',
        'channelId',
        'externalOrderNo',
        'orderedAt',
        'buyerName',
        'buyerPhone',
        'recipientName',
        'recipientPhone',
        'postalCode',
        'address',
        'memo',
        'requestedDate',
        'totalAmount',
        'createdAt',
        'updatedAt',
      ],
      orders,
    );
    await insert(
      conn,
      'OrderItem',
      [
        'id',
        'orderId',
        'channelId',
        'externalItemNo',
        'productName',
        'optionName',
        'quantity',
        'unitPrice',
        'amount',
        'status',
        'claimType',
        'deliveryMethod',
        'bundleKey',
        'bundleId',
        'regionSido',
        'regionSigungu',
        'orderedAt',
        'scheduledDate',
        'lifeDate',
        'updatedAt',
      ],
      items,
    );
    // District by district, fifty stops to a run: a driver covers one or two districts.
    const byDistrict = bundles
      .map((b) => b[0] as number)
      .sort((a, b) => (a % DISTRICTS.length) - (b % DISTRICTS.length) || a - b);
    for (let start = 0; start < byDistrict.length; start += STOPS_PER_RUN) {
      const ids = byDistrict.slice(start, start + STOPS_PER_RUN);
      const seqs = ids.map((id, index) => `WHEN ${id} THEN ${index + 1}`).join(' ');
      await conn.query(
        `UPDATE DeliveryBundle SET runId = ?, runSeq = CASE id ${seqs} END WHERE id IN (${ids.join(',')})`,
        [start / STOPS_PER_RUN + 1],
      );
    }
    console.log(
      `filled ${BUNDLES} bundles, ${items.length} items for ${DAY} in ${runCount} runs of ${STOPS_PER_RUN}`,
    );
  } finally {
    await conn.end();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(): Promise<void> {
  // Set before the app's modules are loaded: the configuration is read once, at start-up.
  process.env.DATABASE_URL = BENCH_URL;
  process.env.LOG_LEVEL = 'silent';
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { configureApp } = await import('../src/app.setup');
  const { PrismaService } = await import('../src/database/prisma.service');
  const { PasswordHasher } = await import('../src/users/password-hasher');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: false,
  });
  configureApp(app);
  await app.init();
  try {
    const password = 'bench-pass-1234';
    await createUser(app, { username: 'bench-clerk', role: 'CLERK', password });
    const prisma = app.get(PrismaService);
    await prisma.user.update({
      where: { username: 'bench-driver-1' },
      data: { passwordHash: await app.get(PasswordHasher).hash(password) },
    });
    const clerk = await logIn(app.getHttpServer(), 'bench-clerk', { password });
    const driver = await logIn(app.getHttpServer(), 'bench-driver-1', { password });
    const firstStop = await prisma.deliveryBundle.findFirstOrThrow({
      where: { runId: 1 },
      orderBy: { runSeq: 'asc' },
    });
    const districtUrl = (sido: string | null, sigungu: string | null) =>
      `/delivery?date=${DAY}&sido=${encodeURIComponent(sido!)}&sigungu=${encodeURIComponent(sigungu!)}`;
    const busiest = DISTRICTS[0];
    const cases = [
      { who: clerk, label: `clerk: day (${BUNDLES} bundles)`, url: `/delivery?date=${DAY}` },
      {
        who: clerk,
        label: `clerk: busiest district (${Math.ceil(BUNDLES / DISTRICTS.length)} cards)`,
        url: districtUrl(busiest[0], busiest[1]),
      },
      {
        who: driver,
        label: `driver: his run (${STOPS_PER_RUN} stops)`,
        url: `/delivery?date=${DAY}`,
      },
      {
        who: driver,
        label: `driver: his first district`,
        url: districtUrl(firstStop.regionSido, firstStop.regionSigungu),
      },
    ];
    console.log(`\n${RUNS} runs each, GET /delivery (session, query, render), ms`);
    for (const c of cases) {
      await c.who.get(c.url).expect(200);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await c.who.get(c.url).expect(200);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      console.log(
        `${c.label.padEnd(40)} p50 ${percentile(times, 50).toFixed(1).padStart(6)}  p95 ${p95.toFixed(1).padStart(6)}  ${p95 <= TARGET_MS ? 'ok' : 'OVER'}`,
      );
    }
  } finally {
    await app.close();
  }
}

fill()
  .then(measure)
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
