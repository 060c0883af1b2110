// The simulator through the engine's api (the way the UI, the CLI and scripts reach it).
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import type { SimChargerSummary } from '../../api/sim';
import { createEngine, type Engine } from '../engine';
import { expandIds } from './fleet';
import { parseSimScript } from './script';
import { startEndpointCsms, until } from './testing/endpoint-csms';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup(): Promise<{ engine: Engine; url: string; received: Awaited<ReturnType<typeof startEndpointCsms>>['received'] }> {
  const csms = await startEndpointCsms('1.6');
  cleanups.push(() => csms.stop());
  const engine = createEngine();
  cleanups.push(() => engine.close());
  return { engine, url: csms.url, received: csms.received };
}

describe('charger ids from a pattern', () => {
  it('numbers, pads, appends, and refuses clashes', () => {
    expect(expandIds('CP1', 1)).toEqual(['CP1']);
    expect(expandIds('CP{n}', 3)).toEqual(['CP1', 'CP2', 'CP3']);
    expect(expandIds('SITE-{n:3}', 2)).toEqual(['SITE-001', 'SITE-002']);
    expect(expandIds('CP', 2)).toEqual(['CP-1', 'CP-2']);
    expect(() => expandIds('', 1)).toThrow(/empty/);
  });
});

describe('scripts', () => {
  it('parses YAML and JSON and names the faulty step', () => {
    const yaml = parseSimScript('- action: plugIn\n- action: presentIdToken\n  idToken: T1\n- waitFor: { status: Charging }\n- wait: 5\n', 'drive.yaml');
    expect(yaml).toEqual([{ action: 'plugIn' }, { action: 'presentIdToken', idToken: 'T1' }, { waitFor: { status: 'Charging' } }, { wait: 5 }]);
    expect(parseSimScript('[{"action":"unplug","connectorId":2}]', 'x.json')).toEqual([{ action: 'unplug', connectorId: 2 }]);
    expect(() => parseSimScript('- action: dance\n', 'bad.yaml')).toThrow(/bad.yaml step 1: unknown action "dance"/);
    expect(() => parseSimScript('- action: presentIdToken\n', 'bad.yaml')).toThrow(/needs an idToken/);
    expect(() => parseSimScript('- wait: soon\n', 'bad.yaml')).toThrow(/wait must be a number/);
    expect(() => parseSimScript('{ a: 1 }', 'bad.yaml')).toThrow(/a list of steps/);
  });
});

describe('sim.* commands', () => {
  it('lists behaviours, refuses bad arguments precisely', async () => {
    const { engine, url } = await setup();
    const all = await engine.call('sim.behaviours', {});
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect((await engine.call('sim.behaviours', { version: '2.0.1' })).every((b) => b.versions.includes('2.0.1'))).toBe(true);
    const bad = async (args: Record<string, unknown>) => engine.call('sim.start', args as never).then(() => undefined, (e: unknown) => e);
    expect(await bad({ url: 'http://x', id: 'A', version: '1.6' })).toMatchObject({ code: 'bad-args', message: expect.stringMatching(/ws:\/\/ or wss:\/\//) });
    expect(await bad({ url, id: 'A', version: '1.5' })).toMatchObject({ code: 'bad-args' });
    expect(await bad({ url, id: 'A', version: '1.6', behaviours: ['no-such-thing'] })).toMatchObject({ code: 'bad-args', message: expect.stringMatching(/Unknown behaviour "no-such-thing"/) });
    expect(await bad({ url, id: 'A', version: '1.6', behaviours: ['tx-seqno-gap'] })).toMatchObject({ code: 'bad-args', message: expect.stringMatching(/does not apply to OCPP 1.6/) });
    expect(await bad({ url, id: 'A', version: '1.6', tls: { caFile: '/no/such/file.pem' } })).toMatchObject({ code: 'io' });
    expect(await bad({ url, id: 'A', version: '1.6', script: [{ action: 'fly' }] })).toMatchObject({ code: 'bad-args', message: expect.stringMatching(/script step 1/) });
    expect(await bad({ url, id: 'A', version: '1.6', count: 0 })).toMatchObject({ code: 'bad-args' });
  });

  it('starts several chargers, drives one, reports state and events, stops with final states', async () => {
    const { engine, url, received } = await setup();
    const events: SimChargerSummary[] = [];
    engine.on('sim.chargers', ({ chargers }) => events.push(...chargers));
    const { ids } = await engine.call('sim.start', { url, id: 'API-{n}', version: '1.6', count: 3, timeScale: 0.05, connectors: 2 });
    expect(ids).toEqual(['API-1', 'API-2', 'API-3']);
    await expect(engine.call('sim.start', { url, id: 'API-2', version: '1.6' })).rejects.toMatchObject({ code: 'conflict' });
    await until(async () => (await engine.call('sim.list', {})).every((c) => c.registration === 'accepted'));
    await until(() => (events.length > 0 ? true : undefined));
    await engine.call('sim.operator', { id: 'API-2', action: 'plugIn', connectorId: 2 });
    await engine.call('sim.operator', { id: 'API-2', action: 'presentIdToken', idToken: 'CARD', connectorId: 2 });
    await until(() => received.some((r) => r.action === 'StartTransaction'));
    const state = await engine.call('sim.state', { id: 'API-2' });
    expect(state.connectors[1]).toMatchObject({ status: 'Charging', transaction: { idToken: 'CARD' } });
    expect(state.stats.sent['StartTransaction']).toBe(1);
    expect(state.configuration?.find((k) => k.key === 'NumberOfConnectors')?.value).toBe('2');
    await expect(engine.call('sim.operator', { id: 'API-2', action: 'plugIn', connectorId: 5 })).rejects.toMatchObject({ code: 'bad-args' });
    await expect(engine.call('sim.state', { id: 'nope' })).rejects.toBeInstanceOf(ApiError);
    const played = await engine.call('sim.play', { id: 'API-2', script: [{ action: 'presentIdToken', idToken: 'CARD', connectorId: 2 }, { waitFor: { status: 'Finishing', connectorId: 2, timeout: 30 } }, { action: 'unplug', connectorId: 2 }] });
    expect(played).toEqual({ steps: 3 });
    const stopped = await engine.call('sim.stop', { ids: ['API-2'] });
    expect(stopped.stopped).toEqual(['API-2']);
    expect(stopped.states[0]!.connection).toBe('stopped');
    expect(stopped.states[0]!.findings.error).toBe(0);
    expect((await engine.call('sim.list', {})).map((c) => c.id)).toEqual(['API-1', 'API-3']);
    const rest = await engine.call('sim.stop', {});
    expect(rest.stopped.sort()).toEqual(['API-1', 'API-3']);
    expect(events.some((e) => e.id === 'API-2')).toBe(true);
  });
});
