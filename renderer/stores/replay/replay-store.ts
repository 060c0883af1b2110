// Replay of a recorded session (api/replay.ts): the form, the engine's check of the chosen
// session, the replay under way (progress events folded into a live log) and its result.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { RecordedSessionInfo, ReplayCheck, ReplayOutcome, ReplayProgress, ReplayResult, ReplaySettings, ReplayVerdict } from '../../../api/replay';
import { errorInfo, type ErrorInfo } from '../errors';
import { DEFAULT_REPLAY_DRAFT, selectionOf, type ReplayDraft } from './replay-draft';

export type ReplayTab = 'replay' | 'diff' | 'import';

export interface ReplayLogLine {
  /** Position in the log, for keys. */
  n: number;
  kind: 'state' | 'exchange' | 'gap' | 'verdict' | 'error';
  text: string;
  outcome?: ReplayOutcome;
}

export const MAX_LOG = 2000;

export interface ReplayRun {
  id: string;
  session?: RecordedSessionInfo;
  progress?: ReplayProgress;
  log: readonly ReplayLogLine[];
  finished?: { verdict: ReplayVerdict; reason?: string };
  result?: ReplayResult;
  resultError?: ErrorInfo;
}

export interface ReplayState {
  /** The tool the view shows: replay, diff or import. */
  tab: ReplayTab;
  draft: ReplayDraft;
  check?: ReplayCheck;
  checking: boolean;
  checkError?: ErrorInfo;
  starting: boolean;
  startError?: ErrorInfo;
  run?: ReplayRun;
  actions: {
    setTab(tab: ReplayTab): void;
    /** Edits the form; a new capture forgets the check, a new side or session checks again. */
    edit(patch: Partial<ReplayDraft>): void;
    check(): Promise<ReplayCheck | undefined>;
    start(settings: ReplaySettings): Promise<boolean>;
    cancel(): Promise<void>;
    /** Events. */
    progress(p: ReplayProgress): void;
    finished(id: string, verdict: ReplayVerdict, reason?: string): Promise<void>;
  };
}

export type ReplayStore = StoreApi<ReplayState>;

const STATE_LINE: Record<ReplayProgress['state'], (p: ReplayProgress) => string | undefined> = {
  listening: (p) => `Listening${p.url !== undefined ? ` at ${p.url}` : ''}: point the charger there`,
  connecting: () => 'Connecting to the CSMS…',
  running: () => 'Connected: replaying',
  finished: () => undefined,
};

/** One exchange as a log line: `#3 Authorize (bench): differs — 1 change`. */
export function exchangeLine(e: NonNullable<ReplayProgress['exchange']>): string {
  const extra = e.changes.length > 0 ? ` — ${e.changes.length} change${e.changes.length === 1 ? '' : 's'}` : e.note !== undefined ? ` — ${e.note}` : '';
  return `#${e.n} ${e.action} (${e.by === 'bench' ? 'replayed' : 'from the peer'}): ${e.outcome}${extra}`;
}

/**
 * Pure: the log lines a progress event adds — a change of state, and the exchange it
 * reports. The engine sends at most ten events a second, so exchanges concluded in between
 * are counted in a line of their own (the result lists them all).
 */
export function progressLines(previous: ReplayProgress | undefined, p: ReplayProgress): Array<Omit<ReplayLogLine, 'n'>> {
  const lines: Array<Omit<ReplayLogLine, 'n'>> = [];
  if (p.state !== previous?.state) {
    const text = STATE_LINE[p.state](p);
    if (text !== undefined) lines.push({ kind: 'state', text });
  }
  const e = p.exchange;
  if (e !== undefined && e.n !== previous?.exchange?.n) {
    const skipped = e.n - (previous?.exchange?.n ?? 0) - 1;
    if (skipped > 0) lines.push({ kind: 'gap', text: `… ${skipped} more exchange${skipped === 1 ? '' : 's'} concluded` });
    lines.push({ kind: 'exchange', text: exchangeLine(e), outcome: e.outcome });
  }
  return lines;
}

export function createReplayStore(client: ApiClient): ReplayStore {
  let n = 0;
  let checkSeq = 0;
  return createStore<ReplayState>()((set, get) => {
    const append = (lines: Array<Omit<ReplayLogLine, 'n'>>) =>
      set((s) => (s.run === undefined || lines.length === 0 ? {} : { run: { ...s.run, log: [...s.run.log, ...lines.map((l) => ({ ...l, n: n++ }))].slice(-MAX_LOG) } }));
    /** The run an event is about; a replay started elsewhere (another window, a script) is shown too. */
    const adopt = (id: string) => {
      if (get().run?.id !== id) set({ run: { id, log: [] } });
    };
    return {
      tab: 'replay',
      draft: DEFAULT_REPLAY_DRAFT,
      checking: false,
      starting: false,
      actions: {
        setTab: (tab) => set({ tab }),
        edit(patch) {
          const before = get().draft;
          const draft = { ...before, ...patch };
          if (draft.path !== before.path) {
            checkSeq++;
            set({ draft: { ...draft, session: patch.session ?? '' }, check: undefined, checkError: undefined, checking: false });
            return;
          }
          set({ draft });
          if (get().check !== undefined && (draft.as !== before.as || draft.session !== before.session)) void get().actions.check();
        },
        async check() {
          const selection = selectionOf(get().draft);
          if (selection.path === '') {
            set({ check: undefined, checkError: { message: 'Give the path of the capture to replay.' } });
            return undefined;
          }
          const mine = ++checkSeq;
          set({ checking: true, checkError: undefined });
          try {
            const check = await client.call('replay.check', selection);
            if (mine === checkSeq) set({ check, checking: false });
            return check;
          } catch (err) {
            if (mine === checkSeq) set({ check: undefined, checkError: errorInfo(err), checking: false });
            return undefined;
          }
        },
        async start(settings) {
          set({ starting: true, startError: undefined });
          try {
            const { id, session } = await client.call('replay.start', settings);
            // Progress may have arrived before this answer: keep what it built.
            set((s) => ({ starting: false, run: s.run?.id === id ? { ...s.run, session } : { id, session, log: [] } }));
            return true;
          } catch (err) {
            set({ starting: false, startError: errorInfo(err) });
            return false;
          }
        },
        async cancel() {
          const run = get().run;
          if (run === undefined || run.finished !== undefined) return;
          try {
            await client.call('replay.cancel', { id: run.id });
          } catch (err) {
            append([{ kind: 'error', text: `Could not cancel: ${errorInfo(err).message}` }]);
          }
        },
        progress(p) {
          adopt(p.id);
          const previous = get().run?.progress;
          set((s) => ({ run: { ...s.run!, progress: p } }));
          append(progressLines(previous, p));
        },
        async finished(id, verdict, reason) {
          adopt(id);
          set((s) => ({ run: { ...s.run!, finished: { verdict, ...(reason !== undefined ? { reason } : {}) } } }));
          append([{ kind: verdict === 'failed' ? 'error' : 'verdict', text: `Finished: ${verdict}${reason !== undefined ? ` — ${reason}` : ''}` }]);
          try {
            const result = await client.call('replay.result', { id });
            set((s) => (s.run?.id === id ? { run: { ...s.run, result } } : {}));
          } catch (err) {
            set((s) => (s.run?.id === id ? { run: { ...s.run, resultError: errorInfo(err) } } : {}));
          }
        },
      },
    };
  });
}
