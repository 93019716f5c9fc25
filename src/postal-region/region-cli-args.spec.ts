import { parseRegionArgs } from './region-cli-args';

describe('region command arguments', () => {
  it('reads a leading 5-digit or old 6-digit code and the rest as the address', () => {
    expect(parseRegionArgs(['43100'])).toEqual({ postalCode: '43100', address: undefined });
    expect(parseRegionArgs(['463-400', '경기도', '성남시'])).toEqual({
      postalCode: '463-400',
      address: '경기도 성남시',
    });
  });

  it('treats everything as the address when it does not start with a code', () => {
    expect(parseRegionArgs(['서울', '중구', '세종대로', '110'])).toEqual({
      postalCode: undefined,
      address: '서울 중구 세종대로 110',
    });
  });
});
