import { buildTrackingCsv, buildTrackingXlsx } from '../../test/fixtures/tracking-file';
import { inspectUpload } from '../shared/excel/upload-guard';
import { readTrackingFile } from './tracking-file';

const read = async (bytes: Buffer) =>
  readTrackingFile(await inspectUpload({ bytes, fileName: 'tracking' }));

describe('readTrackingFile', () => {
  it('finds the header under a banner and reads the columns by their names', async () => {
    const bytes = await buildTrackingXlsx({
      banner: '2026-11-24 CJ대한통운 출고 내역',
      headers: ['받는분', '운송장번호', '택배사', '주문번호', '상품주문번호'],
      rows: [['김민준', 601234567890, 'CJ대한통운', '2026112410000001', '2026112412345601']],
    });
    expect(await read(bytes)).toEqual([
      {
        rowNumber: 3,
        cells: {
          itemNo: '2026112412345601',
          orderNo: '2026112410000001',
          courier: 'CJ대한통운',
          trackingNo: '601234567890',
        },
      },
    ]);
  });

  it('reads a CP949 CSV keyed by 주문번호 only', async () => {
    const bytes = buildTrackingCsv({
      encoding: 'cp949',
      headers: ['주문번호', '택배사', '송장번호'],
      rows: [['HB-1', '한진택배', '512345678901']],
    });
    expect(await read(bytes)).toEqual([
      { rowNumber: 2, cells: { orderNo: 'HB-1', courier: '한진택배', trackingNo: '512345678901' } },
    ]);
  });

  it('names the missing columns', async () => {
    const noNumber = buildTrackingCsv({
      encoding: 'utf8',
      headers: ['상품주문번호', '택배사'],
      rows: [['1', 'CJ']],
    });
    await expect(read(noNumber)).rejects.toThrow('필수 열이 없습니다: 송장번호.');
    const noKey = buildTrackingCsv({
      encoding: 'utf8',
      headers: ['받는분', '택배사', '송장번호'],
      rows: [['김민준', 'CJ', '601234567890']],
    });
    await expect(read(noKey)).rejects.toThrow('상품주문번호 또는 주문번호 열이 없습니다.');
    const unrelated = buildTrackingCsv({ encoding: 'utf8', headers: ['이름', '전화'], rows: [] });
    await expect(read(unrelated)).rejects.toThrow('송장 파일의 제목 행을 찾지 못했습니다');
  });
});
