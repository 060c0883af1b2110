// A store for a form that runs one command: the draft being edited, whether the command is
// running, and its result or error. The draft becomes arguments through a pure function that
// says what is missing; a newer run wins over an older one still answering.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { errorInfo, type ErrorInfo } from './errors';

export type ArgsOf<D, A> = (draft: D) => { ok: true; args: A } | { ok: false; message: string };

export interface FormCommandState<D, R> {
  draft: D;
  running: boolean;
  result?: R;
  error?: ErrorInfo;
  actions: {
    edit(patch: Partial<D>): void;
    run(): Promise<R | undefined>;
  };
}

export function createFormCommandStore<D, A, R>(initial: D, argsOf: ArgsOf<D, A>, call: (args: A) => Promise<R>): StoreApi<FormCommandState<D, R>> {
  let seq = 0;
  return createStore<FormCommandState<D, R>>()((set, get) => ({
    draft: initial,
    running: false,
    actions: {
      edit: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
      async run() {
        const made = argsOf(get().draft);
        if (!made.ok) {
          set({ error: { message: made.message } });
          return undefined;
        }
        const mine = ++seq;
        set({ running: true, error: undefined });
        try {
          const result = await call(made.args);
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
