import { DeliveryMethod } from '../generated/prisma/enums';
import { catalogTextKey } from './catalog-names';

export interface CatalogCategory {
  id: number;
  name: string;
  sortOrder: number;
  deleted: boolean;
}

export interface CatalogOption {
  id: number;
  productId: number;
  name: string;
  extraPrice: number;
  sortOrder: number;
  deleted: boolean;
}

export interface CatalogProduct {
  id: number;
  code: string;
  name: string;
  categoryId: number;
  price: number;
  deliveryMethod: DeliveryMethod;
  deleted: boolean;
  // Sorted for display; deleted options included.
  options: CatalogOption[];
}

export interface CatalogMatch {
  product: CatalogProduct;
  option: CatalogOption;
  // False when the option, its product or the product's category is deleted.
  orderable: boolean;
}

interface Deletable {
  deletedAt: Date | null;
}

export interface CatalogRows {
  categories: Array<Omit<CatalogCategory, 'deleted'> & Deletable>;
  products: Array<Omit<CatalogProduct, 'deleted' | 'options'> & Deletable>;
  options: Array<Omit<CatalogOption, 'deleted'> & Deletable>;
}

const byOrderThenId = (a: { sortOrder: number; id: number }, b: typeof a) =>
  a.sortOrder - b.sortOrder || a.id - b.id;

// The whole catalog, deleted items included, as one instance holds it in memory: every page
// and import resolves ids and channel texts here instead of querying per row.
export class CatalogSnapshot {
  readonly categories = new Map<number, CatalogCategory>();
  readonly products = new Map<number, CatalogProduct>();
  readonly options = new Map<number, CatalogOption>();
  private readonly byText = new Map<string, CatalogMatch[]>();

  constructor(
    readonly version: string,
    rows: CatalogRows,
    readonly loadedAt: Date,
  ) {
    for (const { deletedAt, ...c } of rows.categories) {
      this.categories.set(c.id, { ...c, deleted: deletedAt !== null });
    }
    for (const { deletedAt, ...p } of rows.products) {
      this.products.set(p.id, { ...p, deleted: deletedAt !== null, options: [] });
    }
    for (const { deletedAt, ...o } of [...rows.options].sort(byOrderThenId)) {
      const option = { ...o, deleted: deletedAt !== null };
      this.options.set(o.id, option);
      this.products.get(o.productId)?.options.push(option);
    }
    for (const product of this.products.values()) this.indexOptions(product);
  }

  isProductOrderable(product: CatalogProduct): boolean {
    return !product.deleted && this.categories.get(product.categoryId)?.deleted === false;
  }

  // Every option whose product name and option name read the same as the channel's texts
  // (see catalogTextKey), orderable ones first.
  findOptions(productName: string, optionName: string): CatalogMatch[] {
    return this.byText.get(textKey(productName, optionName)) ?? [];
  }

  private indexOptions(product: CatalogProduct): void {
    const productOrderable = this.isProductOrderable(product);
    for (const option of product.options) {
      const key = textKey(product.name, option.name);
      const match = { product, option, orderable: productOrderable && !option.deleted };
      const matches = this.byText.get(key) ?? [];
      if (match.orderable) matches.unshift(match);
      else matches.push(match);
      this.byText.set(key, matches);
    }
  }
}

const textKey = (productName: string, optionName: string) =>
  `${catalogTextKey(productName)}\u0000${catalogTextKey(optionName)}`;
