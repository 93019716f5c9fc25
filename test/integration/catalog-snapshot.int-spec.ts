import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import { CatalogService } from '../../src/catalog/catalog.service';
import { CatalogVersion } from '../../src/catalog/catalog-version.service';
import { CategoriesService } from '../../src/catalog/categories.service';
import { withDeletedMark } from '../../src/catalog/catalog-names';
import { ProductCommands } from '../../src/catalog/product-commands.service';
import { PrismaService } from '../../src/database/prisma.service';
import { DeliveryMethod } from '../../src/generated/prisma/enums';
import { REDIS } from '../../src/redis/redis.provider';
import { DomainError } from '../../src/shared/http/domain-error';
import { createStaff } from '../support/factories';
import { csrfFrom, logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

// A bed and a topper, each with two sizes, in two categories; made through the real services.
async function seedCatalog(app: NestExpressApplication) {
  const categories = app.get(CategoriesService);
  const products = app.get(ProductCommands);
  const mattress = await categories.create('매트리스');
  const topper = await categories.create('토퍼');
  const sizes = [
    { name: '사이즈: Q / 색상: 그레이', extraPrice: 0 },
    { name: '사이즈: K / 색상: 그레이', extraPrice: 150_000 },
  ];
  const base = { price: 890_000, deliveryMethod: DeliveryMethod.OWN_TEAM, options: sizes };
  const bed = await products.create({
    ...base,
    code: 'MT-1',
    name: '하이브리드 매트리스',
    categoryId: mattress.id,
  });
  const pad = await products.create({
    ...base,
    code: 'TP-1',
    name: '라텍스 토퍼',
    categoryId: topper.id,
  });
  const options = await app.get(PrismaService).productOption.findMany({ orderBy: { id: 'asc' } });
  const [bedQ, bedK, padQ] = options;
  return { mattress, topper, bed, pad, bedQ, bedK, padQ };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('the catalog snapshot other modules read', () => {
  let app: NestExpressApplication;
  let catalog: CatalogService;
  let seeded: Awaited<ReturnType<typeof seedCatalog>>;

  beforeAll(async () => {
    app = await createTestApp();
    catalog = app.get(CatalogService);
  });
  beforeEach(async () => {
    await resetState(app);
    seeded = await seedCatalog(app);
  });
  afterAll(() => app.close());

  it('serves the same in-memory snapshot while nothing changes', async () => {
    const first = await catalog.getSnapshot();
    expect(await catalog.getSnapshot()).toBe(first);
    expect(first.products.get(seeded.bed.id)).toMatchObject({ code: 'MT-1', deleted: false });
  });

  it('matches channel option texts however they are spaced or cased', async () => {
    const snapshot = await catalog.getSnapshot();
    const [match] = snapshot.findOptions('하이브리드  매트리스 ', '사이즈:q/색상:그레이');
    expect(match).toMatchObject({ option: { id: seeded.bedQ.id }, orderable: true });
  });

  it('keeps a deleted product resolvable by id, flagged, while the picker drops it', async () => {
    await app.get(ProductCommands).setDeleted(seeded.bed.id, true);
    const snapshot = await catalog.getSnapshot();
    const bed = snapshot.products.get(seeded.bed.id)!;
    expect(bed.deleted).toBe(true);
    expect(withDeletedMark(bed.name, bed.deleted)).toBe('하이브리드 매트리스 (삭제됨)');
    expect(snapshot.options.get(seeded.bedQ.id)?.name).toBe('사이즈: Q / 색상: 그레이');
    const picker = await catalog.listForPicker();
    expect(picker.map((c) => c.name)).toEqual(['토퍼']);
    expect(picker[0].products.map((p) => p.code)).toEqual(['TP-1']);
  });

  it('accepts active products and options on a new order', async () => {
    await expect(
      catalog.assertOrderable([
        { productId: seeded.bed.id, optionId: seeded.bedQ.id },
        { productId: seeded.pad.id, optionId: null },
      ]),
    ).resolves.toBeUndefined();
  });

  it('refuses a deleted product on a new order (422)', async () => {
    await app.get(ProductCommands).setDeleted(seeded.bed.id, true);
    const error = await refusal(
      catalog.assertOrderable([{ productId: seeded.bed.id, optionId: seeded.bedQ.id }]),
    );
    expect(error).toMatchObject({ code: 'CATALOG_ITEM_DELETED', status: 422 });
    expect(error.message).toBe('삭제된 상품은 주문할 수 없습니다: 하이브리드 매트리스');
  });

  it('refuses a deleted option on a new order', async () => {
    const products = app.get(ProductCommands);
    const edited = await app.get(PrismaService).product.findUniqueOrThrow({
      where: { id: seeded.bed.id },
    });
    await products.update(seeded.bed.id, {
      code: 'MT-1',
      name: '하이브리드 매트리스',
      categoryId: seeded.mattress.id,
      price: 890_000,
      deliveryMethod: DeliveryMethod.OWN_TEAM,
      updatedAt: edited.updatedAt.toISOString(),
      options: [
        { id: seeded.bedK.id, name: seeded.bedK.name, extraPrice: 150_000, deleted: 'true' },
      ],
    });
    const error = await refusal(
      catalog.assertOrderable([{ productId: seeded.bed.id, optionId: seeded.bedK.id }]),
    );
    expect(error.message).toBe(
      '삭제된 상품은 주문할 수 없습니다: 하이브리드 매트리스 / 사이즈: K / 색상: 그레이',
    );
    await expect(
      catalog.assertOrderable([{ productId: seeded.bed.id, optionId: seeded.bedQ.id }]),
    ).resolves.toBeUndefined();
  });

  it('refuses a product whose category was deleted behind the service (older data)', async () => {
    await app
      .get(PrismaService)
      .category.update({ where: { id: seeded.topper.id }, data: { deletedAt: new Date() } });
    await app.get(CatalogVersion).bump();
    const error = await refusal(catalog.assertOrderable([{ productId: seeded.pad.id }]));
    expect(error).toMatchObject({ code: 'CATALOG_ITEM_DELETED' });
    expect(error.message).toBe('삭제된 상품은 주문할 수 없습니다: 라텍스 토퍼 (분류: 토퍼)');
  });

  it('refuses an option of another product, and ids the catalog never had', async () => {
    const mismatch = await refusal(
      catalog.assertOrderable([{ productId: seeded.bed.id, optionId: seeded.padQ.id }]),
    );
    expect(mismatch).toMatchObject({ code: 'CATALOG_OPTION_MISMATCH', status: 422 });
    expect(mismatch.message).toContain('하이브리드 매트리스 / 사이즈: Q / 색상: 그레이');
    const unknown = await refusal(catalog.assertOrderable([{ productId: 999_999 }]));
    expect(unknown).toMatchObject({ code: 'CATALOG_ITEM_UNKNOWN', status: 422 });
  });

  it('reloads after Redis loses the version key instead of trusting an old snapshot', async () => {
    const before = await catalog.getSnapshot();
    await app.get<Redis>(REDIS).flushdb();
    await app
      .get(PrismaService)
      .product.update({ where: { id: seeded.pad.id }, data: { name: '라텍스 토퍼 2세대' } });
    await app.get(CatalogVersion).bump();
    const after = await catalog.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.products.get(seeded.pad.id)?.name).toBe('라텍스 토퍼 2세대');
  });
});

describe('the catalog snapshot across app instances', () => {
  let a: NestExpressApplication;
  let b: NestExpressApplication;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('sees a change made through instance A on instance B at once', async () => {
    await resetState(a);
    await createStaff(a);
    const seeded = await seedCatalog(a);
    const onB = b.get(CatalogService);
    const cached = await onB.getSnapshot();
    expect(cached.products.get(seeded.bed.id)?.deleted).toBe(false);
    expect(await onB.getSnapshot()).toBe(cached);

    const admin = await logIn(a.getHttpServer(), 'admin');
    const token = csrfFrom((await admin.get('/admin/catalog')).text);
    const res = await admin
      .post(`/admin/catalog/products/${seeded.bed.id}/delete`)
      .type('form')
      .send({ _csrf: token });
    expect(res.status).toBe(302);

    const fresh = await onB.getSnapshot();
    expect(fresh.products.get(seeded.bed.id)?.deleted).toBe(true);
    await expect(onB.assertOrderable([{ productId: seeded.bed.id }])).rejects.toMatchObject({
      code: 'CATALOG_ITEM_DELETED',
    });
    expect((await onB.listForPicker()).flatMap((c) => c.products.map((p) => p.code))).toEqual([
      'TP-1',
    ]);
  });
});
