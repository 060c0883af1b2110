// A small, varied recording for filter tests: a 1.6 session with one of most things a
// filter can ask about (an injected frame, a CALLERROR, a broken frame, a slow answer, a
// schema error, an unknown id) and a 2.0.1 session. Recorded live through LiveRecorder
// into a capture file and a store, so tests can also open the file (frames without text).
import type { Direction, FrameMark } from '../../../api/model';
import { CaptureWriter } from '../../capture/writer';
import { LiveRecorder } from '../../traffic/recorder';
import { TrafficStore } from '../../traffic/store';
import { FakeClock } from '../../util/clock';

export interface SampleFrame {
  dir: Direction;
  text: string;
  /** Milliseconds before this frame. */
  after?: number;
  marks?: FrameMark[];
}

export const SESSION_A: SampleFrame[] = [
  { dir: 'cp2csms', text: '[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]' },
  { dir: 'csms2cp', text: '[3,"b1",{"status":"Accepted","currentTime":"2025-01-01T00:00:00Z","interval":300}]', after: 600 },
  { dir: 'cp2csms', text: '[2,"s1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]' },
  { dir: 'csms2cp', text: '[3,"s1",{}]' },
  { dir: 'cp2csms', text: '[2,"s2","StatusNotification",{"connectorId":2,"errorCode":"NoError","status":"Sleeping"}]' },
  { dir: 'csms2cp', text: '[3,"s2",{}]' },
  {
    dir: 'cp2csms',
    text: '[2,"m1","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2025-01-01T00:00:05Z","sampledValue":[{"value":"99"},{"value":"230.5","measurand":"Voltage"}]}]}]',
  },
  { dir: 'csms2cp', text: '[3,"m1",{}]' },
  { dir: 'csms2cp', text: '[2,"r1","RemoteStartTransaction",{"idTag":"TAG-7"}]', marks: ['injected'] },
  { dir: 'cp2csms', text: '[4,"r1","NotSupported","Remote start is off",{}]' },
  { dir: 'cp2csms', text: '[2,"h1","Heartbeat"' },
  { dir: 'csms2cp', text: '[3,"zz",{}]' },
];

export const SESSION_B: SampleFrame[] = [
  { dir: 'cp2csms', text: '[2,"1","BootNotification",{"chargingStation":{"model":"M","vendorName":"V"},"reason":"PowerUp"}]' },
  { dir: 'csms2cp', text: '[3,"1",{"currentTime":"2025-01-01T00:00:00Z","interval":300,"status":"Accepted"}]', after: 20 },
];

/** Records both sessions (A: CP001 on 1.6, B: CS002 on 2.0.1) to `path` and a live store. */
export async function recordSample(path: string): Promise<TrafficStore> {
  const clock = new FakeClock();
  const capture = await CaptureWriter.create(path, { mode: 'proxy', clock });
  const store = new TrafficStore();
  const recorder = new LiveRecorder({ source: 'proxy', capture, store, clock });
  const a = recorder.open({ chargePointId: 'CP001', path: '/ocpp/CP001', offeredSubprotocols: ['ocpp1.6'], subprotocol: 'ocpp1.6' }, { id: 'conn_a' });
  const b = recorder.open({ chargePointId: 'CS002', path: '/ocpp/CS002', offeredSubprotocols: ['ocpp2.0.1'], subprotocol: 'ocpp2.0.1' }, { id: 'conn_b' });
  for (const [session, frames] of [
    [a, SESSION_A],
    [b, SESSION_B],
  ] as const) {
    for (const f of frames) {
      clock.advance(f.after ?? 10);
      session.frame(f.dir, f.text, f.marks !== undefined ? { marks: f.marks } : {});
    }
  }
  recorder.note('end of sample', { source: 'operator' });
  a.close('charger', 'clean', { code: 1000 });
  b.close('csms', 'clean', { code: 1000 });
  await recorder.close();
  return store;
}
