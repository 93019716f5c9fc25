import { ExistingOption, planOptionChanges } from './option-changes';

const GONE = new Date('2026-01-01T00:00:00Z');
const NOW = new Date('2026-02-01T00:00:00Z');

const existing: ExistingOption[] = [
  { id: 1, name: '사이즈: Q', extraPrice: 0, sortOrder: 0, deletedAt: null },
  { id: 2, name: '사이즈: K', extraPrice: 150_000, sortOrder: 1, deletedAt: null },
  { id: 3, name: '사이즈: SS', extraPrice: 0, sortOrder: 2, deletedAt: GONE },
];

const plan = (rows: Parameters<typeof planOptionChanges>[0]['rows']) =>
  planOptionChanges({ existing, rows, now: NOW });

describe('planning the option table of a product form', () => {
  it('renames, reprices, deletes and restores only what changed', () => {
    const changes = plan([
      { id: 1, name: '사이즈: Q (퀸)', extraPrice: 0 },
      { id: 2, name: '사이즈: K', extraPrice: 180_000, deleted: 'true' },
      { id: 3, name: '사이즈: SS', extraPrice: 0, restore: 'true' },
    ]);
    expect(changes).toEqual({
      creates: [],
      updates: [
        { id: 1, data: { name: '사이즈: Q (퀸)' } },
        { id: 2, data: { extraPrice: 180_000, deletedAt: NOW } },
        { id: 3, data: { deletedAt: null } },
      ],
      errors: {},
    });
  });

  it('adds named new rows after the existing ones and skips blank rows', () => {
    const changes = plan([
      { name: '사이즈: LK', extraPrice: 400_000 },
      { name: '', extraPrice: 0 },
    ]);
    expect(changes.creates).toEqual([{ name: '사이즈: LK', extraPrice: 400_000, sortOrder: 3 }]);
    expect(changes.errors).toEqual({});
  });

  it('refuses a second active option that reads the same, on the row that repeats it', () => {
    const changes = plan([{ name: '사이즈 : q', extraPrice: 0 }]);
    expect(changes.errors).toEqual({ 'options.0.name': '같은 이름의 옵션이 이미 있습니다.' });
  });

  it('lets a new option reuse the name of a deleted one, and two options swap names', () => {
    expect(plan([{ name: '사이즈: SS', extraPrice: 0 }]).errors).toEqual({});
    const swap = plan([
      { id: 1, name: '사이즈: K', extraPrice: 0 },
      { id: 2, name: '사이즈: Q', extraPrice: 150_000 },
    ]);
    expect(swap.errors).toEqual({});
  });

  it('asks for a name on a kept row and on a new row that has a price', () => {
    const changes = plan([
      { id: 1, name: '', extraPrice: 0 },
      { name: '', extraPrice: 5_000 },
    ]);
    expect(changes.errors).toEqual({
      'options.0.name': '옵션 이름을 입력하세요.',
      'options.1.name': '옵션 이름을 입력하세요.',
    });
  });

  it("refuses another product's option id", () => {
    expect(plan([{ id: 99, name: '남의 옵션', extraPrice: 0 }]).errors['options.0.name']).toContain(
      '이 상품의 옵션이 아닙니다',
    );
  });
});
