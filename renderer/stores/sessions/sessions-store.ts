// Sessions the engine's traffic store holds (live or from a capture), kept as an
// append-only id list plus a map, updated by batched `traffic.sessions` events.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { SessionSummary } from '../../../api/model';
import { errorInfo, type ErrorInfo } from '../errors';

export interface SessionsState {
  /** Ids in the order the sessions first appeared. */
  order: readonly string[];
  byId: ReadonlyMap<string, SessionSummary>;
  error?: ErrorInfo;
  actions: {
    load(): Promise<void>;
    apply(sessions: readonly SessionSummary[]): void;
    reset(): void;
  };
}

export type SessionsStore = StoreApi<SessionsState>;

/** Pure: merges changed sessions in, appending the new ones to the order. */
export function mergeSessions(
  state: Pick<SessionsState, 'order' | 'byId'>,
  sessions: readonly SessionSummary[],
): Pick<SessionsState, 'order' | 'byId'> {
  if (sessions.length === 0) return state;
  const byId = new Map(state.byId);
  const added: string[] = [];
  for (const session of sessions) {
    if (!byId.has(session.id)) added.push(session.id);
    byId.set(session.id, session);
  }
  return { order: added.length > 0 ? [...state.order, ...added] : state.order, byId };
}

export function createSessionsStore(client: ApiClient): SessionsStore {
  return createStore<SessionsState>()((set) => ({
    order: [],
    byId: new Map(),
    actions: {
      async load() {
        try {
          const sessions = await client.call('sessions.list', {});
          set({ ...mergeSessions({ order: [], byId: new Map() }, sessions), error: undefined });
        } catch (err) {
          set({ error: errorInfo(err) });
        }
      },
      apply(sessions) {
        set((s) => mergeSessions(s, sessions));
      },
      reset() {
        set({ order: [], byId: new Map() });
      },
    },
  }));
}
