// The transport's state (api/ui-client.ts), for "reconnecting…" in the status bar. A
// client without one (a plain ApiClient) is always connected.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { ConnectionState, UiClient } from '../../api/ui-client';

export interface ConnectionStoreState {
  state: ConnectionState;
  transport: string;
  actions: { set(state: ConnectionState): void };
}

export type ConnectionStore = StoreApi<ConnectionStoreState>;

export function asUiClient(client: ApiClient): UiClient | undefined {
  const candidate = client as Partial<UiClient>;
  return typeof candidate.onConnection === 'function' && typeof candidate.connection === 'function' ? (client as UiClient) : undefined;
}

export function createConnectionStore(client: ApiClient): ConnectionStore {
  const ui = asUiClient(client);
  return createStore<ConnectionStoreState>()((set) => ({
    state: ui?.connection() ?? 'open',
    transport: ui?.transport ?? 'memory',
    actions: { set: (state) => set({ state }) },
  }));
}
