import { readFileSync } from 'node:fs';
import { sfntFromWoff, statementFonts } from './statement-font';

const woffFile =
  require.resolve('@fontsource/noto-sans-kr/files/noto-sans-kr-latin-ext-400-normal.woff');

describe('sfntFromWoff', () => {
  it('rebuilds the plain font the WOFF file was made from, byte size included', () => {
    const woff = readFileSync(woffFile);
    const sfnt = sfntFromWoff(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
  });

  it('refuses a file that is not WOFF 1.0', () => {
    expect(() => sfntFromWoff(Buffer.from('wOF2 and more bytes than a header needs'))).toThrow(
      'not a WOFF 1.0 font',
    );
  });
});

describe('statementFonts', () => {
  it('loads the Korean faces once and hands out the same buffers afterwards', () => {
    const first = statementFonts();
    expect(Object.keys(first)).toEqual(['regular', 'bold', 'sign', 'signBold']);
    expect(statementFonts().regular).toBe(first.regular);
  });
});
