import { Role } from '../generated/prisma/enums';
import { mayWorkOn, seesOwnRunsOnly } from './run-access';

describe('who may work on a run', () => {
  const driver = { id: 7, role: Role.DELIVERY };

  it('lets a driver work only on his own runs, never on a stop without one', () => {
    expect(seesOwnRunsOnly(driver)).toBe(true);
    expect(mayWorkOn(driver, { driverId: 7 })).toBe(true);
    expect(mayWorkOn(driver, { driverId: 8 })).toBe(false);
    expect(mayWorkOn(driver, null)).toBe(false);
  });

  it('lets clerks and admins work on every run and every stop', () => {
    for (const role of [Role.CLERK, Role.ADMIN]) {
      const viewer = { id: 1, role };
      expect(seesOwnRunsOnly(viewer)).toBe(false);
      expect(mayWorkOn(viewer, { driverId: 8 })).toBe(true);
      expect(mayWorkOn(viewer, null)).toBe(true);
    }
  });
});
