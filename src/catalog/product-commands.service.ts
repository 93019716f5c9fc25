import { HttpStatus, Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import { PrismaErrorCode } from '../database/prisma-error-codes';
import { DomainError, FormValidationError } from '../shared/http/domain-error';
import { lockCategoryForUse, lockProduct } from './catalog-locks';
import { CatalogWrites, Tx } from './catalog-writes.service';
import { EditProductForm, ProductForm } from './dto/product-form';
import { OptionChanges, planOptionChanges } from './option-changes';
import { nextUpdatedAt } from './product-version';

const STALE_PRODUCT_MESSAGE = '다른 사용자가 먼저 수정했습니다. 새로고침 후 다시 시도하세요.';

function productData(form: ProductForm) {
  return {
    code: form.code,
    name: form.name,
    categoryId: form.categoryId,
    price: form.price,
    deliveryMethod: form.deliveryMethod,
  };
}

function assertNoOptionErrors(changes: OptionChanges): void {
  if (Object.keys(changes.errors).length > 0) throw new FormValidationError(changes.errors);
}

// A product goes only into an active category; this is what lets a category delete refuse
// while it still has active products (see CategoriesService.setDeleted).
async function assertCategoryOpen(tx: Tx, categoryId: number): Promise<void> {
  const category = await lockCategoryForUse(tx, categoryId);
  if (!category || category.deleted) {
    throw new FormValidationError({ categoryId: '삭제된 분류입니다. 다른 분류를 선택하세요.' });
  }
}

@Injectable()
export class ProductCommands {
  constructor(
    private readonly prisma: PrismaService,
    private readonly writes: CatalogWrites,
  ) {}

  async create(form: ProductForm) {
    const changes = planOptionChanges({ existing: [], rows: form.options });
    assertNoOptionErrors(changes);
    return this.withUniqueCode(form.code, () =>
      this.writes.run(async (tx) => {
        await assertCategoryOpen(tx, form.categoryId);
        return tx.product.create({
          data: { ...productData(form), options: { create: changes.creates } },
        });
      }),
    );
  }

  // Product fields and the whole option table are saved as one change, checked against the
  // updatedAt the form was opened with.
  async update(id: number, form: EditProductForm) {
    return this.withUniqueCode(form.code, () =>
      this.writes.run(async (tx) => {
        await lockProduct(tx, id);
        const product = await tx.product.findUniqueOrThrow({
          where: { id },
          include: { options: true },
        });
        if (product.updatedAt.toISOString() !== form.updatedAt) {
          throw new DomainError('CATALOG_STALE', STALE_PRODUCT_MESSAGE, HttpStatus.CONFLICT);
        }
        if (form.categoryId !== product.categoryId) await assertCategoryOpen(tx, form.categoryId);
        const changes = planOptionChanges({ existing: product.options, rows: form.options });
        assertNoOptionErrors(changes);
        for (const { id: optionId, data } of changes.updates) {
          await tx.productOption.update({ where: { id: optionId }, data });
        }
        if (changes.creates.length > 0) {
          await tx.productOption.createMany({
            data: changes.creates.map((option) => ({ ...option, productId: id })),
          });
        }
        return tx.product.update({
          where: { id },
          data: { ...productData(form), updatedAt: nextUpdatedAt(product.updatedAt) },
        });
      }),
    );
  }

  // Its options keep their own state: restoring the product brings back exactly the options
  // that were active when it was deleted.
  async setDeleted(id: number, deleted: boolean) {
    return this.writes.run(async (tx) => {
      await lockProduct(tx, id);
      const product = await tx.product.findUniqueOrThrow({ where: { id } });
      if (Boolean(product.deletedAt) === deleted) return product;
      if (!deleted) {
        const category = await lockCategoryForUse(tx, product.categoryId);
        if (category?.deleted) {
          throw new DomainError(
            'CATEGORY_DELETED',
            `삭제된 분류 '${category.name}'에 속한 상품이라 복원할 수 없습니다. 분류를 먼저 복원하세요.`,
            HttpStatus.CONFLICT,
          );
        }
      }
      return tx.product.update({
        where: { id },
        data: {
          deletedAt: deleted ? new Date() : null,
          updatedAt: nextUpdatedAt(product.updatedAt),
        },
      });
    });
  }

  // Codes stay taken by deleted products too (past orders and channel mappings name them),
  // so the message says which product holds the code.
  private async withUniqueCode<T>(code: string, save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if ((error as { code?: string }).code !== PrismaErrorCode.UniqueViolation) throw error;
      const holder = await this.prisma.product.findUnique({ where: { code } });
      throw new FormValidationError({
        code: holder?.deletedAt
          ? `삭제된 상품 '${holder.name}'의 코드입니다. 그 상품을 복원하거나 다른 코드를 쓰세요.`
          : '이미 사용 중인 상품 코드입니다.',
      });
    }
  }
}
