// Semantic diff of two captures (api/replay.ts `diff.captures`): the two paths, which
// sessions to compare, and the differences the engine found.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { CaptureDiff, DiffArgs } from '../../../api/replay';
import { errorInfo, type ErrorInfo } from '../errors';
import { listOf } from './replay-draft';

export interface DiffDraft {
  a: string;
  b: string;
  /** `CONN_A=CONN_B` pairs, or connection / charge point ids to keep; separated by commas or spaces. */
  sessions: string;
}

export interface DiffState {
  draft: DiffDraft;
  running: boolean;
  result?: CaptureDiff;
  error?: ErrorInfo;
  actions: {
    edit(patch: Partial<DiffDraft>): void;
    run(): Promise<CaptureDiff | undefined>;
  };
}

export type DiffStore = StoreApi<DiffState>;

/** Pure: the command's arguments, or what is missing. */
export function diffArgsOf(d: DiffDraft): { ok: true; args: DiffArgs } | { ok: false; message: string } {
  const a = d.a.trim();
  const b = d.b.trim();
  if (a === '' || b === '') return { ok: false, message: 'Give both captures: A (before, or the reference) and B.' };
  const sessions = listOf(d.sessions);
  return { ok: true, args: { a, b, ...(sessions.length > 0 ? { sessions } : {}) } };
}

export function createDiffStore(client: ApiClient): DiffStore {
  let seq = 0;
  return createStore<DiffState>()((set, get) => ({
    draft: { a: '', b: '', sessions: '' },
    running: false,
    actions: {
      edit: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
      async run() {
        const made = diffArgsOf(get().draft);
        if (!made.ok) {
          set({ error: { message: made.message } });
          return undefined;
        }
        const mine = ++seq;
        set({ running: true, error: undefined });
        try {
          const result = await client.call('diff.captures', made.args);
          if (mine === seq) set({ result, running: false });
          return result;
        } catch (err) {
          if (mine === seq) set({ error: errorInfo(err), result: undefined, running: false });
          return undefined;
        }
      },
    },
  }));
}
