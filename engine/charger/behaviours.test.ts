// Every named faulty behaviour deviates observably on the wire, and where the bench's judge
// has a rule for it, the judge raises that rule — while the same scenario without the
// behaviour raises nothing of the kind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding, OcppVersion } from '../../api/model';
import { JudgeSettings } from '../judge/settings';
import { LiveRecorder } from '../traffic/recorder';
import { TrafficStore } from '../traffic/store';
import { FakeClock, systemClock } from '../util/clock';
import { BenchPki } from '../conformance/pki';
import { BEHAVIOURS, type BehaviourName } from './behaviours';
import { hashData } from './certificates';
import { makeRig, type Rig } from './testing/rig';
import { ManualTimers } from './timers';

interface Judged {
  rig: Rig;
  frames: Array<{ dir: string; text: string }>;
  findings: Finding[];
  rules: Set<string>;
}

/** Runs a scenario with the given behaviours, recording and judging in simulated time. */
async function run(version: OcppVersion, behaviours: string[], scenario: (rig: Rig) => Promise<void>, options: Parameters<typeof makeRig>[1] & { realClock?: boolean; judge?: Record<string, number> } = {}): Promise<Judged> {
  const timers = new ManualTimers(new FakeClock(Date.now(), 0));
  const store = new TrafficStore();
  const recorder = new LiveRecorder({
    source: 'sim',
    store,
    clock: options.realClock === true ? systemClock : timers.clock,
    tickMs: 0,
    judging: new JudgeSettings({ options: options.judge ?? {} }),
  });
  const rig = makeRig(version, { timers, behaviours, ...options }, { recorder, callTimeoutMs: 4000 });
  await rig.boot();
  await scenario(rig);
  recorder.tick();
  await recorder.settled();
  const frames: Judged['frames'] = [];
  const findings: Finding[] = [];
  for (const f of store.query({}).frames) {
    const detail = await store.detail(f.index);
    frames.push({ dir: f.dir, text: detail.text ?? '' });
    findings.push(...detail.findings);
  }
  await rig.cp.stop();
  return { rig, frames, findings, rules: new Set(findings.map((f) => f.rule)) };
}

/** Answers a scenario kept for its evidence (the CSMS's frame list also gets the charger's later frames). */
const outcomes = new WeakMap<Rig, string[]>();
const keep = (rig: Rig, value: unknown): void => {
  outcomes.set(rig, [...(outcomes.get(rig) ?? []), JSON.stringify(value)]);
};
const kept = (j: Judged) => outcomes.get(j.rig)?.at(-1);

const sent = (j: Judged) => j.frames.filter((f) => f.dir === 'cp2csms').map((f) => f.text);
const calls = (j: Judged, action: string) => j.rig.csms.calls(action).map((c) => c.payload);

interface Case {
  version: OcppVersion;
  rule?: string;
  options?: Parameters<typeof run>[3];
  scenario: (rig: Rig) => Promise<void>;
  /** The deviation on the wire, given the run with and without the behaviour. */
  evidence: (faulty: Judged, clean: Judged) => void;
}

const iso = (rig: Rig, offsetMs = 0) => new Date(rig.timers.now() + offsetMs).toISOString();
const tx16 = async (rig: Rig) => {
  rig.cp.operator.plugIn(1);
  rig.cp.operator.presentIdToken('TAG1');
  await rig.advance(0);
};
const tx16Tag = async (rig: Rig, tag: string) => {
  rig.cp.operator.plugIn(1);
  rig.cp.operator.presentIdToken(tag);
  await rig.advance(0);
};
/** A 1.6 SetChargingProfile payload for connector 1, starting now (OCTT TC_056_CS and the like). */
const profile16 = (rig: Rig, id: number, purpose: string, duration: number, periods: Array<[number, number]>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  connectorId: 1,
  csChargingProfiles: {
    chargingProfileId: id,
    stackLevel: 0,
    chargingProfilePurpose: purpose,
    chargingProfileKind: 'Absolute',
    ...extra,
    chargingSchedule: { duration, startSchedule: iso(rig), chargingRateUnit: 'A', chargingSchedulePeriod: periods.map(([startPeriod, limit]) => ({ startPeriod, limit })) },
  },
});
/** The [startPeriod, limit] pairs of a GetCompositeSchedule answer. */
const periods16 = (r: { kind: string; payload?: Record<string, unknown> }) =>
  ((r.payload?.['chargingSchedule'] as { chargingSchedulePeriod?: Array<{ startPeriod: number; limit: number }> } | undefined)?.chargingSchedulePeriod ?? []).map((x) => [x.startPeriod, x.limit]);
const energy16 = (j: Judged) => calls(j, 'MeterValues').map((p) => Number((p['meterValue'] as Array<{ sampledValue: Array<{ value: string }> }>)[0]!.sampledValue[0]!.value));
const energy2 = (j: Judged) =>
  calls(j, 'TransactionEvent').flatMap((p) => ((p['meterValue'] as Array<{ sampledValue: Array<{ value: number }> }> | undefined) ?? []).map((m) => m.sampledValue[0]!.value));

