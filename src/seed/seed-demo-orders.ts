import { EventSource } from '../generated/prisma/enums';
import type { ChannelsService } from '../channels/channels.service';
import { IMPORT_FIELDS, ImportField } from '../channels/import-fields';
import type { IntakePipeline, IntakeSummary } from '../orders/intake/intake.pipeline';
import { DemoChannel, demoOrderRows } from './demo-orders';

const PLAN: Array<{ channel: DemoChannel; orders: number; seed: number; source: EventSource }> = [
  { channel: 'smartstore', orders: 180, seed: 11, source: EventSource.EXCEL },
  { channel: 'showroom', orders: 60, seed: 12, source: EventSource.FORM },
  { channel: 'hanbit', orders: 60, seed: 13, source: EventSource.EXCEL },
];

const labelOf = (field: ImportField) => IMPORT_FIELDS.find((f) => f.field === field)!.label;

async function* fromIterable<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

// Idempotent like every import: orders are keyed by their channel ids, so a second run
// finds them unchanged.
export async function seedDemoOrders(
  deps: { pipeline: IntakePipeline; channels: ChannelsService },
  now = new Date(),
): Promise<Record<DemoChannel, IntakeSummary>> {
  const results = {} as Record<DemoChannel, IntakeSummary>;
  for (const plan of PLAN) {
    const channel = await deps.channels.findByCode(plan.channel);
    results[plan.channel] = await deps.pipeline.run({
      channel,
      rows: fromIterable(
        demoOrderRows({ channel: plan.channel, orders: plan.orders, seed: plan.seed, now }),
      ),
      headerOf: labelOf,
      source: plan.source,
      actorId: null,
      commit: true,
    });
  }
  return results;
}
