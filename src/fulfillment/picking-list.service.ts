import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { PrismaService } from '../database/prisma.service';
import { EXPORT_BATCH } from '../orders/order-export';
import { BATCH_ORDER, itemBatches } from './item-batches';
import type { Period } from './period';
import { PICKING_COLUMNS, PICKING_WHERE, PickLine, pickingTally } from './picking-list';
import { sendXlsx } from '../shared/excel/xlsx-download';
import { downloadName } from './export-files';

@Injectable()
export class PickingListService {
  constructor(private readonly prisma: PrismaService) {}

  // Counted batch by batch: a busy day's items never sit in memory at once, only its lines.
  async lines(day: Period): Promise<PickLine[]> {
    const where = { lifeDate: { gte: day.start, lt: day.end }, ...PICKING_WHERE };
    const tally = pickingTally();
    const batches = itemBatches(
      (after, take) =>
        this.prisma.orderItem.findMany({
          where: { AND: [where, after] },
          select: {
            id: true,
            lifeDate: true,
            productId: true,
            optionId: true,
            productName: true,
            optionName: true,
            deliveryMethod: true,
            quantity: true,
            finalQuantity: true,
          },
          orderBy: [...BATCH_ORDER],
          take,
        }),
      EXPORT_BATCH,
    );
    for await (const batch of batches) tally.add(batch);
    return tally.lines();
  }

  async send(day: Period, res: Response): Promise<void> {
    const lines = await this.lines(day);
    await sendXlsx(res, downloadName('picking', '피킹리스트', day), [
      { name: '피킹리스트', columns: PICKING_COLUMNS, rows: lines.map((line) => ({ ...line })) },
    ]);
  }
}
