import { encode } from 'iconv-lite';
import { buildCompoundFile } from '../../../test/fixtures/compound-file';
import { buildSmartStoreOrderFile } from '../../../test/fixtures/smartstore-file';
import { buildZip } from '../../../test/fixtures/zip-builder';
import { inspectUpload } from './upload-guard';

const PASSWORD = '침대2026!';

describe('inspectUpload', () => {
  let workbook: Buffer;
  let encrypted: Buffer;

  beforeAll(async () => {
    workbook = await buildSmartStoreOrderFile({ rows: 3 });
    encrypted = await buildSmartStoreOrderFile({ rows: 3, password: PASSWORD });
  });

  it('accepts an .xlsx by its content even when it is named .csv', async () => {
    await expect(inspectUpload({ bytes: workbook, fileName: '주문.csv' })).resolves.toEqual({
      kind: 'xlsx',
      bytes: workbook,
    });
  });

  it('accepts CSV text in CP949 or UTF-8', async () => {
    const csv = encode('주문번호,고객명\r\nHB-1,김민준\r\n', 'cp949');
    await expect(inspectUpload({ bytes: csv, fileName: 'hanbit.csv' })).resolves.toEqual({
      kind: 'csv',
      bytes: csv,
    });
  });

  it('refuses a file over the size limit, naming the limit', async () => {
    await expect(
      inspectUpload({ bytes: Buffer.alloc(65 * 1024 * 1024), fileName: 'a.xlsx' }),
    ).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: '파일이 너무 큽니다. 64MB 이하의 파일만 올릴 수 있습니다.',
    });
    await expect(
      inspectUpload({ bytes: workbook, fileName: 'a.xlsx', limits: { maxFileBytes: 1024 } }),
    ).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  describe('a password-protected workbook', () => {
    it('asks for the password when none was given', async () => {
      await expect(inspectUpload({ bytes: encrypted, fileName: 'a.xlsx' })).rejects.toMatchObject({
        code: 'PASSWORD_REQUIRED',
        message: '암호가 걸린 파일입니다. 암호를 입력하세요.',
      });
    });

    it('says so when the password is wrong', async () => {
      await expect(
        inspectUpload({ bytes: encrypted, fileName: 'a.xlsx', password: '틀린암호' }),
      ).rejects.toMatchObject({ code: 'WRONG_PASSWORD', message: '파일 암호가 맞지 않습니다.' });
    });

    it('hands back the decrypted workbook with the right password', async () => {
      const upload = await inspectUpload({
        bytes: encrypted,
        fileName: 'a.xlsx',
        password: PASSWORD,
      });
      expect(upload.kind).toBe('xlsx');
      expect(upload.bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    });
  });

  it('refuses the old .xls format with a way out', async () => {
    const xls = buildCompoundFile([{ name: 'Workbook', content: Buffer.from([0x09, 0x08]) }]);
    await expect(inspectUpload({ bytes: xls, fileName: '주문.xls' })).rejects.toMatchObject({
      code: 'NOT_SUPPORTED',
      message: '예전 형식(.xls)은 지원하지 않습니다. .xlsx로 저장해 올려 주세요.',
    });
  });

  it('refuses other compound files, such as a Hangul document', async () => {
    const hwp = buildCompoundFile([{ name: 'FileHeader', content: Buffer.from('HWP Document') }]);
    await expect(inspectUpload({ bytes: hwp, fileName: '발주서.hwp' })).rejects.toMatchObject({
      code: 'NOT_A_WORKBOOK',
      message:
        "'발주서.hwp' 파일은 엑셀(.xlsx)이나 CSV 파일이 아닙니다. 엑셀(.xlsx) 또는 CSV 파일을 올려 주세요.",
    });
  });

  it('names a PDF for what it is', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj');
    await expect(inspectUpload({ bytes: pdf, fileName: '주문.pdf' })).rejects.toMatchObject({
      code: 'NOT_A_WORKBOOK',
      message: "'주문.pdf' 파일은 PDF 파일입니다. 엑셀(.xlsx) 또는 CSV 파일을 올려 주세요.",
    });
  });

  it('refuses a zip that holds no workbook', async () => {
    const docx = buildZip([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'word/document.xml', content: Buffer.from('<w:document/>') },
    ]);
    await expect(inspectUpload({ bytes: docx, fileName: 'a.xlsx' })).rejects.toMatchObject({
      code: 'NOT_A_WORKBOOK',
      message: '엑셀 통합 문서(.xlsx)가 아닙니다.',
    });
  });

  it('refuses an empty file', async () => {
    await expect(
      inspectUpload({ bytes: Buffer.alloc(0), fileName: 'a.xlsx' }),
    ).rejects.toMatchObject({ code: 'NOT_A_WORKBOOK', message: "'a.xlsx' 파일이 비어 있습니다." });
  });
});
