// CSMS scripts: a list of steps (wait for a charger, send an action, wait, change a
// responder or the settings, show a charger's state) run against a running CSMS through
// the api, so the CLI's --script, its interactive prompt and any other front end share one
// implementation. Steps are data and describe themselves in a sentence.
import type { ApiClient } from '../../api/client';
import type { CsmsChargerState, CsmsSendOutcome, ResponderSpec } from '../../api/csms';
import { parseResponder, parseSettingsText, SettingsError } from './settings';

export type ScriptStep =
  | { kind: 'wait'; seconds: number }
  | { kind: 'waitFor'; chargePointId: string; booted: boolean; timeoutSeconds: number }
  | {
      kind: 'send';
      chargePointId: string;
      action: string;
      payload?: Record<string, unknown>;
      allowInvalid: boolean;
      timeoutSeconds?: number;
      /** Fields the answer's payload must contain (deep subset). */
      expect?: Record<string, unknown>;
    }
  | { kind: 'respond'; action: string; chargePointId?: string; responder: ResponderSpec | null }
  | { kind: 'config'; settings: Record<string, unknown> }
  | { kind: 'state'; chargePointId: string }
  | { kind: 'note'; text: string };

export class ScriptError extends Error {
  override name = 'ScriptError';
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses a script file's text (JSON or YAML): a list of steps. */
export function parseScript(text: string, source: string): ScriptStep[] {
  let content: unknown;
  try {
    content = parseSettingsText(text, source);
  } catch (err) {
    throw new ScriptError(err instanceof Error ? err.message : String(err));
  }
  if (isObj(content) && Array.isArray(content['steps'])) content = content['steps'];
  if (!Array.isArray(content)) throw new ScriptError(`${source} must hold a list of steps (or an object with "steps")`);
  return content.map((raw, i) => parseStep(raw, `${source} step ${i + 1}`));
}

const STEP_KINDS = ['wait', 'waitFor', 'send', 'respond', 'config', 'state', 'note'] as const;

/** One step: an object with exactly one key naming its kind, e.g. `{ send: { to: CP1, action: Reset } }`. */
export function parseStep(raw: unknown, where: string): ScriptStep {
  if (!isObj(raw)) throw new ScriptError(`${where} must be an object such as { wait: 5 } or { send: { to: CP1, action: Reset } }`);
  const keys = Object.keys(raw);
  const kind = keys[0];
  if (keys.length !== 1 || !(STEP_KINDS as readonly string[]).includes(kind ?? '')) {
    throw new ScriptError(`${where} must have exactly one of ${STEP_KINDS.join(', ')}; it has ${keys.join(', ') || 'nothing'}`);
  }
  const body = raw[kind!];
  const at = `${where} (${kind})`;
  const fail = (what: string): never => {
    throw new ScriptError(`${at}: ${what}`);
  };
  const seconds = (v: unknown, name: string): number => {
    if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) fail(`"${name}" must be a number of seconds`);
    return v as number;
  };
  const text = (v: unknown, name: string): string => {
    if (typeof v !== 'string' || v === '') fail(`"${name}" must be a non-empty string`);
    return v as string;
  };
  switch (kind as (typeof STEP_KINDS)[number]) {
    case 'wait':
      return { kind: 'wait', seconds: seconds(body, 'wait') };
    case 'waitFor': {
      if (typeof body === 'string') return { kind: 'waitFor', chargePointId: body, booted: false, timeoutSeconds: 60 };
      if (!isObj(body)) return fail('give a charge point id, or { chargePointId, booted, timeout }');
      const booted = body['booted'] ?? false;
      if (typeof booted !== 'boolean') fail('"booted" must be true or false');
      return { kind: 'waitFor', chargePointId: text(body['chargePointId'], 'chargePointId'), booted: booted as boolean, timeoutSeconds: body['timeout'] === undefined ? 60 : seconds(body['timeout'], 'timeout') };
    }
    case 'send': {
      if (!isObj(body)) return fail('give { to, action, payload?, allowInvalid?, timeout?, expect? }');
      const step: Extract<ScriptStep, { kind: 'send' }> = {
        kind: 'send',
        chargePointId: text(body['to'], 'to'),
        action: text(body['action'], 'action'),
        allowInvalid: false,
      };
      if (body['payload'] !== undefined) {
        if (!isObj(body['payload'])) fail('"payload" must be an object');
        step.payload = body['payload'] as Obj;
      }
      if (body['allowInvalid'] !== undefined) {
        if (typeof body['allowInvalid'] !== 'boolean') fail('"allowInvalid" must be true or false');
        step.allowInvalid = body['allowInvalid'] as boolean;
      }
      if (body['timeout'] !== undefined) step.timeoutSeconds = seconds(body['timeout'], 'timeout');
      if (body['expect'] !== undefined) {
        if (!isObj(body['expect'])) fail('"expect" must be an object (fields the answer must contain)');
        step.expect = body['expect'] as Obj;
      }
      return step;
    }
    case 'respond': {
      if (!isObj(body)) return fail('give { action, with, chargePointId? }');
      const step: Extract<ScriptStep, { kind: 'respond' }> = { kind: 'respond', action: text(body['action'], 'action'), responder: null };
      if (body['chargePointId'] !== undefined) step.chargePointId = text(body['chargePointId'], 'chargePointId');
      const spec = body['with'];
      if (spec === undefined) fail('"with" is required: default, noAnswer, or { mode, … }');
      if (spec !== 'default') {
        try {
          step.responder = parseResponder(spec, 'with');
        } catch (err) {
          if (err instanceof SettingsError) fail(err.message);
          throw err;
        }
      }
      return step;
    }
    case 'config':
      if (!isObj(body)) return fail('give the settings to change, as in the config file');
      return { kind: 'config', settings: body };
    case 'state':
      return { kind: 'state', chargePointId: text(body, 'state') };
    case 'note':
      return { kind: 'note', text: text(body, 'note') };
  }
}

