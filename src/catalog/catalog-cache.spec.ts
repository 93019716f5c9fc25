import { SNAPSHOT_MAX_AGE_MS, isSnapshotCurrent } from './catalog-cache.service';
import { CatalogSnapshot } from './catalog-snapshot';

const loadedAt = new Date('2026-03-01T00:00:00Z');
const snapshot = new CatalogSnapshot('41', { categories: [], products: [], options: [] }, loadedAt);
const later = (ms: number) => new Date(loadedAt.getTime() + ms);

describe('whether an instance may keep its catalog snapshot', () => {
  it('keeps it while the shared version is the one it was loaded at', () => {
    expect(isSnapshotCurrent(snapshot, '41', later(1_000))).toBe(true);
  });

  it('drops it as soon as another instance has written (the version moved)', () => {
    expect(isSnapshotCurrent(snapshot, '42', later(1_000))).toBe(false);
  });

  it('drops it after the maximum age even without a new version (a lost bump)', () => {
    expect(isSnapshotCurrent(snapshot, '41', later(SNAPSHOT_MAX_AGE_MS))).toBe(false);
  });
});
