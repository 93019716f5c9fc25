import { Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  validateSync,
} from 'class-validator';
import { ClaimType, DeliveryMethod, ItemStatus } from '../generated/prisma/enums';
import { seoulDayStart } from '../shared/text/seoul-time';
import { searchKind } from './order-search';
import { trim } from '../shared/http/form-transforms';

export const SORT_KEYS = [
  'orderedAt',
  'lifeDate',
  'amount',
  'productName',
  'status',
  'id',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_VALUES = SORT_KEYS.flatMap((key) => [key, `-${key}`]);
export const DEFAULT_SORT = '-orderedAt';
// A filtered list follows the date items are filed under: every filter has an index that
// ends in lifeDate, so filter and order come from one index. Ordered by order date instead,
// a filter that matches old rows (완료) or a date range makes the scan skip the newest rows.
export const DEFAULT_FILTERED_SORT = '-lifeDate';
const INDEXED_FILTERS = [
  'from',
  'to',
  'status',
  'channel',
  'claim',
  'sido',
  'method',
  'review',
] as const;
export const PAGE_SIZES = [20, 50, 100, 200] as const;
// Counting stops here: beyond it the page says "10,000건 이상". An exact COUNT over a million
// rows takes 100–300 ms even on an index; a capped one a few milliseconds. Page numbers without
// a cursor (a bookmark) reach as deep; further pages follow 다음 links (keyset).
export const COUNT_CAP = 10_000;
export const DEFAULT_PAGE_SIZE = 50;

type Input = { value: unknown };
// A blank form field ("전체", an empty date) means the filter is not given.
const isBlank = (value: unknown): boolean =>
  Array.isArray(value) ? value.every(isBlank) : value == null || String(value).trim() === '';
// A filter may be given once or repeated (channel=1&channel=3).
const toList = ({ value }: Input) =>
  (Array.isArray(value) ? value : [value]).filter((v) => !isBlank(v));
const toIds = (input: Input) =>
  toList(input).map((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : v));
const YMD = /^\d{4}-\d{2}-\d{2}$/;

export class OrderListQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '페이지 번호가 잘못되었습니다.' })
  @Min(1, { message: '페이지 번호가 잘못되었습니다.' })
  page: number = 1;

  @IsOptional()
  @Type(() => Number)
  @IsIn(PAGE_SIZES, { message: '한 페이지 건수는 20, 50, 100, 200 중에서 고르세요.' })
  size: number = DEFAULT_PAGE_SIZE;

  // No default here: without a sort in the URL, sortOf() picks one from the filters.
  @IsOptional()
  @Transform(trim)
  @IsIn(SORT_VALUES, { message: '정렬 기준이 잘못되었습니다.' })
  sort?: string;

  @IsOptional()
  @Transform(toIds)
  @IsInt({ each: true, message: '채널 값이 잘못되었습니다.' })
  @Min(1, { each: true, message: '채널 값이 잘못되었습니다.' })
  channel?: number[];

  @IsOptional()
  @Transform(toList)
  @IsEnum(ItemStatus, { each: true, message: '주문 상태 값이 잘못되었습니다.' })
  status?: ItemStatus[];

  @IsOptional()
  @Transform(trim)
  @IsEnum(ClaimType, { message: '클레임 값이 잘못되었습니다.' })
  claim?: ClaimType;

  @IsOptional()
  @Transform(trim)
  @Matches(YMD, { message: '시작일은 YYYY-MM-DD 형식으로 입력하세요.' })
  from?: string;

  @IsOptional()
  @Transform(trim)
  @Matches(YMD, { message: '종료일은 YYYY-MM-DD 형식으로 입력하세요.' })
  to?: string;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: '시/도 값이 잘못되었습니다.' })
  @MaxLength(20, { message: '시/도 값이 잘못되었습니다.' })
  sido?: string;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: '시/군/구 값이 잘못되었습니다.' })
  @MaxLength(40, { message: '시/군/구 값이 잘못되었습니다.' })
  sigungu?: string;

  @IsOptional()
  @Transform(trim)
  @IsEnum(DeliveryMethod, { message: '배송방법 값이 잘못되었습니다.' })
  method?: DeliveryMethod;

  @IsOptional()
  @Transform(trim)
  @IsIn(['1'], { message: '검토 필요 값이 잘못되었습니다.' })
  review?: '1';

  @IsOptional()
  @Transform(trim)
  @Matches(/^[A-Za-z0-9_-]{1,600}$/, { message: '페이지 위치 정보가 잘못되었습니다.' })
  cursor?: string;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: '검색어가 잘못되었습니다.' })
  @MaxLength(100, { message: '검색어는 100자 이내로 입력하세요.' })
  q?: string;
}

export interface ParsedOrderListQuery {
  query: OrderListQuery;
  // Korean notes on the conditions that were ignored, shown above the list.
  warnings: string[];
}

const QUERY_KEYS = new Set([
  'page',
  'size',
  'sort',
  'channel',
  'status',
  'claim',
  'from',
  'to',
  'sido',
  'sigungu',
  'method',
  'review',
  'q',
  'cursor',
]);

