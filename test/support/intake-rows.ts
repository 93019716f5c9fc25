import type { INestApplication } from '@nestjs/common';
import type { RawOrderRow } from '../../src/channels/import-fields';
import { PrismaService } from '../../src/database/prisma.service';
import type { ChannelKind, EventSource } from '../../src/generated/prisma/enums';
import { IntakePipeline } from '../../src/orders/intake/intake.pipeline';
import { showroomHeaderOf } from '../../src/orders/showroom-order';

// Orders through the real intake pipeline (regions, listings, bundles and history as an
// import writes them), from rows already mapped to our fields.
export async function intakeRows(
  app: INestApplication,
  rows: RawOrderRow[],
  options: { code?: string; kind?: ChannelKind; source?: EventSource } = {},
): Promise<void> {
  const { code = 'showroom', kind = 'SHOWROOM', source = 'FORM' } = options;
  const channel = await app.get(PrismaService).channel.upsert({
    where: { code },
    update: {},
    create: { code, name: code === 'showroom' ? '자체 매장' : code, kind },
  });
  await app.get(IntakePipeline).run({
    channel,
    rows: (async function* () {
      for (const [index, raw] of rows.entries()) yield { rowNumber: index + 1, raw };
    })(),
    headerOf: showroomHeaderOf,
    source,
    actorId: null,
    commit: true,
  });
}

let sequence = 0;

// One order row per call, numbered O-n / I-n, for a 강남구 stop due on 2026-12-01 unless the
// suite's defaults or the call say otherwise.
export function orderRows(defaults: RawOrderRow = {}) {
  return (over: RawOrderRow = {}): RawOrderRow => {
    sequence += 1;
    return {
      externalOrderNo: `O-${sequence}`,
      externalItemNo: `I-${sequence}`,
      orderedAt: '2026-11-24 10:00:00',
      recipientName: '김민준',
      recipientPhone: '010-1234-5678',
      postalCode: '06236',
      address: '서울특별시 강남구 테헤란로 152',
      productName: '모션베드 M1',
      optionText: '퀸 / 그레이',
      quantity: '1',
      unitPrice: '890000',
      requestedDate: '2026-12-01',
      ...defaults,
      ...over,
    };
  };
}
