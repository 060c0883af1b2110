// Opening a capture into the engine's store, and exporting (part of) it to a new file.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { CaptureExported } from '../../../api/capture';
import type { CommandResult } from '../../../api/commands';
import { errorInfo, type ErrorInfo } from '../errors';

// api/engine.ts's name trips the renderer's "no engine imports" lint pattern; go through commands.
type CaptureOpened = CommandResult<'capture.open'>;

export type OpenOutcome = 'opened' | 'failed' | 'superseded';

export interface CaptureState {
  opened?: CaptureOpened;
  /** The path being opened right now. */
  opening?: string;
  error?: ErrorInfo;
  exported?: CaptureExported;
  /** A path to offer in the open form (e.g. the name of a file dropped in a browser). */
  suggestedPath?: string;
  /** The export dialog is open. */
  exporting: boolean;
  actions: {
    /** Opens a capture: `failed` says why in `error`; `superseded` when a later open replaced it. */
    open(path: string): Promise<OpenOutcome>;
    exportTo(out: string, options: { filter?: string; session?: string }): Promise<boolean>;
    dismissError(): void;
    suggest(path: string, why: string): void;
    showExport(open: boolean): void;
    /** The store no longer holds the opened file's frames (cleared, or live traffic replaced it). */
    forget(): void;
  };
}

export type CaptureStore = StoreApi<CaptureState>;

export function createCaptureStore(client: ApiClient): CaptureStore {
  // Only the latest open speaks: an earlier one still loading is stopped by the engine and
  // its refusal is no news to the user, who asked for the later file.
  let latest = 0;
  return createStore<CaptureState>()((set, get) => ({
    exporting: false,
    actions: {
      async open(path) {
        const trimmed = path.trim();
        if (trimmed === '') {
          set({ error: { message: 'Give the path of a capture file to open.' } });
          return 'failed';
        }
        const mine = ++latest;
        set({ opening: trimmed, error: undefined });
        try {
          const opened = await client.call('capture.open', { path: trimmed });
          if (mine !== latest) return 'superseded';
          set({ opened, opening: undefined, exported: undefined });
          return 'opened';
        } catch (err) {
          if (mine !== latest) return 'superseded';
          set({ error: errorInfo(err), opening: undefined });
          return 'failed';
        }
      },
      async exportTo(out, { filter, session }) {
        const source = get().opened?.path;
        if (source === undefined) {
          set({ error: { message: 'Open a capture first: exporting copies frames from the opened file.' } });
          return false;
        }
        try {
          const exported = await client.call('capture.export', {
            path: source,
            out,
            ...(filter !== undefined && filter !== '' ? { filter } : {}),
            ...(session !== undefined ? { session } : {}),
          });
          set({ exported, error: undefined });
          return true;
        } catch (err) {
          set({ error: errorInfo(err) });
          return false;
        }
      },
      dismissError: () => set({ error: undefined }),
      suggest: (path, why) => set({ suggestedPath: path, error: { message: why } }),
      showExport: (exporting) => set({ exporting, exported: undefined, error: undefined }),
      forget: () => set({ opened: undefined, exported: undefined, exporting: false }),
    },
  }));
}
