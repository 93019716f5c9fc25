import PDFDocument from 'pdfkit';
import type { Statement, StatementLine } from './statement-content';
import { statementFonts } from './statement-font';

type Doc = PDFKit.PDFDocument;

const MARGIN = 40;
const FOOTER = 24;
const GRAY = '#f1f3f5';
const MUTED = '#6c757d';
const LINE = '#adb5bd';

interface Column {
  title: string;
  width: number;
  align: 'left' | 'center' | 'right';
}

// A4 is 515 points wide inside the margins.
const COLUMNS: Column[] = [
  { title: 'No', width: 28, align: 'center' },
  { title: '품목', width: 190, align: 'left' },
  { title: '옵션', width: 117, align: 'left' },
  { title: '수량', width: 40, align: 'right' },
  { title: '단가(원)', width: 65, align: 'right' },
  { title: '금액(원)', width: 75, align: 'right' },
];
const PAD = 4;

const number = (n: number) => n.toLocaleString('ko-KR');

export function renderStatementPdf(statement: Statement): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'ko-KR',
    info: { Title: `거래명세서 ${statement.number}`, Author: statement.supplier.name },
  });
  const pdf = collect(doc);
  // Only the glyphs used are embedded (a subset), so the statement prints the same on any
  // machine, with or without a Korean system font.
  for (const [name, data] of Object.entries(statementFonts())) doc.registerFont(name, data);
  drawTitle(doc, statement);
  drawParties(doc, statement);
  drawTotal(doc, statement.totalAmount);
  drawLines(doc, statement);
  drawPageNumbers(doc);
  doc.end();
  return pdf;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN * 2;
const pageBottom = (doc: Doc) => doc.page.height - MARGIN - FOOTER;

function drawTitle(doc: Doc, statement: Statement) {
  doc.font('bold').fontSize(22).fillColor('black');
  doc.text('거 래 명 세 서', MARGIN, MARGIN, { width: contentWidth(doc), align: 'center' });
  doc.font('regular').fontSize(9).fillColor(MUTED);
  const meta = `명세서 번호 ${statement.number}   거래일 ${statement.tradeDate}   발행일 ${statement.issuedOn}`;
  doc.text(meta, MARGIN, MARGIN + 34, { width: contentWidth(doc), align: 'right' });
  doc.fillColor('black');
}

type Row = [label: string, value: string];

function drawParties(doc: Doc, { buyer, supplier }: Statement) {
  const top = MARGIN + 54;
  const gap = 10;
  const width = (contentWidth(doc) - gap) / 2;
  const buyerRows: Row[] = [['상호(성명)', buyer.name]];
  if (buyer.phone) buyerRows.push(['연락처', buyer.phone]);
  if (buyer.note) buyerRows.push(['비고', buyer.note]);
  const supplierRows: Row[] = [
    ['상호', supplier.name],
    ['사업자등록번호', supplier.registrationNo],
    ['대표', supplier.representative],
    ['주소', supplier.address],
    ['전화', supplier.phone],
  ];
  const heights = [
    partyBox(doc, { x: MARGIN, y: top, width, title: '공급받는자', rows: buyerRows }),
    partyBox(doc, { x: MARGIN + width + gap, y: top, width, title: '공급자', rows: supplierRows }),
  ];
  doc.y = top + Math.max(...heights) + 12;
}

// A titled box of label/value rows; returns its height.
function partyBox(
  doc: Doc,
  box: { x: number; y: number; width: number; title: string; rows: Row[] },
): number {
  const { x, y, width, title, rows } = box;
  const labelWidth = 72;
  const valueWidth = width - labelWidth - PAD * 3;
  const band = 18;
  doc.rect(x, y, width, band).fill(GRAY);
  doc.font('bold').fontSize(9).fillColor('black');
  doc.text(title, x + PAD, y + 4, { width: width - PAD * 2 });
  let rowY = y + band + PAD;
  doc.fontSize(9);
  for (const [label, value] of rows) {
    doc.font('regular');
    const height = Math.max(doc.heightOfString(value, { width: valueWidth }), 12);
    doc.fillColor(MUTED).text(label, x + PAD, rowY, { width: labelWidth, lineBreak: false });
    doc.fillColor('black').text(value, x + labelWidth + PAD * 2, rowY, { width: valueWidth });
    rowY += height + 3;
  }
  const height = rowY - y + PAD;
  doc.lineWidth(0.7).strokeColor(LINE).rect(x, y, width, height).stroke();
  return height;
}

