import { encode } from 'iconv-lite';
import { buildCompoundFile } from '../../../test/fixtures/compound-file';
import { buildSmartStoreOrderFile } from '../../../test/fixtures/smartstore-file';
import { detectSignature } from './file-signature';

describe('detectSignature', () => {
  it('knows an .xlsx by its zip header, whatever the file is called', async () => {
    expect(detectSignature(await buildSmartStoreOrderFile({ rows: 1 }))).toEqual({ kind: 'zip' });
  });

  it('knows a compound file (.xls or an encrypted .xlsx)', () => {
    const cfb = buildCompoundFile([{ name: 'Workbook', content: Buffer.alloc(8) }]);
    expect(detectSignature(cfb)).toEqual({ kind: 'cfb' });
  });

  it('takes CP949 and UTF-8 (with or without BOM) text for CSV', () => {
    const csv = '주문번호,고객명\r\nHB-1,김민준\r\n';
    expect(detectSignature(encode(csv, 'cp949'))).toEqual({ kind: 'text' });
    expect(detectSignature(Buffer.from(`\uFEFF${csv}`))).toEqual({ kind: 'text' });
    expect(detectSignature(Buffer.from(csv))).toEqual({ kind: 'text' });
  });

  it('names the files clerks pick by mistake', () => {
    expect(detectSignature(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toEqual({
      kind: 'other',
      label: 'PDF',
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(detectSignature(png)).toEqual({ kind: 'other', label: 'PNG 이미지' });
  });

  it('does not take an HTML table saved as .xls for CSV', () => {
    const html = Buffer.from('\uFEFF  <html><body><table><tr><td>주문번호</td></tr></table>');
    expect(detectSignature(html)).toEqual({ kind: 'other', label: '웹 페이지(HTML)' });
  });

  it('refuses binary data and recognises an empty file', () => {
    expect(detectSignature(Buffer.from([0x01, 0x02, 0x03, 0x41]))).toEqual({ kind: 'other' });
    expect(detectSignature(Buffer.alloc(0))).toEqual({ kind: 'empty' });
  });
});
