import { cellText, neutraliseCell } from './cell-text';

describe('cellText', () => {
  it('keeps a 16-digit order number stored as a number whole, never in E-notation', () => {
    expect(cellText(2026112412345678)).toBe('2026112412345678');
  });

  it('drops binary float noise the way Excel does (15 significant digits)', () => {
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(1290000)).toBe('1290000');
    expect(cellText(-3.5)).toBe('-3.5');
  });

  it('shows a date cell as the wall-clock time Excel displayed, without shifting zones', () => {
    // ExcelJS reads serial 46350.54524305556 (2026-11-24 13:05:09) as this UTC instant.
    expect(cellText(new Date(Date.UTC(2026, 10, 24, 13, 5, 9)))).toBe('2026-11-24 13:05:09');
  });

  it('rounds away the fraction of a second a date serial carries', () => {
    expect(cellText(new Date(Date.UTC(2026, 10, 24, 13, 5, 8, 999)))).toBe('2026-11-24 13:05:09');
  });

  it('gives the cached result of a formula and never the formula itself', () => {
    expect(cellText({ formula: 'SUM(A1:A3)', result: 42 })).toBe('42');
    expect(cellText({ formula: 'A1&B1', result: ' 김민준 ' })).toBe('김민준');
    expect(cellText({ formula: 'A1' })).toBe('');
  });

  it('turns errors, alone or as a formula result, into empty text', () => {
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText({ formula: 'NA()', result: { error: '#N/A' } })).toBe('');
    expect(cellText({ formula: 'A1/0', result: NaN })).toBe('');
  });

  it('joins rich text runs and shows a hyperlink by its text', () => {
    expect(cellText({ richText: [{ text: '슬립웨이브 ' }, { text: '7존' }] })).toBe(
      '슬립웨이브 7존',
    );
    expect(cellText({ text: '주문 상세', hyperlink: 'https://smartstore.naver.com' })).toBe(
      '주문 상세',
    );
  });

  it('trims text and shows blanks and booleans as Excel does', () => {
    expect(cellText('  010-1234-5678 \n')).toBe('010-1234-5678');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(true)).toBe('TRUE');
  });
});

describe('neutraliseCell', () => {
  it.each([
    '=HYPERLINK("http://evil","click")',
    '+82-10-1234-5678',
    '-1000',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
  ])('prefixes %j with a quote so Excel keeps it as text', (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text alone, including a formula character later on', () => {
    expect(neutraliseCell('김민준')).toBe('김민준');
    expect(neutraliseCell('A=B')).toBe('A=B');
  });

  it('keeps numbers, booleans and dates as they are', () => {
    const date = new Date('2026-11-24T04:05:09Z');
    expect(neutraliseCell(-1000)).toBe(-1000);
    expect(neutraliseCell(false)).toBe(false);
    expect(neutraliseCell(date)).toBe(date);
  });

  it('writes nothing for missing values, NaN and invalid dates', () => {
    expect(neutraliseCell(undefined)).toBeNull();
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell(Number.NaN)).toBeNull();
    expect(neutraliseCell(new Date('nope'))).toBeNull();
  });

  it('writes other values, such as a bigint id, as neutralised text', () => {
    expect(neutraliseCell(2026112412345678901n)).toBe('2026112412345678901');
  });
});
