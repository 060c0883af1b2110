// Scripts of operator actions for simulated chargers (`ocpp-bench sim --script FILE`,
// `sim.play`): a JSON or YAML list of steps, each an operator action, a wait, a wait for a
// connector status, or a note. Waits are in simulated seconds (scaled by the time scale).
// A script starts once the charger has been accepted by the CSMS (60 simulated seconds at most).
//
//   - action: plugIn            # connectorId defaults to 1
//   - action: presentIdToken
//     idToken: TAG-1
//   - waitFor: { status: Charging, timeout: 30 }
//   - wait: 10
//   - action: presentIdToken
//     idToken: TAG-1
//   - action: unplug
import { parse as parseYaml } from 'yaml';
import { SIM_OPERATOR_ACTIONS, type SimOperatorAction, type SimScriptStep } from '../../api/sim';
import type { SimulatedCharger } from './charger';

export class SimScriptError extends Error {
  override name = 'SimScriptError';
}

const STEP_KEYS: Record<string, string> = { connectorId: 'number', idToken: 'string', errorCode: 'string', seconds: 'number', on: 'boolean' };

/** Checks one step; throws SimScriptError naming `where` and what is wrong. */
export function checkStep(raw: unknown, where: string): SimScriptStep {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SimScriptError(`${where}: a step must be an object`);
  const step = raw as Record<string, unknown>;
  const kinds = ['action', 'wait', 'waitFor', 'note'].filter((k) => step[k] !== undefined);
  if (kinds.length !== 1) throw new SimScriptError(`${where}: a step has exactly one of action, wait, waitFor, note (got ${kinds.length === 0 ? 'none' : kinds.join(', ')})`);
  if (step['wait'] !== undefined) {
    if (typeof step['wait'] !== 'number' || !(step['wait'] >= 0)) throw new SimScriptError(`${where}: wait must be a number of seconds`);
    return { wait: step['wait'] };
  }
  if (step['note'] !== undefined) {
    if (typeof step['note'] !== 'string') throw new SimScriptError(`${where}: note must be text`);
    return { note: step['note'] };
  }
  if (step['waitFor'] !== undefined) {
    const w = step['waitFor'] as Record<string, unknown>;
    if (typeof w !== 'object' || w === null || typeof w['status'] !== 'string') throw new SimScriptError(`${where}: waitFor needs a status, e.g. { status: Charging }`);
    if (w['connectorId'] !== undefined && !Number.isInteger(w['connectorId'])) throw new SimScriptError(`${where}: waitFor.connectorId must be an integer`);
    if (w['timeout'] !== undefined && !(typeof w['timeout'] === 'number' && w['timeout'] > 0)) throw new SimScriptError(`${where}: waitFor.timeout must be a positive number of seconds`);
    return { waitFor: { status: w['status'], ...(w['connectorId'] !== undefined ? { connectorId: w['connectorId'] as number } : {}), ...(w['timeout'] !== undefined ? { timeout: w['timeout'] as number } : {}) } };
  }
  const action = step['action'];
  if (typeof action !== 'string' || !(SIM_OPERATOR_ACTIONS as readonly string[]).includes(action)) {
    throw new SimScriptError(`${where}: unknown action "${String(action)}" (one of ${SIM_OPERATOR_ACTIONS.join(', ')})`);
  }
  for (const [key, value] of Object.entries(step)) {
    if (key === 'action') continue;
    const type = STEP_KEYS[key];
    if (type === undefined) throw new SimScriptError(`${where}: unknown field "${key}" for action ${action}`);
    if (typeof value !== type) throw new SimScriptError(`${where}: ${key} must be a ${type}`);
  }
  if (action === 'presentIdToken' && typeof step['idToken'] !== 'string') throw new SimScriptError(`${where}: presentIdToken needs an idToken`);
  return { ...(step as object), action: action as SimOperatorAction } as SimScriptStep;
}

/** Parses a script file's text (JSON when it starts with `[`, YAML otherwise). */
export function parseSimScript(text: string, origin: string): SimScriptStep[] {
  let value: unknown;
  try {
    value = text.trimStart().startsWith('[') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new SimScriptError(`${origin}: not valid JSON or YAML: ${(err as Error).message}`);
  }
  if (!Array.isArray(value)) throw new SimScriptError(`${origin}: a script is a list of steps`);
  return value.map((step, i) => checkStep(step, `${origin} step ${i + 1}`));
}

export function describeSimStep(step: SimScriptStep): string {
  if ('wait' in step) return `wait ${step.wait} s`;
  if ('note' in step) return `note: ${step.note}`;
  if ('waitFor' in step) return `wait for connector ${step.waitFor.connectorId ?? 1} to be ${step.waitFor.status}`;
  const extra = [step.connectorId !== undefined ? `connector ${step.connectorId}` : '', step.idToken ?? '', step.errorCode ?? '', step.seconds !== undefined ? `${step.seconds} s` : ''].filter((x) => x !== '');
  return `${step.action}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}

/** Plays a script on one charger; rejects with SimScriptError at the first step that fails. */
export async function playSimScript(charger: SimulatedCharger, steps: readonly SimScriptStep[], options: { signal?: AbortSignal; onStep?: (index: number, step: SimScriptStep) => void } = {}): Promise<void> {
  const aborted = () => options.signal?.aborted === true;
  // A script starts once the charger is accepted by the CSMS (or after 60 simulated seconds).
  for (let waited = 0; waited < 60 && charger.summary().registration !== 'accepted' && !aborted(); waited += 0.25) await charger.wait(0.25, options.signal);
  for (const [i, step] of steps.entries()) {
    if (aborted()) return;
    options.onStep?.(i, step);
    const where = `step ${i + 1} (${describeSimStep(step)})`;
    if ('wait' in step) {
      await charger.wait(step.wait, options.signal);
    } else if ('note' in step) {
      charger.core.log(`note: ${step.note}`);
    } else if ('waitFor' in step) {
      const id = step.waitFor.connectorId ?? 1;
      const deadline = step.waitFor.timeout ?? 60;
      const reached = await charger.waitForStatus(id, step.waitFor.status, deadline, options.signal);
      if (!reached && !aborted()) {
        throw new SimScriptError(`${charger.id} ${where}: not reached within ${deadline} s (status is ${charger.summary().connectors[id - 1]?.status ?? 'unknown'})`);
      }
    } else {
      try {
        await charger.perform(step);
      } catch (err) {
        throw new SimScriptError(`${charger.id} ${where}: ${(err as Error).message}`);
      }
    }
  }
}
