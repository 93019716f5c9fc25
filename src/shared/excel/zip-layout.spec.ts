import { buildZip } from '../../../test/fixtures/zip-builder';
import { centralDirectoryStart, hasUnlistedData } from './zip-layout';

describe('hasUnlistedData', () => {
  it('accepts entries that follow one another up to the central directory', () => {
    const spans = [
      { start: 100, end: 250 },
      { start: 0, end: 100 },
    ];
    expect(hasUnlistedData(spans, 250)).toBe(false);
  });

  it('accepts the data descriptors that may follow an entry', () => {
    expect(
      hasUnlistedData(
        [
          { start: 0, end: 100 },
          { start: 116, end: 200 },
        ],
        216,
      ),
    ).toBe(false);
  });

  it('flags bytes before the first entry, between entries or before the central directory', () => {
    expect(hasUnlistedData([{ start: 40, end: 100 }], 100)).toBe(true);
    expect(
      hasUnlistedData(
        [
          { start: 0, end: 100 },
          { start: 400, end: 500 },
        ],
        500,
      ),
    ).toBe(true);
    expect(hasUnlistedData([{ start: 0, end: 100 }], 900)).toBe(true);
  });

  it('flags entries that overlap', () => {
    expect(
      hasUnlistedData(
        [
          { start: 0, end: 100 },
          { start: 50, end: 150 },
        ],
        150,
      ),
    ).toBe(true);
  });
});

describe('centralDirectoryStart', () => {
  it('finds where the central directory of a zip begins', () => {
    const zip = buildZip([{ name: 'a.txt', content: Buffer.from('주문') }]);
    const start = centralDirectoryStart(zip);
    expect(zip.readUInt32LE(start)).toBe(0x02014b50);
  });

  it('is not misled by a signature inside the archive comment', () => {
    const zip = buildZip([{ name: 'a.txt', content: Buffer.from('주문') }]);
    const comment = Buffer.from('PK\x05\x06 in a comment', 'latin1');
    const withComment = Buffer.concat([zip, comment]);
    withComment.writeUInt16LE(comment.length, zip.length - 2);
    expect(centralDirectoryStart(withComment)).toBe(centralDirectoryStart(zip));
  });
});