// A shared or bookmarked link may carry an outdated or mistyped value: the list still shows,
// without that condition and with a note saying so, instead of an error page.
export function parseOrderListQuery(raw: Record<string, unknown>): ParsedOrderListQuery {
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => !isBlank(value)));
  const errors = validateSync(plainToInstance(OrderListQuery, given), { stopAtFirstError: true });
  const warnings = errors.map((e) => Object.values(e.constraints ?? {})[0]);
  const unknown = Object.keys(given).filter((key) => !QUERY_KEYS.has(key));
  if (unknown.length) warnings.push(`알 수 없는 조건은 무시했습니다: ${unknown.join(', ')}`);
  const bad = new Set(errors.map((e) => e.property));
  const kept = Object.entries(given).filter(([key]) => QUERY_KEYS.has(key) && !bad.has(key));
  const query = plainToInstance(OrderListQuery, Object.fromEntries(kept));
  for (const key of ['from', 'to'] as const) {
    if (query[key] && !seoulDayStart(query[key])) {
      warnings.push(`${key === 'from' ? '시작일' : '종료일'}은 없는 날짜입니다: ${query[key]}`);
      query[key] = undefined;
    }
  }
  if (query.from && query.to && query.from > query.to) {
    warnings.push('시작일이 종료일보다 늦어 기간 조건을 무시했습니다.');
    query.from = query.to = undefined;
  }
  // 시/군/구 names repeat across 시/도 (중구, 동구…), and the region index starts with 시/도.
  if (query.sigungu && !query.sido) {
    warnings.push('시/군/구는 시/도와 함께 고르세요.');
    query.sigungu = undefined;
  }
  // One letter would match a fifth of all customers (김…): no index narrows that down.
  if (query.q && searchKind(query.q).kind === 'text' && query.q.length < 2) {
    warnings.push('이름이나 상품명은 두 글자 이상 입력하세요.');
    query.q = undefined;
  }
  if (query.cursor && !decodeCursor(query.cursor, sortOf(query).key)) {
    warnings.push('페이지 위치 정보가 잘못되어 첫 페이지부터 보여 드립니다.');
    query.cursor = undefined;
    query.page = 1;
  }
  const lastNumbered = Math.ceil(COUNT_CAP / query.size);
  if (!query.cursor && query.page > lastNumbered) {
    warnings.push(
      `쪽 번호로는 ${lastNumbered}쪽까지 바로 갈 수 있습니다. 이후는 다음 버튼으로 이동하세요.`,
    );
    query.page = lastNumbered;
  }
  return { query, warnings };
}

// `@Query(OrderListQueryPipe)` with an interface type: the global validation pipe, which
// answers any bad value with an error, leaves a plain object alone.
@Injectable()
export class OrderListQueryPipe implements PipeTransform {
  transform(raw: Record<string, unknown>): ParsedOrderListQuery {
    return parseOrderListQuery(raw);
  }
}

// The URL state of a list without its position (page, cursor): links that change a filter or
// the sort start again at page 1.
export function filtersOf(query: OrderListQuery): Record<string, unknown> {
  const { page: _page, cursor: _cursor, ...rest } = query;
  return { ...rest, size: rest.size === DEFAULT_PAGE_SIZE ? undefined : rest.size };
}

// The columns each sort orders by; `id` last makes the order total, so a page can continue
// exactly where another ended (keyset paging) on the index behind that sort.
export const SORT_COLUMNS = {
  orderedAt: ['orderedAt', 'id'],
  lifeDate: ['lifeDate', 'id'],
  amount: ['amount', 'id'],
  productName: ['productName', 'id'],
  // Within a status, by the date the item is filed under: the (status, lifeDate) index.
  status: ['status', 'lifeDate', 'id'],
  id: ['id'],
} as const satisfies Record<SortKey, readonly string[]>;

export type SortColumn = (typeof SORT_COLUMNS)[SortKey][number];
export type CursorValue = Date | number | string;

export interface PageCursor {
  // Rows after (or before) the row with these sort values, skipping `skip` rows first.
  dir: 'after' | 'before';
  skip: number;
  values: CursorValue[];
}

export function encodeCursor(cursor: PageCursor): string {
  const values = cursor.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  return Buffer.from(JSON.stringify([cursor.dir, cursor.skip, ...values])).toString('base64url');
}

const VALUE_CHECKS: Record<SortColumn, (v: unknown) => CursorValue | null> = {
  orderedAt: toDateValue,
  lifeDate: toDateValue,
  amount: (v) => (Number.isSafeInteger(v) ? (v as number) : null),
  id: (v) => (Number.isSafeInteger(v) ? (v as number) : null),
  productName: (v) => (typeof v === 'string' && v.length <= 200 ? v : null),
  status: (v) => (typeof v === 'string' && v in ItemStatus ? v : null),
};

function toDateValue(v: unknown): Date | null {
  const date = typeof v === 'string' ? new Date(v) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

// A cursor is only trusted after each value is checked against the current sort's columns.
export function decodeCursor(text: string, sort: SortKey): PageCursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const columns = SORT_COLUMNS[sort];
  if (!Array.isArray(parsed) || parsed.length !== columns.length + 2) return null;
  const [dir, skip, ...raw] = parsed as unknown[];
  if ((dir !== 'after' && dir !== 'before') || !Number.isSafeInteger(skip)) return null;
  if ((skip as number) < 0 || (skip as number) > MAX_SKIP) return null;
  const values = columns.map((column, i) => VALUE_CHECKS[column](raw[i]));
  return values.includes(null)
    ? null
    : { dir, skip: skip as number, values: values as CursorValue[] };
}

// A page link jumps at most a few pages from the page it is on.
const MAX_SKIP = 5 * 200;

export interface SortSpec {
  key: SortKey;
  desc: boolean;
}

export function effectiveSort(query: OrderListQuery): string {
  const filtered = INDEXED_FILTERS.some((key) => query[key] !== undefined);
  return query.sort ?? (filtered ? DEFAULT_FILTERED_SORT : DEFAULT_SORT);
}

export function sortOf(query: OrderListQuery): SortSpec {
  const sort = effectiveSort(query);
  const desc = sort.startsWith('-');
  return { key: (desc ? sort.slice(1) : sort) as SortKey, desc };
}
