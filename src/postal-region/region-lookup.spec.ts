import { createRegionLookup } from './region-lookup';
import { loadRegionTables } from './region-tables';
import type { RegionOverride } from './region-types';

const regions = createRegionLookup({ tables: loadRegionTables() });
const byCode = (postalCode: string) => regions.lookup({ postalCode });

describe('lookup by postal code', () => {
  it('resolves 43100 to 대구광역시 군위군', () => {
    expect(byCode('43100')).toEqual({ sido: '대구광역시', sigungu: '군위군', source: 'exact' });
  });

  it('resolves the pre-2023 군위군 codes 39000–39066 to 대구광역시 군위군', () => {
    for (const code of ['39000', '39033', '39066']) {
      expect(byCode(code)).toMatchObject({
        sido: '대구광역시',
        sigungu: '군위군',
        source: 'prefix',
      });
      expect(byCode(code).note).toContain('431xx');
    }
  });

  it('gives current 시/도 names for 강원 and 전북', () => {
    expect(byCode('24216')).toMatchObject({ sido: '강원특별자치도', sigungu: '춘천시' });
    expect(byCode('54879').sido).toBe('전북특별자치도');
  });

  it('reports the city as 시/군/구 and the 일반구 separately', () => {
    expect(byCode('16677')).toEqual({
      sido: '경기도',
      sigungu: '수원시',
      gu: '영통구',
      source: 'exact',
    });
  });

  it('reports both 일반구 for a code that straddles them instead of guessing', () => {
    expect(byCode('54879')).toMatchObject({ sigungu: '전주시', gu: null, source: 'exact' });
    expect(byCode('54879').guCandidates).toEqual(['덕진구', '완산구']);
    expect(byCode('54879').ambiguous).toBeUndefined();
  });

  it('leaves the 부천 구 unknown, since the data predates their 2024 return', () => {
    const result = byCode('14500');
    expect(result).toMatchObject({ sido: '경기도', sigungu: '부천시', gu: null, source: 'exact' });
    expect(result.guCandidates).toEqual(['소사구', '오정구', '원미구']);
    expect(result.note).toContain('2024');
  });

  it('settles the 2026 화성 구 only where the code lies in one 읍/면', () => {
    expect(byCode('18200')).toMatchObject({ sigungu: '화성시', gu: '만세구' });
    expect(byCode('18294')).toMatchObject({ sigungu: '화성시', gu: '효행구' });
    expect(byCode('18236')).toMatchObject({ sigungu: '화성시', gu: null });
    expect(byCode('18293').guCandidates).toEqual(['만세구', '효행구']);
  });

  it('resolves an active code the GeoNames snapshot lacks by its prefix owner', () => {
    expect(byCode('24700')).toEqual({ sido: '강원특별자치도', sigungu: '고성군', source: 'exact' });
    const goyang = byCode('10561');
    expect(goyang).toMatchObject({ sigungu: '고양시', gu: null, source: 'exact' });
    expect(goyang.guCandidates).toEqual(['덕양구', '일산동구', '일산서구']);
  });

  it('resolves 세종 without a 시/군/구 and without calling it ambiguous', () => {
    expect(byCode('30100')).toEqual({ sido: '세종특별자치시', sigungu: null, source: 'exact' });
  });

  it('counts 제주시 and 서귀포시 as 시/군/구', () => {
    expect(byCode('63000')).toMatchObject({ sido: '제주특별자치도', sigungu: '제주시' });
    expect(byCode('63500')).toMatchObject({ sido: '제주특별자치도', sigungu: '서귀포시' });
  });

  it('tells 경기도 광주시 and 광주광역시 apart by code', () => {
    expect(byCode('12700')).toMatchObject({ sido: '경기도', sigungu: '광주시' });
    expect(byCode('61000')).toMatchObject({ sido: '광주광역시', sigungu: '북구' });
  });

  describe('인천 after the 2026-07-01 reorganisation', () => {
    it('maps the former 동구 codes to 제물포구', () => {
      expect(byCode('22500')).toEqual({ sido: '인천광역시', sigungu: '제물포구', source: 'exact' });
    });

    it('leaves former 중구 codes open between 제물포구 and 영종구', () => {
      const result = byCode('22382');
      expect(result).toMatchObject({ sido: '인천광역시', sigungu: null, ambiguous: true });
      expect(result.candidates?.map((c) => c.sigungu)).toEqual(['제물포구', '영종구']);
    });

    it('leaves former 서구 codes open between 서구 and 검단구', () => {
      expect(byCode('22600').candidates?.map((c) => c.sigungu)).toEqual(['서구', '검단구']);
    });
  });

  describe('codes outside the official list', () => {
    it('resolves a reserve number at prefix level with the prefix owner', () => {
      expect(byCode('01238')).toMatchObject({
        sido: '서울특별시',
        sigungu: '강북구',
        source: 'prefix',
      });
      expect(byCode('01238').note).toBeDefined();
    });

    it('never guesses a 일반구 at prefix level', () => {
      const result = byCode('16715');
      expect(result).toMatchObject({ sigungu: '수원시', gu: null, source: 'prefix' });
      expect(result.guCandidates).toEqual(['권선구', '영통구', '장안구', '팔달구']);
    });

    it('resolves a retired code at prefix level', () => {
      expect(byCode('01127')).toMatchObject({ sigungu: '강북구', source: 'prefix' });
    });

    it('gives only the 시/도 for an unused prefix inside a 시/도 block', () => {
      expect(byCode('14899')).toMatchObject({
        sido: '경기도',
        sigungu: null,
        source: 'sido',
        ambiguous: true,
      });
    });

    it.each(['00123', '09000', '19000', '20000', '60000', '64000', '99999'])(
      'gets nothing from %s, a range no 시/도 uses',
      (code) => {
        expect(byCode(code)).toMatchObject({ sido: null, sigungu: null, source: 'none' });
        expect(byCode(code).ambiguous).toBe(true);
      },
    );

    it('falls back to the address for a code in an unused range', () => {
      const result = regions.lookup({ postalCode: '09000', address: '서울 강남구 테헤란로' });
      expect(result).toMatchObject({ sido: '서울특별시', sigungu: '강남구', source: 'address' });
      expect(result.note).toContain('사용하지 않는');
    });
  });
});

