import { describe, expect, it } from 'vitest';
import { booted, ofRule, playbook, rulesOf, txEvent } from '../testing/playbook';

const at = (s: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + s * 1000).toISOString();

function mv16(seconds: number, value: string, extra: Record<string, unknown> = {}): object {
  return { connectorId: 1, meterValue: [{ timestamp: at(seconds), sampledValue: [{ value, ...extra }] }] };
}

describe('state.energy-register-decreased', () => {
  it('flags a 1.6 register that falls, across units (kWh vs Wh)', () => {
    const p = booted(playbook('1.6'));
    p.exchange('cp', 'MeterValues', mv16(10, '1500'));
    p.exchange('cp', 'MeterValues', mv16(20, '1.2', { unit: 'kWh' }));
    const found = ofRule(p.finish(1), 'state.energy-register-decreased');
    expect(found).toMatchObject([{ seq: 4, path: '/meterValue/0/sampledValue/0/value', severity: 'error' }]);
    expect(found[0]!.message).toContain('1500');
  });

  it('flags a 2.x register that falls within a transaction', () => {
    const p = booted(playbook('2.0.1'));
    p.exchange('cp', 'TransactionEvent', txEvent('Started', 0, 'Authorized', 'tx-1', { meterValue: [{ timestamp: at(1), sampledValue: [{ value: 900 }] }] }));
    p.exchange('cp', 'TransactionEvent', txEvent('Updated', 1, 'MeterValuePeriodic', 'tx-1', { meterValue: [{ timestamp: at(2), sampledValue: [{ value: 800 }] }] }));
    expect(ofRule(p.finish(1), 'state.energy-register-decreased')).toMatchObject([{ seq: 4 }]);
  });

  it('accepts a rising register, an older reading delivered late, other measurands and per-phase registers', () => {
    const p = booted(playbook('1.6'));
    p.exchange('cp', 'MeterValues', mv16(10, '1000'));
    p.exchange('cp', 'MeterValues', mv16(30, '1300'));
    // A queued reading from before: older timestamp, lower value — not a decrease.
    p.exchange('cp', 'MeterValues', mv16(20, '1100'));
    p.exchange('cp', 'MeterValues', mv16(40, '5', { measurand: 'Power.Active.Import', unit: 'W' }));
    p.exchange('cp', 'MeterValues', mv16(50, '200', { phase: 'L1' }));
    p.exchange('cp', 'MeterValues', mv16(60, '1.4', { unit: 'kWh' }));
    expect(rulesOf(p.finish(1))).not.toContain('state.energy-register-decreased');
  });
});
