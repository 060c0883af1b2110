// Handlers for the conformance commands (api/conformance.ts). A run goes on in the
// background; progress and operator prompts are events; prompts are answered by command.
import { writeFile } from 'node:fs/promises';
import type { ConformanceCommands, ConformanceReport, PromptAnswer, RunRequest } from '../../api/conformance';
import { ApiError } from '../../api/errors';
import { toApiError, type EngineContext } from '../engine';
import { badArgs, optionalVersion, requireString, type HandlerMap } from '../handlers';
import { newId } from '../util/ids';
import { caseInfo, type CaseDefinition } from './case';
import type { PromptFn } from './drivers';
import { renderHtml } from './report/html';
import { renderJUnit } from './report/junit';
import { planRun, runConformance, type RunDeps } from './runner';

interface RunEntry {
  controller: AbortController;
  report?: ConformanceReport;
  error?: ApiError;
  done: Promise<void>;
}

interface PendingPrompt {
  resolve: (answer: PromptAnswer | 'timeout') => void;
  timer: NodeJS.Timeout;
}

export interface ConformanceOptions {
  cases: readonly CaseDefinition[];
  simulators?: RunDeps['simulators'];
}

export interface ConformanceService {
  handlers: HandlerMap<ConformanceCommands>;
  /** For in-process front ends (the CLI): resolves with the report when the run ends. */
  waitForRun(runId: string): Promise<ConformanceReport>;
}

export function conformanceCommands(ctx: EngineContext, options: ConformanceOptions): ConformanceService {
  const runs = new Map<string, RunEntry>();
  const prompts = new Map<string, PendingPrompt>();

  ctx.onClose(async () => {
    for (const run of runs.values()) run.controller.abort();
    for (const [id, p] of prompts) {
      clearTimeout(p.timer);
      p.resolve('skip');
      prompts.delete(id);
    }
    await Promise.all([...runs.values()].map((r) => r.done));
  });

  const finished = (runId: string): ConformanceReport => {
    const run = runs.get(runId);
    if (run === undefined) throw new ApiError('not-found', `There is no run ${runId}`);
    if (run.error !== undefined) throw run.error;
    if (run.report === undefined) throw new ApiError('conflict', `Run ${runId} has not finished yet`);
    return run.report;
  };

  const render = (report: ConformanceReport, format: string): string => {
    switch (format) {
      case 'html':
        return renderHtml(report);
      case 'junit':
        return renderJUnit(report);
      case 'json':
        return `${JSON.stringify(report, null, 2)}\n`;
      default:
        throw badArgs('"format" must be html, junit or json');
    }
  };

  const handlers: HandlerMap<ConformanceCommands> = {
    'conformance.cases': (args) => {
      const version = optionalVersion(args);
      const sut = (args as { sut?: unknown }).sut;
      if (sut !== undefined && sut !== 'charger' && sut !== 'csms') throw badArgs('"sut" must be "charger" or "csms"');
      return options.cases.filter((c) => (version === undefined || c.version === version) && (sut === undefined || c.sut === sut)).map(caseInfo);
    },

    'conformance.run': async (args) => {
      const request = validateRunRequest(args);
      // Plan first, so a bad selection or settings file is this command's error, not the run's.
      const { selected } = await planRun(request, options.cases);
      const runId = newId('run');
      const controller = new AbortController();
      const prompt: PromptFn = (p) =>
        new Promise((resolve) => {
          const promptId = newId('prompt');
          const timer = setTimeout(() => {
            prompts.delete(promptId);
            ctx.bus.emit('conformance.promptClosed', { promptId, answer: 'timeout' });
            resolve('timeout');
          }, p.timeoutMs);
          prompts.set(promptId, { resolve, timer });
          ctx.bus.emit('conformance.prompt', { runId, promptId, caseId: p.caseId, kind: p.kind, text: p.text, timeoutMs: p.timeoutMs });
        });
      const entry: RunEntry = { controller, done: Promise.resolve() };
      const caseCount = selected.length;
      entry.done = runConformance(request, {
        cases: options.cases,
        clock: ctx.clock,
        store: ctx.traffic,
        runId,
        prompt,
        signal: controller.signal,
        ...(options.simulators !== undefined ? { simulators: options.simulators } : {}),
        onProgress: (p) => ctx.bus.emit('conformance.progress', p),
      }).then(
        (report) => {
          entry.report = report;
          ctx.bus.emit('conformance.finished', { runId, summary: report.summary });
        },
        (err: unknown) => {
          entry.error = toApiError(err);
          ctx.bus.emit('conformance.finished', { runId, summary: { total: 0, pass: 0, fail: 0, inconclusive: 0, notApplicable: 0 }, error: entry.error.message });
        },
      );
      runs.set(runId, entry);
      return { runId, caseCount };
    },

    'conformance.cancel': (args) => {
      const run = runs.get(requireString(args, 'runId'));
      if (run === undefined) throw new ApiError('not-found', 'There is no such run');
      const cancelled = run.report === undefined && run.error === undefined;
      run.controller.abort();
      return { cancelled };
    },

    'conformance.answer': (args) => {
      const promptId = requireString(args, 'promptId');
      const answer = requireString(args, 'answer');
      if (!['done', 'yes', 'no', 'skip'].includes(answer)) throw badArgs('"answer" must be done, yes, no or skip');
      const pending = prompts.get(promptId);
      if (pending === undefined) return { accepted: false };
      prompts.delete(promptId);
      clearTimeout(pending.timer);
      ctx.bus.emit('conformance.promptClosed', { promptId, answer: answer as PromptAnswer });
      pending.resolve(answer as PromptAnswer);
      return { accepted: true };
    },

    'conformance.report': (args) => finished(requireString(args, 'runId')),

    'conformance.render': (args) => {
      const report = finished(requireString(args, 'runId'));
      return { content: render(report, requireString(args, 'format')) };
    },

    'conformance.export': async (args) => {
      const report = finished(requireString(args, 'runId'));
      const path = requireString(args, 'path');
      const content = render(report, requireString(args, 'format'));
      try {
        await writeFile(path, content);
      } catch (err) {
        throw new ApiError('io', `Cannot write the report to ${path}: ${(err as Error).message}`);
      }
      return { path, bytes: Buffer.byteLength(content) };
    },
  };

  return {
    handlers,
    async waitForRun(runId: string): Promise<ConformanceReport> {
      const run = runs.get(runId);
      if (run === undefined) throw new ApiError('not-found', `There is no run ${runId}`);
      await run.done;
      return finished(runId);
    },
  };
}

