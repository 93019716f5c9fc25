import {
  RUN_DISPATCHED_REFUSAL,
  dispatchStepOf,
  isLeftBehind,
  planChangeRefusal,
} from './run-dispatch';

describe('dispatching a run', () => {
  it('sends a prepared item out for delivery', () => {
    expect(dispatchStepOf('PREPARING')).toBe('OUT_FOR_DELIVERY');
  });

  it('leaves pickups, items already out and items not yet prepared as they are', () => {
    for (const status of [
      'RETURN_REQUESTED',
      'EXCHANGE_REQUESTED',
      'OUT_FOR_DELIVERY',
      'NEW',
      'CONFIRMED',
      'DELIVERED',
    ] as const)
      expect(dispatchStepOf(status)).toBeNull();
  });

  it('counts an item not yet prepared as left behind, but not a pickup or one already out', () => {
    expect(isLeftBehind('NEW')).toBe(true);
    expect(isLeftBehind('CONFIRMED')).toBe(true);
    expect(isLeftBehind('RETURN_REQUESTED')).toBe(false);
    expect(isLeftBehind('OUT_FOR_DELIVERY')).toBe(false);
  });

  it('lets the stops change only before the truck leaves', () => {
    expect(planChangeRefusal({ dispatchedAt: null })).toBeNull();
    expect(planChangeRefusal({ dispatchedAt: new Date() })).toBe(RUN_DISPATCHED_REFUSAL);
  });
});
