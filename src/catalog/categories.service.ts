import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { DomainError, FormValidationError } from '../shared/http/domain-error';
import { catalogTextKey } from './catalog-names';
import { WHERE_NOT_DELETED } from './catalog-where';
import { lockCategories } from './catalog-locks';
import { CatalogWrites, Tx } from './catalog-writes.service';

export type CategoryDirection = 'up' | 'down';

async function findCategory(tx: Tx, id: number) {
  const category = await tx.category.findUnique({ where: { id } });
  if (!category) throw new NotFoundException();
  return category;
}

// The active category with the same name (as intake and reports compare names), if any.
async function activeNamesake(tx: Tx, name: string, exceptId?: number) {
  const active = await tx.category.findMany({ where: WHERE_NOT_DELETED });
  const key = catalogTextKey(name);
  return active.find((c) => c.id !== exceptId && catalogTextKey(c.name) === key);
}

async function nextSortOrder(tx: Tx): Promise<number> {
  const { _max } = await tx.category.aggregate({
    where: WHERE_NOT_DELETED,
    _max: { sortOrder: true },
  });
  return (_max.sortOrder ?? -1) + 1;
}

const DUPLICATE_NAME = '같은 이름의 분류가 이미 있습니다.';

// Every write starts with lockCategories, so category writes take turns (see there).
@Injectable()
export class CategoriesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly writes: CatalogWrites,
  ) {}

  // Active ones in their order, then deleted ones; each with its count of active products.
  list() {
    return this.prisma.category.findMany({
      orderBy: [{ deletedAt: 'asc' }, { sortOrder: 'asc' }, { id: 'asc' }],
      include: { _count: { select: { products: { where: WHERE_NOT_DELETED } } } },
    });
  }

  create(name: string) {
    return this.writes.run(async (tx) => {
      await lockCategories(tx);
      if (await activeNamesake(tx, name)) throw new FormValidationError({ name: DUPLICATE_NAME });
      return tx.category.create({ data: { name, sortOrder: await nextSortOrder(tx) } });
    });
  }

  rename(id: number, name: string) {
    return this.writes.run(async (tx) => {
      await lockCategories(tx);
      await findCategory(tx, id);
      if (await activeNamesake(tx, name, id))
        throw new FormValidationError({ name: DUPLICATE_NAME });
      return tx.category.update({ where: { id }, data: { name } });
    });
  }

  // Swaps with the neighbour and renumbers the active categories 0..n-1, which also repairs
  // ties left by older data.
  move(id: number, direction: CategoryDirection) {
    return this.writes.run(async (tx) => {
      await lockCategories(tx);
      const active = await tx.category.findMany({
        where: WHERE_NOT_DELETED,
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      });
      const from = active.findIndex((c) => c.id === id);
      if (from < 0) throw new NotFoundException();
      const to = direction === 'up' ? from - 1 : from + 1;
      if (to >= 0 && to < active.length) [active[from], active[to]] = [active[to], active[from]];
      for (const [sortOrder, category] of active.entries()) {
        if (category.sortOrder !== sortOrder) {
          await tx.category.update({ where: { id: category.id }, data: { sortOrder } });
        }
      }
      return active[Math.max(0, Math.min(to, active.length - 1))];
    });
  }

  // Deleting a category that still has active products is refused, not cascaded: a cascade
  // would silently stop a whole product line from selling, and its restore could not tell
  // products deleted one by one from those the cascade took down.
  setDeleted(id: number, deleted: boolean) {
    return this.writes.run(async (tx) => {
      await lockCategories(tx);
      const category = await findCategory(tx, id);
      if (Boolean(category.deletedAt) === deleted) return category;
      if (deleted) {
        const active = await tx.product.count({ where: { categoryId: id, ...WHERE_NOT_DELETED } });
        if (active > 0) {
          throw new DomainError(
            'CATEGORY_IN_USE',
            `'${category.name}' 분류에 판매 중인 상품이 ${active}개 있어 삭제할 수 없습니다. 상품을 먼저 삭제하거나 다른 분류로 옮기세요.`,
            HttpStatus.CONFLICT,
          );
        }
        return tx.category.update({ where: { id }, data: { deletedAt: new Date() } });
      }
      if (await activeNamesake(tx, category.name, id)) {
        throw new DomainError(
          'CATEGORY_NAME_TAKEN',
          `이름이 '${category.name}'인 분류가 이미 있어 복원할 수 없습니다. 그 분류의 이름을 먼저 바꾸세요.`,
          HttpStatus.CONFLICT,
        );
      }
      return tx.category.update({
        where: { id },
        data: { deletedAt: null, sortOrder: await nextSortOrder(tx) },
      });
    });
  }
}
