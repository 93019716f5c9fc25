import { HttpStatus, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Channel } from '../generated/prisma/client';
import { ChannelsService } from '../channels/channels.service';
import { PrismaService } from '../database/prisma.service';
import { EXPORT_BATCH, EXPORT_MAX_ROWS } from '../orders/order-export';
import { DomainError } from '../shared/http/domain-error';
import { BATCH_ORDER, itemBatches } from './item-batches';
import { partnerColumns, partnerRecord } from './partner-export';
import type { Period } from './period';
import { sendXlsx } from '../shared/excel/xlsx-download';
import { downloadName, refuseTooLarge } from './export-files';

const ORDER_COLUMNS = {
  externalOrderNo: true,
  orderedAt: true,
  buyerName: true,
  buyerPhone: true,
  recipientName: true,
  recipientPhone: true,
  postalCode: true,
  address: true,
  addressDetail: true,
  memo: true,
  requestedDate: true,
} as const;

@Injectable()
export class PartnerExportService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly channels: ChannelsService,
  ) {}

  // The columns are shown before the download, so the admin can see what the partner gets.
  async page(channelId: unknown) {
    const channels = await this.partnerChannels();
    const channel = channels.find((c) => String(c.id) === String(channelId)) ?? channels[0] ?? null;
    const layout = channel ? await this.channels.layoutFor(channel) : {};
    return { channels, channel, headers: partnerColumns(layout).map((c) => c.header) };
  }

  async send(channelId: number | undefined, period: Period, res: Response): Promise<void> {
    const channel = await this.channelFor(channelId);
    const where = { channelId: channel.id, lifeDate: { gte: period.start, lt: period.end } };
    refuseTooLarge(await this.prisma.orderItem.count({ where, take: EXPORT_MAX_ROWS + 1 }));
    const columns = partnerColumns(await this.channels.layoutFor(channel));
    const batches = itemBatches(
      (after, take) =>
        this.prisma.orderItem.findMany({
          where: { AND: [where, after] },
          include: {
            order: { select: ORDER_COLUMNS },
            listing: { select: { channelProductId: true } },
          },
          orderBy: [...BATCH_ORDER],
          take,
        }),
      EXPORT_BATCH,
    );
    async function* rows() {
      for await (const batch of batches) {
        yield* batch.map(({ listing, ...item }) =>
          partnerRecord({ ...item, channelProductId: listing?.channelProductId ?? null }),
        );
      }
    }
    await sendXlsx(res, downloadName(`partner-${channel.code}`, channel.name, period), [
      { name: '주문', columns, rows: rows() },
    ]);
  }

  private async channelFor(channelId: number | undefined): Promise<Channel> {
    const partners = await this.partnerChannels();
    const channel = partners.find((c) => c.id === channelId);
    if (!channel) {
      throw new DomainError(
        'NOT_PARTNER',
        '내보낼 협력사 채널을 선택하세요.',
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    return channel;
  }

  private async partnerChannels(): Promise<Channel[]> {
    return (await this.channels.list()).filter((c) => c.kind === 'PARTNER');
  }
}
