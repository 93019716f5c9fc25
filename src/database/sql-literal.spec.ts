import { sqlLiteral, sqlTuples } from './sql-literal';

describe('sqlLiteral', () => {
  it('quotes plain text as it is', () => {
    expect(sqlLiteral('홍길동')).toBe("'홍길동'");
    expect(sqlLiteral('서울특별시 강남구 테헤란로 152, 101동')).toBe(
      "'서울특별시 강남구 테헤란로 152, 101동'",
    );
  });

  it('writes text with a quote, backslash or control character as hex, which no cell can break out of', () => {
    expect(sqlLiteral("O'Brien")).toBe(`_utf8mb4 X'${Buffer.from("O'Brien").toString('hex')}'`);
    expect(sqlLiteral("x'); DROP TABLE `Order`; -- ")).toMatch(/^_utf8mb4 X'[0-9a-f]+'$/);
    for (const text of ['a\\b"c', '줄1\n줄2\r\t', '\0\x1a\b', "\\'"]) {
      const [, hex] = /^_utf8mb4 X'([0-9a-f]*)'$/.exec(sqlLiteral(text)) ?? [];
      expect(Buffer.from(hex, 'hex').toString('utf8')).toBe(text);
    }
  });

  it('writes numbers, booleans and null as SQL keeps them', () => {
    expect(sqlLiteral(1290000)).toBe('1290000');
    expect(sqlLiteral(-3000)).toBe('-3000');
    expect(sqlLiteral(true)).toBe('1');
    expect(sqlLiteral(false)).toBe('0');
    expect(sqlLiteral(null)).toBe('NULL');
  });

  it('writes dates in UTC to the millisecond', () => {
    expect(sqlLiteral(new Date('2026-11-24T00:30:05.120+09:00'))).toBe("'2026-11-23 15:30:05.120'");
  });

  it('refuses values that have no literal rather than writing something else', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(RangeError);
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => sqlLiteral(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('sqlTuples', () => {
  it('lists one parenthesised tuple per row', () => {
    expect(
      sqlTuples([
        [1, 'a', null],
        [2, 'b', true],
      ]),
    ).toBe("(1, 'a', NULL), (2, 'b', 1)");
  });
});
