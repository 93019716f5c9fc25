import { Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { ItemStatus } from '../generated/prisma/enums';
import { PrismaService } from '../database/prisma.service';
import { effectiveAmount, effectiveQuantity } from './order-finalize';
import { seoulDayStart } from '../shared/text/seoul-time';

// A statement lists what was supplied: items cancelled or taken back are not on it.
const NOT_SUPPLIED: ItemStatus[] = ['CANCELLED', 'RETURNED'];
const WHERE_SUPPLIED = { status: { notIn: NOT_SUPPLIED } } satisfies Prisma.OrderItemWhereInput;

const STATEMENT_ITEM_SELECT = {
  externalItemNo: true,
  productName: true,
  optionName: true,
  quantity: true,
  unitPrice: true,
  amount: true,
  finalQuantity: true,
  finalAmount: true,
  order: { select: { externalOrderNo: true } },
} satisfies Prisma.OrderItemSelect;

type ItemRow = Prisma.OrderItemGetPayload<{ select: typeof STATEMENT_ITEM_SELECT }>;

// An item as a statement counts it: at its final quantity and amount once finalised.
export interface StatementItem {
  externalOrderNo: string;
  externalItemNo: string;
  productName: string;
  optionName: string | null;
  quantity: number;
  unitPrice: number;
  amount: number;
  finalized: boolean;
}

function statementItemOf(row: ItemRow): StatementItem {
  return {
    externalOrderNo: row.order.externalOrderNo,
    externalItemNo: row.externalItemNo,
    productName: row.productName,
    optionName: row.optionName,
    quantity: effectiveQuantity(row),
    unitPrice: row.unitPrice,
    amount: effectiveAmount(row),
    finalized: row.finalAmount !== null,
  };
}

export interface OrderStatementData {
  id: number;
  externalOrderNo: string;
  orderedAt: Date;
  buyerName: string;
  buyerPhone: string | null;
  channelName: string;
  items: StatementItem[];
}

// Read-only views of orders for the statements fulfillment prints.
@Injectable()
export class OrderStatementDataService {
  constructor(private readonly prisma: PrismaService) {}

  async order(id: number): Promise<OrderStatementData> {
    const order = await this.prisma.order.findUnique({
      where: { id },
      select: {
        id: true,
        externalOrderNo: true,
        orderedAt: true,
        buyerName: true,
        buyerPhone: true,
        channel: { select: { name: true } },
        items: { where: WHERE_SUPPLIED, orderBy: { id: 'asc' }, select: STATEMENT_ITEM_SELECT },
      },
    });
    if (!order) throw new NotFoundException();
    const { channel, items, ...rest } = order;
    return { ...rest, channelName: channel.name, items: items.map(statementItemOf) };
  }

  // A channel's items filed under one Seoul day (seed 000: the day follows the item's life,
  // so a delivered item counts on its delivery day), grouped by order, at most `limit`.
  // The range is read on the (channelId, lifeDate) index.
  async channelDay(params: {
    channelId: number;
    day: string;
    limit: number;
  }): Promise<StatementItem[]> {
    const { channelId, day, limit } = params;
    const start = seoulDayStart(day);
    const end = seoulDayStart(day, 1);
    if (!start || !end) return [];
    const rows = await this.prisma.orderItem.findMany({
      where: { channelId, lifeDate: { gte: start, lt: end }, ...WHERE_SUPPLIED },
      orderBy: [{ orderId: 'asc' }, { id: 'asc' }],
      take: limit,
      select: STATEMENT_ITEM_SELECT,
    });
    return rows.map(statementItemOf);
  }
}
