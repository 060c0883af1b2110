// Conformance runs (api/conformance.ts): the case catalogue for a version and side, the
// selection, the run under way (progress events folded into a step log), operator prompts
// waiting for an answer, and the report when it ends.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient } from '../../../api/client';
import type { CaseInfo, ConformanceReport, OperatorPrompt, PromptAnswer, RunProgress, RunRequest, RunSummary, SystemUnderTest, Verdict } from '../../../api/conformance';
import type { OcppVersion } from '../../../api/model';
import { errorInfo, type ErrorInfo } from '../errors';

export interface LogEntry {
  /** Position in the log, for keys. */
  n: number;
  caseId: string;
  kind: 'case' | 'step' | 'verdict' | 'prompt' | 'error';
  text: string;
  verdict?: Verdict;
}

export const MAX_LOG = 2000;

export interface RunView {
  runId: string;
  caseCount: number;
  progress?: RunProgress;
  log: readonly LogEntry[];
  finished?: { summary: RunSummary; error?: string };
  report?: ConformanceReport;
}

export interface RunnerState {
  version: OcppVersion;
  sut: SystemUnderTest;
  cases?: readonly CaseInfo[];
  casesError?: ErrorInfo;
  selected: ReadonlySet<string>;
  run?: RunView;
  runError?: ErrorInfo;
  prompts: readonly OperatorPrompt[];
  actions: {
    setScope(version: OcppVersion, sut: SystemUnderTest): Promise<void>;
    toggle(ids: readonly string[], on: boolean): void;
    start(request: Omit<RunRequest, 'version' | 'sut' | 'cases'>): Promise<boolean>;
    cancel(): Promise<void>;
    answer(promptId: string, answer: PromptAnswer): Promise<void>;
    /** Events. */
    progress(p: RunProgress): void;
    prompt(p: OperatorPrompt): void;
    promptClosed(promptId: string, answer: string): void;
    finished(runId: string, summary: RunSummary, error?: string): Promise<void>;
  };
}

export type RunnerStore = StoreApi<RunnerState>;

/** Pure: the log lines a progress event adds (a new case, a new step, a verdict). */
export function progressLines(previous: RunProgress | undefined, p: RunProgress): Array<Omit<LogEntry, 'n'>> {
  const lines: Array<Omit<LogEntry, 'n'>> = [];
  if (previous?.caseId !== p.caseId && p.finished?.id !== p.caseId) lines.push({ caseId: p.caseId, kind: 'case', text: `Case ${p.caseIndex + 1} of ${p.caseCount}: ${p.caseId}` });
  if (p.step !== undefined && (p.step !== previous?.step || previous?.caseId !== p.caseId)) lines.push({ caseId: p.caseId, kind: 'step', text: p.step });
  if (p.finished !== undefined) lines.push({ caseId: p.finished.id, kind: 'verdict', verdict: p.finished.verdict, text: `${p.finished.id}: ${p.finished.verdict}${p.finished.reason !== undefined ? ` — ${p.finished.reason}` : ''}` });
  return lines;
}

export function createRunnerStore(client: ApiClient): RunnerStore {
  let n = 0;
  return createStore<RunnerState>()((set, get) => {
    const append = (lines: Array<Omit<LogEntry, 'n'>>) =>
      set((s) => (s.run === undefined || lines.length === 0 ? {} : { run: { ...s.run, log: [...s.run.log, ...lines.map((l) => ({ ...l, n: n++ }))].slice(-MAX_LOG) } }));
    return {
      version: '1.6',
      sut: 'charger',
      selected: new Set(),
      prompts: [],
      actions: {
        async setScope(version, sut) {
          set({ version, sut, cases: undefined, casesError: undefined, selected: new Set() });
          try {
            const cases = await client.call('conformance.cases', { version, sut });
            if (get().version === version && get().sut === sut) set({ cases });
          } catch (err) {
            set({ casesError: errorInfo(err) });
          }
        },
        toggle(ids, on) {
          set((s) => {
            const selected = new Set(s.selected);
            for (const id of ids) {
              if (on) selected.add(id);
              else selected.delete(id);
            }
            return { selected };
          });
        },
        async start(request) {
          const { version, sut, selected } = get();
          set({ runError: undefined, prompts: [] });
          try {
            const cases = [...selected];
            const { runId, caseCount } = await client.call('conformance.run', { ...request, version, sut, ...(cases.length > 0 ? { cases } : {}) });
            // Progress may have arrived before this answer: keep what it built.
            set((s) => (s.run?.runId === runId ? { run: { ...s.run, caseCount } } : { run: { runId, caseCount, log: [] } }));
            return true;
          } catch (err) {
            set({ runError: errorInfo(err) });
            return false;
          }
        },
        async cancel() {
          const run = get().run;
          if (run !== undefined) await client.call('conformance.cancel', { runId: run.runId });
        },
        async answer(promptId, answer) {
          set((s) => ({ prompts: s.prompts.filter((p) => p.promptId !== promptId) }));
          await client.call('conformance.answer', { promptId, answer });
        },
        progress(p) {
          if (get().run?.runId !== p.runId) set({ run: { runId: p.runId, caseCount: p.caseCount, log: [] } });
          const previous = get().run?.progress;
          set((s) => ({ run: { ...s.run!, progress: p } }));
          append(progressLines(previous, p));
        },
        prompt(p) {
          set((s) => ({ prompts: [...s.prompts.filter((x) => x.promptId !== p.promptId), p] }));
          // The step that asks usually says the same thing already.
          const last = get().run?.log.at(-1);
          if (get().run?.runId === p.runId && !(last?.kind === 'step' && last.text.endsWith(p.text))) append([{ caseId: p.caseId, kind: 'prompt', text: `Operator: ${p.text}` }]);
        },
        promptClosed(promptId, answer) {
          const prompt = get().prompts.find((p) => p.promptId === promptId);
          set((s) => ({ prompts: s.prompts.filter((p) => p.promptId !== promptId) }));
          if (prompt !== undefined && answer === 'timeout') append([{ caseId: prompt.caseId, kind: 'prompt', text: 'No answer in time: the step is inconclusive.' }]);
        },
        async finished(runId, summary, error) {
          if (get().run?.runId !== runId) return;
          set((s) => ({ run: { ...s.run!, finished: { summary, ...(error !== undefined ? { error } : {}) } }, prompts: [] }));
          if (error !== undefined) {
            append([{ caseId: '', kind: 'error', text: error }]);
            return;
          }
          try {
            const report = await client.call('conformance.report', { runId });
            set((s) => (s.run?.runId === runId ? { run: { ...s.run, report } } : {}));
          } catch (err) {
            append([{ caseId: '', kind: 'error', text: `The report could not be read: ${errorInfo(err).message}` }]);
          }
        },
      },
    };
  });
}
