import {
  decodeCursor,
  encodeCursor,
  filtersOf,
  parseOrderListQuery,
  sortOf,
} from './order-list.query';
import { phoneForms, searchKind } from './order-search';
import { sortHeaders } from '../shared/views/sort-headers';

describe('reading the order list URL', () => {
  it('keeps valid filters, repeated ones as lists, and fills in the page and size', () => {
    const { query, warnings } = parseOrderListQuery({
      status: ['NEW', 'CONFIRMED'],
      channel: '3',
      q: ' 김민준 ',
    });
    expect(warnings).toEqual([]);
    expect(query).toMatchObject({
      page: 1,
      size: 50,
      status: ['NEW', 'CONFIRMED'],
      channel: [3],
      q: '김민준',
    });
  });

  it('treats blank form fields as not given', () => {
    const { query, warnings } = parseOrderListQuery({
      q: '',
      from: '',
      channel: ['', ''],
      size: '',
    });
    expect(warnings).toEqual([]);
    expect(query).toMatchObject({ q: undefined, from: undefined, channel: undefined, size: 50 });
  });

  it('drops each bad value with its own Korean note and keeps the rest', () => {
    const { query, warnings } = parseOrderListQuery({
      status: 'LOST',
      size: '30',
      method: 'COURIER',
    });
    expect(query).toMatchObject({ status: undefined, size: 50, method: 'COURIER' });
    expect(warnings).toEqual([
      '한 페이지 건수는 20, 50, 100, 200 중에서 고르세요.',
      '주문 상태 값이 잘못되었습니다.',
    ]);
  });

  it('refuses a page number beyond what the count reaches, without a cursor', () => {
    const { query, warnings } = parseOrderListQuery({ page: '5000', size: '20' });
    expect(query.page).toBe(500);
    expect(warnings[0]).toContain('500쪽까지');
  });
});

describe('the sort a list uses', () => {
  const sortFor = (raw: Record<string, unknown>) => sortOf(parseOrderListQuery(raw).query);

  it('is the newest order first, and 기준일 once the list is filtered', () => {
    expect(sortFor({})).toEqual({ key: 'orderedAt', desc: true });
    expect(sortFor({ q: '김민준' })).toEqual({ key: 'orderedAt', desc: true });
    expect(sortFor({ status: 'COMPLETED' })).toEqual({ key: 'lifeDate', desc: true });
    expect(sortFor({ from: '2026-11-01' })).toEqual({ key: 'lifeDate', desc: true });
  });

  it('is whatever the URL asks for from the fixed list', () => {
    expect(sortFor({ sort: 'amount', status: 'NEW' })).toEqual({ key: 'amount', desc: false });
  });
});

describe('sortable column headers', () => {
  const headers = (sort: string) =>
    sortHeaders({
      path: '/orders',
      filters: { status: ['NEW', 'SHIPPED'], q: '김' },
      sort,
      labels: { orderedAt: '주문일시', amount: '금액' },
      firstDesc: ['orderedAt'],
    });

  it('flip the direction of the current column and keep the filters, back on page 1', () => {
    const { amount, orderedAt } = headers('-amount');
    expect(amount).toMatchObject({ arrow: '▼', ariaSort: 'descending' });
    expect(amount.href).toBe('/orders?status=NEW&status=SHIPPED&q=%EA%B9%80&sort=amount');
    expect(orderedAt).toMatchObject({ arrow: '', ariaSort: 'none' });
    expect(orderedAt.href).toContain('sort=-orderedAt');
    expect(headers('amount').amount.href).toContain('sort=-amount');
  });
});

describe('page cursors', () => {
  const cursor = {
    dir: 'after' as const,
    skip: 50,
    values: [new Date('2026-11-20T01:00:00Z'), 77],
  };

  it('come back as they were encoded', () => {
    expect(decodeCursor(encodeCursor(cursor), 'orderedAt')).toEqual(cursor);
  });

  it('are refused when edited or meant for another sort', () => {
    expect(decodeCursor(encodeCursor(cursor), 'status')).toBeNull();
    expect(decodeCursor(encodeCursor({ ...cursor, values: ['x', 77] }), 'orderedAt')).toBeNull();
    expect(decodeCursor(encodeCursor({ ...cursor, skip: -1 }), 'orderedAt')).toBeNull();
    expect(decodeCursor('bm90IGpzb24', 'orderedAt')).toBeNull();
  });

  it('are not kept in filter links', () => {
    const { query } = parseOrderListQuery({
      cursor: encodeCursor(cursor),
      page: '3',
      status: 'NEW',
    });
    expect(filtersOf(query)).not.toHaveProperty('cursor');
    expect(filtersOf(query)).not.toHaveProperty('page');
  });
});

describe('what a search looks for', () => {
  it('takes a long number for an order or 상품주문번호', () => {
    expect(searchKind('2026112412345678')).toEqual({
      kind: 'number',
      value: '2026112412345678',
      phones: [],
    });
  });

  it('tries a 12-digit number from 050 as a SmartStore safe number too', () => {
    expect(searchKind('050412345678')).toEqual({
      kind: 'number',
      value: '050412345678',
      phones: ['050412345678', '0504-1234-5678'],
    });
  });

  it('tries a short number both as a number and as a phone', () => {
    expect(searchKind('01012345678')).toEqual({
      kind: 'number',
      value: '01012345678',
      phones: ['01012345678', '010-1234-5678'],
    });
  });

  it('takes digits with dashes for a phone, in every usual spelling', () => {
    expect(searchKind('010-1234-5678')).toEqual({
      kind: 'phone',
      phones: ['01012345678', '010-1234-5678'],
    });
    expect(phoneForms('02-123-4567')).toEqual(['021234567', '02-123-4567']);
    expect(phoneForms('031 123 4567')).toEqual(['0311234567', '031-123-4567']);
    expect(phoneForms('1588-1234')).toEqual(['15881234', '1588-1234']);
    expect(phoneForms('05051234567')).toEqual(['05051234567', '0505-123-4567']);
  });

  it('takes one word of letters and digits for a showroom or partner number', () => {
    expect(searchKind('S-20261124-0001')).toEqual({ kind: 'code', value: 'S-20261124-0001' });
    expect(searchKind('PO-2026-00123')).toEqual({ kind: 'code', value: 'PO-2026-00123' });
    expect(searchKind('123-45')).toEqual({ kind: 'code', value: '123-45' });
  });

  it('takes anything else for the beginning of a name or product', () => {
    expect(searchKind('라텍스 토퍼')).toEqual({ kind: 'text', prefix: '라텍스 토퍼' });
    expect(searchKind('모션베드 M1')).toEqual({ kind: 'text', prefix: '모션베드 M1' });
    expect(searchKind('Q-size')).toEqual({ kind: 'text', prefix: 'Q-size' });
  });
});