/** The step in a sentence, for terminal lines and reports. */
export function describeStep(step: ScriptStep): string {
  switch (step.kind) {
    case 'wait':
      return `wait ${step.seconds} s`;
    case 'waitFor':
      return `wait up to ${step.timeoutSeconds} s for ${step.chargePointId} to ${step.booted ? 'connect and be Accepted' : 'connect'}`;
    case 'send':
      return `send ${step.action} to ${step.chargePointId}${step.payload === undefined ? ' (template payload)' : ` ${JSON.stringify(step.payload)}`}${step.allowInvalid ? ', even if invalid' : ''}${step.expect !== undefined ? `, expecting ${JSON.stringify(step.expect)}` : ''}`;
    case 'respond':
      return `answer ${step.action}${step.chargePointId !== undefined ? ` from ${step.chargePointId}` : ''} ${step.responder === null ? 'by default' : `with ${JSON.stringify(step.responder)}`}`;
    case 'config':
      return `change settings ${JSON.stringify(step.settings)}`;
    case 'state':
      return `show the state of ${step.chargePointId}`;
    case 'note':
      return `note: ${step.text}`;
  }
}

export interface StepResult {
  ok: boolean;
  /** What happened, in a sentence. */
  message: string;
  outcome?: CsmsSendOutcome;
  state?: CsmsChargerState;
}

