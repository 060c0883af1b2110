// The filter bar's state: what is typed (a draft, checked by the engine as the user types
// with `filter.check`) and the language's help (`filter.help`, fetched once). Applying
// a draft is the frame window's business (its query).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { FilterHelp } from '../../../api/filter';
import { errorInfo, type ErrorInfo } from '../errors';

export interface FilterState {
  draft: string;
  /** The verdict on `checked` (the last draft checked); undefined while none was checked. */
  checked?: string;
  problem?: ErrorInfo;
  help?: FilterHelp;
  helpError?: ErrorInfo;
  actions: {
    setDraft(text: string): void;
    check(text: string): Promise<void>;
    loadHelp(): Promise<void>;
  };
}

export type FilterStore = StoreApi<FilterState>;

export function createFilterStore(client: ApiClient): FilterStore {
  let latest = 0;
  return createStore<FilterState>()((set, get) => ({
    draft: '',
    actions: {
      setDraft: (draft) => set({ draft }),
      async check(text) {
        const mine = ++latest;
        if (text.trim() === '') {
          set({ checked: text, problem: undefined });
          return;
        }
        try {
          await client.call('filter.check', { expression: text });
          if (mine === latest) set({ checked: text, problem: undefined });
        } catch (err) {
          if (mine === latest) set({ checked: text, problem: errorInfo(err) });
        }
      },
      async loadHelp() {
        if (get().help !== undefined) return;
        try {
          set({ help: await client.call('filter.help', {}), helpError: undefined });
        } catch (err) {
          set({ helpError: errorInfo(err) });
        }
      },
    },
  }));
}
