import { INestApplication } from '@nestjs/common';
import type {
  ChannelKind,
  ClaimType,
  DeliveryMethod,
  ItemStatus,
} from '../../src/generated/prisma/enums';
import { PrismaService } from '../../src/database/prisma.service';
import { bundleKeyOf } from '../../src/orders/bundle-key';
import { lifeDateOf } from '../../src/orders/order-status';

// Orders written straight through Prisma, shaped as intake leaves them (item copies of the
// order's channel, date and region; lifeDate and bundle key by the shared rules), so list tests
// can set up exactly the rows they look for.

export interface ItemSpec {
  externalItemNo?: string;
  productName?: string;
  optionName?: string | null;
  productId?: number;
  optionId?: number;
  quantity?: number;
  unitPrice?: number;
  status?: ItemStatus;
  claimType?: ClaimType | null;
  deliveryMethod?: DeliveryMethod;
  scheduledDate?: Date | null;
  completedAt?: Date | null;
  needsReview?: boolean;
}

export interface OrderSpec {
  channel?: string;
  externalOrderNo?: string;
  orderedAt?: Date;
  buyerName?: string;
  buyerPhone?: string | null;
  recipientName?: string;
  recipientPhone?: string;
  address?: string;
  sido?: string | null;
  sigungu?: string | null;
  items?: ItemSpec[];
}

export const TEST_CHANNELS: Record<string, { name: string; kind: ChannelKind }> = {
  smartstore: { name: '네이버 스마트스토어', kind: 'SMARTSTORE' },
  showroom: { name: '자체 매장', kind: 'SHOWROOM' },
  hanbit: { name: '한빛가구 (협력사)', kind: 'PARTNER' },
};

let sequence = 0;

export async function createOrders(app: INestApplication, specs: OrderSpec[]) {
  const prisma = app.get(PrismaService);
  const created = [];
  for (const spec of specs) {
    sequence += 1;
    const code = spec.channel ?? 'smartstore';
    const channel = await prisma.channel.upsert({
      where: { code },
      update: {},
      create: { code, ...(TEST_CHANNELS[code] ?? { name: code, kind: 'PARTNER' }) },
    });
    const orderedAt = spec.orderedAt ?? new Date('2026-11-20T01:00:00Z');
    const who = {
      recipientName: spec.recipientName ?? '김민준',
      recipientPhone: spec.recipientPhone ?? '010-1234-5678',
      address: spec.address ?? '서울특별시 강남구 테헤란로 152',
    };
    const externalOrderNo =
      spec.externalOrderNo ?? `2026112000${String(sequence).padStart(6, '0')}`;
    const items = (spec.items ?? [{}]).map((item, index) => {
      const status = item.status ?? 'NEW';
      const quantity = item.quantity ?? 1;
      const unitPrice = item.unitPrice ?? 890_000;
      const dates = {
        status,
        orderedAt,
        scheduledDate: item.scheduledDate,
        completedAt: item.completedAt,
      };
      return {
        channelId: channel.id,
        externalItemNo: item.externalItemNo ?? `${externalOrderNo}${index + 1}`,
        productId: item.productId,
        optionId: item.optionId,
        productName: item.productName ?? '슬립웨이브 7존 하이브리드 매트리스',
        optionName: item.optionName === undefined ? '사이즈: Q' : item.optionName,
        quantity,
        unitPrice,
        amount: quantity * unitPrice,
        status,
        claimType: item.claimType ?? null,
        deliveryMethod: item.deliveryMethod ?? 'OWN_TEAM',
        bundleKey: bundleKeyOf({ channelId: channel.id, ...who }),
        regionSido: spec.sido === undefined ? '서울특별시' : spec.sido,
        regionSigungu: spec.sigungu === undefined ? '강남구' : spec.sigungu,
        orderedAt,
        scheduledDate: item.scheduledDate ?? null,
        completedAt: item.completedAt ?? null,
        lifeDate: lifeDateOf(dates),
        needsReview: item.needsReview ?? false,
      };
    });
    created.push(
      await prisma.order.create({
        data: {
          channelId: channel.id,
          externalOrderNo,
          orderedAt,
          buyerName: spec.buyerName ?? who.recipientName,
          buyerPhone: spec.buyerPhone === undefined ? who.recipientPhone : spec.buyerPhone,
          ...who,
          totalAmount: items.reduce((sum, item) => sum + item.amount, 0),
          items: { createMany: { data: items } },
        },
        include: { items: { orderBy: { id: 'asc' } } },
      }),
    );
  }
  return created;
}
