import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureWriter } from '../capture/writer';
import { tempDir } from '../testing/tmp';
import { FakeClock } from '../util/clock';
import { validateCapture } from './validate-capture';

const dir = tempDir();
afterAll(() => dir.remove());
const path = dir.file('c.jsonl');

beforeAll(async () => {
  // Two sessions. conn_a: a Reset left unanswered (a late finding on frame #1), then a
  // heartbeat interval of 10 s kept alive by WebSocket pings only, then closed.
  // conn_b: a request unanswered when the capture ends, 40 s later (finish at the last record).
  const clock = new FakeClock();
  const w = await CaptureWriter.create(path, { mode: 'proxy', clock });
  const open = (conn: string, cp: string) =>
    w.append({ type: 'open', conn, chargePointId: cp, path: `/${cp}`, offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6', ...w.stamp() });
  const seqs = new Map<string, number>();
  const frame = (conn: string, dir: 'cp2csms' | 'csms2cp', text: unknown[]) => {
    const seq = seqs.get(conn) ?? 0;
    seqs.set(conn, seq + 1);
    w.append({ type: 'frame', conn, seq, dir, text: JSON.stringify(text), ...w.stamp() });
  };
  open('conn_a', 'A');
  open('conn_b', 'B');
  frame('conn_a', 'csms2cp', [2, 'r1', 'Reset', { type: 'Soft' }]); // #1
  frame('conn_b', 'csms2cp', [2, 'g1', 'GetConfiguration', {}]); // #2
  frame('conn_a', 'cp2csms', [2, 'b1', 'BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' }]); // #3
  frame('conn_a', 'csms2cp', [3, 'b1', { status: 'Accepted', currentTime: '2025-01-01T00:00:00Z', interval: 10 }]); // #4
  frame('conn_a', 'cp2csms', [2, 's1', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }]); // #5
  frame('conn_a', 'csms2cp', [3, 's1', {}]); // #6
  for (let i = 0; i < 4; i++) {
    clock.advance(10_000);
    w.append({ type: 'event', conn: 'conn_a', dir: 'cp2csms', event: 'ping', ...w.stamp() });
  }
  w.append({ type: 'close', conn: 'conn_a', by: 'charger', how: 'clean', code: 1000, ...w.stamp() });
  await w.close();
});

describe('validateCapture with behaviour rules', () => {
  it('places late findings on their frames, concludes at close or at the end of the capture, and counts pings as life', async () => {
    const report = await validateCapture(path);
    expect(report.findings.map((f) => [f.frame, f.session, f.finding.rule])).toEqual([
      [1, 'conn_a', 'correlation.response-timeout'],
      [2, 'conn_b', 'correlation.response-timeout'],
    ]);
    expect(report.findings[0]).toMatchObject({ seq: 0, dir: 'csms2cp', action: 'Reset', messageId: 'r1', chargePointId: 'A' });
    expect(report.errors).toBe(2);
    expect(report.sessions.map((s) => s.findings.error)).toEqual([1, 1]);
  });

  it('keeps a late finding only when its frame matches the filter', async () => {
    const onlyReset = await validateCapture(path, { filter: 'action:Reset' });
    expect(onlyReset.findings.map((f) => [f.frame, f.finding.rule])).toEqual([[1, 'correlation.response-timeout']]);
    const noReset = await validateCapture(path, { filter: 'action:Boot*' });
    expect(noReset.findings).toEqual([]);
  });
});
