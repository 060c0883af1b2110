// Which view the window shows. Views are named, so menus, keys and tests reach them the same way.
import { createStore, type StoreApi } from 'zustand/vanilla';

export const VIEWS = ['start', 'traffic', 'proxy', 'csms', 'sim', 'runner', 'replay'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface NavState {
  view: ViewName;
  actions: { go(view: ViewName): void };
}

export type NavStore = StoreApi<NavState>;

export function createNavStore(initial: ViewName = 'start'): NavStore {
  return createStore<NavState>()((set) => ({
    view: initial,
    actions: { go: (view) => set({ view }) },
  }));
}
