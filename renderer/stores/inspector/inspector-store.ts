// The selected frame and its detail (`frames.detail`, fetched on selection only), and
// which node of its JSON the user is looking at (a finding's path).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { FrameDetail } from '../../../api/model';
import { errorInfo, type ErrorInfo } from '../errors';

/** A node in the frame's JSON: an element of the message array, then a JSON Pointer inside it. */
export interface JsonTarget {
  element: number;
  pointer: string;
}

export interface InspectorState {
  /** Store index of the selected frame. */
  selected?: number;
  detail?: FrameDetail;
  loading: boolean;
  error?: ErrorInfo;
  highlight?: JsonTarget;
  actions: {
    select(index: number | undefined): Promise<void>;
    /** The engine changed these frames (late findings): fetch the selected one's detail again. */
    refreshIfSelected(indexes: readonly number[]): Promise<void>;
    highlight(target: JsonTarget | undefined): void;
    clear(): void;
  };
}

export type InspectorStore = StoreApi<InspectorState>;

export function createInspectorStore(client: ApiClient): InspectorStore {
  return createStore<InspectorState>()((set, get) => ({
    loading: false,
    actions: {
      async select(index) {
        if (index === get().selected && get().detail !== undefined) return;
        set({ selected: index, detail: undefined, error: undefined, highlight: undefined, loading: index !== undefined });
        if (index === undefined) return;
        try {
          const detail = await client.call('frames.detail', { index });
          if (get().selected === index) set({ detail, loading: false });
        } catch (err) {
          if (get().selected === index) set({ error: errorInfo(err), loading: false });
        }
      },
      async refreshIfSelected(indexes) {
        const selected = get().selected;
        if (selected === undefined || !indexes.includes(selected)) return;
        try {
          const detail = await client.call('frames.detail', { index: selected });
          if (get().selected === selected) set({ detail });
        } catch {
          // Keep what is shown; the next selection fetches again.
        }
      },
      highlight(target) {
        set({ highlight: target });
      },
      clear() {
        set({ selected: undefined, detail: undefined, error: undefined, highlight: undefined, loading: false });
      },
    },
  }));
}
