// Handlers of the replay, diff and import commands (api/replay.ts). A replay runs in the
// background; progress comes as `replay.progress` events (at most ten a second, and every
// change of state), the end as `replay.finished`, the result by command.
import { writeFile } from 'node:fs/promises';
import { ApiError } from '../../api/errors';
import type { DiffArgs, ImportArgs, ReplayCommands, ReplayProgress, ReplayResult, ReplaySelection, ReplaySettings, ReplayTiming } from '../../api/replay';
import { importCapture } from '../capture/import/import';
import { toApiError, type EngineContext } from '../engine';
import { badArgs, optionalInt, optionalString, optionalVersion, requireString, type HandlerMap } from '../handlers';
import { newId } from '../util/ids';
import { diffCaptures } from './diff/capture-diff';
import { checkReplay, prepareReplay, runReplay } from './replay';
import { renderReplayHtml } from './report-html';

interface ReplayEntry {
  controller: AbortController;
  result?: ReplayResult;
  error?: ApiError;
  done: Promise<void>;
}

const PROGRESS_EVERY_MS = 100;

export function replayCommands(ctx: EngineContext): HandlerMap<ReplayCommands> {
  const runs = new Map<string, ReplayEntry>();
  ctx.onClose(async () => {
    for (const run of runs.values()) run.controller.abort();
    await Promise.all([...runs.values()].map((r) => r.done));
  });

  const finished = (id: string): ReplayResult => {
    const run = runs.get(id);
    if (run === undefined) throw new ApiError('not-found', `There is no replay ${id}`);
    if (run.error !== undefined) throw run.error;
    if (run.result === undefined) throw new ApiError('conflict', `Replay ${id} has not finished yet`);
    return run.result;
  };

  return {
    'replay.check': (args) => checkReplay(selection(args)),

    'replay.start': async (args) => {
      const settings = replaySettings(args);
      // Checked before anything starts, so an unreplayable session is this command's error.
      const session = await prepareReplay(settings);
      const id = newId('replay');
      const controller = new AbortController();
      const entry: ReplayEntry = { controller, done: Promise.resolve() };
      let last = 0;
      let lastState: ReplayProgress['state'] | undefined;
      const onProgress = (p: ReplayProgress) => {
        const now = ctx.clock.mono();
        if (p.state === lastState && p.done < p.total && now - last < PROGRESS_EVERY_MS) return;
        last = now;
        lastState = p.state;
        ctx.bus.emit('replay.progress', p);
      };
      entry.done = runReplay(settings, { id, store: ctx.traffic, clock: ctx.clock, signal: controller.signal, onProgress }, session).then(
        (result) => {
          entry.result = result;
          ctx.bus.emit('replay.finished', { id, verdict: result.verdict, ...(result.reason !== undefined ? { reason: result.reason } : {}) });
        },
        (err: unknown) => {
          entry.error = toApiError(err);
          ctx.bus.emit('replay.finished', { id, verdict: 'failed', reason: entry.error.message });
        },
      );
      runs.set(id, entry);
      return { id, session: session.info };
    },

    'replay.result': (args) => finished(requireString(args, 'id')),

    'replay.cancel': (args) => {
      const run = runs.get(requireString(args, 'id'));
      if (run === undefined) throw new ApiError('not-found', 'There is no such replay');
      const cancelled = run.result === undefined && run.error === undefined;
      run.controller.abort();
      return { cancelled };
    },

    'replay.render': (args) => {
      const result = finished(requireString(args, 'id'));
      const format = requireString(args, 'format');
      if (format === 'html') return { content: renderReplayHtml(result) };
      if (format === 'json') return { content: `${JSON.stringify(result, null, 2)}\n` };
      throw badArgs('"format" must be html or json');
    },

    'diff.captures': (args) => diffCaptures(diffArgs(args)),

    'capture.import': (args) => importCapture(importArgs(args)),
  };
}

/** Writes a replay result as HTML (a .html path) or JSON (anything else). */
export async function writeReplayReport(result: ReplayResult, path: string): Promise<void> {
  const content = /\.html?$/i.test(path) ? renderReplayHtml(result) : `${JSON.stringify(result, null, 2)}\n`;
  try {
    await writeFile(path, content);
  } catch (err) {
    throw new ApiError('io', `Cannot write the report to ${path}: ${(err as Error).message}`);
  }
}