const CASES: Record<BehaviourName, Case[]> = {
  'sends-malformed-json': [
    {
      version: '1.6',
      rule: 'framing.not-json',
      scenario: (rig) => rig.advance(300),
      evidence: (f) => expect(sent(f).some((t) => t.includes('"Heartbeat",{') && !t.endsWith(']'))).toBe(true),
    },
  ],
  'omits-required-field': [
    { version: '1.6', rule: 'schema.required', scenario: async () => undefined, evidence: (f) => expect(sent(f).some((t) => t.includes('StatusNotification') && !t.includes('errorCode'))).toBe(true) },
    { version: '2.0.1', rule: 'schema.required', scenario: async () => undefined, evidence: (f) => expect(sent(f).some((t) => t.includes('StatusNotification') && !t.includes('connectorStatus'))).toBe(true) },
  ],
  'reuses-message-ids': [
    {
      version: '2.0.1',
      rule: 'correlation.duplicate-message-id',
      scenario: async () => undefined,
      evidence: (f) => expect(new Set(sent(f).map((t) => (JSON.parse(t) as unknown[])[1])).size).toBe(1),
    },
  ],
  'breaks-outstanding-call': [
    {
      version: '1.6',
      rule: 'correlation.outstanding-call',
      scenario: (rig) => rig.advance(300),
      evidence: (f) => {
        const texts = f.frames.map((x) => `${x.dir}:${(JSON.parse(x.text) as unknown[])[2] === 'Heartbeat' ? 'HB' : (JSON.parse(x.text) as unknown[])[0]}`);
        expect(texts.join(' ')).toContain('cp2csms:HB cp2csms:HB');
      },
    },
  ],
  'answers-too-late': [
    {
      version: '1.6',
      rule: 'correlation.response-timeout',
      options: { realClock: true, judge: { responseTimeoutMs: 300 }, behaviours: ['answers-too-late=0.6'] },
      scenario: async (rig) => {
        const started = Date.now();
        await rig.csms.call('GetConfiguration', {});
        keep(rig, Date.now() - started);
      },
      evidence: (f, c) => {
        const latency = (j: Judged) => Number(kept(j));
        expect(latency(f)).toBeGreaterThanOrEqual(550);
        expect(latency(c)).toBeLessThan(300);
      },
    },
  ],
  'skip-boot': [
    { version: '1.6', rule: 'sequence.boot-first', scenario: (rig) => rig.advance(10), evidence: (f, c) => expect([sent(f)[0]?.includes('BootNotification'), sent(c)[0]?.includes('BootNotification')]).toEqual([false, true]) },
    { version: '2.0.1', rule: 'sequence.boot-first', scenario: (rig) => rig.advance(10), evidence: (f) => expect(f.rig.csms.actions().indexOf('BootNotification')).toBeGreaterThan(0) },
  ],
  'boot-retry-ignores-interval': [
    {
      version: '1.6',
      rule: 'timing.boot-retry-after-rejected',
      scenario: async (rig) => {
        let n = 0;
        rig.csms.respond('BootNotification', () => ({ status: n++ === 0 ? 'Rejected' : 'Accepted', currentTime: iso(rig), interval: 60 }));
        rig.cp.operator.powerLoss(1);
        await rig.advance(5);
      },
      evidence: (f, c) => expect([calls(f, 'BootNotification').length, calls(c, 'BootNotification').length]).toEqual([3, 2]),
    },
  ],
  'heartbeat-ignores-interval': [
    {
      version: '2.0.1',
      rule: 'timing.heartbeat-early',
      scenario: (rig) => rig.advance(60),
      evidence: (f, c) => expect([calls(f, 'Heartbeat').length, calls(c, 'Heartbeat').length]).toEqual([12, 0]),
    },
  ],
  'invalid-status-transition': [
    {
      version: '1.6',
      rule: 'state.connector-transition',
      scenario: async (rig) => {
        rig.cp.operator.plugIn(1);
        await rig.advance(0);
      },
      evidence: (f) => expect(calls(f, 'StatusNotification').at(-1)).toMatchObject({ connectorId: 1, status: 'Finishing' }),
    },
  ],
  'status-not-reported': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        rule: 'timing.availability-not-reported',
        scenario: async (rig) => {
          await rig.csms.call('ChangeAvailability', version === '1.6' ? { connectorId: 1, type: 'Inoperative' } : { operationalStatus: 'Inoperative', evse: { id: 1 } });
          await rig.advance(120);
        },
        evidence: (f, c) => expect([calls(f, 'StatusNotification').length, calls(c, 'StatusNotification').length]).toEqual([version === '1.6' ? 2 : 1, version === '1.6' ? 3 : 2]),
      }),
    ),
  ],
  'getvariables-accepts-unknown': [
    {
      version: '2.0.1',
      scenario: async (rig) => {
        const r = await rig.csms.call('GetVariables', { getVariableData: [{ component: { name: 'NoSuchCtrlr' }, variable: { name: 'X' } }] });
        keep(rig, r);
      },
      evidence: (f, c) => {
        expect(kept(f)).toContain('"attributeStatus":"Accepted"');
        expect(kept(c)).toContain('"attributeStatus":"UnknownComponent"');
      },
    },
  ],
  'starts-on-invalid-id': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        scenario: async (rig) => {
          rig.csms.idTags.set('BAD', { status: 'Invalid' });
          rig.cp.operator.plugIn(1);
          rig.cp.operator.presentIdToken('BAD');
          await rig.advance(0);
        },
        evidence: (f, c) => {
          const starts = (j: Judged) => (version === '1.6' ? calls(j, 'StartTransaction') : calls(j, 'TransactionEvent')).length;
          expect([starts(f) > 0, starts(c)]).toEqual([true, 0]);
        },
      }),
    ),
  ],
  'authorize-before-stop': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await tx16(rig);
        rig.cp.operator.presentIdToken('TAG1');
        await rig.advance(0);
      },
      evidence: (f, c) => expect([calls(f, 'Authorize').length, calls(c, 'Authorize').length]).toEqual([2, 1]),
    },
  ],
  'wrong-transaction-id': [
    {
      version: '1.6',
      rule: 'state.transaction-id-unknown',
      options: { settings: { MeterValueSampleInterval: '10' } },
      scenario: async (rig) => {
        await tx16(rig);
        await rig.advance(10);
      },
      evidence: (f) => expect(calls(f, 'MeterValues')[0]!['transactionId']).toBe(100_001),
    },
    {
      version: '2.0.1',
      rule: 'state.tx-id-unstable',
      options: { settings: { 'SampledDataCtrlr.TxUpdatedInterval': '10' } },
      scenario: async (rig) => {
        await tx16(rig);
        await rig.advance(10);
        await rig.advance(70);
      },
      evidence: (f, c) => {
        const ids = (j: Judged) => new Set(calls(j, 'TransactionEvent').map((p) => (p['transactionInfo'] as Record<string, unknown>)['transactionId'])).size;
        expect([ids(f), ids(c)]).toEqual([2, 1]);
      },
    },
  ],
  'meter-goes-backwards': [
    {
      version: '1.6',
      rule: 'state.energy-register-decreased',
      options: { settings: { MeterValueSampleInterval: '10' } },
      scenario: async (rig) => {
        await tx16(rig);
        await rig.advance(30);
      },
      evidence: (f, c) => {
        const down = energy16(f);
        const up = energy16(c);
        expect(down[2]!).toBeLessThan(down[0]!);
        expect(up[2]!).toBeGreaterThan(up[0]!);
      },
    },
    {
      version: '2.0.1',
      rule: 'state.energy-register-decreased',
      options: { settings: { 'SampledDataCtrlr.TxUpdatedInterval': '10' } },
      scenario: async (rig) => {
        await tx16(rig);
        await rig.advance(30);
      },
      evidence: (f) => {
        const down = energy2(f);
        expect(down.at(-1)!).toBeLessThan(down[0]!);
      },
    },
  ],
  'tx-seqno-gap': [
    {
      version: '2.0.1',
      rule: 'sequence.tx-seqno-gap',
      options: { settings: { 'SampledDataCtrlr.TxUpdatedInterval': '50' } },
      scenario: async (rig) => {
        await tx16(rig);
        // The judge waits the follow-up time (60 s) for a missing event before calling it a gap.
        await rig.advance(130);
      },
      evidence: (f, c) => expect([calls(f, 'TransactionEvent').map((p) => p['seqNo']), calls(c, 'TransactionEvent').map((p) => p['seqNo'])]).toEqual([[0, 2, 3], [0, 1, 2]]),
    },
  ],
  'tx-updated-before-started': [
    {
      version: '2.1',
      rule: 'sequence.tx-started-first',
      scenario: (rig) => tx16(rig),
      evidence: (f) => expect(calls(f, 'TransactionEvent')[0]!['eventType']).toBe('Updated'),
    },
  ],
  'remote-start-ignored': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        rule: 'timing.remote-start-timeout',
        scenario: async (rig) => {
          rig.cp.operator.plugIn(1);
          await rig.csms.call(version === '1.6' ? 'RemoteStartTransaction' : 'RequestStartTransaction', version === '1.6' ? { connectorId: 1, idTag: 'R1' } : { evseId: 1, remoteStartId: 1, idToken: { idToken: 'R1', type: 'Central' } });
          await rig.advance(180);
        },
        evidence: (f, c) => {
          const starts = (j: Judged) => (version === '1.6' ? calls(j, 'StartTransaction') : calls(j, 'TransactionEvent')).length;
          expect([starts(f), starts(c) > 0]).toEqual([0, true]);
        },
      }),
    ),
  ],
  'ignores-trigger-message': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        rule: 'timing.trigger-not-followed',
        scenario: async (rig) => {
          await rig.csms.call('TriggerMessage', version === '1.6' ? { requestedMessage: 'StatusNotification', connectorId: 1 } : { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } });
          await rig.advance(90);
        },
        evidence: (f, c) => expect([calls(f, 'StatusNotification').length + 1]).toEqual([calls(c, 'StatusNotification').length]),
      }),
    ),
  ],
  'trigger-before-response': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await rig.csms.call('TriggerMessage', { requestedMessage: 'Heartbeat' });
        await rig.advance(0);
      },
      evidence: (f, c) => {
        const order = (j: Judged) =>
          j.frames.map((x) => {
            const m = JSON.parse(x.text) as unknown[];
            return m[0] === 2 ? String(m[2]) : m[0] === 3 ? 'result' : '';
          });
        const f1 = order(f);
        const c1 = order(c);
        expect(f1.indexOf('Heartbeat')).toBeLessThan(f1.lastIndexOf('result') - 1);
        expect(c1.indexOf('TriggerMessage') + 1).toBe(c1.indexOf('result', c1.indexOf('TriggerMessage')));
      },
    },
  ],
  'local-list-version-stuck': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await rig.csms.call('SendLocalList', { listVersion: 5, updateType: 'Full', localAuthorizationList: [{ idTag: 'A', idTagInfo: { status: 'Accepted' } }] });
        const r = await rig.csms.call('GetLocalListVersion', {});
        keep(rig, r);
      },
      evidence: (f, c) => expect([kept(f)?.includes('"listVersion":0'), kept(c)?.includes('"listVersion":5')]).toEqual([true, true]),
    },
  ],
  'local-list-version-literal': [
    {
      version: '1.6',
      scenario: async (rig) => {
        // An empty Full list: version 0 is due (§5.10, TC_042_2_CS).
        await rig.csms.call('SendLocalList', { listVersion: 3, updateType: 'Full' });
        keep(rig, await rig.csms.call('GetLocalListVersion', {}));
      },
      evidence: (f, c) => expect([kept(f)?.includes('"listVersion":3'), kept(c)?.includes('"listVersion":0')]).toEqual([true, true]),
    },
  ],
  'local-list-full-only': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await rig.csms.call('SendLocalList', { listVersion: 1, updateType: 'Full', localAuthorizationList: [{ idTag: 'A', idTagInfo: { status: 'Accepted' } }] });
        keep(rig, await rig.csms.call('SendLocalList', { listVersion: 2, updateType: 'Differential', localAuthorizationList: [{ idTag: 'B', idTagInfo: { status: 'Accepted' } }] }));
      },
      evidence: (f, c) => expect([kept(f)?.includes('Failed'), kept(c)?.includes('Accepted')]).toEqual([true, true]),
    },
  ],
  'send-local-list-always-accepted': [
    {
      version: '1.6',
      scenario: async (rig) => {
        rig.cp.operator.localListStorageFailure();
        keep(rig, await rig.csms.call('SendLocalList', { listVersion: 2, updateType: 'Full', localAuthorizationList: [{ idTag: 'A', idTagInfo: { status: 'Accepted' } }] }));
      },
      evidence: (f, c) => expect([kept(f)?.includes('Accepted'), kept(c)?.includes('Failed')]).toEqual([true, true]),
    },
    {
      version: '1.6',
      options: { profiles: ['Core'] },
      scenario: async (rig) => keep(rig, await rig.csms.call('SendLocalList', { listVersion: 1, updateType: 'Full' })),
      evidence: (f, c) => expect([kept(f)?.includes('Accepted'), kept(c)?.includes('NotSupported')]).toEqual([true, true]),
    },
  ],
  'rejects-every-reservation': [
    {
      version: '2.0.1',
      scenario: async (rig) => {
        const r = await rig.csms.call('ReserveNow', { id: 1, expiryDateTime: iso(rig, 60_000), idToken: { idToken: 'A', type: 'ISO14443' }, evseId: 1 });
        keep(rig, r);
      },
      evidence: (f, c) => expect([kept(f)?.includes('Rejected'), kept(c)?.includes('Accepted')]).toEqual([true, true]),
    },
  ],
  'reservation-never-expires': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await rig.csms.call('ReserveNow', { connectorId: 1, expiryDate: iso(rig, 30_000), idTag: 'A', reservationId: 1 });
        await rig.advance(60);
      },
      evidence: (f, c) => expect([calls(f, 'StatusNotification').at(-1)!['status'], calls(c, 'StatusNotification').at(-1)!['status']]).toEqual(['Reserved', 'Available']),
    },
  ],
  'cancel-reservation-stub': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await rig.csms.call('ReserveNow', { connectorId: 1, expiryDate: iso(rig, 600_000), idTag: 'A', reservationId: 1 });
        keep(rig, await rig.csms.call('CancelReservation', { reservationId: 2 }));
        await rig.csms.call('CancelReservation', { reservationId: 1 });
        await rig.advance(0);
      },
      evidence: (f, c) => {
        expect([kept(f)?.includes('Accepted'), kept(c)?.includes('Rejected')]).toEqual([true, true]);
        expect([calls(f, 'StatusNotification').at(-1)!['status'], calls(c, 'StatusNotification').at(-1)!['status']]).toEqual(['Reserved', 'Available']);
      },
    },
  ],
  'reservation-ignores-parent-id': [
    {
      version: '1.6',
      scenario: async (rig) => {
        rig.csms.idTags.set('KID', { status: 'Accepted', parent: 'FAMILY' });
        await rig.csms.call('ReserveNow', { connectorId: 1, expiryDate: iso(rig, 600_000), idTag: 'MUM', parentIdTag: 'FAMILY', reservationId: 1 });
        await tx16Tag(rig, 'KID');
      },
      evidence: (f, c) => {
        expect([calls(f, 'Authorize').length, calls(c, 'Authorize').length]).toEqual([1, 1]);
        expect([calls(f, 'StartTransaction').length, calls(c, 'StartTransaction')[0]?.['reservationId']]).toEqual([0, 1]);
      },
    },
  ],
  'stacks-profiles-wrongly': [
    {
      version: '1.6',
      scenario: async (rig) => {
        const start = iso(rig);
        const p = (id: number, stackLevel: number, duration: number, periods: Array<[number, number]>) => ({
          connectorId: 1,
          csChargingProfiles: { chargingProfileId: id, stackLevel, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', chargingSchedule: { duration, startSchedule: start, chargingRateUnit: 'A', chargingSchedulePeriod: periods.map(([startPeriod, limit]) => ({ startPeriod, limit })) } },
        });
        await rig.csms.call('SetChargingProfile', p(1, 0, 400, [[0, 6]]));
        await rig.csms.call('SetChargingProfile', p(2, 1, 150, [[0, 7]]));
        const r = await rig.csms.call('GetCompositeSchedule', { connectorId: 1, duration: 300, chargingRateUnit: 'A' });
        keep(rig, r);
      },
      evidence: (f, c) => {
        expect(kept(f)).toContain('"chargingSchedulePeriod":[{"startPeriod":0,"limit":6}');
        expect(kept(c)).toContain('"chargingSchedulePeriod":[{"startPeriod":0,"limit":7}');
      },
    },
  ],
  'accepts-txprofile-without-transaction': [
    {
      version: '2.0.1',
      scenario: async (rig) => {
        const r = await rig.csms.call('SetChargingProfile', {
          evseId: 1,
          chargingProfile: { id: 1, stackLevel: 0, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative', chargingSchedule: [{ id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }] }] },
        });
        keep(rig, r);
      },
      evidence: (f, c) => expect([kept(f)?.includes('Accepted'), kept(c)?.includes('Rejected')]).toEqual([true, true]),
    },
  ],
  'txdefault-ignored': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await rig.csms.call('SetChargingProfile', profile16(rig, 1, 'TxDefaultProfile', 300, [[0, 6]]));
        keep(rig, periods16(await rig.csms.call('GetCompositeSchedule', { connectorId: 1, duration: 300, chargingRateUnit: 'A' })));
      },
      evidence: (f, c) => expect([kept(f), kept(c)]).toEqual(['[[0,15.9]]', '[[0,6]]']),
    },
  ],
  'txdefault-spares-running-transaction': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await tx16(rig);
        await rig.advance(1);
        await rig.csms.call('SetChargingProfile', profile16(rig, 1, 'TxDefaultProfile', 300, [[0, 6]]));
        keep(rig, periods16(await rig.csms.call('GetCompositeSchedule', { connectorId: 1, duration: 300, chargingRateUnit: 'A' })));
      },
      evidence: (f, c) => expect([kept(f), kept(c)]).toEqual(['[[0,15.9]]', '[[0,6]]']),
    },
  ],
  'txprofile-ignored': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await tx16(rig);
        await rig.csms.call('SetChargingProfile', profile16(rig, 1, 'TxProfile', 300, [[0, 6]], { transactionId: 1 }));
        keep(rig, periods16(await rig.csms.call('GetCompositeSchedule', { connectorId: 1, duration: 300, chargingRateUnit: 'A' })));
      },
      evidence: (f, c) => expect([kept(f), kept(c)]).toEqual(['[[0,15.9]]', '[[0,6]]']),
    },
  ],
  'txprofile-falls-back-to-txdefault': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await tx16(rig);
        await rig.csms.call('SetChargingProfile', profile16(rig, 1, 'TxDefaultProfile', 400, [[0, 6]]));
        await rig.csms.call('SetChargingProfile', profile16(rig, 2, 'TxProfile', 100, [[0, 8]], { transactionId: 1 }));
        keep(rig, periods16(await rig.csms.call('GetCompositeSchedule', { connectorId: 1, duration: 300, chargingRateUnit: 'A' })));
      },
      evidence: (f, c) => expect([kept(f), kept(c)]).toEqual(['[[0,8],[100,6]]', '[[0,8],[100,15.9]]']),
    },
  ],
  'clear-by-criteria-clears-all': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await rig.csms.call('SetChargingProfile', profile16(rig, 1, 'TxDefaultProfile', 300, [[0, 6]]));
        await rig.csms.call('SetChargingProfile', { ...profile16(rig, 2, 'ChargePointMaxProfile', 86400, [[0, 11]]), connectorId: 0 });
        await rig.csms.call('ClearChargingProfile', { chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 0 });
        keep(rig, periods16(await rig.csms.call('GetCompositeSchedule', { connectorId: 1, duration: 300, chargingRateUnit: 'A' })));
      },
      evidence: (f, c) => expect([kept(f), kept(c)]).toEqual(['[[0,15.9]]', '[[0,11]]']),
    },
  ],
  'remote-start-accepts-any-profile': [
    {
      version: '1.6',
      scenario: async (rig) => {
        const chargingProfile = (profile16(rig, 1, 'TxDefaultProfile', 300, [[0, 6]]) as { csChargingProfiles: unknown }).csChargingProfiles;
        keep(rig, await rig.csms.call('RemoteStartTransaction', { connectorId: 1, idTag: 'TAG1', chargingProfile }));
      },
      evidence: (f, c) => expect([kept(f)?.includes('"Accepted"'), kept(c)?.includes('"Rejected"')]).toEqual([true, true]),
    },
  ],
  'firmware-installed-without-downloading': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        scenario: async (rig) => {
          await rig.csms.call('UpdateFirmware', version === '1.6' ? { location: 'https://fw.example.com/f', retrieveDate: iso(rig) } : { requestId: 1, firmware: { location: 'https://fw.example.com/f', retrieveDateTime: iso(rig) } });
          await rig.advance(60);
        },
        evidence: (f, c) => expect([calls(f, 'FirmwareStatusNotification')[0]!['status'], calls(c, 'FirmwareStatusNotification')[0]!['status']]).toEqual(['Installed', 'Downloading']),
      }),
    ),
  ],
  'diagnostics-without-status': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await rig.csms.call('GetDiagnostics', { location: 'ftp://logs.example.com/' });
        await rig.advance(60);
      },
      evidence: (f, c) => expect([calls(f, 'DiagnosticsStatusNotification').length, calls(c, 'DiagnosticsStatusNotification').length]).toEqual([0, 2]),
    },
  ],
  'failed-transfers-reported-successful': [
    {
      version: '1.6',
      scenario: async (rig) => {
        rig.cp.operator.firmwareInstallFailure();
        await rig.csms.call('UpdateFirmware', { location: 'https://fw.example.com/f', retrieveDate: iso(rig) });
        await rig.advance(60);
      },
      evidence: (f, c) => {
        const statuses = (j: Judged) => calls(j, 'FirmwareStatusNotification').map((p) => p['status']);
        expect([statuses(f).at(-1), statuses(c).at(-1)]).toEqual(['Installed', 'InstallationFailed']);
      },
    },
    {
      version: '1.6',
      scenario: async (rig) => {
        // Nothing listens on the loopback port: the upload really fails (TC_045_2_CS).
        await rig.csms.call('GetDiagnostics', { location: 'ftp://127.0.0.1:1/files/failedLocation', retries: 0 });
        await rig.advance(10);
        await new Promise((r) => setTimeout(r, 100));
        await rig.advance(1);
      },
      evidence: (f, c) => expect([calls(f, 'DiagnosticsStatusNotification').at(-1)?.['status'], calls(c, 'DiagnosticsStatusNotification').at(-1)?.['status']]).toEqual(['Uploaded', 'UploadFailed']),
    },
  ],
  'log-upload-without-status': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        scenario: async (rig) => {
          await rig.csms.call('GetLog', { logType: 'SecurityLog', requestId: 1, log: { remoteLocation: 'ftp://logs.example.com/' } });
          await rig.advance(60);
        },
        evidence: (f, c) => expect([calls(f, 'LogStatusNotification').length, calls(c, 'LogStatusNotification').length]).toEqual([0, 2]),
      }),
    ),
  ],
  'accepts-security-profile-downgrade': [
    {
      version: '1.6',
      options: { securityProfile: 1, password: 'a-long-enough-password' },
      scenario: async (rig) => {
        const r = await rig.csms.call('ChangeConfiguration', { key: 'SecurityProfile', value: '0' });
        keep(rig, r);
      },
      evidence: (f, c) => expect([kept(f)?.includes('Accepted'), kept(c)?.includes('Rejected')]).toEqual([true, true]),
    },
    {
      version: '2.0.1',
      options: { securityProfile: 1, password: 'a-long-enough-password' },
      scenario: async (rig) => {
        const r = await rig.csms.call('SetNetworkProfile', { configurationSlot: 1, connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'ws://x/y', messageTimeout: 30, securityProfile: 0, ocppInterface: 'Wired0' } });
        keep(rig, r);
      },
      evidence: (f, c) => expect([kept(f)?.includes('Accepted'), kept(c)?.includes('Rejected')]).toEqual([true, true]),
    },
  ],
  'accepts-invalid-certificate': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        scenario: async (rig) => {
          const r = await rig.csms.call('CertificateSigned', { certificateChain: 'not a certificate' });
          keep(rig, r);
          await rig.advance(0);
        },
        evidence: (f, c) => {
          expect([kept(f)?.includes('Accepted'), kept(c)?.includes('Rejected')]).toEqual([true, true]);
          const invalid = (j: Judged) => calls(j, 'SecurityEventNotification').filter((p) => /Invalid/.test(String(p['type']))).length;
          expect([invalid(f), invalid(c)]).toEqual([0, 1]);
        },
      }),
    ),
  ],
  'security-changes-not-applied': [
    {
      version: '1.6',
      options: { securityProfile: 1, password: 'initial-password-16' },
      scenario: async (rig) => {
        keep(rig, await rig.csms.call('ChangeConfiguration', { key: 'AuthorizationKey', value: '4F43415F4F4354545F61646D696E5F74657374' }));
        await rig.advance(0);
        keep(rig, { connections: rig.csms.connections, password: rig.csms.lastSecurity?.password });
      },
      evidence: (f, c) => {
        expect(outcomes.get(f.rig)?.[0]).toContain('Accepted');
        expect([kept(f), kept(c)]).toEqual(['{"connections":1,"password":"initial-password-16"}', '{"connections":2,"password":"4F43415F4F4354545F61646D696E5F74657374"}']);
      },
    },
  ],
  'wrong-certificate-hash': [
    {
      version: '1.6',
      scenario: async (rig) => {
        const root = (await BenchPki.create()).centralSystemRoot;
        await rig.csms.call('InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: root.cert });
        const listed = await rig.csms.call('GetInstalledCertificateIds', { certificateType: 'CentralSystemRootCertificate' });
        const reported = listed.kind === 'result' ? (listed.payload['certificateHashData'] as Array<{ issuerKeyHash: string }>)[0]?.issuerKeyHash : undefined;
        keep(rig, reported === hashData(root.x509, root.x509).issuerKeyHash);
      },
      evidence: (f, c) => expect([kept(f), kept(c)]).toEqual(['false', 'true']),
    },
  ],
  'basic-auth-user-not-identity': [
    {
      version: '1.6',
      options: { securityProfile: 1, password: 'initial-password-16' },
      scenario: async (rig) => {
        keep(rig, rig.csms.lastSecurity?.user ?? 'the charge point id');
        await rig.csms.call('Reset', { type: 'Hard' });
        await rig.advance(5);
        keep(rig, rig.csms.lastSecurity?.user ?? 'the charge point id');
      },
      evidence: (f, c) => {
        expect([outcomes.get(f.rig)?.[0], outcomes.get(c.rig)?.[0]]).toEqual(['"the charge point id"', '"the charge point id"']);
        expect([kept(f), kept(c)]).toEqual(['"ocpp-charger"', '"the charge point id"']);
      },
    },
  ],
  'tls-cbc-suites-only': [
    {
      version: '1.6',
      options: { securityProfile: 2, password: 'initial-password-16' },
      scenario: async (rig) => keep(rig, [rig.csms.lastSecurity?.maxTlsVersion ?? 'default', /GCM/.test(rig.csms.lastSecurity?.ciphers ?? 'GCM')]),
      evidence: (f, c) => expect([kept(f), kept(c)]).toEqual(['["TLSv1.2",false]', '["default",true]']),
    },
  ],
  'no-security-events': [
    {
      version: '2.0.1',
      rule: 'security.event-after-boot',
      scenario: (rig) => rig.advance(90),
      evidence: (f, c) => expect([calls(f, 'SecurityEventNotification').length, calls(c, 'SecurityEventNotification').length]).toEqual([0, 1]),
    },
  ],
  'cost-updated-error': [
    {
      version: '2.0.1',
      scenario: async (rig) => {
        const r = await rig.csms.call('CostUpdated', { totalCost: 1, transactionId: 'x' });
        keep(rig, r);
      },
      evidence: (f, c) => expect([kept(f)?.includes('InternalError'), kept(c)?.includes('"kind":"result"')]).toEqual([true, true]),
    },
  ],
  'display-messages-forgotten': [
    {
      version: '2.0.1',
      scenario: async (rig) => {
        await rig.csms.call('SetDisplayMessage', { message: { id: 1, priority: 'NormalCycle', message: { format: 'UTF8', content: 'Hello' } } });
        const r = await rig.csms.call('GetDisplayMessages', { requestId: 1 });
        keep(rig, r);
      },
      evidence: (f, c) => expect([kept(f)?.includes('Unknown'), kept(c)?.includes('Accepted')]).toEqual([true, true]),
    },
  ],
  'datatransfer-accepts-unknown-vendor': [
    {
      version: '1.6',
      scenario: async (rig) => {
        const r = await rig.csms.call('DataTransfer', { vendorId: 'com.example' });
        keep(rig, r);
      },
      evidence: (f, c) => expect([kept(f)?.includes('"status":"Accepted"'), kept(c)?.includes('UnknownVendorId')]).toEqual([true, true]),
    },
  ],
  'pending-sends-requests': [
    {
      version: '1.6',
      rule: 'sequence.pending-charger-message',
      scenario: async (rig) => {
        let n = 0;
        rig.csms.respond('BootNotification', () => ({ status: n++ === 0 ? 'Pending' : 'Accepted', currentTime: iso(rig), interval: 30 }));
        rig.cp.operator.powerLoss(1);
        await rig.advance(5);
      },
      evidence: (f, c) => {
        const before = (j: Judged) => j.rig.csms.actions().slice(j.rig.csms.actions().lastIndexOf('BootNotification') - 1);
        expect(before(f)).toContain('Heartbeat');
        expect(before(c)).not.toContain('Heartbeat');
      },
    },
  ],
  'connection-timeout-ignored': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        scenario: async (rig) => {
          rig.cp.operator.presentIdToken('TAG1');
          await rig.advance(120);
          keep(rig, rig.cp.summary().connectors[0]!.authorized ?? 'none');
        },
        evidence: (f, c) => expect([kept(f), kept(c)]).toEqual(['"TAG1"', '"none"']),
      }),
    ),
  ],
  'any-tag-stops-transaction': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await tx16(rig);
        rig.cp.operator.presentIdToken('SOMEONE-ELSE');
        await rig.advance(0);
      },
      evidence: (f, c) => expect([calls(f, 'StopTransaction').length, calls(c, 'StopTransaction').length]).toEqual([1, 0]),
    },
  ],
  'parent-id-tag-ignored': [
    {
      version: '1.6',
      scenario: async (rig) => {
        rig.csms.idTags.set('TAG1', { status: 'Accepted', parent: 'GROUP' });
        rig.csms.idTags.set('TAG2', { status: 'Accepted', parent: 'GROUP' });
        await tx16(rig);
        rig.cp.operator.presentIdToken('TAG2', 1);
        await rig.advance(0);
      },
      evidence: (f, c) => {
        expect([calls(f, 'Authorize').at(-1)?.['idTag'], calls(c, 'Authorize').at(-1)?.['idTag']]).toEqual(['TAG2', 'TAG2']);
        expect([calls(f, 'StopTransaction').length, calls(c, 'StopTransaction')[0]?.['idTag']]).toEqual([0, 'TAG2']);
      },
    },
  ],
  'early-authorization-forgotten': [
    {
      version: '1.6',
      scenario: async (rig) => {
        rig.cp.operator.presentIdToken('TAG1');
        await rig.advance(0);
        rig.cp.operator.plugIn(1);
        await rig.advance(0);
      },
      evidence: (f, c) => expect([calls(f, 'StartTransaction').length, calls(c, 'StartTransaction').length]).toEqual([0, 1]),
    },
  ],
  'ev-disconnect-always-stops': [
    {
      version: '1.6',
      options: { settings: { StopTransactionOnEVSideDisconnect: 'false' } },
      scenario: async (rig) => {
        await tx16(rig);
        rig.cp.operator.evDisconnect(1);
        await rig.advance(0);
      },
      evidence: (f, c) => {
        expect([calls(f, 'StopTransaction')[0]?.['reason'], calls(c, 'StopTransaction').length]).toEqual(['EVDisconnected', 0]);
        expect(calls(c, 'StatusNotification').at(-1)).toMatchObject({ status: 'SuspendedEV', info: 'EV side disconnected' });
      },
    },
  ],
  'wrong-stop-reason': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await tx16(rig);
        await rig.csms.call('RemoteStopTransaction', { transactionId: 1 });
        await rig.advance(0);
      },
      evidence: (f, c) => expect([calls(f, 'StopTransaction')[0]!['reason'], calls(c, 'StopTransaction')[0]!['reason']]).toEqual(['Local', 'Remote']),
    },
    {
      version: '2.0.1',
      scenario: async (rig) => {
        await tx16(rig);
        rig.cp.operator.unplug(1);
        await rig.advance(0);
      },
      evidence: (f, c) => {
        const reason = (j: Judged) => (calls(j, 'TransactionEvent').at(-1)!['transactionInfo'] as Record<string, unknown>)['stoppedReason'];
        expect([reason(f), reason(c)]).toEqual(['Local', 'EVDisconnected']);
      },
    },
  ],
  'cache-not-used': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        options: { settings: version === '1.6' ? { LocalPreAuthorize: 'true' } : { 'AuthCtrlr.LocalPreAuthorize': 'true' } },
        scenario: async (rig) => {
          rig.cp.operator.presentIdToken('TAG1');
          await rig.advance(0);
          rig.cp.operator.presentIdToken('TAG1');
          await rig.advance(0);
          rig.cp.operator.presentIdToken('TAG1');
          await rig.advance(0);
        },
        evidence: (f, c) => expect([calls(f, 'Authorize').length, calls(c, 'Authorize').length]).toEqual([2, 1]),
      }),
    ),
  ],
  'clear-cache-noop': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        options: { settings: version === '1.6' ? { LocalPreAuthorize: 'true' } : { 'AuthCtrlr.LocalPreAuthorize': 'true' } },
        scenario: async (rig) => {
          rig.cp.operator.presentIdToken('TAG1');
          await rig.advance(0);
          rig.cp.operator.presentIdToken('TAG1');
          await rig.advance(0);
          await rig.csms.call('ClearCache', {});
          rig.cp.operator.presentIdToken('TAG1');
          await rig.advance(0);
        },
        evidence: (f, c) => expect([calls(f, 'Authorize').length, calls(c, 'Authorize').length]).toEqual([1, 2]),
      }),
    ),
  ],
  'offline-start-refused': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        options: { settings: version === '1.6' ? { AllowOfflineTxForUnknownId: 'true' } : { 'AuthCtrlr.OfflineTxForUnknownIdEnabled': 'true' } },
        scenario: async (rig) => {
          rig.cp.operator.networkDown();
          rig.cp.operator.plugIn(1);
          rig.cp.operator.presentIdToken('TAG1');
          await rig.advance(1);
          rig.cp.operator.networkUp();
          await rig.advance(10);
        },
        evidence: (f, c) => {
          const starts = (j: Judged) => (version === '1.6' ? calls(j, 'StartTransaction') : calls(j, 'TransactionEvent')).length;
          expect([starts(f), starts(c) > 0]).toEqual([0, true]);
        },
      }),
    ),
  ],
  'local-list-not-consulted': [
    {
      version: '1.6',
      options: { settings: { LocalPreAuthorize: 'true' } },
      scenario: async (rig) => {
        await rig.csms.call('SendLocalList', { listVersion: 1, updateType: 'Full', localAuthorizationList: [{ idTag: 'LISTED', idTagInfo: { status: 'Accepted' } }] });
        await tx16Tag(rig, 'LISTED');
      },
      evidence: (f, c) => expect([calls(f, 'Authorize').length, calls(c, 'Authorize').length]).toEqual([1, 0]),
    },
  ],
  'remote-control-accepts-anything': [
    {
      version: '1.6',
      scenario: async (rig) => {
        keep(rig, await rig.csms.call('RemoteStartTransaction', { connectorId: 0, idTag: 'X' }));
        keep(rig, await rig.csms.call('RemoteStopTransaction', { transactionId: 4242 }));
      },
      evidence: (f, c) => {
        expect(outcomes.get(f.rig)!.every((o) => o.includes('Accepted'))).toBe(true);
        expect(outcomes.get(c.rig)!.every((o) => o.includes('Rejected'))).toBe(true);
      },
    },
  ],
  'unlock-always-succeeds': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        scenario: async (rig) => keep(rig, await rig.csms.call('UnlockConnector', version === '1.6' ? { connectorId: 9 } : { evseId: 9, connectorId: 1 })),
        evidence: (f, c) => expect([kept(f)?.includes('Unlocked'), kept(c)?.includes(version === '1.6' ? 'NotSupported' : 'UnknownConnector')]).toEqual([true, true]),
      }),
    ),
  ],
  'unlock-not-supported': [
    {
      version: '1.6',
      scenario: async (rig) => keep(rig, await rig.csms.call('UnlockConnector', { connectorId: 1 })),
      evidence: (f, c) => expect([kept(f)?.includes('NotSupported'), kept(c)?.includes('Unlocked')]).toEqual([true, true]),
    },
  ],
  'availability-not-persisted': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        scenario: async (rig) => {
          await rig.csms.call('ChangeAvailability', version === '1.6' ? { connectorId: 1, type: 'Inoperative' } : { operationalStatus: 'Inoperative', evse: { id: 1 } });
          await rig.csms.call('Reset', version === '1.6' ? { type: 'Hard' } : { type: 'Immediate' });
          await rig.advance(10);
        },
        evidence: (f, c) => expect([f.rig.cp.summary().connectors[0]!.status, c.rig.cp.summary().connectors[0]!.status]).toEqual(['Available', 'Unavailable']),
      }),
    ),
  ],
  'charges-while-faulted': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        scenario: async (rig) => {
          rig.cp.operator.fault(1);
          await tx16(rig);
        },
        evidence: (f, c) => {
          const starts = (j: Judged) => (version === '1.6' ? calls(j, 'StartTransaction') : calls(j, 'TransactionEvent')).length;
          expect([starts(f) > 0, starts(c)]).toEqual([true, 0]);
        },
      }),
    ),
  ],
  'hard-reset-loses-transaction': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        scenario: async (rig) => {
          await tx16(rig);
          await rig.csms.call('Reset', version === '1.6' ? { type: 'Hard' } : { type: 'Immediate' });
          await rig.advance(30);
        },
        evidence: (f, c) => {
          const stops = (j: Judged) => (version === '1.6' ? calls(j, 'StopTransaction') : calls(j, 'TransactionEvent').filter((p) => p['eventType'] === 'Ended')).length;
          expect([stops(f), stops(c)]).toEqual([0, 1]);
        },
      }),
    ),
  ],
  'change-config-not-applied': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await rig.csms.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '15' });
        keep(rig, await rig.csms.call('GetConfiguration', { key: ['MeterValueSampleInterval'] }));
      },
      evidence: (f, c) => expect([kept(f)?.includes('"value":"60"'), kept(c)?.includes('"value":"15"')]).toEqual([true, true]),
    },
    {
      version: '2.0.1',
      scenario: async (rig) => {
        await rig.csms.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '20' }] });
        keep(rig, await rig.csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] }));
      },
      evidence: (f, c) => expect([kept(f)?.includes('"attributeValue":"300"'), kept(c)?.includes('"attributeValue":"20"')]).toEqual([true, true]),
    },
  ],
  'unknown-key-rejected': [
    {
      version: '1.6',
      scenario: async (rig) => keep(rig, await rig.csms.call('ChangeConfiguration', { key: 'Testing', value: 'true' })),
      evidence: (f, c) => expect([kept(f)?.includes('"Rejected"'), kept(c)?.includes('"NotSupported"')]).toEqual([true, true]),
    },
  ],
  'meter-values-missing-measurand': [
    {
      version: '1.6',
      options: { settings: { MeterValueSampleInterval: '10', MeterValuesSampledData: 'Energy.Active.Import.Register,Power.Active.Import,Current.Import' } },
      scenario: async (rig) => {
        await tx16(rig);
        await rig.advance(10);
      },
      evidence: (f, c) => {
        const count = (j: Judged) => (calls(j, 'MeterValues')[0]!['meterValue'] as Array<{ sampledValue: unknown[] }>)[0]!.sampledValue.length;
        expect([count(f), count(c)]).toEqual([1, 5]);
      },
    },
  ],
  'offline-queue-out-of-order': [
    {
      version: '1.6',
      rule: 'sequence.transaction-chronology',
      options: { settings: { MeterValueSampleInterval: '10', AllowOfflineTxForUnknownId: 'true' } },
      scenario: async (rig) => {
        rig.cp.operator.networkDown();
        await tx16(rig);
        await rig.advance(25);
        rig.cp.operator.presentIdToken('TAG1');
        await rig.advance(1);
        rig.cp.operator.networkUp();
        await rig.advance(10);
      },
      evidence: (f, c) => {
        const order = (j: Judged) => j.rig.csms.actions().filter((a) => a === 'StartTransaction' || a === 'MeterValues' || a === 'StopTransaction');
        expect(order(f)).toEqual(['StopTransaction', 'MeterValues', 'MeterValues', 'StartTransaction']);
        expect(order(c)).toEqual(['StartTransaction', 'MeterValues', 'MeterValues', 'StopTransaction']);
      },
    },
  ],
  'reserve-now-always-accepted': [
    {
      version: '1.6',
      scenario: async (rig) => {
        rig.cp.operator.fault(1);
        keep(rig, await rig.csms.call('ReserveNow', { connectorId: 1, expiryDate: iso(rig, 60_000), idTag: 'A', reservationId: 1 }));
      },
      evidence: (f, c) => expect([kept(f)?.includes('Accepted'), kept(c)?.includes('Faulted')]).toEqual([true, true]),
    },
  ],
  'start-tx-missing-reservation-id': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        scenario: async (rig) => {
          await rig.csms.call('ReserveNow', version === '1.6' ? { connectorId: 1, expiryDate: iso(rig, 600_000), idTag: 'TAG1', reservationId: 7 } : { id: 7, expiryDateTime: iso(rig, 600_000), idToken: { idToken: 'TAG1', type: 'ISO14443' }, evseId: 1 });
          await tx16(rig);
        },
        evidence: (f, c) => {
          const id = (j: Judged) => (version === '1.6' ? calls(j, 'StartTransaction')[0]! : calls(j, 'TransactionEvent')[0]!)['reservationId'];
          expect([id(f), id(c)]).toEqual([undefined, 7]);
        },
      }),
    ),
  ],
  'trigger-accepts-unknown-connector': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        scenario: async (rig) => keep(rig, await rig.csms.call('TriggerMessage', version === '1.6' ? { requestedMessage: 'MeterValues', connectorId: 2 } : { requestedMessage: 'MeterValues', evse: { id: 2 } })),
        evidence: (f, c) => expect([kept(f)?.includes('Accepted'), kept(c)?.includes('Rejected')]).toEqual([true, true]),
      }),
    ),
  ],
  'installs-despite-bad-signature': [
    {
      version: '2.0.1',
      scenario: async (rig) => {
        await rig.csms.call('UpdateFirmware', { requestId: 1, firmware: { location: 'https://fw.example.com/f', retrieveDateTime: iso(rig), signature: 'bad' } });
        await rig.advance(60);
      },
      evidence: (f, c) => {
        const statuses = (j: Judged) => calls(j, 'FirmwareStatusNotification').map((p) => p['status']);
        expect(statuses(f)).toContain('SignatureVerified');
        expect(statuses(c)).toContain('InvalidSignature');
      },
    },
  ],
  'data-transfer-callerror': [
    {
      version: '2.0.1',
      scenario: async (rig) => keep(rig, await rig.csms.call('DataTransfer', { vendorId: 'com.example' })),
      evidence: (f, c) => expect([kept(f)?.includes('NotImplemented'), kept(c)?.includes('UnknownVendorId')]).toEqual([true, true]),
    },
  ],
  'missing-required-key': [
    {
      version: '1.6',
      scenario: async (rig) => {
        keep(rig, await rig.csms.call('GetConfiguration', {}));
        keep(rig, await rig.csms.call('GetConfiguration', { key: ['ConnectorPhaseRotation'] }));
      },
      evidence: (f, c) => {
        const all = (j: Judged) => outcomes.get(j.rig)![0]!.includes('"key":"ConnectorPhaseRotation"');
        expect([all(f), all(c)]).toEqual([false, true]);
        expect(kept(f)).toContain('"unknownKey":["ConnectorPhaseRotation"]');
        expect(kept(c)).not.toContain('unknownKey":["ConnectorPhaseRotation"]');
      },
    },
  ],
  'clock-aligned-off-grid': [
    {
      version: '1.6',
      options: { settings: { ClockAlignedDataInterval: '60' } },
      scenario: async (rig) => {
        await tx16(rig);
        await rig.advance(130);
      },
      evidence: (f, c) => {
        const aligned = (j: Judged) => calls(j, 'MeterValues').map((p) => (p['meterValue'] as Array<{ timestamp: string; sampledValue: Array<{ context?: string }> }>)[0]!).filter((mv) => mv.sampledValue[0]!.context === 'Sample.Clock');
        const phases = (j: Judged) => [...new Set(aligned(j).map((mv) => Date.parse(mv.timestamp) % 60_000))];
        expect([phases(f), phases(c)]).toEqual([[30_000], [0]]);
      },
    },
  ],
  'lock-failure-ignored': [
    {
      version: '1.6',
      scenario: async (rig) => {
        rig.cp.operator.lockFailure(1);
        await tx16(rig);
      },
      evidence: (f, c) => {
        const lockFailures = (j: Judged) => calls(j, 'StatusNotification').filter((p) => p['errorCode'] === 'ConnectorLockFailure').length;
        expect([calls(f, 'StartTransaction').length, lockFailures(f)]).toEqual([1, 0]);
        expect([calls(c, 'StartTransaction').length, lockFailures(c)]).toEqual([0, 1]);
      },
    },
  ],
  'power-loss-loses-transaction': [
    {
      version: '1.6',
      scenario: async (rig) => {
        await tx16(rig);
        await rig.cp.operator.powerLoss();
        await rig.advance(30);
      },
      evidence: (f, c) => {
        const stops = (j: Judged) => calls(j, 'StopTransaction').map((p) => p['reason']);
        expect([stops(f), stops(c)]).toEqual([[], ['PowerLoss']]);
      },
    },
  ],
  'invalid-id-keeps-charging': [
    {
      version: '1.6',
      options: { settings: { AllowOfflineTxForUnknownId: 'true', StopTransactionOnInvalidId: 'false' } },
      scenario: async (rig) => {
        rig.csms.idTags.set('BAD', { status: 'Invalid' });
        rig.cp.operator.networkDown();
        await tx16Tag(rig, 'BAD');
        rig.cp.operator.networkUp();
        await rig.advance(10);
      },
      evidence: (f, c) => {
        const last = (j: Judged) => calls(j, 'StatusNotification').filter((p) => p['connectorId'] === 1).at(-1)?.['status'];
        expect([last(f), last(c)]).toEqual(['Charging', 'SuspendedEVSE']);
      },
    },
  ],
  'offline-messages-dropped': [
    ...(['1.6', '2.0.1'] as const).map(
      (version): Case => ({
        version,
        options: { settings: version === '1.6' ? { AllowOfflineTxForUnknownId: 'true' } : { 'AuthCtrlr.OfflineTxForUnknownIdEnabled': 'true' } },
        scenario: async (rig) => {
          rig.cp.operator.networkDown();
          await tx16(rig);
          await rig.advance(1);
          rig.cp.operator.networkUp();
          await rig.advance(10);
        },
        evidence: (f, c) => {
          const starts = (j: Judged) => (version === '1.6' ? calls(j, 'StartTransaction') : calls(j, 'TransactionEvent')).length;
          expect([starts(f), starts(c) > 0]).toEqual([0, true]);
        },
      }),
    ),
  ],
  'accepts-invalid-config-value': [
    {
      version: '1.6',
      scenario: async (rig) => {
        keep(rig, await rig.csms.call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '-1' }));
        keep(rig, await rig.csms.call('GetConfiguration', { key: ['MeterValueSampleInterval'] }));
      },
      evidence: (f, c) => {
        expect([outcomes.get(f.rig)![0]!.includes('"Accepted"'), outcomes.get(c.rig)![0]!.includes('"Rejected"')]).toEqual([true, true]);
        expect(kept(f)).toContain('"value":"60"');
      },
    },
  ],
};

