import { HttpStatus, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Channel } from '../generated/prisma/client';
import { ChannelsService } from '../channels/channels.service';
import { PrismaService } from '../database/prisma.service';
import { EXPORT_BATCH, EXPORT_MAX_ROWS } from '../orders/order-export';
import { DomainError } from '../shared/http/domain-error';
import { BATCH_ORDER, itemBatches } from './item-batches';
import type { Period } from './period';
import { DISPATCH_COLUMNS, DISPATCH_READY, dispatchRow } from './smartstore-dispatch';
import { sendXlsx } from '../shared/excel/xlsx-download';
import { downloadName, refuseTooLarge } from './export-files';

@Injectable()
export class DispatchExportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly channels: ChannelsService,
  ) {}

  // The page shows what the chosen period holds, once the period is a valid one.
  async page(channelId: unknown, period: Period | null) {
    const channels = await this.smartStoreChannels();
    const channel = channels.find((c) => String(c.id) === String(channelId)) ?? channels[0] ?? null;
    const counts = channel && period ? await this.readyCounts(channel, period) : null;
    return { channels, channel, counts };
  }

  async send(channelId: number | undefined, period: Period, res: Response): Promise<void> {
    const channel = await this.channelFor(channelId);
    const where = this.where(channel, period);
    refuseTooLarge(await this.prisma.orderItem.count({ where, take: EXPORT_MAX_ROWS + 1 }));
    const batches = itemBatches(
      (after, take) =>
        this.prisma.orderItem.findMany({
          where: { AND: [where, after] },
          select: {
            id: true,
            lifeDate: true,
            externalItemNo: true,
            deliveryMethod: true,
            courier: true,
            trackingNo: true,
          },
          orderBy: [...BATCH_ORDER],
          take,
        }),
      EXPORT_BATCH,
    );
    async function* rows() {
      for await (const batch of batches) yield* batch.map(dispatchRow);
    }
    await sendXlsx(res, downloadName('smartstore-dispatch', '스마트스토어-일괄발송', period), [
      { name: '발송처리', columns: DISPATCH_COLUMNS, rows: rows() },
    ]);
  }

  // The one SmartStore channel unless the clerk picked another store.
  private async channelFor(channelId: number | undefined): Promise<Channel> {
    const stores = await this.smartStoreChannels();
    const channel = channelId ? stores.find((c) => c.id === channelId) : stores[0];
    if (!channel) {
      throw new DomainError(
        'NOT_SMARTSTORE',
        '스마트스토어 채널을 찾을 수 없습니다.',
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    return channel;
  }

  private async readyCounts(channel: Channel, period: Period) {
    const where = this.where(channel, period);
    const [parcels, handedOver] = await Promise.all([
      this.prisma.orderItem.count({ where: { ...where, deliveryMethod: 'COURIER' } }),
      this.prisma.orderItem.count({ where: { ...where, deliveryMethod: 'OWN_TEAM' } }),
    ]);
    return { parcels, handedOver };
  }

  private async smartStoreChannels(): Promise<Channel[]> {
    return (await this.channels.list()).filter((c) => c.kind === 'SMARTSTORE');
  }

  private where(channel: Channel, period: Period) {
    return {
      channelId: channel.id,
      lifeDate: { gte: period.start, lt: period.end },
      ...DISPATCH_READY,
    };
  }
}
