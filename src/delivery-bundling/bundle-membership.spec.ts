import { MemberCandidate, NEW_BUNDLE, isLateBundle, placeItems } from './bundle-membership';

const item = (over: Partial<MemberCandidate> = {}): MemberCandidate => ({
  id: 1,
  bundleId: null,
  deliveryMethod: 'OWN_TEAM',
  status: 'NEW',
  ...over,
});

describe('bundle membership', () => {
  it('starts a new bundle for the first own-team items of a key', () => {
    const placed = placeItems({ items: [item({ id: 1 }), item({ id: 2 })], bundles: [] });
    expect([...placed.values()]).toEqual([NEW_BUNDLE, NEW_BUNDLE]);
  });

  it('puts an add-on into the open bundle of its key', () => {
    const placed = placeItems({
      items: [item({ id: 1, bundleId: 7 }), item({ id: 2 })],
      bundles: [{ id: 7, status: 'OPEN' }],
    });
    expect(placed.get(2)).toBe(7);
  });

  it('never reopens a closed or delivered bundle: arrivals start a new one', () => {
    for (const status of ['CLOSED', 'DELIVERED', 'FAILED'] as const) {
      const placed = placeItems({
        items: [item({ id: 1, bundleId: 7, status: 'DELIVERED' }), item({ id: 2 })],
        bundles: [{ id: 7, status }],
      });
      expect(placed.get(1)).toBe(7);
      expect(placed.get(2)).toBe(NEW_BUNDLE);
    }
  });

  it('takes cancelled and courier items out of every bundle', () => {
    const placed = placeItems({
      items: [
        item({ id: 1, bundleId: 7, status: 'CANCELLED' }),
        item({ id: 2, bundleId: 7, status: 'CANCEL_REQUESTED' }),
        item({ id: 3, deliveryMethod: 'COURIER' }),
      ],
      bundles: [{ id: 7, status: 'OPEN' }],
    });
    expect([...placed.values()]).toEqual([null, null, null]);
  });

  it('moves a pickup of a delivered item to the open stop, but keeps it on a failed one', () => {
    const fromDelivered = placeItems({
      items: [item({ id: 1, bundleId: 7, status: 'RETURN_REQUESTED' })],
      bundles: [
        { id: 7, status: 'DELIVERED' },
        { id: 9, status: 'OPEN' },
      ],
    });
    expect(fromDelivered.get(1)).toBe(9);
    const fromFailed = placeItems({
      items: [item({ id: 1, bundleId: 7, status: 'EXCHANGE_REQUESTED' })],
      bundles: [{ id: 7, status: 'FAILED' }],
    });
    expect(fromFailed.get(1)).toBe(7);
  });

  it('joins the newest open bundle when a key has several', () => {
    const placed = placeItems({
      items: [item({ id: 1 })],
      bundles: [
        { id: 3, status: 'OPEN' },
        { id: 8, status: 'OPEN' },
      ],
    });
    expect(placed.get(1)).toBe(8);
  });

  it('flags a bundle that follows a dispatched one of the same key', () => {
    const siblings = [
      { id: 3, status: 'DELIVERED' as const },
      { id: 8, status: 'OPEN' as const },
    ];
    expect(isLateBundle(siblings[1], siblings)).toBe(true);
    expect(isLateBundle(siblings[0], siblings)).toBe(false);
  });
});
