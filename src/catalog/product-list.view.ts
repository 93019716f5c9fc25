import { buildPagination, hrefWith } from '../shared/views/pagination';
import { withDeletedMark } from './catalog-names';
import type { CategoryChoice } from './category-choices';
import { DELIVERY_METHOD_LABELS } from './delivery-methods';
import { PRODUCT_PAGE_SIZE, ProductListQuery } from './dto/product-list.query';
import type { ProductListRow } from './product-queries.service';

const LIST_PATH = '/admin/catalog';

function toProductRow(product: ProductListRow) {
  return {
    id: product.id,
    code: product.code,
    label: withDeletedMark(product.name, product.deletedAt),
    deleted: product.deletedAt !== null,
    categoryLabel: withDeletedMark(product.category.name, product.category.deletedAt),
    price: product.price,
    deliveryLabel: DELIVERY_METHOD_LABELS[product.deliveryMethod],
    options: product.options.map((o) => ({ name: o.name, extraPrice: o.extraPrice })),
  };
}

export function productListPage(params: {
  result: { rows: ProductListRow[]; total: number; categories: CategoryChoice[] };
  query: ProductListQuery;
  canEdit: boolean;
}) {
  const { result, query, canEdit } = params;
  const filters = { q: query.q, categoryId: query.categoryId, showDeleted: query.showDeleted };
  return {
    title: '상품 관리',
    canEdit,
    filters,
    categories: result.categories,
    rows: result.rows.map(toProductRow),
    // Delete and restore buttons bring the admin back to this very page.
    returnTo: hrefWith(
      LIST_PATH,
      { ...filters, page: query.page > 1 ? query.page : undefined },
      {},
    ),
    pagination: buildPagination({
      path: LIST_PATH,
      query: filters,
      page: query.page,
      pageSize: PRODUCT_PAGE_SIZE,
      total: result.total,
    }),
  };
}
