// Each fault-rule effect through a live proxy, with raw peers so every byte is visible, and
// the marks each leaves in the capture.
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../api/proxy';
import { seededRandom } from './prng';
import { framesOf, rawCharger, rawCsms, runCleanups, startProxy, until, type Cleanup } from './testing';

const cleanups: Cleanup[] = [];
afterEach(() => runCleanups(cleanups));

async function withRules(rules: FaultRule[], chargePointId = 'CP-F') {
  const csms = await rawCsms(cleanups);
  const p = await startProxy(csms.url, cleanups, { rules });
  const cp = await rawCharger(`${p.url}/${chargePointId}`, cleanups);
  const upstream = await until(() => csms.sockets[0]);
  return { csms, p, cp, upstream };
}

const HB = (id: string) => `[2,"${id}","Heartbeat",{}]`;
const SN = (id: string) => `[2,"${id}","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]`;

describe('fault rules on the wire', () => {
  it('delay: holds matching frames, keeps later frames of that direction behind them, leaves the other direction alone', async () => {
    const { csms, p, cp, upstream } = await withRules([{ id: 'slow', match: { direction: 'cp2csms', action: 'Heartbeat', messageType: 'CALL' }, effect: { type: 'delay', ms: 150 } }]);
    const t0 = Date.now();
    const arrivals: number[] = [];
    upstream.on('message', () => arrivals.push(Date.now() - t0));
    cp.ws.send(HB('h1'));
    cp.ws.send(SN('s1'));
    upstream.send('[2,"r1","Reset",{"type":"Soft"}]');
    await until(() => cp.received.length === 1);
    expect(csms.received).toEqual([]);
    await until(() => csms.received.length === 2);
    expect(csms.received.map((r) => r.text)).toEqual([HB('h1'), SN('s1')]);
    expect(arrivals[0]).toBeGreaterThanOrEqual(140);
    const frames = framesOf(await p.records());
    const byText = (t: string) => frames.find((f) => f.text === t)!;
    expect(byText(HB('h1'))).toMatchObject({ marks: ['delayed'], why: expect.stringContaining('rule slow: Delays Heartbeat CALLs from the charger to the CSMS by 150 ms') });
    expect(byText(SN('s1'))).toMatchObject({ marks: ['delayed'], why: expect.stringContaining('held back behind a delayed frame') });
    expect(byText('[2,"r1","Reset",{"type":"Soft"}]').marks).toBeUndefined();
  });

  it('drop: does not forward matching frames and records them as dropped', async () => {
    const { csms, p, cp } = await withRules([{ match: { action: 'StatusNotification' }, effect: { type: 'drop' } }]);
    cp.ws.send(SN('s1'));
    cp.ws.send(HB('h1'));
    await until(() => csms.received.length === 1);
    expect(csms.received[0]!.text).toBe(HB('h1'));
    const frames = framesOf(await p.records());
    expect(frames.map((f) => [f.text, f.marks])).toEqual([
      [SN('s1'), ['dropped']],
      [HB('h1'), undefined],
    ]);
  });

  it('duplicate: forwards the frame and its copies, the copies marked', async () => {
    const { csms, p, cp } = await withRules([{ match: { action: 'Heartbeat' }, effect: { type: 'duplicate', copies: 2 } }]);
    cp.ws.send(HB('h1'));
    await until(() => csms.received.length === 3);
    expect(csms.received.map((r) => r.text)).toEqual([HB('h1'), HB('h1'), HB('h1')]);
    expect(framesOf(await p.records()).map((f) => f.marks)).toEqual([undefined, ['duplicated'], ['duplicated']]);
  });

  it('merge: edits the CALLRESULT answering a given action (correlated by the proxy)', async () => {
    const { p, cp, csms, upstream } = await withRules([
      { id: 'reject-boot', match: { direction: 'csms2cp', action: 'BootNotification', messageType: 'CALLRESULT' }, effect: { type: 'merge', fields: { '': { status: 'Rejected' } } } },
    ]);
    cp.ws.send('[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]');
    cp.ws.send(HB('h1'));
    await until(() => csms.received.length === 2);
    upstream.send('[3,"h1",{"currentTime":"2025-01-01T00:00:00.000Z"}]');
    upstream.send('[3,"b1",{"status":"Accepted","currentTime":"2025-01-01T00:00:00.000Z","interval":300}]');
    await until(() => cp.received.length === 2);
    expect(cp.received[0]!.text).toBe('[3,"h1",{"currentTime":"2025-01-01T00:00:00.000Z"}]');
    expect(JSON.parse(cp.received[1]!.text)).toEqual([3, 'b1', { status: 'Rejected', currentTime: '2025-01-01T00:00:00.000Z', interval: 300 }]);
    const frames = framesOf(await p.records());
    expect(frames.at(-1)).toMatchObject({ marks: ['altered'], why: expect.stringContaining('rule reject-boot: Merges {"status":"Rejected"} into the payload of CALLRESULTs answering BootNotification') });
    expect(frames.at(-1)!.text).toBe(cp.received[1]!.text);
  });

  it('replace: sets fields by dotted path and JSON Pointer', async () => {
    const { csms, p, cp } = await withRules([
      { match: { action: 'MeterValues', messageType: 'CALL' }, effect: { type: 'replace', fields: { 'meterValue.0.sampledValue.0.value': '-1', '/connectorId': 7 } } },
    ]);
    cp.ws.send('[2,"m1","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2025-01-01T00:00:00Z","sampledValue":[{"value":"100"}]}]}]');
    await until(() => csms.received.length === 1);
    expect(JSON.parse(csms.received[0]!.text)).toEqual([2, 'm1', 'MeterValues', { connectorId: 7, meterValue: [{ timestamp: '2025-01-01T00:00:00Z', sampledValue: [{ value: '-1' }] }] }]);
    expect(framesOf(await p.records())[0]!.marks).toEqual(['altered']);
  });

  it('answer: replies to a CALL with a CALLRESULT on the CSMS\'s behalf without forwarding it', async () => {
    const { csms, p, cp } = await withRules([
      { match: { direction: 'cp2csms', action: 'Heartbeat' }, effect: { type: 'answer', result: { currentTime: '2030-01-01T00:00:00.000Z' } } },
    ]);
    cp.ws.send(HB('h1'));
    cp.ws.send(SN('s1'));
    await until(() => cp.received.length === 1 && csms.received.length === 1);
    expect(cp.received[0]!.text).toBe('[3,"h1",{"currentTime":"2030-01-01T00:00:00.000Z"}]');
    expect(csms.received[0]!.text).toBe(SN('s1'));
    const frames = framesOf(await p.records());
    expect(frames.map((f) => [f.dir, f.marks])).toEqual([
      ['cp2csms', ['dropped']],
      ['csms2cp', ['injected']],
      ['cp2csms', undefined],
    ]);
    // The judge pairs the injected answer with the CALL it answers.
    expect(p.store.query({}).frames[1]).toMatchObject({ kind: 'CALLRESULT', action: 'Heartbeat' });
  });

  it('answer: replies to a CSMS CALL with a CALLERROR on the charger\'s behalf', async () => {
    const { p, cp, csms, upstream } = await withRules([
      { match: { direction: 'csms2cp', action: 'Reset' }, effect: { type: 'answer', error: { code: 'NotSupported', description: 'not today' } } },
    ]);
    upstream.send('[2,"r1","Reset",{"type":"Hard"}]');
    await until(() => csms.received.length === 1);
    expect(csms.received[0]!.text).toBe('[4,"r1","NotSupported","not today",{}]');
    expect(cp.received).toEqual([]);
    expect(framesOf(await p.records()).map((f) => f.marks)).toEqual([['dropped'], ['injected']]);
  });

  it('close: closes both legs with the code instead of forwarding the frame', async () => {
    const { csms, p, cp } = await withRules([{ match: { action: 'Authorize' }, effect: { type: 'close', code: 4002, reason: 'injected fault' } }]);
    cp.ws.send('[2,"a1","Authorize",{"idTag":"TAG"}]');
    await until(() => cp.closes[0] && csms.closes[0]);
    expect(cp.closes[0]).toEqual({ code: 4002, reason: 'injected fault' });
    expect(csms.closes[0]).toEqual({ code: 4002, reason: 'injected fault' });
    expect(csms.received).toEqual([]);
    await until(() => p.proxy.info().openSessions === 0);
    const records = await p.records();
    expect(framesOf(records)[0]!.marks).toEqual(['dropped']);
    expect(records.at(-1)).toMatchObject({ type: 'close', by: 'bench', how: 'clean', code: 4002 });
  });

  it('count and probability: a seeded rule acts on the same frames every run, and stops after its count', async () => {
    const rule: FaultRule = { match: { action: 'Heartbeat' }, effect: { type: 'drop' }, probability: 0.5, seed: 7, count: 3 };
    const random = seededRandom(7);
    const expected: string[] = [];
    let dropped = 0;
    for (let i = 0; i < 20; i++) {
      if (dropped < 3 && random() < 0.5) dropped++;
      else expected.push(`h${i}`);
    }
    for (let run = 0; run < 2; run++) {
      const { csms, p, cp } = await withRules([rule], `CP-${run}`);
      for (let i = 0; i < 20; i++) cp.ws.send(HB(`h${i}`));
      await until(() => csms.received.length === 17);
      expect(csms.received.map((r) => JSON.parse(r.text)[1])).toEqual(expected);
      expect(p.proxy.ruleList()[0]).toMatchObject({ applied: 3, remaining: 0 });
    }
  });

  it('matches charge points by glob', async () => {
    const csms = await rawCsms(cleanups);
    const p = await startProxy(csms.url, cleanups, { rules: [{ match: { chargePointId: 'CP-A*' }, effect: { type: 'drop' } }] });
    const a = await rawCharger(`${p.url}/CP-A1`, cleanups);
    const b = await rawCharger(`${p.url}/CP-B1`, cleanups);
    a.ws.send(HB('from-a'));
    b.ws.send(HB('from-b'));
    await until(() => csms.received.length === 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(csms.received.map((r) => r.text)).toEqual([HB('from-b')]);
  });

  it('rules changed at run time apply to open sessions at once', async () => {
    const { csms, p, cp } = await withRules([]);
    cp.ws.send(HB('before'));
    await until(() => csms.received.length === 1);
    p.proxy.rules.add({ id: 'now', match: { action: 'Heartbeat' }, effect: { type: 'drop' } });
    cp.ws.send(HB('dropped'));
    await until(() => p.store.frameCount === 2);
    p.proxy.rules.remove('now');
    cp.ws.send(HB('after'));
    await until(() => csms.received.length === 2);
    expect(csms.received.map((r) => JSON.parse(r.text)[1])).toEqual(['before', 'after']);
  });
});
