// The frame table's rows as a sparse cache of fixed-size pages (../shared/DESIGN.md "Fast by
// design"): the view holds only the pages near what is on screen, never the whole store.
// Pure functions over immutable maps, so zustand sees a new object only when a page changed.
import type { FrameSummary } from '../../../api/model';

export const PAGE_SIZE = 200;
/** Pages kept around the visible range; beyond this, far pages are dropped. */
export const MAX_PAGES = 60;

export type Pages = ReadonlyMap<number, readonly FrameSummary[]>;

export const pageOf = (position: number): number => Math.floor(position / PAGE_SIZE);

export function rowAt(pages: Pages, position: number): FrameSummary | undefined {
  return pages.get(pageOf(position))?.[position % PAGE_SIZE];
}

/** Pages covering [start, end) that are neither held nor being fetched. */
export function missingPages(pages: Pages, loading: ReadonlySet<number>, start: number, end: number, total: number): number[] {
  const last = Math.min(end, total) - 1;
  if (last < start) return [];
  const missing: number[] = [];
  for (let page = pageOf(Math.max(0, start)); page <= pageOf(last); page++) {
    const rows = pages.get(page);
    const expected = Math.min(PAGE_SIZE, total - page * PAGE_SIZE);
    if ((rows === undefined || rows.length < expected) && !loading.has(page)) missing.push(page);
  }
  return missing;
}

/**
 * Writes rows that start at `offset` into the pages (a query result or live rows). A page
 * that does not exist yet is created only when the rows fill it from its start, so the
 * cache never holds holes at the front of a page.
 */
export function putRows(pages: Pages, offset: number, rows: readonly FrameSummary[]): Pages {
  if (rows.length === 0) return pages;
  const next = new Map(pages);
  let i = 0;
  while (i < rows.length) {
    const position = offset + i;
    const page = pageOf(position);
    const within = position % PAGE_SIZE;
    const take = Math.min(PAGE_SIZE - within, rows.length - i);
    const existing = next.get(page);
    if (existing === undefined && within !== 0) {
      i += take;
      continue;
    }
    const base = existing ?? [];
    if (within > base.length) {
      // A gap inside the page: keep what is contiguous and let a fetch fill the page.
      i += take;
      continue;
    }
    const merged = base.slice(0, within).concat(rows.slice(i, i + take), base.slice(within + take));
    next.set(page, merged);
    i += take;
  }
  return next;
}

/** Drops the pages farthest from the visible page once more than `max` are held. */
export function evictFar(pages: Pages, visiblePage: number, max = MAX_PAGES): Pages {
  if (pages.size <= max) return pages;
  const keep = [...pages.keys()].sort((a, b) => Math.abs(a - visiblePage) - Math.abs(b - visiblePage)).slice(0, max);
  const next = new Map<number, readonly FrameSummary[]>();
  for (const page of keep) next.set(page, pages.get(page)!);
  return next;
}

/**
 * Position of the row holding store index `index` among the held pages, or undefined.
 * Every query returns rows in ascending store index, so each page is searched by bisection.
 */
export function findLoaded(pages: Pages, index: number): number | undefined {
  for (const [page, rows] of pages) {
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (first === undefined || last === undefined || index < first.index || index > last.index) continue;
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = rows[mid]!.index;
      if (at === index) return page * PAGE_SIZE + mid;
      if (at < index) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return undefined;
}

/**
 * A response carries its request's index in `pair`, but the request's row was sent before
 * the response existed: link them here, both ways, in whatever pages hold them.
 */
export function linkPairs(pages: Pages, responses: readonly FrameSummary[]): Pages {
  let next: Map<number, readonly FrameSummary[]> | undefined;
  for (const response of responses) {
    if (response.pair === undefined) continue;
    const current: Pages = next ?? pages;
    const position = findLoaded(current, response.pair);
    if (position === undefined) continue;
    const page = pageOf(position);
    const rows = current.get(page)!;
    const request = rows[position % PAGE_SIZE]!;
    if (request.pair === response.index) continue;
    next ??= new Map(pages);
    const copy = rows.slice();
    copy[position % PAGE_SIZE] = { ...request, pair: response.index };
    next.set(page, copy);
  }
  return next ?? pages;
}

/**
 * Replaces held rows by newer summaries of the same frames (`traffic.updated`: findings a
 * behaviour rule placed on a frame after it was shown). Pages without such a frame keep
 * their identity, so only the rows that changed render again.
 */
export function replaceRows(pages: Pages, updated: readonly FrameSummary[]): Pages {
  if (updated.length === 0) return pages;
  const byIndex = new Map(updated.map((f) => [f.index, f]));
  let next: Map<number, readonly FrameSummary[]> | undefined;
  for (const [page, rows] of pages) {
    if (!rows.some((r) => byIndex.has(r.index))) continue;
    next ??= new Map(pages);
    next.set(page, rows.map((r) => byIndex.get(r.index) ?? r));
  }
  return next ?? pages;
}
