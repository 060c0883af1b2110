// The frame table's window onto the engine's traffic store: the current query (session and
// filter expression), how many frames match, and the pages of summaries near the screen.
// Rows come from `frames.query` by pages; live frames arrive as batched events and are
// applied with the pure reducers in pages.ts, so there is one state change per batch.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { FrameSummary } from '../../../api/model';
import { errorInfo, type ErrorInfo } from '../errors';
import { bisect } from './bisect';
import { evictFar, findLoaded, linkPairs, missingPages, PAGE_SIZE, pageOf, putRows, replaceRows, type Pages } from './pages';

export interface FrameQueryState {
  /** Only this session's frames; undefined for every session. */
  session?: string;
  /** The applied filter expression ('' for none). */
  filter: string;
}

export interface FrameWindowState {
  query: FrameQueryState;
  /** Bumped whenever the rows are replaced, so late answers to old queries are dropped. */
  generation: number;
  total: number;
  pages: Pages;
  loading: ReadonlySet<number>;
  /** The last query failed (e.g. a bad filter); rows are those of the previous query. */
  error?: ErrorInfo;
  /** Keep the newest row in view as frames arrive (true while the user is at the bottom). */
  follow: boolean;
  /** A request for the table to bring a row into view; `nonce` makes repeats distinct. */
  scrollTo?: { position: number; nonce: number };
  actions: FrameWindowActions;
}

export interface FrameWindowActions {
  /** Changes the session or filter and loads the first page. Rejects nothing: errors land in `error`. */
  setQuery(query: Partial<FrameQueryState>): Promise<void>;
  /** The table shows rows [start, end): fetch what is missing around them. */
  showRange(start: number, end: number): void;
  /** A batch of live frames from `traffic.frames`. */
  live(frames: readonly FrameSummary[]): void;
  /** Frames already shown whose findings changed (`traffic.updated`). */
  updated(frames: readonly FrameSummary[]): void;
  /** The engine's store was cleared or replaced. */
  reset(): void;
  /** Asks the engine for rows after the last known one (frames added without events, e.g. by a capture load). */
  catchUp(): void;
  /** Position of a frame (by store index) in the current view, or undefined if the view does not hold it. */
  locate(index: number): Promise<number | undefined>;
  /** In a one-session view: where the frame with this seq is, and its store index. */
  locateSeq(seq: number): Promise<{ position: number; index: number } | undefined>;
  scrollTo(position: number): void;
  setFollow(follow: boolean): void;
}

export type FrameWindowStore = StoreApi<FrameWindowState>;

