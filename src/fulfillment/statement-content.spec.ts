import {
  orderStatementNumber,
  partnerStatementNumber,
  statementFileName,
  statementLineOf,
  statementOf,
} from './statement-content';

const item = {
  externalOrderNo: '2026112300001',
  externalItemNo: '2026112300001-1',
  productName: '슬립웨이브 7존 하이브리드 매트리스',
  optionName: '사이즈: Q',
  quantity: 2,
  unitPrice: 890_000,
  amount: 1_780_000,
  finalized: false,
};
const supplier = {
  name: '(주)데모침대',
  registrationNo: '123-45-67890',
  representative: '홍길동',
  address: '경상북도 구미시 산업로 1',
  phone: '054-000-0000',
};

describe('statementLineOf', () => {
  it('prints the item as counted, naming its order only on statements that gather orders', () => {
    expect(statementLineOf(item, false)).toEqual({
      productName: item.productName,
      optionName: '사이즈: Q',
      reference: null,
      quantity: 2,
      unitPrice: 890_000,
      amount: 1_780_000,
    });
    expect(statementLineOf(item, true).reference).toBe('2026112300001');
  });

  it('shows the unit price a finalised amount works out to, or none when no whole price fits', () => {
    const agreed = { ...item, quantity: 2, amount: 1_700_000, finalized: true };
    expect(statementLineOf(agreed, false).unitPrice).toBe(850_000);
    const uneven = { ...item, quantity: 3, amount: 1_000_000, finalized: true };
    expect(statementLineOf(uneven, false)).toMatchObject({ unitPrice: null, amount: 1_000_000 });
  });
});

describe('statementOf', () => {
  it('totals the quantities and amounts and dates the issue in Seoul', () => {
    const statement = statementOf({
      number: 'O-00000001',
      tradeDate: '2026-11-23',
      supplier,
      buyer: { name: '김민준', phone: null, note: null },
      lines: [
        statementLineOf(item, false),
        { ...statementLineOf(item, false), quantity: 1, amount: 5 },
      ],
      now: new Date('2026-11-23T15:30:00Z'),
    });
    expect(statement).toMatchObject({ totalQuantity: 3, totalAmount: 1_780_005 });
    expect(statement.issuedOn).toBe('2026-11-24');
  });
});

describe('statement numbers and file names', () => {
  it('numbers a statement the same way every time it is printed', () => {
    expect(orderStatementNumber(123)).toBe('O-00000123');
    expect(partnerStatementNumber(3, '2026-11-23')).toBe('P003-20261123');
  });

  it('keeps a partner name with slashes or spaces out of the file path', () => {
    expect(statementFileName('P003-20261123', '한빛가구 (협력사)/본점')).toEqual({
      ascii: 'statement-P003-20261123.pdf',
      korean: '거래명세서-한빛가구_(협력사)_본점-P003-20261123.pdf',
    });
  });
});
