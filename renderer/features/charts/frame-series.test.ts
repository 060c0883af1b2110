import { describe, expect, it } from 'vitest';
import type { FrameSummary } from '../../../api/model';
import { meterByTransaction, payloadOf, schedulesOf, type PayloadFrame } from './frame-series';

const summary = (index: number, action: string, kind: FrameSummary['kind'] = 'CALL'): FrameSummary => ({ index, session: 's', seq: index, dir: 'cp2csms', time: '', mono: 0, kind, action, size: 0, findings: { error: 0, warning: 0, info: 0 } });
const mv = (t: string, wh: number) => ({ timestamp: t, sampledValue: [{ value: String(wh) }] });

describe('series from frames', () => {
  it('groups meter values by transaction across MeterValues, StopTransaction and TransactionEvent', () => {
    const frames: PayloadFrame[] = [
      { summary: summary(0, 'MeterValues'), payload: { connectorId: 1, transactionId: 5, meterValue: [mv('2026-01-01T10:00:00Z', 100)] } },
      { summary: summary(1, 'MeterValues'), payload: { connectorId: 2, meterValue: [mv('2026-01-01T10:00:00Z', 7)] } },
      { summary: summary(2, 'StopTransaction'), payload: { transactionId: 5, meterStop: 300, transactionData: [mv('2026-01-01T10:05:00Z', 300)] } },
      { summary: summary(3, 'TransactionEvent'), payload: { transactionInfo: { transactionId: 'tx-9' }, meterValue: [mv('2026-01-01T10:00:00Z', 1)] } },
      { summary: summary(4, 'MeterValues', 'CALLRESULT'), payload: {} },
    ];
    expect(meterByTransaction(frames).map((t) => [t.id, t.samples.length])).toEqual([
      ['5', 2],
      ['connector 2', 1],
      ['tx-9', 1],
    ]);
  });

  it('finds profiles sent and composite schedules answered', () => {
    const schedule = { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 7000 }] };
    const found = schedulesOf([
      { summary: summary(0, 'SetChargingProfile'), payload: { connectorId: 1, csChargingProfiles: { chargingProfileId: 3, chargingProfilePurpose: 'TxDefaultProfile', chargingSchedule: schedule } } },
      { summary: summary(1, 'GetCompositeSchedule', 'CALLRESULT'), payload: { status: 'Accepted', connectorId: 1, chargingSchedule: schedule } },
      { summary: summary(2, 'GetCompositeSchedule', 'CALLRESULT'), payload: { status: 'Rejected' } },
    ]);
    expect(found.map((f) => f.label)).toEqual(['SetChargingProfile: profile 3 (TxDefaultProfile) · frame 1', 'Composite schedule of connector 1 · frame 2']);
  });

  it('reads a payload by message type', () => {
    expect(payloadOf('[2,"1","Heartbeat",{"a":1}]', summary(0, 'Heartbeat'))).toEqual({ a: 1 });
    expect(payloadOf('[3,"1",{"b":2}]', summary(0, 'Heartbeat', 'CALLRESULT'))).toEqual({ b: 2 });
    expect(payloadOf('not json', summary(0, 'x'))).toBeUndefined();
  });
});
