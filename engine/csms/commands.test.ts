// The CSMS through the api, as every front end reaches it: start, chargers' state, send,
// template, responders and settings at run time, events, capture, stop.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import type { CsmsChargerSummary } from '../../api/csms';
import { ApiError } from '../../api/errors';
import { Engine } from '../engine';
import { tempDir } from '../testing/tmp';
import { parseListen } from './commands';
import { ownCharger, until } from './testing';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function engine(): Engine {
  const e = new Engine({ eventBatchMs: 10 });
  cleanups.push(() => e.close());
  return e;
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('csms commands', () => {
  it('parses HOST:PORT, IPv6 in brackets, and refuses anything else', () => {
    expect(parseListen('0.0.0.0:9000')).toEqual({ host: '0.0.0.0', port: 9000 });
    expect(parseListen('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(() => parseListen('9000')).toThrow(/HOST:PORT/);
    expect(() => parseListen('h:70000')).toThrow(/HOST:PORT/);
  });

  it('starts from a config file, records, reports state and events, sends, and stops', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const config = dir.file('csms.yaml');
    writeFileSync(config, 'boot:\n  interval: 42\nidTokens:\n  ACC: Accepted\n');
    const capture = dir.file('csms.jsonl');
    const e = engine();
    const changes: CsmsChargerSummary[][] = [];
    const stopped: string[] = [];
    e.on('csms.changed', (p) => changes.push(p.chargers));
    e.on('csms.stopped', (p) => stopped.push(p.reason));

    const info = await e.call('csms.start', { listen: '127.0.0.1:0', config, capture, settings: { unknownIdToken: 'Blocked' } });
    expect(info).toMatchObject({ securityProfile: 0, capture, chargers: 0 });
    expect(info.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(await e.call('csms.list', {})).toHaveLength(1);

    const cp = await ownCharger(info.url, 'API-1', '1.6');
    cleanups.push(() => cp.close());
    const boot = await cp.endpoint.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    expect(boot).toMatchObject({ payload: { interval: 42, status: 'Accepted' } });
    expect(await cp.endpoint.call('Authorize', { idTag: 'who' })).toMatchObject({ payload: { idTagInfo: { status: 'Blocked' } } });
    // Coalesced: one event carries the charger, booted.
    await until(() => changes.flat().find((c) => c.chargePointId === 'API-1' && c.bootStatus === 'Accepted'));
    expect(changes.length).toBeLessThan(5);

    const [state] = await e.call('csms.chargers', { chargePointId: 'API-1' });
    expect(state).toMatchObject({ chargePointId: 'API-1', version: '1.6', connection: { connected: true, connects: 1 }, boot: { status: 'Accepted' } });

    const template = await e.call('csms.template', { version: '1.6', action: 'ReserveNow' });
    expect(template.payload).toMatchObject({ connectorId: 0, idTag: 'idTag', reservationId: 0 });
    expect(Date.parse(String(template.payload['expiryDate']))).toBeGreaterThan(Date.now() - 60_000);

    const reset = await e.call('csms.send', { chargePointId: 'API-1', action: 'Reset', payload: { type: 'Soft' } });
    expect(reset).toMatchObject({ kind: 'result', payload: { status: 'Accepted' }, findings: [], notes: [] });
    const bad = await rejection(e.call('csms.send', { chargePointId: 'API-1', action: 'Reset', payload: { type: 'Warm' } }));
    expect(bad.code).toBe('bad-args');
    expect(bad.message).toContain('/type');
    expect(bad.message).toContain('Hard, Soft');
    expect((await rejection(e.call('csms.send', { chargePointId: 'API-1', action: 'Heartbeat' }))).message).toMatch(/sent by the charger/);
    expect((await rejection(e.call('csms.send', { chargePointId: 'API-1', action: 'GetVariables' }))).message).toMatch(/not an action of OCPP 1.6/);
    expect((await rejection(e.call('csms.send', { chargePointId: 'NOPE', action: 'Reset' }))).code).toBe('not-found');
    // Sent invalid on purpose: the charger's CALLERROR comes back as the outcome.
    const invalid = await e.call('csms.send', { chargePointId: 'API-1', action: 'Reset', payload: { type: 'Warm' }, allowInvalid: true });
    expect(invalid).toMatchObject({ kind: 'error', code: 'PropertyConstraintViolation' });

    await e.call('csms.responders.set', { action: 'Heartbeat', responder: { mode: 'error', code: 'InternalError', description: 'down' } });
    expect(await cp.endpoint.call('Heartbeat', {})).toMatchObject({ kind: 'error', code: 'InternalError', description: 'down' });
    const responders = await e.call('csms.responders.set', { action: 'Heartbeat', chargePointId: 'API-1', responder: { mode: 'fixed', payload: { currentTime: '2030-01-01T00:00:00.000Z' } } });
    expect(responders).toEqual({ global: { Heartbeat: { mode: 'error', code: 'InternalError', description: 'down' } }, charger: { Heartbeat: { mode: 'fixed', payload: { currentTime: '2030-01-01T00:00:00.000Z' } } } });
    expect(await cp.endpoint.call('Heartbeat', {})).toMatchObject({ kind: 'result', payload: { currentTime: '2030-01-01T00:00:00.000Z' } });
    await e.call('csms.responders.set', { action: 'Heartbeat', chargePointId: 'API-1', responder: null });
    await e.call('csms.responders.set', { action: 'Heartbeat', responder: null });
    expect(await e.call('csms.responders.get', { chargePointId: 'API-1' })).toEqual({ global: {}, charger: {} });
    expect((await rejection(e.call('csms.responders.set', { action: 'Heartbeat', responder: { mode: 'loud' } as never }))).message).toMatch(/responder.mode must be one of/);

    const settings = await e.call('csms.config.set', { settings: { idTokens: { NEW: 'Accepted' }, boot: { status: 'Rejected' } } });
    expect(settings.idTokens).toEqual({ ACC: { status: 'Accepted' }, NEW: { status: 'Accepted' } });
    expect(await cp.endpoint.call('Authorize', { idTag: 'NEW' })).toMatchObject({ payload: { idTagInfo: { status: 'Accepted' } } });
    expect(await cp.endpoint.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' })).toMatchObject({ payload: { status: 'Rejected', interval: 30 } });
    const noted = await e.call('csms.send', { chargePointId: 'API-1', action: 'ClearCache' });
    expect(noted.notes[0]).toMatch(/Rejected/);
    expect((await rejection(e.call('csms.config.set', { settings: { boot: { interval: -1 } } }))).code).toBe('bad-args');

    // The traffic store saw the session; the capture holds it after stop.
    const sessions = await e.call('sessions.list', {});
    expect(sessions.find((s) => s.chargePointId === 'API-1')).toMatchObject({ source: 'csms', subprotocol: 'ocpp1.6' });
    await e.call('csms.stop', {});
    expect(stopped).toEqual(['stopped by the user']);
    expect(await e.call('csms.list', {})).toEqual([]);
    const lines = readFileSync(capture, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; mode?: string; text?: string });
    expect(lines[0]).toMatchObject({ type: 'header', mode: 'csms' });
    expect(lines.filter((l) => l.type === 'frame').length).toBeGreaterThan(10);
    expect(lines.at(-1)).toMatchObject({ type: 'close' });
    expect((await rejection(e.call('csms.send', { chargePointId: 'API-1', action: 'Reset' }))).message).toMatch(/No CSMS is running/);
  });

  it('refuses bad start arguments with a clear error', async () => {
    const e = engine();
    expect((await rejection(e.call('csms.start', { listen: 'nowhere' }))).code).toBe('bad-args');
    expect((await rejection(e.call('csms.start', { listen: '127.0.0.1:0', settings: { securityProfile: 2 } }))).message).toMatch(/needs TLS/);
    expect((await rejection(e.call('csms.start', { listen: '127.0.0.1:0', config: '/nonexistent/csms.yaml' }))).code).toBe('io');
    expect((await rejection(e.call('csms.start', { listen: '127.0.0.1:0', tls: { certFile: '/nonexistent.pem', keyFile: '/nonexistent.key' } }))).code).toBe('io');
    expect((await rejection(e.call('csms.template', { version: '1.6', action: 'GetVariables' }))).message).toMatch(/not an action of OCPP 1.6/);
    const a = await e.call('csms.start', { listen: '127.0.0.1:0' });
    await e.call('csms.start', { listen: '127.0.0.1:0' });
    expect((await rejection(e.call('csms.chargers', {}))).message).toMatch(/2 CSMSs are running/);
    expect(await e.call('csms.chargers', { id: a.id })).toEqual([]);
    const port = Number(new URL(a.url).port);
    expect((await rejection(e.call('csms.start', { listen: `127.0.0.1:${port}` }))).code).toBe('conflict');
  });
});
