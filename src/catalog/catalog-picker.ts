import { DeliveryMethod } from '../generated/prisma/enums';
import type { CatalogSnapshot } from './catalog-snapshot';

export interface PickerOption {
  id: number;
  name: string;
  extraPrice: number;
}

export interface PickerProduct {
  id: number;
  code: string;
  name: string;
  price: number;
  deliveryMethod: DeliveryMethod;
  options: PickerOption[];
}

export interface PickerCategory {
  id: number;
  name: string;
  products: PickerProduct[];
}

// What a clerk may choose on a new order: orderable items only, categories in their admin
// order, products by name; a category with nothing to sell is left out.
export function pickerTree(snapshot: CatalogSnapshot): PickerCategory[] {
  const products = [...snapshot.products.values()]
    .filter((p) => snapshot.isProductOrderable(p))
    .sort((a, b) => a.name.localeCompare(b.name, 'ko') || a.id - b.id);
  return [...snapshot.categories.values()]
    .filter((c) => !c.deleted)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
    .map((category) => ({
      id: category.id,
      name: category.name,
      products: products
        .filter((p) => p.categoryId === category.id)
        .map((p) => ({
          id: p.id,
          code: p.code,
          name: p.name,
          price: p.price,
          deliveryMethod: p.deliveryMethod,
          options: p.options
            .filter((o) => !o.deleted)
            .map(({ id, name, extraPrice }) => ({ id, name, extraPrice })),
        })),
    }))
    .filter((category) => category.products.length > 0);
}
