import { nextAddOnItemNo } from './order-add-on';

describe('the number of an add-on item', () => {
  it('is the order number with -A1 for the first add-on', () => {
    expect(nextAddOnItemNo('2026112412345', ['2026112412345001'])).toBe('2026112412345-A1');
  });

  it('counts on from the highest add-on number, even with gaps', () => {
    expect(nextAddOnItemNo('S-1', ['S-1-A1', 'S-1-A3', 'S-1-Ax', 'S-10-A9'])).toBe('S-1-A4');
  });

  it('gives up rather than cut a number that would not fit the column', () => {
    expect(nextAddOnItemNo('1234567890', [], 12)).toBeNull();
  });
});
