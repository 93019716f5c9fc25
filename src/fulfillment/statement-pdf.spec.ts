import { statementOf } from './statement-content';
import { renderStatementPdf } from './statement-pdf';

const supplier = {
  name: '(주)데모침대',
  registrationNo: '123-45-67890',
  representative: '홍길동',
  address: '경상북도 구미시 산업로 1',
  phone: '054-000-0000',
};

const statementWith = (lineCount: number) =>
  statementOf({
    number: 'O-00000001',
    tradeDate: '2026-11-23',
    supplier,
    buyer: { name: '김민준', phone: '010-1234-5678', note: null },
    lines: Array.from({ length: lineCount }, (_, i) => ({
      productName: '슬립웨이브 7존 하이브리드 매트리스',
      optionName: '사이즈: Q',
      reference: `2026112300${i}`,
      quantity: 1,
      unitPrice: 890_000,
      amount: 890_000,
    })),
  });

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length;

describe('renderStatementPdf', () => {
  it('embeds only the used glyphs of Noto Sans KR, so the statement prints without system fonts', async () => {
    const pdf = await renderStatementPdf(statementWith(3));
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // A subset font's name carries a six-letter tag; the whole font would be ~850 KB.
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR/);
    expect(text).toContain('/FontFile2');
    expect(text).not.toContain('Helvetica');
    expect(pdf.length).toBeLessThan(100_000);
  });

  it('continues a long statement on further pages', async () => {
    expect(pageCount(await renderStatementPdf(statementWith(3)))).toBe(1);
    expect(pageCount(await renderStatementPdf(statementWith(60)))).toBeGreaterThan(1);
  });
});
