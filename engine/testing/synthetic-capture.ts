// Writes realistic OCPP 1.6 captures of any size through the real CaptureWriter, for e2e
// tests and benchmarks: chargers booting, then heartbeats, status and meter values, each a
// CALL answered by its CALLRESULT, interleaved across chargers, with a schema violation
// now and then so findings show.
import { CaptureWriter } from '../capture/writer';
import { FakeClock } from '../util/clock';

export interface SyntheticCaptureOptions {
  /** Total frames (rounded up to whole request/response pairs). */
  frames: number;
  chargers?: number;
  /** Every Nth request breaks the schema (StatusNotification with an unknown status); 0 for none. */
  errorEvery?: number;
  /** Milliseconds between consecutive frames. */
  spacingMs?: number;
}

export interface SyntheticCapture {
  path: string;
  frames: number;
  chargers: number;
  /** Requests written with a schema violation. */
  invalid: number;
}

const START = Date.UTC(2026, 10, 21, 9, 0, 0);

export async function writeSyntheticCapture(path: string, options: SyntheticCaptureOptions): Promise<SyntheticCapture> {
  const chargers = Math.max(1, options.chargers ?? 10);
  const errorEvery = options.errorEvery ?? 1000;
  const spacing = options.spacingMs ?? 2;
  const clock = new FakeClock(START);
  const writer = await CaptureWriter.create(path, { mode: 'proxy', description: 'synthetic capture', clock });
  const seqs = new Array<number>(chargers).fill(0);
  const requests = new Array<number>(chargers).fill(0);
  const conn = (i: number) => `conn_synthetic${String(i).padStart(4, '0')}`;
  for (let i = 0; i < chargers; i++) {
    writer.append({
      type: 'open',
      conn: conn(i),
      time: new Date(START).toISOString(),
      mono: 0,
      chargePointId: `CP${String(i + 1).padStart(3, '0')}`,
      path: `/ocpp/CP${String(i + 1).padStart(3, '0')}`,
      offeredSubprotocols: ['ocpp1.6'],
      subprotocol: 'ocpp1.6',
      remoteAddress: `10.0.0.${(i % 250) + 1}:40000`,
    });
  }
  let written = 0;
  let invalid = 0;
  let mono = 0;
  let pair = 0;
  while (written < options.frames) {
    const c = pair % chargers;
    const n = requests[c]!++;
    const id = `${c}-${n}`;
    const time = () => new Date(START + mono).toISOString();
    let call: string;
    let result: string;
    const bad = errorEvery > 0 && pair > 0 && pair % errorEvery === 0;
    if (n === 0) {
      call = JSON.stringify([2, id, 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'Bench-1' }]);
      result = JSON.stringify([3, id, { status: 'Accepted', currentTime: time(), interval: 300 }]);
    } else if (bad || n % 4 === 1) {
      call = JSON.stringify([2, id, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: bad ? 'Broken' : 'Available' }]);
      result = JSON.stringify([3, id, {}]);
      if (bad) invalid++;
    } else if (n % 4 === 2) {
      const meter = { timestamp: time(), sampledValue: [{ value: String(n * 10), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] };
      call = JSON.stringify([2, id, 'MeterValues', { connectorId: 1, meterValue: [meter] }]);
      result = JSON.stringify([3, id, {}]);
    } else {
      call = JSON.stringify([2, id, 'Heartbeat', {}]);
      result = JSON.stringify([3, id, { currentTime: time() }]);
    }
    writer.append({ type: 'frame', conn: conn(c), seq: seqs[c]!++, dir: 'cp2csms', text: call, time: time(), mono });
    mono += spacing;
    writer.append({ type: 'frame', conn: conn(c), seq: seqs[c]!++, dir: 'csms2cp', text: result, time: time(), mono });
    mono += spacing;
    written += 2;
    pair++;
  }
  await writer.close();
  return { path, frames: written, chargers, invalid };
}
