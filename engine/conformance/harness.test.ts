// Harness steps that look at several messages: optional messages waited for, "none of these
// actions", and the list of what the SUT sent. Driven without sockets: CALLs are handed to
// `receive` as the runner would.
import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../rpc/endpoint';
import type { LiveSession } from '../traffic/recorder';
import { nobody } from './drivers';
import { Harness, StepFailure } from './harness';
import type { Link } from './links';
import { mergeSettings } from './settings';
import { newToolMemory } from './tool-responders';

function harness(): Harness {
  const link = { current: () => undefined } as unknown as Link;
  return new Harness({
    caseId: 'TC_TEST_CS',
    version: '1.6',
    bench: 'csms',
    settings: mergeSettings(undefined),
    link,
    memory: newToolMemory(),
    operator: nobody,
    timeScale: 1,
    simulated: true,
    now: () => performance.now(),
  });
}

const session = { id: 'sess_test' } as LiveSession;
let n = 0;
const call = (t: Harness, action: string, payload: Record<string, unknown> = {}) => t.receive({ action, payload, messageId: `m${++n}` }, session);
const later = (ms: number, fn: () => void) => setTimeout(fn, ms);

describe('harness', () => {
  it('maybe takes only what has come, unless told to wait for it', async () => {
    const t = harness();
    later(50, () => call(t, 'BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }));
    expect(await t.maybe('BootNotification', undefined, { within: 0.5 })).toBeUndefined();
    t.checkpoint();
    later(50, () => call(t, 'BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }));
    const started = performance.now();
    const boot = await t.maybe('BootNotification', undefined, { within: 2, waitForOptional: true });
    expect(boot?.action).toBe('BootNotification');
    expect(performance.now() - started).toBeLessThan(1000);
    // Nothing comes: the optional step passes after `within`.
    expect(await t.maybe('Heartbeat', undefined, { within: 0.1, waitForOptional: true })).toBeUndefined();
    expect(t.steps.every((s) => s.verdict === 'pass')).toBe(true);
  });

  it('expectNone over several actions fails on any of them and names the one that came', async () => {
    const t = harness();
    await t.expectNone(['Authorize', 'StopTransaction'], undefined, 0.05);
    expect(t.steps.at(-1)?.text).toBe('Expect the charger not to send Authorize or StopTransaction for 0.05 s');
    later(20, () => call(t, 'StopTransaction', { transactionId: 1, meterStop: 0, timestamp: new Date().toISOString() }));
    const failure = await t.expectNone(['Authorize', 'StopTransaction'], undefined, 1).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StepFailure);
    expect((failure as StepFailure).step.actual).toMatch(/^it sent StopTransaction /);
  });

  it('lists what the SUT sent, in order, without consuming it', async () => {
    const t = harness();
    call(t, 'Heartbeat');
    call(t, 'StatusNotification', { connectorId: 0, errorCode: 'NoError', status: 'Available' });
    expect(t.received().map((r) => r.action)).toEqual(['Heartbeat', 'StatusNotification']);
    expect(t.received('Heartbeat')).toHaveLength(1);
    expect(t.received()[0]!.at).toBeLessThanOrEqual(t.elapsed());
    // Still there for an expectation.
    const sn = await t.expect('StatusNotification', { status: 'Available' }, { within: 0.1 });
    expect(sn.payload['connectorId']).toBe(0);
  });
});

describe('harness send', () => {
  /** A harness whose SUT answers every CALL with `outcome`. */
  function answering(outcome: CallOutcome): Harness {
    const endpoint = { call: async () => outcome };
    const link = { current: () => ({ endpoint, session }) } as unknown as Link;
    return new Harness({ caseId: 'TC_TEST_CS', version: '1.6', bench: 'csms', settings: mergeSettings(undefined), link, memory: newToolMemory(), operator: nobody, timeScale: 1, simulated: true, now: () => performance.now() });
  }
  const callError = (code: string): CallOutcome => ({ kind: 'error', messageId: 'm', code, description: 'refused', details: {}, latencyMs: 1 });

  it('orError takes a CALLERROR (of the code given) as well as a matching answer, and says so', async () => {
    const rejected = answering({ kind: 'result', messageId: 'm', payload: { status: 'Rejected' }, findings: [], latencyMs: 1 });
    await rejected.send('ChangeConfiguration', { key: 'K', value: '-1' }, { status: 'Rejected' }, { orError: 'PropertyConstraintViolation' });
    expect(rejected.steps.at(-1)?.text).toBe('Send ChangeConfiguration {"key":"K","value":"-1"} and expect an answer where status is Rejected, or a CALLERROR PropertyConstraintViolation');
    const refused = answering(callError('PropertyConstraintViolation'));
    await refused.send('ChangeConfiguration', { key: 'K', value: '-1' }, { status: 'Rejected' }, { orError: 'PropertyConstraintViolation' });
    await answering(callError('NotSupported')).send('RemoteStartTransaction', { connectorId: 0, idTag: 'T' }, { status: 'Rejected' }, { orError: true });
    const wrongCode = await answering(callError('NotSupported'))
      .send('ChangeConfiguration', { key: 'K', value: '-1' }, { status: 'Rejected' }, { orError: 'PropertyConstraintViolation' })
      .catch((e: unknown) => e);
    expect((wrongCode as StepFailure).step.actual).toBe('CALLERROR NotSupported');
    const noAlternative = await answering(callError('NotSupported')).send('ChangeConfiguration', { key: 'K', value: '-1' }, { status: 'Rejected' }).catch((e: unknown) => e);
    expect(noAlternative).toBeInstanceOf(StepFailure);
  });
});

describe('harness timing checks', () => {
  it('accept a timer within the tolerance and refuse one too early (or too late for "about")', () => {
    const t = harness();
    expect(t.checkTiming('the retry came', 10_400, 10, 'atLeast')).toBe(true);
    expect(t.steps.at(-1)?.text).toBe('Check: the retry came after 10 s or more — it took 10.4 s');
    expect(t.checkTiming('the retry came', 8_000, 10, 'atLeast')).toBe(false);
    expect(t.checkTiming('the heartbeat came', 30_000, 30)).toBe(true);
    expect(t.checkTiming('the heartbeat came', 40_000, 30)).toBe(false);
    expect(t.steps.at(-1)).toMatchObject({ verdict: 'fail', actual: 'it took 40 s' });
  });
});
