import { Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { CatalogCache } from './catalog-cache.service';
import { WHERE_NOT_DELETED } from './catalog-where';
import { categoryChoices } from './category-choices';
import { PRODUCT_PAGE_SIZE, ProductListQuery } from './dto/product-list.query';

const LIST_INCLUDE = {
  category: { select: { name: true, deletedAt: true } },
  options: { where: WHERE_NOT_DELETED, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.ProductInclude;

export type ProductListRow = Prisma.ProductGetPayload<{ include: typeof LIST_INCLUDE }>;

const EDIT_INCLUDE = {
  options: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.ProductInclude;

export type ProductForEdit = Prisma.ProductGetPayload<{ include: typeof EDIT_INCLUDE }>;

function listWhere(query: ProductListQuery): Prisma.ProductWhereInput {
  return {
    ...(query.showDeleted ? {} : WHERE_NOT_DELETED),
    ...(query.categoryId ? { categoryId: query.categoryId } : {}),
    ...(query.q ? { OR: [{ name: { contains: query.q } }, { code: { contains: query.q } }] } : {}),
  };
}

@Injectable()
export class ProductQueries {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cache: CatalogCache,
  ) {}

  async listPage(query: ProductListQuery) {
    const where = listWhere(query);
    const [rows, total, snapshot] = await Promise.all([
      this.prisma.product.findMany({
        where,
        include: LIST_INCLUDE,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        skip: (query.page - 1) * PRODUCT_PAGE_SIZE,
        take: PRODUCT_PAGE_SIZE,
      }),
      this.prisma.product.count({ where }),
      this.cache.get(),
    ]);
    return { rows, total, categories: categoryChoices(snapshot, { includeDeleted: true }) };
  }

  async newPage() {
    return { categories: categoryChoices(await this.cache.get()) };
  }

  // Read from the database, not the snapshot: the form's stale check needs this very row.
  async editPage(id: number) {
    const [product, snapshot] = await Promise.all([
      this.prisma.product.findUnique({ where: { id }, include: EDIT_INCLUDE }),
      this.cache.get(),
    ]);
    if (!product) throw new NotFoundException();
    return { product, categories: categoryChoices(snapshot, { keepId: product.categoryId }) };
  }
}
