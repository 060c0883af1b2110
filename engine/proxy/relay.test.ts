// The relay with raw WebSocket peers: close codes, abrupt drops on each side, frames that
// are not OCPP-J, pings per hop, and back-pressure.
import { afterEach, describe, expect, it } from 'vitest';
import { framesOf, rawCharger, rawCsms, runCleanups, startProxy, until, type Cleanup } from './testing';

const cleanups: Cleanup[] = [];
afterEach(() => runCleanups(cleanups));

async function pair(options: Parameters<typeof startProxy>[2] = {}) {
  const csms = await rawCsms(cleanups);
  const p = await startProxy(csms.url, cleanups, options);
  const cp = await rawCharger(`${p.url}/CP-R`, cleanups);
  const upstream = await until(() => csms.sockets[0]);
  return { csms, p, cp, upstream };
}

describe('closing', () => {
  it('relays a clean close with its code and reason, both ways', async () => {
    const a = await pair();
    a.cp.ws.close(4001, 'charger leaves');
    await until(() => a.csms.closes[0]);
    expect(a.csms.closes[0]).toEqual({ code: 4001, reason: 'charger leaves' });
    await until(() => a.p.proxy.info().openSessions === 0);
    expect((await a.p.records()).at(-1)).toMatchObject({ type: 'close', by: 'charger', how: 'clean', code: 4001, reason: 'charger leaves' });

    const b = await pair();
    b.upstream.close(1012, 'restarting');
    await until(() => b.cp.closes[0]);
    expect(b.cp.closes[0]).toEqual({ code: 1012, reason: 'restarting' });
    await until(() => b.p.proxy.info().openSessions === 0);
    expect((await b.p.records()).at(-1)).toMatchObject({ type: 'close', by: 'csms', how: 'clean', code: 1012 });
  });

  it('when the charger drops abruptly, drops the CSMS leg and says who dropped', async () => {
    const { csms, p, cp } = await pair();
    cp.ws.send('[2,"1","Heartbeat",{}]');
    await until(() => csms.received.length === 1);
    cp.ws.terminate();
    await until(() => csms.closes[0]);
    expect(csms.closes[0]!.code).toBe(1006);
    await until(() => p.proxy.info().openSessions === 0);
    const close = (await p.records()).at(-1);
    expect(close).toMatchObject({ type: 'close', by: 'charger', how: 'abrupt' });
    expect(close).not.toHaveProperty('code');
    expect(p.proxy.sessions()[0]!.reason).toBe('the charger dropped the connection without a close frame');
  });

  it('when the CSMS drops abruptly, drops the charger leg and says who dropped', async () => {
    const { p, cp, upstream } = await pair();
    upstream.terminate();
    await until(() => cp.closes[0]);
    expect(cp.closes[0]!.code).toBe(1006);
    await until(() => p.proxy.info().openSessions === 0);
    expect((await p.records()).at(-1)).toMatchObject({ type: 'close', by: 'csms', how: 'abrupt' });
  });

  it('one session ending never disturbs another', async () => {
    const csms = await rawCsms(cleanups);
    const p = await startProxy(csms.url, cleanups);
    const one = await rawCharger(`${p.url}/CP-A`, cleanups);
    const two = await rawCharger(`${p.url}/CP-B`, cleanups);
    await until(() => csms.sockets.length === 2);
    one.ws.terminate();
    await until(() => p.proxy.info().openSessions === 1);
    two.ws.send('[2,"after","Heartbeat",{}]');
    await until(() => csms.received.some((r) => r.text.includes('after')));
    expect(two.closes).toEqual([]);
  });

  it('stopping the proxy closes both legs with 1001 and flushes the capture', async () => {
    const { csms, p, cp } = await pair();
    await p.proxy.stop();
    await until(() => cp.closes[0] && csms.closes[0]);
    expect(cp.closes[0]!.code).toBe(1001);
    expect(csms.closes[0]!.code).toBe(1001);
    expect((await p.records()).at(-1)).toMatchObject({ type: 'close', by: 'bench', how: 'clean', code: 1001 });
    expect(p.proxy.info().state).toBe('stopped');
  });
});

