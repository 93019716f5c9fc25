import { compileAddressIndex } from './address-index';
import { parseAddress } from './address-parser';
import { loadRegionTables } from './region-tables';

const index = compileAddressIndex(loadRegionTables().regions);
const read = (address: string) =>
  parseAddress({ address, index }).map(({ sido, sigungu }) => ({ sido, sigungu }));
const one = (sido: string, sigungu: string | null) => [{ sido, sigungu }];

describe('parseAddress', () => {
  describe('시/도 names', () => {
    it.each([
      ['서울특별시 강남구 테헤란로 152', '서울특별시'],
      ['서울시 강남구 테헤란로 152', '서울특별시'],
      ['서울 강남구 테헤란로 152', '서울특별시'],
      ['경기 의정부시 시민로 1', '경기도'],
      ['충북 충주시 으뜸로 21', '충청북도'],
      ['충청남도 아산시 번영로 224', '충청남도'],
      ['강원도 원주시 시청로 1', '강원특별자치도'],
      ['강원특별자치도 원주시 시청로 1', '강원특별자치도'],
      ['전라북도 익산시 인북로 32', '전북특별자치도'],
      ['전북 익산시 인북로 32', '전북특별자치도'],
      ['경북 안동시 퇴계로 115', '경상북도'],
    ])('reads "%s" as %s', (address, sido) => {
      expect(read(address)).toHaveLength(1);
      expect(read(address)[0].sido).toBe(sido);
    });

    it('keeps a 시/도 alone when nothing after it is a 시/군/구', () => {
      expect(read('서울 어딘가 123')).toEqual(one('서울특별시', null));
    });

    it('reads 세종 without a 시/군/구', () => {
      expect(read('세종특별자치시 한누리대로 2130')).toEqual(one('세종특별자치시', null));
      expect(read('세종시 조치원읍 군청로 87')).toEqual(one('세종특별자치시', null));
    });
  });

  describe('spacing and noise', () => {
    it('reads 시/도 and 시/군/구 written without spaces', () => {
      expect(read('서울강남구테헤란로152')).toEqual(one('서울특별시', '강남구'));
    });

    it('reads a 일반구 glued to its city', () => {
      const [match] = parseAddress({ address: '경기도 성남시분당구 불정로 6', index });
      expect(match).toMatchObject({ sido: '경기도', sigungu: '성남시', gu: '분당구' });
    });

    it('skips a leading bracketed postal code and 대한민국', () => {
      expect(read('(06236) 서울 강남구 테헤란로')).toEqual(one('서울특별시', '강남구'));
      expect(read('대한민국 부산광역시 해운대구')).toEqual(one('부산광역시', '해운대구'));
    });

    it('returns nothing for text that names no region', () => {
      expect(read('테헤란로 152')).toEqual([]);
      expect(read('123 Main Street')).toEqual([]);
    });

    it('does not take a road name for a 자치구 (강남대로 is not 강남구)', () => {
      expect(read('서울 강남대로 396')).toEqual(one('서울특별시', null));
    });
  });

  describe('경기도 광주시 and 광주광역시', () => {
    it('reads 광주 followed by a 자치구 as 광주광역시', () => {
      expect(read('광주 북구 용봉로 77')).toEqual(one('광주광역시', '북구'));
      expect(read('광주광역시 광산구 광산로 29')).toEqual(one('광주광역시', '광산구'));
    });

    it('reads 광주시 followed by a 자치구 of 광주광역시 as 광주광역시', () => {
      expect(read('광주시 서구 내방로 111')).toEqual(one('광주광역시', '서구'));
    });

    it('reads 경기도 광주시 when the 시/도 says so', () => {
      expect(read('경기도 광주시 행정타운로 50')).toEqual(one('경기도', '광주시'));
    });

    it('reads 광주시 or 광주 followed by one of its 읍/면 as 경기도 광주시', () => {
      expect(read('광주시 오포읍 오포로 1')).toEqual(one('경기도', '광주시'));
      expect(read('광주 초월읍 경충대로')).toEqual(one('경기도', '광주시'));
    });

    it('reports both when 광주시 stands alone', () => {
      expect(read('광주시 행정타운로 50')).toEqual(
        expect.arrayContaining([
          { sido: '경기도', sigungu: '광주시' },
          { sido: '광주광역시', sigungu: null },
        ]),
      );
    });
  });

  describe('names shared by several 시/도', () => {
    it('reports every 중구 when no 시/도 is given', () => {
      const sidos = read('중구 세종대로 110').map((m) => m.sido);
      expect(sidos).toEqual(expect.arrayContaining(['서울특별시', '부산광역시', '대구광역시']));
      expect(sidos).toEqual(expect.arrayContaining(['대전광역시', '울산광역시']));
    });

    it('reads 중구, 동구, 서구, 남구, 북구 under the 시/도 given', () => {
      expect(read('대구 중구 공평로 88')).toEqual(one('대구광역시', '중구'));
      expect(read('부산 동구 중앙대로')).toEqual(one('부산광역시', '동구'));
      expect(read('대전광역시 서구 둔산로 100')).toEqual(one('대전광역시', '서구'));
      expect(read('울산 남구 중앙로')).toEqual(one('울산광역시', '남구'));
    });

    it('counts 포항시 남구 among the readings of a bare 남구', () => {
      expect(read('남구 대잠동')).toEqual(expect.arrayContaining(one('경상북도', '포항시')));
    });

    it('reports both 고성군 when nothing else tells them apart', () => {
      expect(read('고성군 중앙로')).toEqual(
        expect.arrayContaining([
          { sido: '강원특별자치도', sigungu: '고성군' },
          { sido: '경상남도', sigungu: '고성군' },
        ]),
      );
    });

    it('tells the two 고성군 apart by 시/도 or by 읍/면', () => {
      expect(read('경남 고성군 고성읍')).toEqual(one('경상남도', '고성군'));
      expect(read('고성군 간성읍 고성중앙길')).toEqual(one('강원특별자치도', '고성군'));
      expect(read('고성군 고성읍 성내로')).toEqual(one('경상남도', '고성군'));
    });
  });

  describe('short city names', () => {
    it('reads a city without 시 when a 일반구 follows', () => {
      const [match] = parseAddress({ address: '수원 영통구 매탄동', index });
      expect(match).toMatchObject({ sido: '경기도', sigungu: '수원시', gu: '영통구' });
    });

    it('does not read a city without 시 on its own', () => {
      expect(read('경남 고성 바닷가')).toEqual(one('경상남도', null));
    });
  });

  describe('old names', () => {
    it('maps 인천 남구 to 미추홀구', () => {
      expect(read('인천광역시 남구 독정이로 95')).toEqual(one('인천광역시', '미추홀구'));
    });

    it('maps 경상북도 군위군 to 대구광역시 군위군', () => {
      expect(read('경상북도 군위군 군위읍 군청로 2')).toEqual(one('대구광역시', '군위군'));
      expect(read('대구 군위군 군위읍')).toEqual(one('대구광역시', '군위군'));
    });

    it('maps 마산시 to 창원시 with both 마산 구 as candidates', () => {
      const [match] = parseAddress({ address: '경남 마산시 양덕동', index });
      expect(match).toMatchObject({ sido: '경상남도', sigungu: '창원시', gu: null });
      expect(match.guCandidates).toEqual(['마산합포구', '마산회원구']);
    });

    it('maps 진해시 to 창원시 진해구', () => {
      const [match] = parseAddress({ address: '진해시 중원로', index });
      expect(match).toMatchObject({ sido: '경상남도', sigungu: '창원시', gu: '진해구' });
    });

    it('maps 연기군, 여주군 and 북제주군 to their successors', () => {
      expect(read('충남 연기군 조치원읍')).toEqual(one('세종특별자치시', null));
      expect(read('경기 여주군 여주읍')).toEqual(one('경기도', '여주시'));
      expect(read('북제주군 애월읍')).toEqual(one('제주특별자치도', '제주시'));
    });
  });

  describe('인천 2026 reorganisation', () => {
    it('maps 인천 동구 to 제물포구', () => {
      expect(read('인천 동구 샛골로 1')).toEqual(one('인천광역시', '제물포구'));
    });

    it('leaves 인천 중구 open between 제물포구 and 영종구 without a telling 동', () => {
      expect(read('인천광역시 중구 신포로 27')).toEqual([
        { sido: '인천광역시', sigungu: '제물포구' },
        { sido: '인천광역시', sigungu: '영종구' },
      ]);
    });

    it('settles 인천 중구 as 영종구 by a 영종도 동', () => {
      expect(read('인천광역시 중구 공항로 272 (운서동)')).toEqual(one('인천광역시', '영종구'));
    });

    it('settles 인천 서구 by a 동 lying wholly in 검단구 or 서구', () => {
      expect(read('인천 서구 마전동 123')).toEqual(one('인천광역시', '검단구'));
      expect(read('인천 서구 청라동 1')).toEqual(one('인천광역시', '서구'));
    });

    it('leaves 인천 서구 open for a 동 the 아라뱃길 boundary cuts', () => {
      expect(read('인천 서구 오류동 1')).toHaveLength(2);
    });

    it('reads the new 구 names directly', () => {
      expect(read('인천 검단구 완정로')).toEqual(one('인천광역시', '검단구'));
      expect(read('인천 영종구 운서동')).toEqual(one('인천광역시', '영종구'));
    });
  });

  describe('일반구 newer than the data', () => {
    it('reads the 2024 부천 구 and the 2026 화성 구 by name', () => {
      const [bucheon] = parseAddress({ address: '경기도 부천시 원미구 길주로 210', index });
      expect(bucheon).toMatchObject({ sigungu: '부천시', gu: '원미구' });
      const [hwaseong] = parseAddress({ address: '경기 화성시 동탄구 동탄대로', index });
      expect(hwaseong).toMatchObject({ sigungu: '화성시', gu: '동탄구' });
    });

    it('derives the 화성 구 from a 읍/면 lying wholly inside it', () => {
      const [match] = parseAddress({ address: '화성시 봉담읍 동화길', index });
      expect(match).toMatchObject({ sigungu: '화성시', gu: '효행구' });
    });
  });
});
