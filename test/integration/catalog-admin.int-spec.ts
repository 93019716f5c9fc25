import type { NestExpressApplication } from '@nestjs/platform-express';
import { CategoriesService } from '../../src/catalog/categories.service';
import { ProductCommands } from '../../src/catalog/product-commands.service';
import { PrismaService } from '../../src/database/prisma.service';
import { DeliveryMethod } from '../../src/generated/prisma/enums';
import { createStaff } from '../support/factories';
import { Agent, csrfFrom, logIn } from '../support/http';
import { createTestApp, resetState } from '../support/test-app';

type Form = Record<string, string>;

// Page text as a person reads it (Handlebars escapes quotes and "=").
const readable = (html: string) =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

// The product form as a browser sends it: options as options[<row>][<field>].
function productForm(fields: Form, options: Form[] = []): Form {
  const form: Form = { deliveryMethod: 'OWN_TEAM', ...fields };
  options.forEach((option, row) => {
    for (const [key, value] of Object.entries(option)) form[`options[${row}][${key}]`] = value;
  });
  return form;
}

describe('catalog administration', () => {
  let app: NestExpressApplication;
  let prisma: PrismaService;
  let admin: Agent;
  let mattress: { id: number };

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetState(app);
    await createStaff(app);
    admin = await logIn(app.getHttpServer(), 'admin');
    mattress = await app.get(CategoriesService).create('매트리스');
  });
  afterAll(() => app.close());

  async function post(agent: Agent, path: string, form: Form, page = '/admin/catalog') {
    const token = csrfFrom((await agent.get(page)).text);
    return agent
      .post(path)
      .type('form')
      .send({ _csrf: token, ...form });
  }

  function addProduct(code: string, overrides: Partial<{ name: string; categoryId: number }> = {}) {
    return app.get(ProductCommands).create({
      code,
      name: overrides.name ?? `상품 ${code}`,
      categoryId: overrides.categoryId ?? mattress.id,
      price: 500_000,
      deliveryMethod: DeliveryMethod.OWN_TEAM,
      options: [
        { name: '사이즈: Q', extraPrice: 0 },
        { name: '사이즈: K', extraPrice: 150_000 },
      ],
    });
  }

  async function editForm(id: number) {
    const page = await admin.get(`/admin/catalog/products/${id}`);
    return { updatedAt: /name="updatedAt" value="([^"]+)"/.exec(page.text)![1], page };
  }

  it('lets an admin add a product with its options, then lists it', async () => {
    const res = await post(
      admin,
      '/admin/catalog/products',
      productForm(
        {
          code: 'MT-HYB-01',
          name: '하이브리드 매트리스',
          categoryId: String(mattress.id),
          price: '890,000',
        },
        [
          { name: '사이즈: Q / 색상: 그레이', extraPrice: '200000' },
          { name: '사이즈: K', extraPrice: '' },
          { name: '', extraPrice: '' },
        ],
      ),
      '/admin/catalog/products/new',
    );
    expect(res.status).toBe(302);
    const product = await prisma.product.findUniqueOrThrow({
      where: { code: 'MT-HYB-01' },
      include: { options: { orderBy: { sortOrder: 'asc' } } },
    });
    expect(res.headers.location).toBe(`/admin/catalog/products/${product.id}`);
    expect(product).toMatchObject({ price: 890_000, deliveryMethod: 'OWN_TEAM' });
    expect(product.options.map((o) => [o.name, o.extraPrice])).toEqual([
      ['사이즈: Q / 색상: 그레이', 200_000],
      ['사이즈: K', 0],
    ]);
    const list = await admin.get('/admin/catalog');
    expect(list.text).toContain('상품 MT-HYB-01을(를) 추가했습니다.');
    expect(list.text).toContain('하이브리드 매트리스');
    expect(list.text).toContain('890,000원');
    expect(list.text).toContain('자체배송');
  });

  it('re-renders the product form with the input and Korean errors beside the fields (422)', async () => {
    const res = await post(
      admin,
      '/admin/catalog/products',
      productForm(
        { code: '코드!', name: '', categoryId: '', price: '-5', deliveryMethod: 'DRONE' },
        [{ name: '', extraPrice: '5000' }],
      ),
      '/admin/catalog/products/new',
    );
    expect(res.status).toBe(422);
    for (const message of [
      '상품 코드는 영문, 숫자, . _ - 로 50자 이내입니다.',
      '상품명을 1~200자로 입력하세요.',
      '분류를 선택하세요.',
      '판매가는 0원 이상의 정수로 입력하세요.',
      '배송 방법을 선택하세요.',
    ])
      expect(res.text).toContain(message);
    expect(res.text).toContain('value="코드!"');
    expect(res.text).toContain('value="-5"');
    expect(res.text).toContain('name="options[0][extraPrice]" inputmode="numeric" value="5000"');
    expect(await prisma.product.count()).toBe(0);
  });

  it('asks for a name on an option row that has only a price, beside that row', async () => {
    const res = await post(
      admin,
      '/admin/catalog/products',
      productForm({ code: 'TP-1', name: '토퍼', categoryId: String(mattress.id), price: '1000' }, [
        { name: '높이: 낮음', extraPrice: '0' },
        { name: '', extraPrice: '5000' },
      ]),
      '/admin/catalog/products/new',
    );
    expect(res.status).toBe(422);
    expect(res.text).toMatch(
      /name="options\[1\]\[name\]" value="" aria-label="옵션명">\s*<div class="invalid-feedback">옵션 이름을 입력하세요\.<\/div>/,
    );
    expect(res.text).toContain('value="높이: 낮음"');
  });

  it('refuses a product code that is taken, beside the field, even by a deleted product', async () => {
    const old = await addProduct('MT-1', { name: '단종 매트리스' });
    const form = productForm({
      code: 'mt-1',
      name: '새 매트리스',
      categoryId: String(mattress.id),
      price: '1000',
    });
    const taken = await post(admin, '/admin/catalog/products', form);
    expect(taken.status).toBe(422);
    expect(taken.text).toContain('이미 사용 중인 상품 코드입니다.');
    await app.get(ProductCommands).setDeleted(old.id, true);
    const deleted = await post(admin, '/admin/catalog/products', form);
    expect(readable(deleted.text)).toContain(
      "삭제된 상품 '단종 매트리스'의 코드입니다. 그 상품을 복원하거나 다른 코드를 쓰세요.",
    );
    expect(await prisma.product.count()).toBe(1);
  });

  it('edits a product and its options in one save: rename, reprice, add, delete and restore', async () => {
    const product = await addProduct('MT-1');
    const [q, k] = await prisma.productOption.findMany({ orderBy: { sortOrder: 'asc' } });
    await prisma.productOption.update({ where: { id: k.id }, data: { deletedAt: new Date() } });
    const { updatedAt } = await editForm(product.id);
    const res = await post(
      admin,
      `/admin/catalog/products/${product.id}`,
      productForm(
        {
          code: 'MT-1',
          name: '하이브리드 매트리스 2세대',
          categoryId: String(mattress.id),
          price: '990000',
          deliveryMethod: 'COURIER',
          updatedAt,
        },
        [
          { id: String(q.id), name: '사이즈: Q (퀸)', extraPrice: '10000', deleted: 'true' },
          { id: String(k.id), name: '사이즈: K', extraPrice: '150000', restore: 'true' },
          { name: '사이즈: SS', extraPrice: '' },
        ],
      ),
      `/admin/catalog/products/${product.id}`,
    );
    expect(res.status).toBe(302);
    const saved = await prisma.product.findUniqueOrThrow({
      where: { id: product.id },
      include: { options: { orderBy: { sortOrder: 'asc' } } },
    });
    expect(saved).toMatchObject({ name: '하이브리드 매트리스 2세대', price: 990_000 });
    expect(saved.deliveryMethod).toBe('COURIER');
    expect(saved.options.map((o) => [o.name, o.extraPrice, o.deletedAt !== null])).toEqual([
      ['사이즈: Q (퀸)', 10_000, true],
      ['사이즈: K', 150_000, false],
      ['사이즈: SS', 0, false],
    ]);
    const page = await admin.get(`/admin/catalog/products/${product.id}`);
    expect(page.text).toContain('상품 MT-1을(를) 저장했습니다.');
    expect(page.text).toContain('삭제됨');
  });

  it('refuses a second option that reads the same as an active one, beside the row', async () => {
    const product = await addProduct('MT-1');
    const { updatedAt } = await editForm(product.id);
    const res = await post(
      admin,
      `/admin/catalog/products/${product.id}`,
      productForm(
        { code: 'MT-1', name: '매트리스', categoryId: String(mattress.id), price: '1', updatedAt },
        [{ name: '사이즈 : q', extraPrice: '0' }],
      ),
      `/admin/catalog/products/${product.id}`,
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('같은 이름의 옵션이 이미 있습니다.');
    expect(res.text).toContain('value="사이즈 : q"');
    expect(await prisma.productOption.count()).toBe(2);
  });

  it('refuses a save from a stale form with 409 and keeps the other admin’s change', async () => {
    const product = await addProduct('MT-1');
    const { updatedAt } = await editForm(product.id);
    const fields = { code: 'MT-1', categoryId: String(mattress.id), price: '1000', updatedAt };
    const first = await post(
      admin,
      `/admin/catalog/products/${product.id}`,
      productForm({ ...fields, name: '먼저 저장한 이름' }),
    );
    expect(first.status).toBe(302);
    const second = await post(
      admin,
      `/admin/catalog/products/${product.id}`,
      productForm({ ...fields, name: '늦게 저장한 이름' }),
    );
    expect(second.status).toBe(409);
    expect(second.text).toContain('다른 사용자가 먼저 수정했습니다. 새로고침 후 다시 시도하세요.');
    expect(second.text).toContain('value="늦게 저장한 이름"');
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).name).toBe(
      '먼저 저장한 이름',
    );
  });

  it('hides a deleted product from the list until deleted items are shown, then restores it', async () => {
    const product = await addProduct('MT-1', { name: '단종 매트리스' });
    const deleted = await post(admin, `/admin/catalog/products/${product.id}/delete`, {
      returnTo: '/admin/catalog?q=%EB%8B%A8%EC%A2%85',
    });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.location).toBe('/admin/catalog?q=%EB%8B%A8%EC%A2%85');
    expect((await admin.get('/admin/catalog')).text).not.toContain('단종 매트리스');
    const shown = await admin.get('/admin/catalog?showDeleted=1');
    expect(shown.text).toContain('단종 매트리스 (삭제됨)');
    expect(shown.text).toContain(`/admin/catalog/products/${product.id}/restore`);
    const restored = await post(admin, `/admin/catalog/products/${product.id}/restore`, {
      returnTo: '/admin/catalog?showDeleted=1',
    });
    expect(restored.status).toBe(302);
    const list = await admin.get('/admin/catalog');
    expect(list.text).toContain('상품 MT-1을(를) 복원했습니다.');
    expect(list.text).toContain('단종 매트리스');
    expect(list.text).not.toContain('(삭제됨)');
  });

  it('sends the admin back only to catalog pages after a delete', async () => {
    const product = await addProduct('MT-1');
    const res = await post(admin, `/admin/catalog/products/${product.id}/delete`, {
      returnTo: '//evil.example/admin/catalog',
    });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/admin/catalog');
  });

  it('filters by category, searches by name or code and keeps the filters across pages', async () => {
    const topper = await app.get(CategoriesService).create('토퍼');
    await prisma.product.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        code: `TP-${String(i).padStart(2, '0')}`,
        name: `메모리폼 토퍼 ${String(i).padStart(2, '0')}`,
        categoryId: topper.id,
        price: 100_000,
        deliveryMethod: DeliveryMethod.COURIER,
      })),
    });
    await addProduct('MT-HYB', { name: '하이브리드 매트리스' });
    const byCategory = await admin.get(`/admin/catalog?categoryId=${topper.id}`);
    expect(byCategory.text).toContain('총 55건');
    expect(byCategory.text).not.toContain('하이브리드 매트리스');
    expect(readable(byCategory.text)).toContain(
      `href="/admin/catalog?categoryId=${topper.id}&page=2"`,
    );
    const byCode = await admin.get('/admin/catalog?q=hyb&categoryId=');
    expect(byCode.text).toContain('총 1건');
    expect(byCode.text).toContain('하이브리드 매트리스');
    const byName = await admin.get('/admin/catalog?q=' + encodeURIComponent('토퍼 54'));
    expect(byName.text).toContain('총 1건');
  });

  it('creates, renames and reorders categories', async () => {
    const created = await post(admin, '/admin/catalog/categories', { name: '토퍼' });
    expect(created.status).toBe(302);
    const topper = await prisma.category.findFirstOrThrow({ where: { name: '토퍼' } });
    await post(admin, `/admin/catalog/categories/${topper.id}`, { name: '토퍼·패드' });
    await post(admin, `/admin/catalog/categories/${topper.id}/move`, { direction: 'up' });
    const names = (await prisma.category.findMany({ orderBy: { sortOrder: 'asc' } })).map(
      (c) => c.name,
    );
    expect(names).toEqual(['토퍼·패드', '매트리스']);
    const page = await admin.get('/admin/catalog/categories');
    expect(page.text.indexOf('토퍼·패드')).toBeLessThan(page.text.indexOf('매트리스'));
  });

  it('refuses a category name already in use, keeping the input beside the right row', async () => {
    const topper = await app.get(CategoriesService).create('토퍼');
    const res = await post(admin, `/admin/catalog/categories/${topper.id}`, { name: ' 매트리스 ' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('같은 이름의 분류가 이미 있습니다.');
    expect(res.text).toMatch(
      /name="name" value=" 매트리스 " aria-label="분류 이름">\s*<div class="invalid-feedback">/,
    );
    const empty = await post(admin, '/admin/catalog/categories', { name: '' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('분류 이름을 1~100자로 입력하세요.');
  });

  it('refuses to delete a category with active products, and deletes and restores it once they are gone', async () => {
    const product = await addProduct('MT-1');
    const refused = await post(admin, `/admin/catalog/categories/${mattress.id}/delete`, {});
    expect(refused.status).toBe(409);
    expect(readable(refused.text)).toContain(
      "'매트리스' 분류에 판매 중인 상품이 1개 있어 삭제할 수 없습니다. 상품을 먼저 삭제하거나 다른 분류로 옮기세요.",
    );
    await app.get(ProductCommands).setDeleted(product.id, true);
    expect((await post(admin, `/admin/catalog/categories/${mattress.id}/delete`, {})).status).toBe(
      302,
    );
    const page = await admin.get('/admin/catalog/categories');
    expect(page.text).toContain('매트리스 (삭제됨)');
    const productForm = await admin.get('/admin/catalog/products/new');
    expect(productForm.text).not.toContain('매트리스');

    const restoreProduct = await post(admin, `/admin/catalog/products/${product.id}/restore`, {});
    expect(restoreProduct.status).toBe(409);
    expect(readable(restoreProduct.text)).toContain(
      "삭제된 분류 '매트리스'에 속한 상품이라 복원할 수 없습니다. 분류를 먼저 복원하세요.",
    );
    expect((await post(admin, `/admin/catalog/categories/${mattress.id}/restore`, {})).status).toBe(
      302,
    );
    expect((await post(admin, `/admin/catalog/products/${product.id}/restore`, {})).status).toBe(
      302,
    );
  });

  it('refuses to put a product into a deleted category', async () => {
    const old = await app.get(CategoriesService).create('단종 분류');
    await app.get(CategoriesService).setDeleted(old.id, true);
    const res = await post(
      admin,
      '/admin/catalog/products',
      productForm({ code: 'X-1', name: '새 상품', categoryId: String(old.id), price: '1000' }),
    );
    expect(res.status).toBe(422);
    expect(res.text).toContain('삭제된 분류입니다. 다른 분류를 선택하세요.');
  });

  it('lets only one of two simultaneous saves from the same form through', async () => {
    const product = await addProduct('MT-1');
    const opened = (await prisma.product.findUniqueOrThrow({ where: { id: product.id } }))
      .updatedAt;
    const save = (name: string) =>
      app.get(ProductCommands).update(product.id, {
        code: 'MT-1',
        name,
        categoryId: mattress.id,
        price: 1000,
        deliveryMethod: DeliveryMethod.OWN_TEAM,
        updatedAt: opened.toISOString(),
        options: [],
      });
    const results = await Promise.allSettled([save('첫째'), save('둘째')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected')!;
    expect(rejected.reason).toMatchObject({ code: 'CATALOG_STALE', status: 409 });
  });

  it('never leaves an active product in a deleted category when both happen at once', async () => {
    const topper = await app.get(CategoriesService).create('토퍼');
    const outcomes = await Promise.allSettled([
      app.get(ProductCommands).create({
        code: 'TP-1',
        name: '토퍼',
        categoryId: topper.id,
        price: 1000,
        deliveryMethod: DeliveryMethod.COURIER,
        options: [],
      }),
      app.get(CategoriesService).setDeleted(topper.id, true),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const category = await prisma.category.findUniqueOrThrow({ where: { id: topper.id } });
    const active = await prisma.product.count({
      where: { categoryId: topper.id, deletedAt: null },
    });
    expect({ categoryDeleted: category.deletedAt !== null, active }).not.toEqual({
      categoryDeleted: true,
      active: 1,
    });
  });

  it('lets a clerk read the product list without edit controls, and nothing more', async () => {
    const product = await addProduct('MT-1', { name: '하이브리드 매트리스' });
    const clerk = await logIn(app.getHttpServer(), 'clerk');
    const list = await clerk.get('/admin/catalog');
    expect(list.status).toBe(200);
    expect(list.text).toContain('하이브리드 매트리스');
    expect(list.text).toContain('사이즈: K');
    expect(list.text).not.toContain('/delete"');
    expect(list.text).not.toContain('상품 추가');
    for (const path of [`/admin/catalog/products/${product.id}`, '/admin/catalog/categories'])
      expect((await clerk.get(path)).status).toBe(403);
    const token = csrfFrom(list.text);
    const res = await clerk
      .post(`/admin/catalog/products/${product.id}/delete`)
      .type('form')
      .send({ _csrf: token });
    expect(res.status).toBe(403);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).deletedAt).toBe(
      null,
    );
  });

  it('keeps drivers out of every catalog page (403)', async () => {
    const product = await addProduct('MT-1');
    const driver = await logIn(app.getHttpServer(), 'driver');
    for (const path of [
      '/admin/catalog',
      '/admin/catalog/products/new',
      `/admin/catalog/products/${product.id}`,
      '/admin/catalog/categories',
    ]) {
      const res = await driver.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    expect((await driver.get('/')).text).not.toContain('href="/admin/catalog"');
  });

  it('puts the CSRF token and the double-submit guard on every catalog form', async () => {
    const product = await addProduct('MT-1');
    for (const path of [
      '/admin/catalog',
      '/admin/catalog/products/new',
      `/admin/catalog/products/${product.id}`,
      '/admin/catalog/categories',
    ]) {
      const page = (await admin.get(path)).text;
      const posts = page.match(/<form method="post"[^>]*>/g) ?? [];
      const catalogPosts = posts.filter((f) => f.includes('/admin/catalog'));
      expect(catalogPosts.length).toBeGreaterThan(0);
      for (const form of catalogPosts) expect(form).toContain('data-once');
      const tokens = page.match(/name="_csrf"/g) ?? [];
      expect(tokens.length).toBeGreaterThanOrEqual(posts.length);
    }
    const withoutToken = await admin
      .post('/admin/catalog/categories')
      .type('form')
      .send({ name: '몰래' });
    expect(withoutToken.status).toBe(403);
    expect(await prisma.category.count({ where: { name: '몰래' } })).toBe(0);
  });
});
