// The same person and place written differently by two channels or two clerks: what bundle
// keys and merge candidates compare.
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

// Spacing, punctuation and the spelled-out 시/도 vary between forms of the same address.
export function normaliseAddress(address: string): string {
  return address
    .replace(/[\s,.·()-]+/g, '')
    .replace(/^서울특별시|^서울시/, '서울')
    .replace(/^경기도/, '경기')
    .toLowerCase();
}

export function normalisePhone(phone: string): string {
  return phone.replace(/\D/g, '');
}