function validateRunRequest(args: unknown): RunRequest {
  const a = args as Partial<RunRequest>;
  const version = optionalVersion(args);
  if (version === undefined) throw badArgs('"version" is required (1.6, 2.0.1 or 2.1)');
  if (a.sut !== 'charger' && a.sut !== 'csms') throw badArgs('"sut" must be "charger" or "csms"');
  if (a.cases !== undefined && !(Array.isArray(a.cases) && a.cases.every((c) => typeof c === 'string'))) throw badArgs('"cases" must be a list of ids or patterns');
  if (a.profiles !== undefined && !(Array.isArray(a.profiles) && a.profiles.every((c) => typeof c === 'string'))) throw badArgs('"profiles" must be a list of names');
  if (a.operator !== undefined && a.operator !== 'prompt' && a.operator !== 'auto') throw badArgs('"operator" must be prompt or auto');
  if (a.timeScale !== undefined && (typeof a.timeScale !== 'number' || !(a.timeScale > 0))) throw badArgs('"timeScale" must be a positive number');
  if (a.sut === 'csms' && a.simulate !== true && (typeof a.target !== 'string' || a.target === '')) throw badArgs('"target" (the CSMS URL) is required when the CSMS is under test');
  if (a.listen !== undefined && (typeof a.listen.host !== 'string' || !Number.isInteger(a.listen.port))) throw badArgs('"listen" must be {host, port}');
  return { ...(a as RunRequest), version };
}
