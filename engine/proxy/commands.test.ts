// The proxy through the engine's api: what the UI and the CLI call.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import type { EventPayload } from '../../api/events';
import { createEngine, type Engine } from '../engine';
import { makeTestPki, type TestPki } from '../testing/certs';
import { tempDir } from '../testing/tmp';
import { rawCharger, rawCsms, runCleanups, startProxy, until, type Cleanup } from './testing';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki('CP-API');
});
afterAll(() => pki.remove());

const cleanups: Cleanup[] = [];
afterEach(() => runCleanups(cleanups));

function setup(): { engine: Engine; file: (name: string) => string; events: Array<{ name: string; payload: unknown }> } {
  const dir = tempDir();
  const engine = createEngine({ eventBatchMs: 10 });
  const events: Array<{ name: string; payload: unknown }> = [];
  for (const name of ['proxy.status', 'proxy.connection', 'proxy.frames', 'proxy.rules', 'engine.alert'] as const) {
    engine.on(name, (payload) => events.push({ name, payload }));
  }
  cleanups.push(() => dir.remove(), () => engine.close());
  return { engine, file: dir.file, events };
}

describe('proxy commands', () => {
  it('starts a wss proxy from files, lists it and its sessions, edits rules at run time, and stops it', async () => {
    const { engine, file, events } = setup();
    const csms = await rawCsms(cleanups);
    writeFileSync(file('rules.yaml'), '- id: slow-hb\n  match: { action: Heartbeat, direction: cp2csms }\n  effect: { type: delay, ms: 10 }\n');
    const info = await engine.call('proxy.start', {
      listen: { host: '127.0.0.1', port: 0 },
      upstream: csms.url,
      tls: { certFile: pki.files.serverCert, keyFile: pki.files.serverKey },
      capture: file('cap.jsonl'),
      rulesFile: file('rules.yaml'),
      rules: [{ id: 'first', match: { action: 'Authorize' }, effect: { type: 'drop' } }],
    });
    expect(info).toMatchObject({ state: 'running', chargerTls: 'tls', pathMode: 'id', redact: true, capture: file('cap.jsonl') });
    expect(info.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    expect(info.rules.map((r) => [r.id, r.description])).toEqual([
      ['first', 'Drops Authorize frames (calls and their answers) in either direction.'],
      ['slow-hb', 'Delays Heartbeat frames (calls and their answers) from the charger to the CSMS by 10 ms (later frames in the same direction wait behind them).'],
    ]);
    expect((await engine.call('proxy.list', {})).map((p) => p.id)).toEqual([info.id]);

    const { ws } = await rawCharger(`${info.url}/CP-API`, cleanups, ['ocpp1.6'], { ca: pki.caCert });
    ws.send('[2,"h1","Heartbeat",{}]');
    await until(() => csms.received.length === 1);
    await until(() => events.some((e) => e.name === 'proxy.frames'));
    const batch = events.find((e) => e.name === 'proxy.frames')!.payload as EventPayload<'proxy.frames'>;
    expect(batch.frames[0]).toMatchObject({ chargePointId: 'CP-API', frame: { kind: 'CALL', action: 'Heartbeat', marks: ['delayed'] } });
    expect(await engine.call('proxy.sessions', { id: info.id })).toEqual([expect.objectContaining({ chargePointId: 'CP-API', state: 'open' })]);
    // The store behind the UI got the frame too.
    expect((await engine.call('frames.query', {})).total).toBe(1);

    const added = await engine.call('proxy.rules.add', { id: info.id, rule: { match: { action: 'Heartbeat' }, effect: { type: 'drop' } } });
    expect(added.map((r) => r.id)).toEqual(['first', 'slow-hb', 'r1']);
    expect(events.filter((e) => e.name === 'proxy.rules')).toHaveLength(1);
    const removed = await engine.call('proxy.rules.remove', { id: info.id, ruleId: 'slow-hb' });
    expect(removed.map((r) => r.id)).toEqual(['first', 'r1']);
    ws.send('[2,"h2","Heartbeat",{}]');
    await until(() => engine.traffic.frameCount === 2);
    expect(csms.received).toHaveLength(1);
    await engine.call('proxy.rules.set', { id: info.id, rules: [] });
    expect(await engine.call('proxy.rules.list', { id: info.id })).toEqual([]);
    const checked = await engine.call('proxy.rules.check', { rules: [{ effect: { type: 'duplicate', copies: 2 } }] });
    expect(checked[0]!.description).toBe('Sends every frame in either direction 3 times.');

    const stopped = await engine.call('proxy.stop', { id: info.id });
    expect(stopped.state).toBe('stopped');
    expect(events.filter((e) => e.name === 'proxy.status').map((e) => (e.payload as EventPayload<'proxy.status'>).proxy.state)).toEqual(['running', 'stopped']);
    expect(events.filter((e) => e.name === 'proxy.connection').map((e) => (e.payload as EventPayload<'proxy.connection'>).change)).toEqual(['opened', 'closed']);
  });

  it('refuses bad settings and unreadable files, naming them', async () => {
    const { engine, file } = setup();
    const base = { listen: { host: '127.0.0.1', port: 0 }, upstream: 'ws://127.0.0.1:1' };
    await expect(engine.call('proxy.start', { ...base, upstream: 'http://x' })).rejects.toMatchObject({ code: 'bad-args', message: expect.stringContaining('ws:// or wss://') });
    await expect(engine.call('proxy.start', { ...base, pathMode: 'weird' as 'id' })).rejects.toMatchObject({ code: 'bad-args' });
    await expect(engine.call('proxy.start', { ...base, tls: { certFile: file('nope.pem'), keyFile: pki.files.serverKey } })).rejects.toMatchObject({
      code: 'io',
      message: expect.stringContaining(`TLS certificate (--tls-cert) file ${file('nope.pem')}`),
    });
    await expect(engine.call('proxy.start', { ...base, capture: file('no/such/dir/cap.jsonl') })).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('Cannot record to') });
    await expect(engine.call('proxy.start', { ...base, rules: [{ effect: { type: 'teleport' } }] as never })).rejects.toMatchObject({ code: 'bad-args', message: expect.stringContaining('rules: rule 1') });
    await expect(engine.call('proxy.stop', { id: 'proxy_nope' })).rejects.toMatchObject({ code: 'not-found' });
    expect(await engine.call('proxy.list', {})).toEqual([]);
  });
});

describe('recording failure', () => {
  it('stops the proxy loudly and closes every session rather than pass traffic unrecorded', async () => {
    const csms = await rawCsms(cleanups);
    const stopped: Array<{ state: string; reason: string }> = [];
    const p = await startProxy(csms.url, cleanups, { observer: { stopped: (state, reason) => stopped.push({ state, reason }) } });
    const cp = await rawCharger(`${p.url}/CP-DISK`, cleanups);
    await until(() => csms.sockets[0]);
    // The disk goes away under the writer.
    await (p.capture as unknown as { handle: { close(): Promise<void> } }).handle.close();
    cp.ws.send('[2,"h1","Heartbeat",{}]');
    await until(() => stopped[0], 3000, 'proxy stopped');
    expect(stopped[0]!.state).toBe('failed');
    expect(stopped[0]!.reason).toMatch(/Recording to .* failed.*no traffic passes unrecorded/);
    await until(() => cp.closes[0]);
    expect(cp.closes[0]!.code).toBe(1011);
    expect(p.proxy.info()).toMatchObject({ state: 'failed' });
    await expect(rawCharger(`${p.url}/CP-LATE`, [])).rejects.toThrow();
  });
});
