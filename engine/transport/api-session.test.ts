import { afterEach, describe, expect, test, vi } from 'vitest';
import type { EventBatchMessage } from '../../api/transport';
import { createEngine, type Engine } from '../engine';
import { ApiSession } from './api-session';

let engine: Engine | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await engine?.close();
  engine = undefined;
});

function setup(batchMs = 16) {
  engine = createEngine();
  const sent: EventBatchMessage[] = [];
  const session = new ApiSession(engine, { send: (batch) => sent.push(batch), batchMs });
  return { engine, session, sent };
}

describe('ApiSession', () => {
  test('runs a command and answers with its result as data', async () => {
    const { session } = setup();
    const reply = await session.handle({ id: 7, name: 'engine.info', args: {} });
    expect(reply).toMatchObject({ id: 7, ok: true, result: { tool: 'ocpp-bench' } });
  });

  test('an unknown command is an unknown-command error, returned as data', async () => {
    const { session } = setup();
    const reply = await session.handle({ id: 1, name: 'no.such', args: {} });
    expect(reply).toEqual({ id: 1, ok: false, error: { code: 'unknown-command', message: expect.stringContaining('no.such') } });
  });

  test('a handler error keeps its code', async () => {
    const { session } = setup();
    const reply = await session.handle({ id: 2, name: 'frames.detail', args: { index: 5 } });
    expect(reply).toMatchObject({ id: 2, ok: false, error: { code: 'not-found' } });
  });

  test.each([
    ['not an object', 'hello', null],
    ['an array', [1, 2], null],
    ['no id', { name: 'engine.info', args: {} }, null],
    ['a fractional id', { id: 1.5, name: 'engine.info' }, null],
    ['no name', { id: 3, args: {} }, 3],
    ['bad subscriptions', { id: 4, subscriptions: 'traffic.frames' }, 4],
  ])('a malformed message (%s) is a bad-args error as data', async (_what, message, id) => {
    const { session } = setup();
    const reply = await session.handle(message);
    expect(reply).toMatchObject({ id, ok: false, error: { code: 'bad-args', message: expect.stringMatching(/^Bad api message/) } });
  });

  test('forwards only subscribed events, many in one batch', async () => {
    vi.useFakeTimers();
    const { engine, session, sent } = setup(20);
    expect(await session.handle({ id: 1, subscriptions: ['engine.alert'] })).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i++) engine.bus.alert('info', 'test', `alert ${i}`);
    engine.bus.emit('traffic.reset', { reason: 'not subscribed' });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.events.map((e) => e.event)).toEqual(Array(5).fill('engine.alert'));
    expect(sent[0]!.events.map((e) => (e.payload as { message: string }).message)).toEqual(['alert 0', 'alert 1', 'alert 2', 'alert 3', 'alert 4']);
  });

  test('a new subscription set replaces the old one', async () => {
    vi.useFakeTimers();
    const { engine, session, sent } = setup();
    await session.handle({ id: 1, subscriptions: ['engine.alert', 'traffic.reset'] });
    await session.handle({ id: 2, subscriptions: ['traffic.reset'] });
    expect(session.subscribed()).toEqual(['traffic.reset']);
    engine.bus.alert('info', 'test', 'dropped');
    engine.bus.emit('traffic.reset', { reason: 'kept' });
    vi.advanceTimersByTime(16);
    expect(sent.flatMap((b) => b.events)).toEqual([{ event: 'traffic.reset', payload: { reason: 'kept' } }]);
  });

  test('close unsubscribes and drops what was not sent', async () => {
    vi.useFakeTimers();
    const { engine, session, sent } = setup();
    await session.handle({ id: 1, subscriptions: ['engine.alert'] });
    engine.bus.alert('info', 'test', 'pending');
    session.close();
    engine.bus.alert('info', 'test', 'after close');
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([]);
    expect(await session.handle({ id: 2, name: 'engine.info', args: {} })).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });
});
