// Finding a row in a view the client does not hold: rows are in ascending order of what
// `compare` measures (store index, or seq within a session), so bisect with single-row
// queries — about log2(total) round trips.
import type { FrameSummary } from '../../../api/model';

export async function bisect(
  rowAt: (position: number) => Promise<FrameSummary | undefined>,
  total: number,
  /** Negative when the row comes before the one sought, 0 when it is the one. */
  compare: (row: FrameSummary) => number,
  /** A first position to try (a good guess saves the search). */
  guess?: number,
): Promise<{ position: number; row: FrameSummary } | undefined> {
  let lo = 0;
  let hi = total - 1;
  let mid = guess !== undefined ? Math.max(lo, Math.min(hi, guess)) : (lo + hi) >> 1;
  while (lo <= hi) {
    const row = await rowAt(mid);
    if (row === undefined) return undefined;
    const order = compare(row);
    if (order === 0) return { position: mid, row };
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
    mid = (lo + hi) >> 1;
  }
  return undefined;
}
