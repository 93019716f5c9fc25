import { INestApplication } from '@nestjs/common';
import type { OrderItem } from '../../src/generated/prisma/client';
import { DeliveryMethod, ItemStatus } from '../../src/generated/prisma/enums';
import { PrismaService } from '../../src/database/prisma.service';
import { itemBundleKey } from '../../src/orders/order-item-delivery';
import { lifeDateOf } from '../../src/orders/order-status';

// One order written straight through Prisma, shaped as intake would leave it (snapshot names,
// region, bundle key, a CREATED row), for tests that need exact statuses and products rather
// than a pass through the pipeline (test/support/intake-rows.ts).

export interface FixtureItem {
  status?: ItemStatus;
  productName?: string;
  optionName?: string | null;
  quantity?: number;
  unitPrice?: number;
  bundleNo?: string | null;
  deliveryMethod?: DeliveryMethod;
  courier?: string | null;
  trackingNo?: string | null;
  productDeleted?: boolean;
  optionDeleted?: boolean;
  // Makes this item an add-on of the item at that position in the list.
  addOnOf?: number;
}

export interface FixtureOrder {
  externalOrderNo?: string;
  channelCode?: string;
  items?: FixtureItem[];
}

const ORDERED_AT = new Date('2026-11-23T15:30:00Z');
const REQUESTED_DATE = new Date('2026-11-28T00:00:00Z');
let sequence = 0;

export async function createOrderWithItems(app: INestApplication, spec: FixtureOrder = {}) {
  const prisma = app.get(PrismaService);
  sequence += 1;
  const code = spec.channelCode ?? 'smartstore';
  const channel = await prisma.channel.upsert({
    where: { code },
    update: {},
    create: { code, name: '네이버 스마트스토어', kind: 'SMARTSTORE' },
  });
  const category = await prisma.category.create({ data: { name: `침대 ${sequence}` } });
  const itemSpecs = spec.items ?? [{}];
  const delivery = {
    recipientName: '김민준',
    recipientPhone: '010-1234-5678',
    postalCode: '06236',
    address: '서울특별시 강남구 테헤란로 152',
    addressDetail: '101동 1203호',
    doNotCombine: false,
  };
  const amounts = itemSpecs.map((s) => (s.quantity ?? 1) * (s.unitPrice ?? 890000));
  const order = await prisma.order.create({
    data: {
      channelId: channel.id,
      externalOrderNo: spec.externalOrderNo ?? `20261124${String(sequence).padStart(6, '0')}`,
      orderedAt: ORDERED_AT,
      buyerName: '김민준',
      buyerPhone: '010-1234-5678',
      ...delivery,
      requestedDate: REQUESTED_DATE,
      memo: '문 앞에 두지 마세요',
      totalAmount: amounts.reduce((a, b) => a + b, 0),
    },
  });
  const items: OrderItem[] = [];
  for (const [index, s] of itemSpecs.entries()) {
    const product = await prisma.product.create({
      data: {
        code: `FX-${sequence}-${index}`,
        name: s.productName ?? '모션베드 M1',
        categoryId: category.id,
        price: s.unitPrice ?? 890000,
        deliveryMethod: s.deliveryMethod ?? 'OWN_TEAM',
        deletedAt: s.productDeleted ? new Date() : null,
      },
    });
    const option = await prisma.productOption.create({
      data: {
        productId: product.id,
        name: s.optionName ?? '퀸 / 그레이',
        deletedAt: s.optionDeleted ? new Date() : null,
      },
    });
    const status = s.status ?? 'NEW';
    const amends = s.addOnOf !== undefined ? items[s.addOnOf] : undefined;
    const bundleNo = s.bundleNo ?? null;
    const completedAt = status === 'DELIVERED' || status === 'COMPLETED' ? ORDERED_AT : null;
    items.push(
      await prisma.orderItem.create({
        data: {
          orderId: order.id,
          channelId: channel.id,
          externalItemNo: `${order.externalOrderNo}${String(index + 1).padStart(2, '0')}`,
          productId: product.id,
          optionId: option.id,
          productName: product.name,
          optionName: s.optionName === null ? null : option.name,
          quantity: s.quantity ?? 1,
          unitPrice: s.unitPrice ?? 890000,
          amount: amounts[index],
          status,
          claimType: amends ? 'ADD_ON' : null,
          amendsItemId: amends?.id ?? null,
          deliveryMethod: s.deliveryMethod ?? 'OWN_TEAM',
          bundleNo,
          bundleKey: itemBundleKey(
            { ...delivery, id: order.id, channelId: channel.id },
            { bundleNo },
          ),
          courier: s.courier ?? null,
          trackingNo: s.trackingNo ?? null,
          regionSido: '서울특별시',
          regionSigungu: '강남구',
          orderedAt: ORDERED_AT,
          scheduledDate: REQUESTED_DATE,
          completedAt,
          lifeDate: lifeDateOf({
            status,
            completedAt,
            scheduledDate: REQUESTED_DATE,
            orderedAt: ORDERED_AT,
          }),
        },
      }),
    );
  }
  await prisma.orderEvent.create({
    data: {
      orderId: order.id,
      source: 'EXCEL',
      type: 'CREATED',
      toValue: `${order.externalOrderNo} (${items.length}개 품목)`,
    },
  });
  return { channel, order, items };
}
