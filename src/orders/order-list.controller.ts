import { Controller, Get, Query, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ClaimType, DeliveryMethod, ItemStatus, Role } from '../generated/prisma/enums';
import { Roles } from '../auth/access.decorators';
import { withDeletedMark } from '../catalog/catalog-names';
import { DELIVERY_METHOD_LABELS } from '../catalog/delivery-methods';
import { hrefWith, PageLink } from '../shared/views/pagination';
import { OrderExport } from './order-export';
import {
  effectiveSort,
  encodeCursor,
  filtersOf,
  OrderListQuery,
  OrderListQueryPipe,
  PAGE_SIZES,
  PageCursor,
  type ParsedOrderListQuery,
} from './order-list.query';
import { sortHeaders } from '../shared/views/sort-headers';
import { OrderListPage, OrderListRow, OrderListService, sortValues } from './order-list.service';
import { CLAIM_LABELS, STATUS_LABELS, STATUS_TONES } from './order-status';

const LIST_PATH = '/orders';

@Controller('orders')
@Roles(Role.CLERK, Role.ADMIN)
export class OrderListController {
  constructor(
    private readonly orders: OrderListService,
    private readonly exporter: OrderExport,
  ) {}

  @Get()
  @Render('orders/index')
  async index(@Query(OrderListQueryPipe) parsed: ParsedOrderListQuery) {
    return orderListPage(parsed, await this.orders.listPage(parsed.query));
  }

  // Same query as the list: the clerk downloads exactly what the screen is filtered to.
  @Get('export.xlsx')
  async export(@Query(OrderListQueryPipe) parsed: ParsedOrderListQuery, @Res() res: Response) {
    await this.exporter.send(parsed.query, res);
  }
}

const SORT_LABELS = {
  orderedAt: '주문일시',
  lifeDate: '기준일',
  productName: '상품명',
  amount: '금액',
  status: '상태',
};

// Badge colours by where the item is: waiting on us, on its way, done, or in a claim.
function toListRow(row: OrderListRow) {
  return {
    ...row,
    productLabel: withDeletedMark(row.productName, row.productDeleted),
    optionLabel: row.optionName ? withDeletedMark(row.optionName, row.optionDeleted) : '',
    changedQuantity: row.finalQuantity !== null && row.finalQuantity !== row.quantity,
    changedAmount: row.finalAmount !== null && row.finalAmount !== row.amount,
    region: [row.regionSido, row.regionSigungu].filter(Boolean).join(' '),
    methodLabel: DELIVERY_METHOD_LABELS[row.deliveryMethod],
    statusLabel: STATUS_LABELS[row.status],
    statusTone: STATUS_TONES[row.status],
    claimLabel: row.claimType ? CLAIM_LABELS[row.claimType] : '',
  };
}

function options<T extends string | number>(
  entries: Array<[T, string]>,
  selected: readonly T[] | T | undefined,
) {
  const chosen = ([] as T[]).concat(selected ?? []);
  return entries.map(([value, label]) => ({ value, label, selected: chosen.includes(value) }));
}

export function orderListPage(parsed: ParsedOrderListQuery, result: OrderListPage) {
  const { query, warnings } = parsed;
  const filters = filtersOf(query);
  const statuses = Object.entries(STATUS_LABELS) as Array<[ItemStatus, string]>;
  return {
    title: '주문',
    warnings,
    query,
    filtered: Object.keys(filters).some(
      (k) => k !== 'sort' && k !== 'size' && filters[k] !== undefined,
    ),
    channelOptions: options(
      result.channels.map((c) => [c.id, c.name]),
      query.channel,
    ),
    statusOptions: options(statuses, query.status),
    bulkStatusOptions: options(statuses, []),
    claimOptions: options(Object.entries(CLAIM_LABELS) as Array<[ClaimType, string]>, query.claim),
    methodOptions: options(
      Object.entries(DELIVERY_METHOD_LABELS) as Array<[DeliveryMethod, string]>,
      query.method,
    ),
    sizeOptions: options(
      PAGE_SIZES.map((n) => [n, `${n}건씩`]),
      query.size,
    ),
    sidoOptions: options(
      Object.keys(result.regions).map((s) => [s, s]),
      query.sido,
    ),
    sigunguOptions: options(
      (result.regions[query.sido ?? ''] ?? []).map((s) => [s, s]),
      query.sigungu,
    ),
    headers: sortHeaders({
      path: LIST_PATH,
      filters,
      sort: effectiveSort(query),
      labels: SORT_LABELS,
      firstDesc: ['orderedAt', 'lifeDate', 'amount'],
    }),
    rows: result.rows.map(toListRow),
    countLabel: `${result.count.value.toLocaleString('ko-KR')}건${result.count.capped ? ' 이상' : ''}`,
    pageLinks: pageLinks(query, result),
    exportHref: hrefWith(`${LIST_PATH}/export.xlsx`, filters, {}),
    // The bulk form brings the clerk back to this very page.
    returnTo: hrefWith(LIST_PATH, { ...filters, page: query.page, cursor: query.cursor }, {}),
  };
}

// Neighbouring pages continue from this page's first or last row (keyset), so every link costs
// a few pages of index however deep the list is; page 1 and the last counted page use plain
// page numbers, which the count bounds.
function pageLinks(query: OrderListQuery, result: OrderListPage): PageLink[] {
  const { page: n, size } = query;
  const filters = filtersOf(query);
  const { rows, count } = result;
  const pageCount = count.capped ? null : Math.max(1, Math.ceil(count.value / size));
  const at = (p: number, cursor?: PageCursor) =>
    hrefWith(LIST_PATH, filters, {
      page: p > 1 ? p : undefined,
      cursor: cursor && encodeCursor(cursor),
    });
  const href = (p: number): string => {
    // A page past the end has no rows to continue from: back to the start.
    if (p === 1 || !rows.length) return at(1);
    if (p < n)
      return at(p, {
        dir: 'before',
        skip: (n - p - 1) * size,
        values: sortValues(rows[0], result.sort),
      });
    const last = rows[rows.length - 1];
    return at(p, { dir: 'after', skip: (p - n - 1) * size, values: sortValues(last, result.sort) });
  };
  const exists = (p: number) =>
    p < n
      ? p === 1 || result.hasPrev
      : result.hasNext && (p === n + 1 || (p - 1) * size < count.value);
  const links: PageLink[] = [{ label: '이전', href: n > 1 && exists(n - 1) ? href(n - 1) : null }];
  if (n > 3)
    links.push({ label: '1', href: href(1) }, ...(n > 4 ? [{ label: '…', href: null }] : []));
  for (let p = Math.max(1, n - 2); p <= n + 2; p++) {
    if (p === n) links.push({ label: String(p), href: null, active: true });
    else if (exists(p)) links.push({ label: String(p), href: href(p) });
  }
  if (pageCount && pageCount > n + 2) {
    if (pageCount > n + 3) links.push({ label: '…', href: null });
    links.push({ label: String(pageCount), href: at(pageCount) });
  }
  links.push({ label: '다음', href: result.hasNext ? href(n + 1) : null });
  return links;
}
