import { parseGeoNames, type GeoNamesRow } from './geonames-rows';
import { buildRegionTables } from './table-builder';

const row = (code: string, sido: string, area: string, eupmyeon = ''): string =>
  ['KR', code, eupmyeon || area, sido, '11', area, '', eupmyeon, '', '37.5', '127.0', '6'].join(
    '\t',
  );

const geonames = (...lines: string[]): GeoNamesRow[] => parseGeoNames(lines.join('\n'));

describe('parseGeoNames', () => {
  it('splits a 일반구 city into city and 구 and renames the old 시/도', () => {
    expect(geonames(row('54879', '전라북도', '전주시 덕진구'))).toEqual([
      { code: '54879', sido: '전북특별자치도', city: '전주시', gu: '덕진구', eupmyeon: null },
    ]);
  });

  it('reads 세종’s empty 시/군/구 as null', () => {
    expect(geonames(row('30100', '세종특별자치시', '', '조치원읍'))[0]).toMatchObject({
      city: null,
      eupmyeon: '조치원읍',
    });
  });
});

describe('buildRegionTables', () => {
  it('gives each prefix its owner and the active suffixes as ranges', () => {
    const { tables } = buildRegionTables({
      geonames: geonames(
        row('01000', '서울특별시', '강북구'),
        row('01003', '서울특별시', '강북구'),
      ),
      official: { '01000': '서울특별시', '01001': '서울특별시', '01002': '서울특별시' },
    });
    expect(tables.prefixes['010']).toEqual({
      sido: '서울특별시',
      sigungu: '강북구',
      active: '00-02',
    });
    expect(tables.sidoByPrefix2).toEqual({ '01': '서울특별시' });
  });

  it('reports official 시/도 that contradict the snapshot', () => {
    const { report } = buildRegionTables({
      geonames: geonames(row('01000', '서울특별시', '강북구')),
      official: { '01000': '경기도' },
    });
    expect(report.sidoMismatches).toEqual(['01000']);
  });

  it('stops when two 시/군/구 share a prefix', () => {
    expect(() =>
      buildRegionTables({
        geonames: geonames(
          row('01000', '서울특별시', '강북구'),
          row('01050', '서울특별시', '도봉구'),
        ),
        official: {},
      }),
    ).toThrow(/prefix 010/);
  });

  it('moves 390 to 대구 군위군 and gives 431 the same owner', () => {
    const { tables } = buildRegionTables({
      geonames: geonames(row('39000', '경상북도', '군위군', '소보면')),
      official: { '43100': '대구광역시' },
    });
    expect(tables.prefixes['390']).toMatchObject({
      sido: '대구광역시',
      sigungu: '군위군',
      active: '',
    });
    expect(tables.prefixes['390'].movedTo).toBe('431');
    expect(tables.prefixes['431']).toMatchObject({ sido: '대구광역시', sigungu: '군위군' });
    expect(tables.regions['대구광역시']['군위군'].eupmyeon).toEqual(['소보면']);
  });

  it('leaves a split 시/군/구 open with its successors as candidates', () => {
    const { tables, report } = buildRegionTables({
      geonames: geonames(row('22300', '인천광역시', '중구')),
      official: { '22300': '인천광역시' },
    });
    expect(tables.prefixes['223']).toMatchObject({
      sigungu: null,
      candidates: ['제물포구', '영종구'],
    });
    expect(Object.values(report.splitSigungu)).toEqual([['22300']]);
    expect(Object.keys(tables.regions['인천광역시'])).toEqual(['영종구', '제물포구']);
  });

  it('lists a code under both 일반구 it straddles and reports it', () => {
    const { tables, report } = buildRegionTables({
      geonames: geonames(
        row('54879', '전라북도', '전주시 덕진구'),
        row('54879', '전라북도', '전주시 완산구'),
        row('54880', '전라북도', '전주시 완산구'),
      ),
      official: { '54879': '전북특별자치도', '54880': '전북특별자치도' },
    });
    expect(tables.gu['548']).toEqual({ 덕진구: '79', 완산구: '79-80' });
    expect(report.guStraddles).toEqual({ 전주시: ['54879'] });
  });

  it('settles a newer 일반구 only from 읍/면 wholly inside it', () => {
    const { tables, report } = buildRegionTables({
      geonames: geonames(
        row('18200', '경기도', '화성시', '송산면'),
        row('18236', '경기도', '화성시'),
        row('18326', '경기도', '화성시', '봉담읍'),
        row('18326', '경기도', '화성시'),
      ),
      official: { '18200': '경기도', '18236': '경기도', '18326': '경기도' },
    });
    expect(tables.gu['182']).toEqual({ 만세구: '00' });
    expect(tables.gu['183']).toBeUndefined();
    expect(report.guUnknown).toEqual({ 화성시: ['18236', '18326'] });
    expect(tables.regions['경기도']['화성시'].gu).toEqual(['동탄구', '만세구', '병점구', '효행구']);
  });

  it('reports active codes the snapshot lacks and snapshot codes no longer active', () => {
    const { report } = buildRegionTables({
      geonames: geonames(
        row('01000', '서울특별시', '강북구'),
        row('01001', '서울특별시', '강북구'),
      ),
      official: { '01000': '서울특별시', '01002': '서울특별시' },
    });
    expect(report.missingFromGeoNames).toEqual(['01002']);
    expect(report.retiredCodes).toEqual(['01001']);
  });
});
