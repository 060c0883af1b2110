// The preload against a stand-in for Electron's renderer modules: what it exposes, what it
// sends on which channel, and how events reach the page's listeners.
import { beforeAll, expect, test, vi } from 'vitest';
import type { HostBridge } from '../api/host';
import { IPC_API_CHANNEL, IPC_EVENT_CHANNEL, IPC_HOST_CHANNEL } from '../api/transport';

const exposed = new Map<string, unknown>();
const invoked: Array<{ channel: string; message: unknown }> = [];
const ipcListeners = new Map<string, (event: unknown, payload: unknown) => void>();
let answer: (channel: string, message: unknown) => unknown = () => ({ id: 0, ok: true, result: null });

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, message: unknown) => {
      invoked.push({ channel, message });
      return answer(channel, message);
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => ipcListeners.set(channel, listener),
  },
  webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
}));

let bridge: HostBridge;
beforeAll(async () => {
  await import('./preload');
  bridge = exposed.get('ocppBench') as HostBridge;
});

test('exposes exactly call, on and the OS helpers under window.ocppBench', () => {
  expect([...exposed.keys()]).toEqual(['ocppBench']);
  expect(Object.keys(bridge).sort()).toEqual(['call', 'on', 'openFile', 'pathForFile', 'saveFile', 'savePdf', 'showItemInFolder']);
});

test('every command goes over the one api channel and comes back as data', async () => {
  answer = (_channel, message) => {
    const m = message as { id: number; name: string };
    return m.name === 'engine.info' ? { id: m.id, ok: true, result: { tool: 'ocpp-bench' } } : { id: m.id, ok: false, error: { code: 'unknown-command', message: 'no' } };
  };
  invoked.length = 0;
  expect(await bridge.call('engine.info', {})).toEqual({ ok: true, result: { tool: 'ocpp-bench' } });
  expect(await bridge.call('x.y', { a: 1 })).toEqual({ ok: false, error: { code: 'unknown-command', message: 'no' } });
  expect(invoked.map((i) => i.channel)).toEqual([IPC_API_CHANNEL, IPC_API_CHANNEL]);
  expect(invoked[1]!.message).toMatchObject({ name: 'x.y', args: { a: 1 } });
});

test('listening announces the subscription set; batches reach the right listeners', () => {
  invoked.length = 0;
  const got: unknown[] = [];
  const off = bridge.on('engine.alert', (p) => got.push(p));
  const offOther = bridge.on('traffic.reset', () => got.push('reset'));
  const subscriptionSets = () => invoked.filter((i) => i.channel === IPC_API_CHANNEL).map((i) => (i.message as { subscriptions: string[] }).subscriptions);
  expect(subscriptionSets()).toEqual([['engine.alert'], ['engine.alert', 'traffic.reset']]);
  ipcListeners.get(IPC_EVENT_CHANNEL)!({}, { events: [{ event: 'engine.alert', payload: { message: 'a' } }, { event: 'traffic.reset', payload: {} }, { event: 'other', payload: 1 }] });
  expect(got).toEqual([{ message: 'a' }, 'reset']);
  off();
  offOther();
  expect(subscriptionSets().at(-1)).toEqual([]);
});

test('OS helpers use the host channel; a cancelled dialog is undefined; failures reject', async () => {
  answer = (channel, message) => {
    if (channel !== IPC_HOST_CHANNEL) throw new Error('wrong channel');
    const op = (message as { op: string }).op;
    if (op === 'openFile') return { ok: true, result: '/captures/a.jsonl' };
    if (op === 'saveFile') return { ok: true, result: null };
    return { ok: false, error: { code: 'internal', message: 'disk full' } };
  };
  expect(await bridge.openFile({ title: 'Open' })).toBe('/captures/a.jsonl');
  expect(await bridge.saveFile({})).toBeUndefined();
  await expect(bridge.savePdf({ html: '<p>r</p>' })).rejects.toThrow('disk full');
  expect(bridge.pathForFile({ name: 'x.jsonl' })).toBe('/dropped/x.jsonl');
});