function drawTotal(doc: Doc, total: number) {
  const y = doc.y;
  const width = contentWidth(doc);
  const height = 34;
  doc.lineWidth(1).strokeColor('black').rect(MARGIN, y, width, height).stroke();
  doc.font('bold').fontSize(12).fillColor('black');
  doc.text('합계 금액', MARGIN + 10, y + 10, { lineBreak: false });
  const digits = number(total);
  doc.font('bold').fontSize(16);
  const digitsWidth = doc.widthOfString(digits);
  doc.font('signBold').fontSize(16);
  const signWidth = doc.widthOfString('₩') + 2;
  const right = MARGIN + width - 10;
  doc.text('₩', right - digitsWidth - signWidth, y + 7, { lineBreak: false });
  doc.font('bold').text(digits, right - digitsWidth, y + 7, { lineBreak: false });
  doc.y = y + height + 14;
}

function drawLines(doc: Doc, statement: Statement) {
  let y = drawTableHeader(doc, doc.y);
  statement.lines.forEach((line, index) => {
    const height = lineHeight(doc, line);
    if (y + height > pageBottom(doc)) y = continueOnNewPage(doc, statement);
    drawLine(doc, y, index + 1, line, height);
    y += height;
  });
  drawTotalRow(doc, y, statement);
}

function continueOnNewPage(doc: Doc, statement: Statement): number {
  doc.addPage();
  doc.font('regular').fontSize(8).fillColor(MUTED);
  doc.text(`거래명세서 ${statement.number} (계속)`, MARGIN, MARGIN, { lineBreak: false });
  doc.fillColor('black');
  return drawTableHeader(doc, MARGIN + 16);
}

function drawTableHeader(doc: Doc, y: number): number {
  const height = 20;
  doc.rect(MARGIN, y, contentWidth(doc), height).fill(GRAY);
  doc.font('bold').fontSize(9).fillColor('black');
  let x = MARGIN;
  for (const column of COLUMNS) {
    doc.text(column.title, x + PAD, y + 5, {
      width: column.width - PAD * 2,
      align: 'center',
      lineBreak: false,
    });
    x += column.width;
  }
  rule(doc, y + height, 0.7);
  return y + height;
}

function productText(doc: Doc, line: StatementLine) {
  doc.font('regular').fontSize(9);
  const width = COLUMNS[1].width - PAD * 2;
  const name = doc.heightOfString(line.productName, { width });
  doc.fontSize(7);
  const reference = line.reference ? doc.heightOfString(`주문 ${line.reference}`, { width }) : 0;
  return { width, name, reference };
}

function lineHeight(doc: Doc, line: StatementLine): number {
  const product = productText(doc, line);
  doc.font('regular').fontSize(9);
  const option = line.optionName
    ? doc.heightOfString(line.optionName, { width: COLUMNS[2].width - PAD * 2 })
    : 0;
  return Math.max(product.name + product.reference, option, 11) + PAD * 2;
}

function drawLine(doc: Doc, y: number, no: number, line: StatementLine, height: number) {
  const product = productText(doc, line);
  const cells = [
    String(no),
    line.productName,
    line.optionName ?? '',
    number(line.quantity),
    line.unitPrice === null ? '—' : number(line.unitPrice),
    number(line.amount),
  ];
  let x = MARGIN;
  COLUMNS.forEach((column, index) => {
    doc.font('regular').fontSize(9).fillColor('black');
    doc.text(cells[index], x + PAD, y + PAD, {
      width: column.width - PAD * 2,
      align: column.align,
    });
    if (index === 1 && line.reference) {
      doc.fontSize(7).fillColor(MUTED);
      doc.text(`주문 ${line.reference}`, x + PAD, y + PAD + product.name, { width: product.width });
    }
    x += column.width;
  });
  doc.fillColor('black');
  rule(doc, y + height, 0.3);
}

function drawTotalRow(doc: Doc, y: number, statement: Statement) {
  const height = 22;
  if (y + height > pageBottom(doc)) y = continueOnNewPage(doc, statement);
  rule(doc, y, 1);
  doc.font('bold').fontSize(9).fillColor('black');
  const labelWidth = COLUMNS[0].width + COLUMNS[1].width + COLUMNS[2].width;
  doc.text('합계', MARGIN + PAD, y + 6, { width: labelWidth - PAD * 2, align: 'center' });
  let x = MARGIN + labelWidth;
  const cells = [number(statement.totalQuantity), '', number(statement.totalAmount)];
  COLUMNS.slice(3).forEach((column, index) => {
    doc.text(cells[index], x + PAD, y + 6, { width: column.width - PAD * 2, align: 'right' });
    x += column.width;
  });
  rule(doc, y + height, 1);
}

function rule(doc: Doc, y: number, width: number) {
  doc
    .lineWidth(width)
    .strokeColor(width >= 1 ? 'black' : LINE)
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + contentWidth(doc), y)
    .stroke();
}

// Drawn last, once the page count is known; the bottom margin is lifted for the moment so the
// footer does not spill onto a new page.
function drawPageNumbers(doc: Doc) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(MUTED);
    doc.text(`${i + 1} / ${count}`, MARGIN, doc.page.height - MARGIN, {
      width: contentWidth(doc),
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
