export const DELETED_MARK = '(삭제됨)';

// Past orders keep showing a deleted product, option or category under its old name; the mark
// tells the reader it can no longer be ordered. Also usable as a Handlebars helper
// (`{{withDeletedMark name deletedAt}}`): Handlebars' trailing options argument is not a
// deletion flag, so only `true`, a Date or a non-empty date string count.
export function withDeletedMark(name: string | null | undefined, deleted: unknown): string {
  const label = name ?? '';
  return isDeletedFlag(deleted) ? `${label} ${DELETED_MARK}` : label;
}

function isDeletedFlag(value: unknown): boolean {
  return value === true || value instanceof Date || (typeof value === 'string' && value !== '');
}

// Channels spell one option many ways: "사이즈: Q / 색상: 그레이", "사이즈:Q/색상:그레이",
// full-width "／", doubled spaces, "q" for "Q", Hangul decomposed by a Mac. Intake matches on
// this key, so every spelling finds the same catalog row.
export function catalogTextKey(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?([/:]) ?/g, '$1')
    .toLowerCase();
}
