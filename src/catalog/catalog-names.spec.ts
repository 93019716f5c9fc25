import { catalogTextKey, withDeletedMark } from './catalog-names';

describe('the deleted mark', () => {
  it('follows the name of a deleted item', () => {
    expect(withDeletedMark('라텍스 토퍼', new Date())).toBe('라텍스 토퍼 (삭제됨)');
    expect(withDeletedMark('라텍스 토퍼', true)).toBe('라텍스 토퍼 (삭제됨)');
  });

  it('leaves an active item as it is', () => {
    expect(withDeletedMark('라텍스 토퍼', null)).toBe('라텍스 토퍼');
    expect(withDeletedMark('라텍스 토퍼', false)).toBe('라텍스 토퍼');
  });

  it("does not mistake Handlebars' options argument for a deletion", () => {
    expect(withDeletedMark('라텍스 토퍼', { hash: {}, data: {} })).toBe('라텍스 토퍼');
  });
});

describe('the catalog text key', () => {
  const key = '사이즈:q/색상:그레이';

  it('treats spacing around "/" and ":" alike', () => {
    expect(catalogTextKey('사이즈: Q / 색상: 그레이')).toBe(key);
    expect(catalogTextKey('사이즈:Q/색상:그레이')).toBe(key);
    expect(catalogTextKey('사이즈 :Q/ 색상 : 그레이')).toBe(key);
  });

  it('trims, collapses spaces and folds case', () => {
    expect(catalogTextKey('  Memory   Foam\tTopper ')).toBe('memory foam topper');
  });

  it('reads full-width characters and decomposed Hangul as their usual forms', () => {
    expect(catalogTextKey('사이즈：Ｑ／색상：그레이')).toBe(key);
    expect(catalogTextKey('사이즈: Q / 색상: 그레이'.normalize('NFD'))).toBe(key);
  });

  it('gives an empty key for a missing text', () => {
    expect(catalogTextKey(undefined)).toBe('');
    expect(catalogTextKey('   ')).toBe('');
  });
});
