import { dispatchRow } from './smartstore-dispatch';

describe('dispatchRow', () => {
  it('reports a parcel with its courier and number', () => {
    expect(
      dispatchRow({
        externalItemNo: '2026112412345601',
        deliveryMethod: 'COURIER',
        courier: 'CJ대한통운',
        trackingNo: '601234567890',
      }),
    ).toEqual({
      externalItemNo: '2026112412345601',
      method: '택배,등기,소포',
      courier: 'CJ대한통운',
      trackingNo: '601234567890',
    });
  });

  it('reports an own-team item as handed over, with no courier or number', () => {
    expect(
      dispatchRow({
        externalItemNo: '2026112412345602',
        deliveryMethod: 'OWN_TEAM',
        courier: '한진택배',
        trackingNo: '999',
      }),
    ).toEqual({
      externalItemNo: '2026112412345602',
      method: '직접전달',
      courier: null,
      trackingNo: null,
    });
  });
});
