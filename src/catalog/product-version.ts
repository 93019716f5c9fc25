// A product has no version column; its updatedAt (millisecond precision) is the edit form's
// version. Each save moves it forward by at least 1 ms, so two saves within one millisecond
// still look different to the stale-form check.
export function nextUpdatedAt(previous: Date, now = new Date()): Date {
  return new Date(Math.max(now.getTime(), previous.getTime() + 1));
}
