import { withDeletedMark } from './catalog-names';

interface CategoryWithCount {
  id: number;
  name: string;
  deletedAt: Date | null;
  _count: { products: number };
}

// `editingId` is the category whose rename was refused: its row shows the input and error.
export function categoriesPage(categories: CategoryWithCount[], editingId?: number) {
  const active = categories.filter((c) => !c.deletedAt);
  return {
    title: '분류 관리',
    editingId,
    active: active.map((c, index) => ({
      id: c.id,
      name: c.name,
      productCount: c._count.products,
      first: index === 0,
      last: index === active.length - 1,
    })),
    deleted: categories
      .filter((c) => c.deletedAt)
      .map((c) => ({ id: c.id, label: withDeletedMark(c.name, c.deletedAt) })),
    errors: {},
  };
}