/** Deep subset match: every field of `expected` is in `actual` with the same value. */
export function contains(actual: unknown, expected: unknown): boolean {
  if (isObj(expected)) return isObj(actual) && Object.entries(expected).every(([k, v]) => contains(actual[k], v));
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.length === actual.length && expected.every((v, i) => contains(actual[i], v));
  return Object.is(actual, expected);
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function describeOutcome(o: CsmsSendOutcome): string {
  const notes = o.notes.length > 0 ? ` (note: ${o.notes.join('; ')})` : '';
  switch (o.kind) {
    case 'result': {
      const findings = o.findings.length > 0 ? `, ${o.findings.length} finding(s): ${o.findings.map((f) => `${f.path ?? ''} ${f.message}`).join('; ')}` : '';
      return `${JSON.stringify(o.payload)} in ${Math.round(o.latencyMs)} ms${findings}${notes}`;
    }
    case 'error':
      return `CALLERROR ${o.code} "${o.description}" in ${Math.round(o.latencyMs)} ms${notes}`;
    case 'timeout':
      return `no answer within ${o.timeoutMs} ms${notes}`;
    case 'closed':
      return `the connection closed before an answer${notes}`;
  }
}

/** Runs one step against a CSMS through the api. Never throws: failures come back as results. */
export async function runStep(client: ApiClient, csmsId: string, step: ScriptStep, signal?: AbortSignal): Promise<StepResult> {
  try {
    switch (step.kind) {
      case 'wait':
        return (await sleep(step.seconds * 1000, signal)) ? { ok: true, message: 'waited' } : { ok: false, message: 'interrupted' };
      case 'waitFor':
        return await waitFor(client, csmsId, step, signal);
      case 'send': {
        const outcome = await client.call('csms.send', {
          id: csmsId,
          chargePointId: step.chargePointId,
          action: step.action,
          ...(step.payload !== undefined ? { payload: step.payload } : {}),
          ...(step.allowInvalid ? { allowInvalid: true } : {}),
          ...(step.timeoutSeconds !== undefined ? { timeoutMs: Math.max(1, Math.round(step.timeoutSeconds * 1000)) } : {}),
        });
        const text = describeOutcome(outcome);
        if (step.expect !== undefined) {
          const ok = outcome.kind === 'result' && contains(outcome.payload, step.expect);
          return { ok, message: ok ? text : `expected ${JSON.stringify(step.expect)}, got ${text}`, outcome };
        }
        // Without an expectation, any answer is a completed step; silence is not.
        return { ok: outcome.kind === 'result' || outcome.kind === 'error', message: text, outcome };
      }
      case 'respond':
        await client.call('csms.responders.set', { id: csmsId, action: step.action, responder: step.responder, ...(step.chargePointId !== undefined ? { chargePointId: step.chargePointId } : {}) });
        return { ok: true, message: 'responder set' };
      case 'config':
        await client.call('csms.config.set', { id: csmsId, settings: step.settings });
        return { ok: true, message: 'settings changed' };
      case 'state': {
        const [state] = await client.call('csms.chargers', { id: csmsId, chargePointId: step.chargePointId });
        return { ok: true, message: JSON.stringify(state), ...(state !== undefined ? { state } : {}) };
      }
      case 'note':
        return { ok: true, message: step.text };
    }
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

async function waitFor(client: ApiClient, csmsId: string, step: Extract<ScriptStep, { kind: 'waitFor' }>, signal?: AbortSignal): Promise<StepResult> {
  const met = async (): Promise<boolean> => {
    const states = await client.call('csms.chargers', { id: csmsId });
    const s = states.find((x) => x.chargePointId === step.chargePointId);
    return s !== undefined && s.connection.connected && (!step.booted || s.boot.status === 'Accepted');
  };
  if (await met()) return { ok: true, message: `${step.chargePointId} is there` };
  return new Promise<StepResult>((resolve) => {
    let done = false;
    const finish = (result: StepResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => finish({ ok: false, message: 'interrupted' });
    const timer = setTimeout(() => finish({ ok: false, message: `${step.chargePointId} did not ${step.booted ? 'boot' : 'connect'} within ${step.timeoutSeconds} s` }), step.timeoutSeconds * 1000);
    const unsubscribe = client.on('csms.changed', (event) => {
      if (event.id !== csmsId || !event.chargers.some((c) => c.chargePointId === step.chargePointId)) return;
      void met().then((ok) => {
        if (ok) finish({ ok: true, message: `${step.chargePointId} is there` });
      });
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs steps in order and stops at the first that fails (the rest assume it worked). */
export async function runScript(
  client: ApiClient,
  csmsId: string,
  steps: readonly ScriptStep[],
  options: { signal?: AbortSignal; onStep?: (index: number, step: ScriptStep, result: StepResult) => void } = {},
): Promise<{ ok: boolean; completed: number }> {
  for (const [i, step] of steps.entries()) {
    if (options.signal?.aborted === true) return { ok: false, completed: i };
    const result = await runStep(client, csmsId, step, options.signal);
    options.onStep?.(i, step, result);
    if (!result.ok) return { ok: false, completed: i };
  }
  return { ok: true, completed: steps.length };
}
