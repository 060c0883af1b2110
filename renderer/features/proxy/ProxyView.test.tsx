// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/errors';
import type { FaultRule, FaultRuleInfo, ProxyInfo, ProxySettings } from '../../../api/proxy';
import { createFakeClient } from '../../api/fake-client';
import { failOnConsoleProblems } from '../testing/console-guard';
import { renderWithStores } from '../testing/render-app';
import { ProxyView } from './ProxyView';

afterEach(cleanup);
failOnConsoleProblems();

const describeRule = (rule: FaultRule, id = 'r1'): FaultRuleInfo => ({
  id: rule.id ?? id,
  rule,
  description: `${rule.effect.type} ${JSON.stringify(rule.match ?? {})}`,
  applied: 0,
});

function proxyInfo(settings: ProxySettings, rules: FaultRuleInfo[] = []): ProxyInfo {
  return {
    id: 'prx_1',
    url: `ws://${settings.listen.host}:41000`,
    upstream: settings.upstream,
    pathMode: settings.pathMode ?? 'id',
    chargerTls: 'none',
    upstreamClientCert: false,
    redact: true,
    state: 'running',
    started: '2026-01-01T00:00:00.000Z',
    openSessions: 0,
    totalSessions: 0,
    failedConnections: 0,
    pressureEvents: 0,
    rules,
  };
}

function proxyClient() {
  let rules: FaultRuleInfo[] = [];
  return createFakeClient({
    'proxy.list': () => [],
    'proxy.start': (settings) => {
      if (settings.listen.port === 1) throw new ApiError('conflict', 'listen EADDRINUSE 127.0.0.1:1');
      return proxyInfo(settings);
    },
    'proxy.stop': () => ({ ...proxyInfo({ listen: { host: '127.0.0.1', port: 0 }, upstream: 'ws://csms' }), state: 'stopped' }),
    'proxy.rules.check': ({ rules: checked }) => checked.map((r) => describeRule(r)),
    'proxy.rules.add': ({ rule }) => (rules = [...rules, describeRule(rule, `r${rules.length + 1}`)]),
    'proxy.rules.remove': ({ ruleId }) => (rules = rules.filter((r) => r.id !== ruleId)),
  });
}

async function startProxy(port = '0') {
  const client = proxyClient();
  const rendered = renderWithStores(<ProxyView />, client);
  fireEvent.change(screen.getByTestId('proxy-host'), { target: { value: '127.0.0.1' } });
  fireEvent.change(screen.getByTestId('proxy-port'), { target: { value: port } });
  fireEvent.change(screen.getByTestId('proxy-upstream'), { target: { value: 'ws://127.0.0.1:9999/ocpp' } });
  await act(async () => fireEvent.click(screen.getByTestId('proxy-start')));
  return { client, ...rendered };
}

describe('proxy view', () => {
  it('refuses an incomplete form field by field without calling the engine', async () => {
    const client = proxyClient();
    renderWithStores(<ProxyView />, client);
    fireEvent.click(screen.getByTestId('proxy-start'));
    expect(await screen.findByText(/the CSMS address/)).toBeTruthy();
    expect(client.callsTo('proxy.start')).toHaveLength(0);
  });

  it('starts a proxy with the settings typed and shows where chargers connect', async () => {
    const { client } = await startProxy();
    expect(client.callsTo('proxy.start')[0]).toEqual({ listen: { host: '127.0.0.1', port: 0 }, upstream: 'ws://127.0.0.1:9999/ocpp', pathMode: 'id', redact: true });
    expect((await screen.findByTestId('proxy-url')).textContent).toBe('ws://127.0.0.1:41000');
  });

  it('shows why the engine refused to start', async () => {
    await startProxy('1');
    expect((await screen.findByTestId('proxy-start-error')).textContent).toContain('EADDRINUSE');
  });

  it('explains a rule as it is composed, adds it and removes it', async () => {
    const { client } = await startProxy();
    fireEvent.change(screen.getByTestId('rule-action'), { target: { value: 'Heartbeat' } });
    fireEvent.change(screen.getByTestId('rule-effect'), { target: { value: 'drop' } });
    await waitFor(() => expect(screen.getByTestId('rule-preview').textContent).toBe('drop {"action":"Heartbeat"}'));
    await act(async () => fireEvent.click(screen.getByTestId('rule-add')));
    const list = await screen.findByTestId('rule-list');
    expect(within(list).getByTestId('rule-sentence').textContent).toBe('drop {"action":"Heartbeat"}');
    expect(client.callsTo('proxy.rules.add')[0]).toEqual({ id: 'prx_1', rule: { match: { action: 'Heartbeat' }, effect: { type: 'drop' } } });
    await act(async () => fireEvent.click(within(list).getByTestId('rule-remove')));
    await waitFor(() => expect(screen.queryByTestId('rule-list')).toBeNull());
  });

  it('follows proxy.status events (a proxy that failed says why)', async () => {
    const { client } = await startProxy();
    const failed = { ...proxyInfo({ listen: { host: '127.0.0.1', port: 0 }, upstream: 'ws://127.0.0.1:9999/ocpp' }), state: 'failed' as const, reason: 'the capture could not be written' };
    act(() => client.emit('proxy.status', { proxy: failed }));
    expect((await screen.findByText(/failed: the capture could not be written/)).textContent).toBeTruthy();
    expect(screen.queryByTestId('proxy-stop')).toBeNull();
  });
});
