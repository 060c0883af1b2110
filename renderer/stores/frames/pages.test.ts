import { describe, expect, it } from 'vitest';
import { syntheticFrame } from '../testing/traffic-fixtures';
import { evictFar, findLoaded, linkPairs, missingPages, PAGE_SIZE, putRows, rowAt, type Pages } from './pages';

const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => syntheticFrame(from + i));

describe('frame pages', () => {
  it('splits rows across pages and reads them back by position', () => {
    const pages = putRows(new Map(), 0, rows(0, PAGE_SIZE + 5));
    expect(pages.size).toBe(2);
    expect(rowAt(pages, PAGE_SIZE + 4)?.index).toBe(PAGE_SIZE + 4);
    expect(rowAt(pages, PAGE_SIZE + 5)).toBeUndefined();
  });

  it('appends live rows to a partial last page and never starts a page mid-way', () => {
    let pages: Pages = putRows(new Map(), 0, rows(0, 10));
    pages = putRows(pages, 10, rows(10, 3));
    expect(pages.get(0)).toHaveLength(13);
    const untouched = putRows(pages, PAGE_SIZE * 3 + 7, rows(PAGE_SIZE * 3 + 7, 2));
    expect(untouched.has(3)).toBe(false);
    // A gap inside a page is not papered over either.
    expect(putRows(pages, 20, rows(20, 1)).get(0)).toHaveLength(13);
  });

  it('lists the pages a range needs, skipping held, partial-but-complete and loading ones', () => {
    const total = PAGE_SIZE * 3 + 10;
    const pages = putRows(new Map(), PAGE_SIZE * 3, rows(PAGE_SIZE * 3, 10));
    expect(missingPages(pages, new Set([1]), 0, total, total)).toEqual([0, 2]);
    expect(missingPages(new Map(), new Set(), -50, 10, 0)).toEqual([]);
  });

  it('evicts the pages farthest from the visible one', () => {
    let pages: Pages = new Map();
    for (let p = 0; p < 10; p++) pages = putRows(pages, p * PAGE_SIZE, rows(p * PAGE_SIZE, 1));
    expect([...evictFar(pages, 8, 3).keys()].sort()).toEqual([7, 8, 9]);
  });

  it('finds a row by store index in a filtered view and links a late response to its request', () => {
    // A filtered view: only even indexes (the requests), without their pair yet.
    const requests = Array.from({ length: 300 }, (_, i) => {
      const { pair: _pair, ...rest } = syntheticFrame(i * 2);
      return rest;
    });
    const pages = putRows(new Map(), 0, requests);
    expect(findLoaded(pages, 404)).toBe(202);
    expect(findLoaded(pages, 405)).toBeUndefined();
    const linked = linkPairs(pages, [syntheticFrame(405)]);
    expect(rowAt(linked, 202)?.pair).toBe(405);
    expect(linked.get(0)).toBe(pages.get(0));
  });
});
