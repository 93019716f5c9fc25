import { ReopenCandidate, reopenReasonRefusal, reopenRefusal } from './bundle-reopen';

const bundle = (over: Partial<ReopenCandidate> = {}): ReopenCandidate => ({
  id: 10,
  status: 'CLOSED',
  mergedIntoId: null,
  closedAt: new Date('2026-12-01T01:00:00Z'),
  ...over,
});

describe('reopening a closed bundle', () => {
  it('allows the latest closed bundle of a stop, even when late arrivals opened another', () => {
    expect(reopenRefusal(bundle(), [bundle(), bundle({ id: 11, status: 'OPEN' })])).toBeNull();
  });

  it('refuses a bundle already open, delivered or failed', () => {
    expect(reopenRefusal(bundle({ status: 'OPEN' }), [])).toBe('이미 열려 있는 묶음입니다.');
    expect(reopenRefusal(bundle({ status: 'DELIVERED' }), [])).toBe(
      '배송이 끝난 묶음은 다시 열 수 없습니다.',
    );
    expect(reopenRefusal(bundle({ status: 'FAILED' }), [])).toBe(
      '배송이 끝난 묶음은 다시 열 수 없습니다.',
    );
  });

  it('refuses a bundle merged into another one', () => {
    expect(reopenRefusal(bundle({ mergedIntoId: 3 }), [])).toBe(
      '다른 묶음으로 합쳐진 묶음은 다시 열 수 없습니다.',
    );
  });

  it('refuses an older bundle when a later one of the stop has closed or been delivered', () => {
    const older = bundle({ id: 5 });
    expect(reopenRefusal(older, [older, bundle({ id: 9, status: 'DELIVERED' })])).toBe(
      '가장 최근에 닫힌 묶음만 다시 열 수 있습니다.',
    );
    expect(reopenRefusal(older, [older, bundle({ id: 9, mergedIntoId: 5 })])).toBeNull();
  });

  it('wants a reason of a few words, at most 300 characters', () => {
    expect(reopenReasonRefusal(' 추가 주문 ')).toBeNull();
    expect(reopenReasonRefusal(' ')).toBe('다시 여는 이유를 2자 이상 적어 주세요.');
    expect(reopenReasonRefusal('가'.repeat(301))).toBe('이유는 300자 이내로 적어 주세요.');
  });
});
