import { validateOverride } from './postal-overrides';
import { loadRegionTables } from './region-tables';

const tables = loadRegionTables();

describe('override validation', () => {
  it('accepts a real 시/도 and 시/군/구', () => {
    expect(
      validateOverride({ postalCode: '43100', sido: '대구광역시', sigungu: '군위군' }, tables),
    ).toEqual({});
  });

  it('accepts 세종 without a 시/군/구 and refuses one with it', () => {
    expect(
      validateOverride({ postalCode: '30121', sido: '세종특별자치시', sigungu: '' }, tables),
    ).toEqual({});
    expect(
      validateOverride(
        { postalCode: '30121', sido: '세종특별자치시', sigungu: '조치원읍' },
        tables,
      ),
    ).toHaveProperty('sigungu');
  });

  it('refuses an unknown 시/도, a district of another province and a malformed code', () => {
    expect(
      validateOverride({ postalCode: '1234', sido: '경기', sigungu: '수원시' }, tables),
    ).toEqual({
      postalCode: '우편번호는 숫자 5자리입니다.',
      sido: '시/도 이름을 정확히 입력하세요. (예: 경기도, 강원특별자치도)',
    });
    expect(
      validateOverride({ postalCode: '16514', sido: '경기도', sigungu: '해운대구' }, tables),
    ).toEqual({
      sigungu: '경기도에 없는 시/군/구입니다.',
    });
  });

  it('checks the 일반구 belongs to the city', () => {
    expect(
      validateOverride(
        { postalCode: '16514', sido: '경기도', sigungu: '수원시', gu: '영통구' },
        tables,
      ),
    ).toEqual({});
    expect(
      validateOverride(
        { postalCode: '16514', sido: '경기도', sigungu: '수원시', gu: '분당구' },
        tables,
      ),
    ).toHaveProperty('gu');
  });
});