describe('lookup by address', () => {
  it('parses the address for an old 6-digit code and says so', () => {
    const result = regions.lookup({ postalCode: '135-080', address: '서울 강남구 역삼동 823' });
    expect(result).toMatchObject({ sido: '서울특별시', sigungu: '강남구', source: 'address' });
    expect(result.note).toContain('6자리');
  });

  it('parses the address for a missing or malformed code', () => {
    for (const postalCode of [undefined, '', 'N/A', '6236']) {
      const result = regions.lookup({ postalCode, address: '부산 해운대구 중동' });
      expect(result).toMatchObject({ sido: '부산광역시', sigungu: '해운대구', source: 'address' });
    }
  });

  it('returns ambiguous candidates rather than pick one 중구', () => {
    const result = regions.lookup({ address: '중구 세종대로 110' });
    expect(result).toMatchObject({ sido: null, sigungu: null, ambiguous: true, source: 'address' });
    expect(result.candidates).toContainEqual({ sido: '서울특별시', sigungu: '중구' });
  });

  it('keeps the 시/도 when all candidates share it', () => {
    const result = regions.lookup({ address: '인천 중구 신포로 27' });
    expect(result).toMatchObject({ sido: '인천광역시', sigungu: null, ambiguous: true });
  });

  it('marks a 시/도-only address as ambiguous', () => {
    expect(regions.lookup({ address: '경기도 어딘가' })).toMatchObject({
      sido: '경기도',
      sigungu: null,
      ambiguous: true,
    });
  });

  it('returns none, ambiguous, for an address it cannot read', () => {
    expect(regions.lookup({ address: 'unknown' })).toMatchObject({
      sido: null,
      source: 'none',
      ambiguous: true,
    });
  });
});

