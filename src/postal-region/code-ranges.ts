/** Sets of two-digit suffixes ("00".."99") written as ranges, e.g. "00-36,38,40-99". */
export function encodeRanges(suffixes: Iterable<number>): string {
  const sorted = [...new Set(suffixes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i];
    while (sorted[i + 1] === sorted[i] + 1) i++;
    parts.push(start === sorted[i] ? pad(start) : `${pad(start)}-${pad(sorted[i])}`);
  }
  return parts.join(',');
}

export function decodeRanges(ranges: string): number[] {
  if (ranges === '') return [];
  return ranges.split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
