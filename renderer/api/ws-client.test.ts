import { afterEach, describe, expect, test, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import type { ClientMessage, HostMessage } from '../../api/transport';
import { createWsClient, type SocketLike } from './ws-client';

/** A socket the test drives: what the client sent, and the host's side by hand. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: ClientMessage[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({});
  }
  reply(message: HostMessage) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  /** Answers every call sent so far with `result(name)`. */
  answerAll(result: (name: string) => unknown) {
    for (const m of this.sent) if ('name' in m) this.reply({ id: m.id, ok: true, result: result(m.name) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const client = createWsClient({
    url: 'ws://127.0.0.1:1/api?token=t',
    socket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    reconnect: { minMs: 100, maxMs: 400 },
  });
  const last = () => sockets[sockets.length - 1]!;
  return { client, sockets, last };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('WebSocket client', () => {
  test('a call made before the socket opens goes out when it opens, and resolves with the result', async () => {
    const { client, last } = setup();
    expect(client.connection()).toBe('connecting');
    const info = client.call('engine.info', {});
    expect(last().sent).toEqual([]);
    last().open();
    expect(client.connection()).toBe('open');
    expect(last().sent).toEqual([{ id: expect.any(Number), name: 'engine.info', args: {} }]);
    last().answerAll(() => ({ tool: 'ocpp-bench', version: '0.1.0', ocppVersions: ['1.6'] }));
    await expect(info).resolves.toEqual({ tool: 'ocpp-bench', version: '0.1.0', ocppVersions: ['1.6'] });
  });

  test('error data comes back as an ApiError with its code and details', async () => {
    const { client, last } = setup();
    last().open();
    const call = client.call('frames.detail', { index: 9 });
    const sent = last().sent[0] as { id: number };
    last().reply({ id: sent.id, ok: false, error: { code: 'not-found', message: 'no frame 9', details: { index: 9 } } });
    const err = await call.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'not-found', message: 'no frame 9', details: { index: 9 } });
  });

  test('calls in flight are rejected with unreachable when the connection drops', async () => {
    vi.useFakeTimers();
    const { client, last } = setup();
    last().open();
    const call = client.call('sessions.list', {});
    last().drop();
    await expect(call).rejects.toMatchObject({ code: 'unreachable', message: expect.stringContaining('sessions.list') });
    expect(client.connection()).toBe('reconnecting');
  });

  test('reconnects with growing delays and re-sends its subscriptions first', async () => {
    vi.useFakeTimers();
    const { client, sockets, last } = setup();
    const seen: string[] = [];
    client.onConnection((s) => seen.push(s));
    client.on('engine.alert', () => undefined);
    last().open();
    expect(last().sent).toEqual([{ id: expect.any(Number), subscriptions: ['engine.alert'] }]);

    last().drop();
    vi.advanceTimersByTime(99);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    last().drop(); // a failed attempt: the next waits twice as long
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    const queued = client.call('engine.info', {});
    last().open();
    expect(last().sent.map((m) => ('subscriptions' in m ? 'subscriptions' : m.name))).toEqual(['subscriptions', 'engine.info']);
    last().answerAll(() => ({ tool: 'x', version: '1', ocppVersions: [] }));
    await expect(queued).resolves.toMatchObject({ tool: 'x' });
    expect(seen).toEqual(['open', 'reconnecting', 'open']);
  });

  test('a call waiting for a connection that fails is rejected, not left hanging', async () => {
    vi.useFakeTimers();
    const { client, last } = setup();
    const call = client.call('engine.info', {});
    last().drop();
    await expect(call).rejects.toMatchObject({ code: 'unreachable' });
  });

  test('events in a batch reach their listeners in order; a failing listener does not stop the others', () => {
    const errors: string[] = [];
    const sockets: FakeSocket[] = [];
    const client = createWsClient({
      url: 'ws://x/api?token=t',
      socket: (url) => {
        sockets.push(new FakeSocket(url));
        return sockets[0]!;
      },
      onListenerError: (_err, event) => errors.push(event),
    });
    sockets[0]!.open();
    const got: string[] = [];
    client.on('engine.alert', () => {
      throw new Error('boom');
    });
    client.on('engine.alert', (a) => got.push(a.message));
    client.on('traffic.reset', (r) => got.push(r.reason));
    sockets[0]!.reply({
      events: [
        { event: 'engine.alert', payload: { severity: 'info', source: 's', message: 'one' } },
        { event: 'traffic.reset', payload: { reason: 'two' } },
        { event: 'engine.alert', payload: { severity: 'info', source: 's', message: 'three' } },
      ],
    });
    expect(got).toEqual(['one', 'two', 'three']);
    expect(errors).toEqual(['engine.alert', 'engine.alert']);
  });

  test('subscriptions follow the listeners: added on the first, dropped with the last', () => {
    const { client, last } = setup();
    last().open();
    const off1 = client.on('engine.alert', () => undefined);
    const off2 = client.on('engine.alert', () => undefined);
    const off3 = client.on('traffic.frames', () => undefined);
    off1();
    off2();
    off3();
    off3(); // twice is harmless
    const sets = last().sent.filter((m) => 'subscriptions' in m).map((m) => (m as { subscriptions: string[] }).subscriptions);
    expect(sets).toEqual([['engine.alert'], ['engine.alert', 'traffic.frames'], ['traffic.frames'], []]);
  });

  test('close rejects what is pending, stops reconnecting and refuses new calls', async () => {
    vi.useFakeTimers();
    const { client, sockets, last } = setup();
    last().open();
    const call = client.call('engine.info', {});
    client.close();
    await expect(call).rejects.toMatchObject({ code: 'unreachable' });
    await expect(client.call('engine.info', {})).rejects.toMatchObject({ code: 'unreachable' });
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
    expect(client.connection()).toBe('closed');
  });
});
