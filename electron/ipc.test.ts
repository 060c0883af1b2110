import { afterEach, describe, expect, test, vi } from 'vitest';
import type { EventBatchMessage, ReplyMessage } from '../api/transport';
import { IPC_API_CHANNEL, IPC_EVENT_CHANNEL, IPC_HOST_CHANNEL } from '../api/transport';
import { createEngine, type Engine } from '../engine/engine';
import { isAppUrl } from './app-protocol';
import { HostApi } from './host-events';
import { bindApi, bindHost, runHostRequest, trustOwnPages, type HostHelpers, type InvokeEventLike, type IpcMainLike, type SenderLike } from './ipc';

/** ipcMain as the binding sees it: handlers by channel, invoked by the test. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(handler(event, ...args));
  }
}

class FakeSender implements SenderLike {
  sent: Array<{ channel: string; args: unknown[] }> = [];
  destroyed = false;
  private onDestroyed: Array<() => void> = [];
  constructor(readonly id: number) {}
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  isDestroyed() {
    return this.destroyed;
  }
  once(_event: 'destroyed', listener: () => void) {
    this.onDestroyed.push(listener);
  }
  destroy() {
    this.destroyed = true;
    for (const l of this.onDestroyed) l();
  }
}

const OWN_PAGE = 'app://bench/index.html';
const event = (sender: FakeSender, url = OWN_PAGE, parent: unknown = null): InvokeEventLike => ({ sender, senderFrame: { url, parent } });

let engine: Engine | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await engine?.close();
  engine = undefined;
});

function setup() {
  engine = createEngine();
  const ipc = new FakeIpcMain();
  const window = new FakeSender(1);
  const unbind = bindApi(ipc, engine, { isTrusted: trustOwnPages(() => [window.id], isAppUrl), batchMs: 10 });
  return { engine, ipc, window, unbind };
}

describe('bindApi', () => {
  test('one channel carries every command; results and errors come back as data', async () => {
    const { ipc, window } = setup();
    expect([...ipc.handlers.keys()]).toEqual([IPC_API_CHANNEL]);
    const ok = (await ipc.invoke(IPC_API_CHANNEL, event(window), { id: 1, name: 'engine.info', args: {} })) as ReplyMessage;
    expect(ok).toMatchObject({ id: 1, ok: true, result: { tool: 'ocpp-bench' } });
    const unknown = (await ipc.invoke(IPC_API_CHANNEL, event(window), { id: 2, name: 'nope', args: {} })) as ReplyMessage;
    expect(unknown).toEqual({ id: 2, ok: false, error: { code: 'unknown-command', message: expect.stringContaining('nope') } });
    const bad = (await ipc.invoke(IPC_API_CHANNEL, event(window), 'not a message')) as ReplyMessage;
    expect(bad).toMatchObject({ id: null, ok: false, error: { code: 'bad-args' } });
  });

  test.each([
    ['another window', new FakeSender(2), OWN_PAGE, null],
    ['a page that navigated elsewhere', new FakeSender(1), 'https://example.com/', null],
    ['a file:// page', new FakeSender(1), 'file:///etc/passwd', null],
    ['an iframe in our window', new FakeSender(1), OWN_PAGE, { url: OWN_PAGE }],
  ])('refuses %s with a forbidden error, without running the command', async (_what, sender, url, parent) => {
    const { ipc, engine } = setup();
    const spy = vi.spyOn(engine, 'call');
    const reply = (await ipc.invoke(IPC_API_CHANNEL, event(sender, url, parent), { id: 5, name: 'traffic.clear', args: {} })) as ReplyMessage;
    expect(reply).toMatchObject({ id: 5, ok: false, error: { code: 'forbidden' } });
    expect(spy).not.toHaveBeenCalled();
  });

  test('forwards the subscribed events to the page on one channel, batched', async () => {
    vi.useFakeTimers();
    const { ipc, window, engine } = setup();
    await ipc.invoke(IPC_API_CHANNEL, event(window), { id: 1, subscriptions: ['engine.alert'] });
    engine.bus.alert('error', 'proxy', 'listener failed');
    engine.bus.alert('info', 'proxy', 'listening');
    engine.bus.emit('traffic.reset', { reason: 'not subscribed' });
    vi.advanceTimersByTime(10);
    expect(window.sent).toHaveLength(1);
    expect(window.sent[0]!.channel).toBe(IPC_EVENT_CHANNEL);
    const batch = window.sent[0]!.args[0] as EventBatchMessage;
    expect(batch.events.map((e) => (e.payload as { message: string }).message)).toEqual(['listener failed', 'listening']);
  });

  test('host events (menu choices) travel the same way as engine events', async () => {
    vi.useFakeTimers();
    engine = createEngine();
    const host = new HostApi(engine);
    const ipc = new FakeIpcMain();
    const window = new FakeSender(1);
    bindApi(ipc, host, { isTrusted: () => true, batchMs: 10 });
    await ipc.invoke(IPC_API_CHANNEL, event(window), { id: 1, subscriptions: ['host.menu', 'engine.alert'] });
    host.emit('host.menu', { action: 'open-capture', path: '/tmp/a.jsonl' });
    engine.bus.alert('info', 'x', 'y');
    vi.advanceTimersByTime(10);
    const events = (window.sent[0]!.args[0] as EventBatchMessage).events;
    expect(events.map((e) => e.event)).toEqual(['host.menu', 'engine.alert']);
    expect(events[0]!.payload).toEqual({ action: 'open-capture', path: '/tmp/a.jsonl' });
  });

  test('a destroyed page stops receiving; unbinding removes the channel', async () => {
    vi.useFakeTimers();
    const { ipc, window, engine, unbind } = setup();
    await ipc.invoke(IPC_API_CHANNEL, event(window), { id: 1, subscriptions: ['engine.alert'] });
    window.destroy();
    engine.bus.alert('info', 'x', 'after');
    vi.advanceTimersByTime(50);
    expect(window.sent).toEqual([]);
    unbind();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('bindHost', () => {
  const helpers = (): HostHelpers & { log: unknown[] } => {
    const log: unknown[] = [];
    return {
      log,
      openFile: async (o) => (log.push(['open', o]), '/data/capture.jsonl'),
      saveFile: async () => undefined,
      savePdf: async (o) => (log.push(['pdf', o.html.length]), '/out/report.pdf'),
      showItemInFolder: async (p) => void log.push(['show', p]),
    };
  };

  test('runs OS helpers for our page; cancelled dialogs answer null', async () => {
    const ipc = new FakeIpcMain();
    const h = helpers();
    bindHost(ipc, h, { isTrusted: trustOwnPages(() => [1], isAppUrl) });
    const window = new FakeSender(1);
    expect(await ipc.invoke(IPC_HOST_CHANNEL, event(window), { op: 'openFile', options: { title: 'Open', filters: [{ name: 'C', extensions: ['jsonl'] }] } })).toEqual({ ok: true, result: '/data/capture.jsonl' });
    expect(await ipc.invoke(IPC_HOST_CHANNEL, event(window), { op: 'saveFile', options: {} })).toEqual({ ok: true, result: null });
    expect(await ipc.invoke(IPC_HOST_CHANNEL, event(new FakeSender(9)), { op: 'showItemInFolder', path: '/x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(h.log).toEqual([['open', { title: 'Open', filters: [{ name: 'C', extensions: ['jsonl'] }] }]]);
  });

  test('validates what the page asks for', async () => {
    const h = helpers();
    expect(await runHostRequest(h, null)).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    expect(await runHostRequest(h, { op: 'rm -rf' })).toMatchObject({ ok: false, error: { code: 'bad-args', message: expect.stringContaining('rm -rf') } });
    expect(await runHostRequest(h, { op: 'savePdf', options: {} })).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    expect(await runHostRequest(h, { op: 'showItemInFolder' })).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    // Unknown dialog fields are dropped, not passed to the OS.
    await runHostRequest(h, { op: 'openFile', options: { title: 'T', properties: ['openDirectory', 'multiSelections'], filters: [{ name: 1 }] } });
    expect(h.log).toEqual([['open', { title: 'T', filters: [] }]]);
  });

  test('a helper that throws answers error data', async () => {
    const h = { ...helpers(), savePdf: async () => Promise.reject(new Error('disk full')) };
    expect(await runHostRequest(h, { op: 'savePdf', options: { html: '<p>x</p>' } })).toEqual({ ok: false, error: { code: 'internal', message: 'disk full' } });
  });
});
