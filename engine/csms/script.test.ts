import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { contains, describeStep, parseScript, runScript, type ScriptStep, type StepResult } from './script';
import { ownCharger } from './testing';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

describe('script parsing', () => {
  it('reads YAML and JSON lists of steps, with shorthands', () => {
    const steps = parseScript(
      [
        '- waitFor: CP1',
        '- waitFor: { chargePointId: CP1, booted: true, timeout: 5 }',
        '- send: { to: CP1, action: Reset, payload: { type: Soft }, expect: { status: Accepted } }',
        '- respond: { action: Heartbeat, with: noAnswer }',
        '- respond: { action: Heartbeat, chargePointId: CP1, with: default }',
        '- config: { idTokens: { A: Accepted } }',
        '- wait: 0.5',
        '- state: CP1',
        '- note: done',
      ].join('\n'),
      'script.yaml',
    );
    expect(steps.map((s) => s.kind)).toEqual(['waitFor', 'waitFor', 'send', 'respond', 'respond', 'config', 'wait', 'state', 'note']);
    expect(steps[0]).toEqual({ kind: 'waitFor', chargePointId: 'CP1', booted: false, timeoutSeconds: 60 });
    expect(steps[3]).toEqual({ kind: 'respond', action: 'Heartbeat', responder: { mode: 'noAnswer' } });
    expect(steps[4]).toEqual({ kind: 'respond', action: 'Heartbeat', chargePointId: 'CP1', responder: null });
    expect(steps.map(describeStep)).toContain('send Reset to CP1 {"type":"Soft"}, expecting {"status":"Accepted"}');
    expect(parseScript('{"steps":[{"wait":1}]}', 's.json')).toEqual([{ kind: 'wait', seconds: 1 }]);
  });

  it('names the step and field of a mistake', () => {
    expect(() => parseScript('- wait: 1\n- send: { action: Reset }', 's.yaml')).toThrow('s.yaml step 2 (send): "to" must be a non-empty string');
    expect(() => parseScript('- jump: 1', 's.yaml')).toThrow(/s.yaml step 1 must have exactly one of wait, waitFor/);
    expect(() => parseScript('- respond: { action: A, with: { mode: weird } }', 's.yaml')).toThrow(/step 1 \(respond\): with.mode must be one of/);
    expect(() => parseScript('wait: 1', 's.yaml')).toThrow(/must hold a list of steps/);
  });

  it('matches answers by deep subset', () => {
    expect(contains({ status: 'Accepted', extra: 1 }, { status: 'Accepted' })).toBe(true);
    expect(contains({ idTagInfo: { status: 'Blocked' } }, { idTagInfo: { status: 'Accepted' } })).toBe(false);
    expect(contains({ list: [1, 2] }, { list: [1] })).toBe(false);
  });
});

describe('running a script against a CSMS', () => {
  it('waits for a charger to boot, sends, changes responders and settings, and stops at the first failure', async () => {
    const engine = new Engine({ eventBatchMs: 10 });
    cleanups.push(() => engine.close());
    const { id, url } = await engine.call('csms.start', { listen: '127.0.0.1:0' });
    const steps = parseScript(
      [
        '- waitFor: { chargePointId: SCRIPTED, booted: true, timeout: 5 }',
        '- send: { to: SCRIPTED, action: ChangeAvailability, payload: { connectorId: 0, type: Inoperative }, expect: { status: Accepted } }',
        '- respond: { action: Heartbeat, with: { mode: error, code: GenericError } }',
        '- config: { boot: { interval: 77 } }',
        '- state: SCRIPTED',
        '- send: { to: SCRIPTED, action: Reset, payload: { type: Hard }, expect: { status: Rejected } }',
        '- note: never reached',
      ].join('\n'),
      'test.yaml',
    );
    const results: Array<[number, ScriptStep, StepResult]> = [];
    const running = runScript(engine, id, steps, { onStep: (i, s, r) => results.push([i, s, r]) });
    // The charger turns up after the script started waiting.
    await new Promise((r) => setTimeout(r, 50));
    const cp = await ownCharger(url, 'SCRIPTED', '1.6');
    cleanups.push(() => cp.close());
    await cp.endpoint.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    const outcome = await running;
    expect(outcome).toEqual({ ok: false, completed: 5 });
    expect(results.map(([, , r]) => r.ok)).toEqual([true, true, true, true, true, false]);
    expect(results[4]![2].state).toMatchObject({ chargePointId: 'SCRIPTED', boot: { status: 'Accepted' } });
    expect(results[5]![2].message).toMatch(/^expected \{"status":"Rejected"\}, got \{"status":"Accepted"\}/);
    expect(cp.calls.map((c) => c.action)).toEqual(['ChangeAvailability', 'Reset']);
    expect(await cp.endpoint.call('Heartbeat', {})).toMatchObject({ kind: 'error', code: 'GenericError' });
    expect(await cp.endpoint.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' })).toMatchObject({ payload: { interval: 77 } });
  });

  it('reports a charger that never comes, and can be interrupted', async () => {
    const engine = new Engine({ eventBatchMs: 10 });
    cleanups.push(() => engine.close());
    const { id } = await engine.call('csms.start', { listen: '127.0.0.1:0' });
    const results: StepResult[] = [];
    expect(await runScript(engine, id, parseScript('- waitFor: { chargePointId: GHOST, timeout: 0.1 }', 's'), { onStep: (_i, _s, r) => results.push(r) })).toEqual({ ok: false, completed: 0 });
    expect(results[0]!.message).toBe('GHOST did not connect within 0.1 s');
    const abort = new AbortController();
    const started = Date.now();
    const long = runScript(engine, id, parseScript('- wait: 30', 's'), { signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    expect(await long).toEqual({ ok: false, completed: 0 });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