describe('named faulty behaviours', () => {
  it('every behaviour has a scenario here, for a version it applies to', () => {
    for (const b of BEHAVIOURS) {
      const cases = CASES[b.name];
      expect(cases.length, b.name).toBeGreaterThan(0);
      for (const c of cases) expect((b.versions as readonly string[]).includes(c.version), `${b.name} on ${c.version}`).toBe(true);
    }
  });

  it('the README lists every behaviour with its sentence', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const b of BEHAVIOURS) {
      expect(readme, b.name).toContain(`| \`${b.name}\``);
      expect(readme, b.name).toContain(b.description);
    }
  });

  it('every 1.6 feature profile and every 2.0.1 block the simulator supports has a behaviour', () => {
    const targets = new Set<string>(BEHAVIOURS.flatMap((b) => [...b.targets]));
    for (const t of ['Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'SmartCharging', 'RemoteTrigger', 'Security', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P']) {
      expect(targets.has(t), t).toBe(true);
    }
  });

  for (const b of BEHAVIOURS) {
    for (const c of CASES[b.name]) {
      it(`${b.name} (${c.version})${c.rule !== undefined ? ` → ${c.rule}` : ''}`, async () => {
        const { behaviours: given, ...options } = c.options ?? {};
        const faulty = await run(c.version, given !== undefined ? [...given] : [b.name], c.scenario, options);
        const clean = await run(c.version, [], c.scenario, options);
        c.evidence(faulty, clean);
        if (c.rule !== undefined) {
          expect([...faulty.rules], `${b.name} should raise ${c.rule}`).toContain(c.rule);
          expect([...clean.rules], `the conformant run should not raise ${c.rule}`).not.toContain(c.rule);
          // The registry names the rule the judge raises.
          expect(b.rule.split(', ')).toContain(c.rule);
        }
      });
    }
  }
});
