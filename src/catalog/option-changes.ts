import type { FieldErrors } from '../shared/http/domain-error';
import { catalogTextKey } from './catalog-names';

export interface ExistingOption {
  id: number;
  name: string;
  extraPrice: number;
  sortOrder: number;
  deletedAt: Date | null;
}

// One row of the product form's option table; a row without id is a new option.
export interface OptionRowInput {
  id?: number;
  name: string;
  extraPrice: number;
  deleted?: 'true';
  restore?: 'true';
}

export interface OptionChanges {
  creates: Array<{ name: string; extraPrice: number; sortOrder: number }>;
  updates: Array<{
    id: number;
    data: { name?: string; extraPrice?: number; deletedAt?: Date | null };
  }>;
  errors: FieldErrors;
}

const OPTION_MESSAGES = {
  nameRequired: '옵션 이름을 입력하세요.',
  duplicate: '같은 이름의 옵션이 이미 있습니다.',
  foreign: '이 상품의 옵션이 아닙니다. 새로고침 후 다시 시도하세요.',
};

// Turns the submitted option table into the writes it asks for. Names must stay unique among
// a product's active options (compared as intake compares them), or a channel's option text
// could match two rows. Options left out of the table are left as they are.
export function planOptionChanges(params: {
  existing: readonly ExistingOption[];
  rows: readonly OptionRowInput[];
  now?: Date;
}): OptionChanges {
  const { existing, rows, now = new Date() } = params;
  const byId = new Map(existing.map((o) => [o.id, o]));
  const mentioned = new Set(rows.map((r) => r.id));
  const taken = new Set(
    existing.filter((o) => !o.deletedAt && !mentioned.has(o.id)).map((o) => catalogTextKey(o.name)),
  );
  const changes: OptionChanges = { creates: [], updates: [], errors: {} };
  let nextSortOrder = Math.max(-1, ...existing.map((o) => o.sortOrder)) + 1;
  const seen = new Set<number>();

  rows.forEach((row, index) => {
    const field = `options.${index}.name`;
    const fail = (message: string) => (changes.errors[field] = message);
    const claim = () => {
      const key = catalogTextKey(row.name);
      if (taken.has(key)) fail(OPTION_MESSAGES.duplicate);
      taken.add(key);
    };

    if (row.id === undefined) {
      if (!row.name) {
        if (row.extraPrice !== 0) fail(OPTION_MESSAGES.nameRequired);
        return;
      }
      if (row.deleted) return;
      claim();
      changes.creates.push({
        name: row.name,
        extraPrice: row.extraPrice,
        sortOrder: nextSortOrder++,
      });
      return;
    }

    const current = byId.get(row.id);
    if (!current || seen.has(row.id)) return fail(OPTION_MESSAGES.foreign);
    seen.add(row.id);
    if (!row.name) return fail(OPTION_MESSAGES.nameRequired);
    const deleted = current.deletedAt ? row.restore !== 'true' : row.deleted === 'true';
    if (!deleted) claim();
    const data: OptionChanges['updates'][number]['data'] = {};
    if (row.name !== current.name) data.name = row.name;
    if (row.extraPrice !== current.extraPrice) data.extraPrice = row.extraPrice;
    if (deleted !== Boolean(current.deletedAt)) data.deletedAt = deleted ? now : null;
    if (Object.keys(data).length > 0) changes.updates.push({ id: row.id, data });
  });
  return changes;
}
