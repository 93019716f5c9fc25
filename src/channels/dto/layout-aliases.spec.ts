import { FormValidationError } from '../../shared/http/domain-error';
import { PARTNER_LAYOUT } from '../default-layouts';
import { layoutFromAliasText, splitAliasText } from './layout-aliases';

const asText = (layout: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(layout).map(([field, aliases]) => [field, aliases.join(', ')]));

function errorsOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof FormValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error('expected the form to be refused');
}

describe('aliases typed as comma-separated text', () => {
  it('are trimmed, and blanks and spellings the importer treats alike are dropped', () => {
    expect(splitAliasText(' 주문번호 , ,발주번호, 주문 번호,발주번호 ')).toEqual([
      '주문번호',
      '발주번호',
    ]);
  });

  it('make a layout that reads back as it was typed', () => {
    expect(layoutFromAliasText(asText(PARTNER_LAYOUT))).toEqual(PARTNER_LAYOUT);
  });

  it('leave an optional field out when it has none', () => {
    const layout = layoutFromAliasText({ ...asText(PARTNER_LAYOUT), memo: ' , ' });
    expect(layout.memo).toBeUndefined();
  });

  it('must name every required field, each alias within 100 characters', () => {
    const errors = errorsOf(() =>
      layoutFromAliasText({
        ...asText(PARTNER_LAYOUT),
        externalOrderNo: ' ',
        address: `주소, ${'가'.repeat(101)}`,
      }),
    );
    expect(errors).toEqual({
      'aliases.externalOrderNo': '필수 항목입니다. 제목을 하나 이상 입력하세요.',
      'aliases.address': '제목은 하나에 100자 이내로 입력하세요.',
    });
  });

  it('refuses fields we do not have', () => {
    expect(() => layoutFromAliasText({ ...asText(PARTNER_LAYOUT), price: '가격' })).toThrow(
      '허용되지 않는 항목입니다: aliases.price',
    );
  });
});
