import { describe, expect, it } from 'vitest';
import { booted, ofRule, playbook, rulesOf, txEvent } from '../testing/playbook';

const at = (s: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + s * 1000).toISOString();

describe('sequence.transaction-chronology', () => {
  it('flags a 1.6 transaction message older than the one delivered before it', () => {
    const p = booted(playbook('1.6'));
    const start = p.call('cp', 'StartTransaction', { connectorId: 1, idTag: 'T', meterStart: 0, timestamp: at(100) });
    p.result('csms', start, { transactionId: 1, idTagInfo: { status: 'Accepted' } });
    p.exchange('cp', 'MeterValues', { connectorId: 1, transactionId: 1, meterValue: [{ timestamp: at(50), sampledValue: [{ value: '10' }] }] });
    expect(ofRule(p.finish(1), 'sequence.transaction-chronology')).toMatchObject([{ seq: 4, severity: 'warning' }]);
  });

  it('flags a 2.x event whose seqNo contradicts its timestamp', () => {
    const p = booted(playbook('2.0.1'));
    p.exchange('cp', 'TransactionEvent', { ...txEvent('Started', 0, 'Authorized'), timestamp: at(100) });
    p.exchange('cp', 'TransactionEvent', { ...txEvent('Updated', 1, 'MeterValuePeriodic'), timestamp: at(50) });
    expect(ofRule(p.finish(1), 'sequence.transaction-chronology')).toMatchObject([{ seq: 4, path: '/timestamp' }]);
  });

  it('accepts 2.x events out of arrival order when seqNo and time agree, and 1.6 messages in order', () => {
    const p = booted(playbook('2.0.1'));
    p.exchange('cp', 'TransactionEvent', { ...txEvent('Updated', 2, 'MeterValuePeriodic'), timestamp: at(30) });
    p.exchange('cp', 'TransactionEvent', { ...txEvent('Started', 0, 'Authorized'), timestamp: at(10) });
    p.exchange('cp', 'TransactionEvent', { ...txEvent('Updated', 1, 'MeterValuePeriodic'), timestamp: at(20) });
    expect(rulesOf(p.finish(1))).not.toContain('sequence.transaction-chronology');

    const q = booted(playbook('1.6'));
    const start = q.call('cp', 'StartTransaction', { connectorId: 1, idTag: 'T', meterStart: 0, timestamp: at(10) });
    q.result('csms', start, { transactionId: 1, idTagInfo: { status: 'Accepted' } });
    q.exchange('cp', 'MeterValues', { connectorId: 1, transactionId: 1, meterValue: [{ timestamp: at(20), sampledValue: [{ value: '10' }] }] });
    q.exchange('cp', 'StopTransaction', { transactionId: 1, meterStop: 20, timestamp: at(30) });
    expect(rulesOf(q.finish(1))).not.toContain('sequence.transaction-chronology');
  });
});