describe('the first frames', () => {
  it('delivers what the CSMS sends the instant it accepts, before the charger says anything', async () => {
    const greeting = '[2,"t1","TriggerMessage",{"requestedMessage":"BootNotification"}]';
    // Sent in the same breath as the 101: the proxy must not lose it while it wires the charger's leg.
    const csms = await rawCsms(cleanups, 'ocpp1.6', (ws) => ws.send(greeting));
    const p = await startProxy(csms.url, cleanups);
    const cp = await rawCharger(`${p.url}/CP-EARLY`, cleanups);
    await until(() => cp.received[0]);
    expect(cp.received[0]).toEqual({ text: greeting, binary: false });
    expect(framesOf(await p.records())[0]).toMatchObject({ dir: 'csms2cp', text: greeting });
  });
});

describe('frames that are not valid OCPP-J', () => {
  it('forwards them unmodified and flags them in the judged record', async () => {
    const { csms, p, cp } = await pair();
    const broken = ['not json', '[2,"x","Heartbeat",{"bogus":1}]', '{"an":"object"}', '[7,"y",{}]'];
    for (const text of broken) cp.ws.send(text);
    cp.ws.send(Buffer.from([0, 1, 2, 255]), { binary: true });
    await until(() => csms.received.length === 5);
    expect(csms.received.slice(0, 4)).toEqual(broken.map((text) => ({ text, binary: false })));
    expect(csms.received[4]).toEqual({ text: Buffer.from([0, 1, 2, 255]).toString('base64'), binary: true });
    const frames = framesOf(await p.records());
    expect(frames.map((f) => f.text ?? f.binary)).toEqual([...broken, Buffer.from([0, 1, 2, 255]).toString('base64')]);
    expect(frames[4]!.marks).toEqual(['binary']);
    const judged = p.store.query({}).frames;
    expect(judged.map((f) => f.findings.error > 0)).toEqual([true, true, true, true, true]);
    const detail = await p.store.detail(0);
    expect(detail.findings[0]!.rule).toBe('framing.not-json');
  });
});

describe('pings', () => {
  it('answers pings on each hop itself and records them as events', async () => {
    const { p, cp, upstream } = await pair();
    const pongs: string[] = [];
    cp.ws.on('pong', (d: Buffer) => pongs.push(`cp:${d.toString()}`));
    upstream.on('pong', (d: Buffer) => pongs.push(`csms:${d.toString()}`));
    cp.ws.ping('from-charger');
    upstream.ping('from-csms');
    await until(() => pongs.length === 2);
    expect(pongs.sort()).toEqual(['cp:from-charger', 'csms:from-csms']);
    const events = (await p.records()).filter((r) => r.type === 'event');
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dir: 'cp2csms', event: 'ping', data: Buffer.from('from-charger').toString('base64') }),
        expect.objectContaining({ dir: 'csms2cp', event: 'ping', data: Buffer.from('from-csms').toString('base64') }),
      ]),
    );
  });
});

describe('back-pressure', () => {
  it('pauses the charger while the CSMS leg cannot drain, reports it, and loses nothing', async () => {
    const pressure: Array<{ paused: boolean; dir: string }> = [];
    const { csms, p, cp, upstream } = await pair({ highWaterMark: 64 * 1024, observer: { pressure: (e) => pressure.push(e) } });
    // The CSMS stops reading; the kernel buffers fill, then the proxy's send buffer.
    (upstream as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const chunk = `[2,"big","DataTransfer",{"vendorId":"x","data":"${'a'.repeat(256 * 1024)}"}]`;
    for (let i = 0; i < 80; i++) cp.ws.send(chunk.replace('"big"', `"big-${i}"`));
    await until(() => pressure.some((e) => e.paused), 5000, 'pressure reported');
    expect(pressure[0]).toMatchObject({ dir: 'cp2csms', paused: true });
    (upstream as unknown as { _socket: { resume(): void } })._socket.resume();
    await until(() => csms.received.length === 80, 10_000, 'all frames delivered');
    expect(csms.received.map((r) => JSON.parse(r.text)[1])).toEqual(Array.from({ length: 80 }, (_, i) => `big-${i}`));
    await until(() => pressure.some((e) => !e.paused), 3000, 'pressure released');
    expect(p.proxy.info().pressureEvents).toBeGreaterThan(0);
  });
});
