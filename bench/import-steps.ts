// One measured step of bench:import, run in a fresh process so its peak memory is its own.
import 'reflect-metadata';
import { readFile, writeFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

function trackPeakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

async function build(path: string, rows: number) {
  const exists = await stat(path).catch(() => null);
  if (exists) return { built: false };
  const { buildSmartStoreOrderFile } = await import('../test/fixtures/smartstore-file');
  await writeFile(path, await buildSmartStoreOrderFile({ rows }));
  return { built: true };
}

async function plainRead(path: string) {
  const bytes = await readFile(path);
  const stop = trackPeakRss();
  const started = performance.now();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) if (row) rows++;
    break;
  }
  return { rows, seconds: (performance.now() - started) / 1000, peakRssMb: stop() / 1048576 };
}

async function importFile(path: string) {
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { ImportService } = await import('../src/orders/intake/import.service');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  const bytes = await readFile(path);
  // What the application holds before the first row (NestJS, Prisma, Redis, the file itself).
  const startRssMb = process.memoryUsage().rss / 1048576;
  const stop = trackPeakRss();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const summary = await app
    .get(ImportService)
    .importFile({ channelCode: 'smartstore', fileName: 'bench.xlsx', bytes, dryRun: false });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const peakRssMb = stop() / 1048576;
  await app.close();
  const { created, updated, unchanged, failed } = summary;
  return { seconds, cpuSeconds, peakRssMb, startRssMb, created, updated, unchanged, failed };
}

const [step, path, rows] = process.argv.slice(2);
const run =
  step === 'build'
    ? build(path, Number(rows))
    : step === 'read'
      ? plainRead(path)
      : importFile(path);
run
  .then((result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