export function createFrameWindowStore(client: ApiClient): FrameWindowStore {
  let tailBusy = false;
  let tailAgain = false;
  let lastVisiblePage = 0;
  let nonce = 0;
  let querySeq = 0;

  const store = createStore<FrameWindowState>()((set, get) => {
    const argsFor = (query: FrameQueryState, offset: number, limit: number) => ({
      ...(query.session !== undefined ? { session: query.session } : {}),
      ...(query.filter !== '' ? { filter: query.filter } : {}),
      offset,
      limit,
    });

    const fetchPage = async (page: number): Promise<void> => {
      const { generation, query } = get();
      set((s) => ({ loading: new Set(s.loading).add(page) }));
      try {
        const result = await client.call('frames.query', argsFor(query, page * PAGE_SIZE, PAGE_SIZE));
        if (get().generation !== generation) return;
        set((s) => ({
          total: Math.max(s.total, result.total),
          pages: evictFar(putRows(s.pages, result.offset, result.frames), lastVisiblePage),
          loading: without(s.loading, page),
        }));
      } catch (err) {
        if (get().generation !== generation) return;
        set((s) => ({ error: errorInfo(err), loading: without(s.loading, page) }));
      }
    };

    // New frames in a filtered or per-session view: ask the engine what matched after the
    // rows we know of (its matches only grow), one request at a time.
    const refreshTail = async (): Promise<void> => {
      if (tailBusy) {
        tailAgain = true;
        return;
      }
      tailBusy = true;
      try {
        do {
          tailAgain = false;
          const { generation, query, total } = get();
          const result = await client.call('frames.query', argsFor(query, total, PAGE_SIZE));
          if (get().generation !== generation) continue;
          set((s) => ({ total: Math.max(s.total, result.total), pages: putRows(s.pages, result.offset, result.frames) }));
        } while (tailAgain);
      } catch (err) {
        set({ error: errorInfo(err) });
      } finally {
        tailBusy = false;
      }
    };

    const unfiltered = (q: FrameQueryState) => q.session === undefined && q.filter === '';
    const rowFetcher = (query: FrameQueryState) => async (position: number) => (await client.call('frames.query', argsFor(query, position, 1))).frames[0];

    return {
      query: { filter: '' },
      generation: 0,
      total: 0,
      pages: new Map(),
      loading: new Set(),
      follow: true,
      actions: {
        async setQuery(patch) {
          const query: FrameQueryState = { ...get().query, ...patch };
          if (query.session === undefined) delete query.session;
          const mine = ++querySeq;
          try {
            const result = await client.call('frames.query', argsFor(query, 0, PAGE_SIZE));
            if (mine !== querySeq) return;
            set((s) => ({
              query,
              generation: s.generation + 1,
              total: result.total,
              pages: putRows(new Map(), 0, result.frames),
              loading: new Set(),
              error: undefined,
            }));
          } catch (err) {
            if (mine === querySeq) set({ error: errorInfo(err) });
          }
        },
        showRange(start, end) {
          lastVisiblePage = pageOf(start);
          const { pages, loading, total } = get();
          const margin = PAGE_SIZE / 2;
          for (const page of missingPages(pages, loading, start - margin, end + margin, total)) void fetchPage(page);
        },
        live(frames) {
          if (frames.length === 0) return;
          const { query } = get();
          if (unfiltered(query)) {
            // With no filter a frame's position is its store index.
            set((s) => {
              const first = frames[0]!.index;
              const last = frames[frames.length - 1]!.index;
              const pages = linkPairs(putRows(s.pages, first, frames), frames);
              return { total: Math.max(s.total, last + 1), pages };
            });
            return;
          }
          set((s) => ({ pages: linkPairs(s.pages, frames) }));
          void refreshTail();
        },
        updated(frames) {
          set((s) => {
            const pages = replaceRows(s.pages, frames);
            return pages === s.pages ? {} : { pages };
          });
        },
        catchUp() {
          void refreshTail();
        },
        reset() {
          set((s) => ({ generation: s.generation + 1, total: 0, pages: new Map(), loading: new Set(), error: undefined }));
          // The sessions are gone with the store; the filter still means something.
          void get().actions.setQuery({ session: undefined });
        },
        async locate(index) {
          const { pages, query, total, generation } = get();
          if (unfiltered(query)) return index < total ? index : undefined;
          const loaded = findLoaded(pages, index);
          if (loaded !== undefined) return loaded;
          const at = await bisect(rowFetcher(query), total, (row) => row.index - index);
          return get().generation === generation ? at?.position : undefined;
        },
        async locateSeq(seq) {
          const { query, total } = get();
          if (query.session === undefined) return undefined;
          // Seqs are dense from 0 in a session, so the seq is usually the position itself.
          const at = await bisect(rowFetcher(query), total, (row) => row.seq - seq, seq);
          return at === undefined ? undefined : { position: at.position, index: at.row.index };
        },
        scrollTo(position) {
          set({ scrollTo: { position, nonce: ++nonce } });
        },
        setFollow(follow) {
          if (get().follow !== follow) set({ follow });
        },
      },
    };
  });
  return store;
}

function without(set: ReadonlySet<number>, value: number): ReadonlySet<number> {
  const next = new Set(set);
  next.delete(value);
  return next;
}
