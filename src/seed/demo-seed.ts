import { Role } from '../generated/prisma/enums';
import { PrismaService } from '../database/prisma.service';
import { PasswordHasher } from '../users/password-hasher';
import { DEMO_CATEGORIES, DEMO_CHANNELS, DEMO_PRODUCTS } from './demo-catalog';

export const DEMO_USERS = [
  { username: 'admin', displayName: '김관리', role: Role.ADMIN },
  { username: 'clerk', displayName: '이주문', role: Role.CLERK },
  { username: 'driver', displayName: '박배송', role: Role.DELIVERY },
];

export interface SeedSummary {
  users: number;
  channels: number;
  categories: number;
  products: number;
  options: number;
}

// Idempotent: every record is found by its natural key first, so running the seed again
// changes nothing and never resets a password a demo user has since changed.
export async function seedDemo(
  prisma: PrismaService,
  hasher: PasswordHasher,
  demoPassword: string,
): Promise<SeedSummary> {
  const passwordHash = await hasher.hash(demoPassword);
  for (const user of DEMO_USERS) {
    await prisma.user.upsert({
      where: { username: user.username },
      update: {},
      create: { ...user, passwordHash },
    });
  }
  for (const channel of DEMO_CHANNELS) {
    await prisma.channel.upsert({ where: { code: channel.code }, update: {}, create: channel });
  }
  const categoryIds = new Map<string, number>();
  for (const [index, name] of DEMO_CATEGORIES.entries()) {
    const existing = await prisma.category.findFirst({ where: { name } });
    const category =
      existing ?? (await prisma.category.create({ data: { name, sortOrder: index } }));
    categoryIds.set(name, category.id);
  }
  for (const p of DEMO_PRODUCTS) {
    const existing = await prisma.product.findUnique({ where: { code: p.code } });
    if (existing) continue;
    await prisma.product.create({
      data: {
        code: p.code,
        name: p.name,
        price: p.price,
        deliveryMethod: p.method,
        categoryId: categoryIds.get(p.category)!,
        options: { create: p.options.map((o, sortOrder) => ({ ...o, sortOrder })) },
      },
    });
  }
  const [users, channels, categories, products, options] = await Promise.all([
    prisma.user.count(),
    prisma.channel.count(),
    prisma.category.count(),
    prisma.product.count(),
    prisma.productOption.count(),
  ]);
  return { users, channels, categories, products, options };
}
