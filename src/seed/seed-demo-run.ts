import type { PrismaService } from '../database/prisma.service';
import type { RunsService } from '../delivery-bundling/runs.service';
import { formatDate } from '../shared/views/formatting';

const DEMO_DRIVER = 'driver';
const DEMO_STOPS = 8;

// Today's run for the demo driver, so his phone shows stops right after `npm start`: the
// first few open bundles due today, by district. Planned through the same service a clerk
// uses; a driver who already has a run today keeps it, so a second seed changes nothing.
export async function seedDemoRun(
  deps: { prisma: PrismaService; runs: RunsService },
  now = new Date(),
): Promise<{ runId: number; stops: number } | null> {
  const { prisma, runs } = deps;
  const driver = await prisma.user.findUnique({ where: { username: DEMO_DRIVER } });
  if (!driver) return null;
  const date = formatDate(now);
  const runDate = new Date(`${date}T00:00:00Z`);
  const existing = await prisma.deliveryRun.findUnique({
    where: { runDate_driverId: { runDate, driverId: driver.id } },
    select: { id: true, _count: { select: { bundles: true } } },
  });
  if (existing) return { runId: existing.id, stops: existing._count.bundles };
  const bundles = await prisma.deliveryBundle.findMany({
    where: { scheduledDate: runDate, status: 'OPEN', runId: null },
    orderBy: [{ regionSido: 'asc' }, { regionSigungu: 'asc' }, { address: 'asc' }],
    take: DEMO_STOPS,
    select: { id: true },
  });
  const run = await runs.create({ date, driverId: driver.id, name: '1호차 오늘 배송' });
  const stops = bundles.length
    ? await runs.addStops(
        run.id,
        bundles.map((b) => b.id),
      )
    : 0;
  return { runId: run.id, stops };
}
