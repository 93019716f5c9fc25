import { NO_RULES, resolveKey, splitItemOf, splitKeyOf, stopKeyOf } from './bundle-key-rules';

describe('bundle key rules', () => {
  const item = { id: 7, bundleKey: '1:no:B-1' };

  it('leaves an item on its own key when the clerk decided nothing', () => {
    expect(stopKeyOf(item, NO_RULES)).toBe('1:no:B-1');
  });

  it('puts a split item on a stop of its own', () => {
    const rules = { splitItems: new Set([7]), mergedInto: new Map<string, string>() };
    expect(stopKeyOf(item, rules)).toBe('split:7');
    expect(splitItemOf(splitKeyOf(7))).toBe(7);
    expect(splitItemOf('1:no:B-1')).toBeNull();
  });

  it('sends a merged key, and an item split out then merged elsewhere, to the merge target', () => {
    const rules = {
      splitItems: new Set([7]),
      mergedInto: new Map([
        ['1:no:B-2', '1:no:B-1'],
        ['split:7', '2:to:김민준'],
      ]),
    };
    expect(resolveKey('1:no:B-2', rules)).toBe('1:no:B-1');
    expect(stopKeyOf({ id: 8, bundleKey: '1:no:B-2' }, rules)).toBe('1:no:B-1');
    expect(stopKeyOf(item, rules)).toBe('2:to:김민준');
  });
});
