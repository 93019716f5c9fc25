import { Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';

// The newest history rows shown on the page; an order re-imported daily gathers many.
export const TIMELINE_LIMIT = 200;

const DETAIL_INCLUDE = {
  channel: { select: { name: true } },
  items: {
    orderBy: { id: 'asc' },
    include: {
      product: { select: { deletedAt: true } },
      option: { select: { deletedAt: true } },
      amends: { select: { id: true, externalItemNo: true } },
    },
  },
  events: {
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: TIMELINE_LIMIT + 1,
    include: {
      actor: { select: { username: true } },
      item: { select: { externalItemNo: true } },
    },
  },
} satisfies Prisma.OrderInclude;

export type OrderDetail = Prisma.OrderGetPayload<{ include: typeof DETAIL_INCLUDE }>;

@Injectable()
export class OrderDetailService {
  constructor(private readonly prisma: PrismaService) {}

  async get(id: number): Promise<OrderDetail> {
    const order = await this.prisma.order.findUnique({ where: { id }, include: DETAIL_INCLUDE });
    if (!order) throw new NotFoundException();
    return order;
  }
}