describe('lookup by code and address together', () => {
  it('keeps the exact code when the address disagrees, and says so', () => {
    const result = regions.lookup({ postalCode: '16677', address: '부산 해운대구 중동' });
    expect(result).toMatchObject({ sido: '경기도', sigungu: '수원시', gu: '영통구' });
    expect(result.note).toContain('불일치');
  });

  it('keeps the code’s 일반구 when the address names another', () => {
    const result = regions.lookup({ postalCode: '16677', address: '경기 수원시 권선구' });
    expect(result.gu).toBe('영통구');
    expect(result.note).toContain('권선구');
  });

  it('adds no note when code and address agree', () => {
    expect(regions.lookup({ postalCode: '16677', address: '수원시 영통구 매탄동' })).toEqual(
      byCode('16677'),
    );
  });

  it('lets the address settle a 일반구 the code leaves open', () => {
    const straddle = regions.lookup({ postalCode: '54879', address: '전북 전주시 덕진구' });
    expect(straddle).toMatchObject({ sigungu: '전주시', gu: '덕진구', source: 'exact' });
    expect(straddle.guCandidates).toBeUndefined();
    const bucheon = regions.lookup({ postalCode: '14500', address: '부천시 원미구 길주로' });
    expect(bucheon).toMatchObject({ gu: '원미구', note: '일반구는 주소로 판정' });
  });

  it('lets the address settle a 시/군/구 the code leaves open', () => {
    const result = regions.lookup({
      postalCode: '22382',
      address: '인천 중구 공항로 272 (운서동)',
    });
    expect(result).toMatchObject({ sido: '인천광역시', sigungu: '영종구', source: 'address' });
    expect(result.ambiguous).toBeUndefined();
  });

  it('lets the address name the 시/군/구 inside a 시/도-only code', () => {
    const result = regions.lookup({ postalCode: '14899', address: '경기 부천시 소사구' });
    expect(result).toMatchObject({ sido: '경기도', sigungu: '부천시', source: 'address' });
  });

  it('does not let an address from another 시/도 fill a 시/도-only code', () => {
    const result = regions.lookup({ postalCode: '14899', address: '부산 해운대구' });
    expect(result).toMatchObject({ sido: '경기도', sigungu: null, source: 'sido' });
    expect(result.note).toContain('불일치');
  });
});

describe('admin overrides', () => {
  const overrides = new Map<string, RegionOverride>([
    ['16677', { sido: '경기도', sigungu: '수원시', gu: '권선구' }],
    ['09000', { sido: '서울특별시', sigungu: '종로구' }],
    ['30100', { sido: '세종특별자치시', sigungu: '' }],
  ]);
  const withOverrides = regions.withOverrides(overrides);

  it('wins over an exact code', () => {
    expect(withOverrides.lookup({ postalCode: '16677' })).toEqual({
      sido: '경기도',
      sigungu: '수원시',
      gu: '권선구',
      source: 'override',
      note: '관리자 지정',
    });
  });

  it('wins over the address too', () => {
    const result = withOverrides.lookup({ postalCode: '09000', address: '부산 해운대구' });
    expect(result).toMatchObject({ sido: '서울특별시', sigungu: '종로구', source: 'override' });
  });

  it('matches the code after normalising it', () => {
    expect(withOverrides.lookup({ postalCode: ' 16677 ' }).source).toBe('override');
  });

  it('stores 세종’s missing 시/군/구 as null', () => {
    expect(withOverrides.lookup({ postalCode: '30100' }).sigungu).toBeNull();
  });

  it('leaves other codes and the original lookup untouched', () => {
    expect(withOverrides.lookup({ postalCode: '43100' }).source).toBe('exact');
    expect(regions.lookup({ postalCode: '16677' }).source).toBe('exact');
  });
});
