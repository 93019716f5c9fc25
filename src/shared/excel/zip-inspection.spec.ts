import { buildSmartStoreOrderFile } from '../../../test/fixtures/smartstore-file';
import { buildZip, type ZipEntrySpec } from '../../../test/fixtures/zip-builder';
import { uploadLimits } from './upload-limits';
import { inspectWorkbookZip } from './zip-inspection';

const MB = 1024 * 1024;
const workbookParts: ZipEntrySpec[] = [
  { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
  { name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') },
];
const sheet = (content: Buffer, more: Partial<ZipEntrySpec> = {}): ZipEntrySpec => ({
  name: 'xl/worksheets/sheet1.xml',
  content,
  ...more,
});

describe('inspectWorkbookZip', () => {
  it('passes a real workbook', async () => {
    const workbook = await buildSmartStoreOrderFile({ rows: 200 });
    await expect(inspectWorkbookZip(workbook, uploadLimits())).resolves.toBeUndefined();
  });

  it('refuses a zip whose entries declare more than the unpacked limit', async () => {
    const zip = buildZip([...workbookParts, sheet(Buffer.alloc(2 * MB, 'a'))]);
    await expect(
      inspectWorkbookZip(zip, uploadLimits({ maxUnpackedBytes: MB })),
    ).rejects.toMatchObject({
      code: 'UNPACKED_TOO_LARGE',
      message: expect.stringContaining('압축을 풀면 1MB를 넘는 파일'),
    });
  });

  it('refuses an absurd compression ratio even under the size limit', async () => {
    const zip = buildZip([...workbookParts, sheet(Buffer.alloc(8 * MB))]);
    await expect(inspectWorkbookZip(zip, uploadLimits())).rejects.toMatchObject({
      code: 'UNPACKED_TOO_LARGE',
    });
  });

  it('refuses an entry that unpacks to more than it declares', async () => {
    const zip = buildZip([...workbookParts, sheet(Buffer.alloc(4 * MB), { declaredSize: 100 })]);
    await expect(inspectWorkbookZip(zip, uploadLimits())).rejects.toMatchObject({
      code: 'NOT_A_WORKBOOK',
      message: expect.stringContaining('파일이 손상되어'),
    });
  });

  it('refuses data hidden from the central directory, which ExcelJS would still unpack', async () => {
    const hidden = sheet(Buffer.alloc(4 * MB), { unlisted: true });
    const zip = buildZip([hidden, ...workbookParts, sheet(Buffer.from('<worksheet/>'))]);
    await expect(inspectWorkbookZip(zip, uploadLimits())).rejects.toMatchObject({
      code: 'NOT_A_WORKBOOK',
    });
  });

  it('refuses a zip with more entries than a workbook needs', async () => {
    const zip = buildZip([...workbookParts, sheet(Buffer.from('<worksheet/>'))]);
    await expect(inspectWorkbookZip(zip, uploadLimits({ maxZipEntries: 2 }))).rejects.toMatchObject(
      {
        code: 'UNPACKED_TOO_LARGE',
      },
    );
  });

  it('refuses a truncated zip as damaged', async () => {
    const workbook = await buildSmartStoreOrderFile({ rows: 5 });
    await expect(
      inspectWorkbookZip(workbook.subarray(0, workbook.length - 100), uploadLimits()),
    ).rejects.toMatchObject({ code: 'NOT_A_WORKBOOK' });
  });
});