function optionalStrings(args: unknown, key: string): string[] | undefined {
  const value = (args as Record<string, unknown>)[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw badArgs(`"${key}" must be a list of strings`);
  return value as string[];
}

function selection(args: unknown): ReplaySelection {
  const as = requireString(args, 'as');
  if (as !== 'charger' && as !== 'csms') throw badArgs('"as" must be "charger" or "csms"');
  const session = optionalString(args, 'session');
  const version = optionalVersion(args);
  return { path: requireString(args, 'path'), as, ...(session !== undefined ? { session } : {}), ...(version !== undefined ? { version } : {}) };
}

function replaySettings(args: unknown): ReplaySettings {
  const a = args as Record<string, unknown>;
  const out: ReplaySettings = { ...selection(args) };
  const target = optionalString(args, 'target');
  if (target !== undefined) out.target = target;
  if (a['listen'] !== undefined) {
    const l = a['listen'] as { host?: unknown; port?: unknown };
    if (typeof l?.host !== 'string' || typeof l.port !== 'number' || !Number.isInteger(l.port) || l.port < 0 || l.port > 65535) throw badArgs('"listen" must be {host, port}');
    out.listen = { host: l.host, port: l.port };
  }
  if (a['listenTls'] !== undefined) {
    const t = a['listenTls'] as { certFile?: unknown; keyFile?: unknown };
    if (typeof t?.certFile !== 'string' || typeof t.keyFile !== 'string') throw badArgs('"listenTls" must be {certFile, keyFile}');
    out.listenTls = { certFile: t.certFile, keyFile: t.keyFile };
  }
  if (a['tls'] !== undefined) {
    const t = a['tls'] as Record<string, unknown>;
    if (typeof t !== 'object' || t === null) throw badArgs('"tls" must be {caFile?, certFile?, keyFile?}');
    out.tls = {};
    for (const k of ['caFile', 'certFile', 'keyFile'] as const) {
      const v = optionalString(t, k);
      if (v !== undefined) out.tls[k] = v;
    }
  }
  if (a['timing'] !== undefined) out.timing = timing(a['timing']);
  for (const k of ['capture', 'password'] as const) {
    const v = optionalString(args, k);
    if (v !== undefined) out[k] = v;
  }
  for (const k of ['callTimeoutMs', 'peerWaitMs', 'connectTimeoutMs'] as const) {
    const v = optionalInt(args, k, 1, 24 * 3600 * 1000);
    if (v !== undefined) out[k] = v;
  }
  for (const k of ['volatile', 'correlated'] as const) {
    const v = optionalStrings(args, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function timing(value: unknown): ReplayTiming {
  const t = value as { mode?: unknown; ms?: unknown };
  if (t?.mode === 'recorded' || t?.mode === 'fast') return { mode: t.mode };
  if (t?.mode === 'fixed' && typeof t.ms === 'number' && Number.isFinite(t.ms) && t.ms >= 0) return { mode: 'fixed', ms: t.ms };
  throw badArgs('"timing" must be {mode: "recorded"}, {mode: "fast"} or {mode: "fixed", ms}');
}

function diffArgs(args: unknown): DiffArgs {
  const out: DiffArgs = { a: requireString(args, 'a'), b: requireString(args, 'b') };
  const version = optionalVersion(args);
  if (version !== undefined) out.version = version;
  for (const k of ['sessions', 'volatile', 'correlated'] as const) {
    const v = optionalStrings(args, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function importArgs(args: unknown): ImportArgs {
  const out: ImportArgs = { path: requireString(args, 'path'), out: requireString(args, 'out') };
  const format = optionalString(args, 'format');
  if (format !== undefined) {
    if (format !== 'har' && format !== 'pcap' && format !== 'pcapng') throw badArgs('"format" must be har, pcap or pcapng');
    out.format = format;
  }
  const side = optionalString(args, 'chargerSide');
  if (side !== undefined) {
    if (side !== 'client' && side !== 'server') throw badArgs('"chargerSide" must be client or server');
    out.chargerSide = side;
  }
  const keep = (args as Record<string, unknown>)['keepCredentials'];
  if (keep !== undefined) {
    if (typeof keep !== 'boolean') throw badArgs('"keepCredentials" must be true or false');
    out.keepCredentials = keep;
  }
  return out;
}
