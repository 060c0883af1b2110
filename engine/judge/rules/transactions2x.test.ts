import { describe, expect, it } from 'vitest';
import { booted, ofRule, playbook, rulesOf, txEvent, type Playbook } from '../testing/playbook';

function te(p: Playbook, ...args: Parameters<typeof txEvent>): string {
  return p.exchange('cp', 'TransactionEvent', txEvent(...args));
}

/** A regular transaction: Started, periodic update, state change, Ended. */
function regular(p: Playbook, id = 'tx-1'): void {
  te(p, 'Started', 0, 'Authorized', id, { transactionInfo: { chargingState: 'EVConnected' } });
  te(p, 'Updated', 1, 'ChargingStateChanged', id, { transactionInfo: { chargingState: 'Charging' } });
  te(p, 'Updated', 2, 'MeterValuePeriodic', id, { transactionInfo: { chargingState: 'Charging' } });
  te(p, 'Ended', 3, 'StopAuthorized', id, { transactionInfo: { stoppedReason: 'Local' } });
}

describe('regular 2.0.1 traffic', () => {
  it('raises no transaction finding', () => {
    const p = booted(playbook('2.0.1'));
    regular(p);
    regular(p, 'tx-2');
    const rules = rulesOf(p.finish(1000)).filter((r) => r.includes('tx-') || r === 'sequence.transaction-chronology');
    expect(rules).toEqual([]);
  });
});

describe('sequence.tx-seqno-gap', () => {
  it('flags a seqNo missing when the follow-up time passes', () => {
    const p = booted(playbook('2.0.1'));
    p.at(1);
    te(p, 'Started', 0, 'Authorized');
    te(p, 'Updated', 2, 'MeterValuePeriodic');
    p.at(100).tick();
    const found = ofRule(p.found, 'sequence.tx-seqno-gap');
    expect(found).toMatchObject([{ seq: 4, late: true, path: '/seqNo' }]);
    expect(found[0]!.message).toContain('seqNo 1');
  });

  it('flags it at the end of a session in which the transaction ended', () => {
    const p = booted(playbook('2.0.1'));
    te(p, 'Started', 0, 'Authorized');
    te(p, 'Ended', 2, 'StopAuthorized');
    expect(ofRule(p.finish(5), 'sequence.tx-seqno-gap')).toHaveLength(1);
  });

  it('accepts events arriving out of order that fill the gap in time', () => {
    const p = booted(playbook('2.0.1'));
    te(p, 'Started', 0, 'Authorized');
    te(p, 'Updated', 2, 'MeterValuePeriodic');
    p.at(10);
    te(p, 'Updated', 1, 'MeterValuePeriodic');
    expect(rulesOf(p.finish(500))).not.toContain('sequence.tx-seqno-gap');
  });
});

describe('sequence.tx-seqno-repeated', () => {
  it('flags a seqNo reused after the CSMS acknowledged it', () => {
    const p = booted(playbook('2.0.1'));
    te(p, 'Started', 0, 'Authorized');
    te(p, 'Updated', 1, 'MeterValuePeriodic');
    te(p, 'Updated', 1, 'MeterValuePeriodic');
    expect(ofRule(p.finish(1), 'sequence.tx-seqno-repeated')).toMatchObject([{ seq: 6 }]);
  });

  it('accepts a retry of an event the CSMS did not acknowledge', () => {
    const p = booted(playbook('2.0.1'));
    te(p, 'Started', 0, 'Authorized');
    const first = p.call('cp', 'TransactionEvent', txEvent('Updated', 1, 'MeterValuePeriodic'));
    p.error('csms', first, 'InternalError');
    te(p, 'Updated', 1, 'MeterValuePeriodic');
    expect(rulesOf(p.finish(1))).not.toContain('sequence.tx-seqno-repeated');
  });
});

describe('sequence.tx-started-first', () => {
  it('flags a seqNo 0 that is not Started, and a Started after an earlier seqNo', () => {
    const p = booted(playbook('2.0.1'));
    te(p, 'Updated', 0, 'CablePluggedIn', 'tx-a');
    te(p, 'Updated', 0, 'CablePluggedIn', 'tx-b', { evse: { id: 2, connectorId: 1 } });
    te(p, 'Started', 1, 'Authorized', 'tx-b', { evse: { id: 2, connectorId: 1 } });
    expect(ofRule(p.finish(1), 'sequence.tx-started-first').map((f) => f.seq)).toEqual([2, 4, 6]);
  });

  it('accepts a transaction continued from an earlier connection (first seen seqNo > 0)', () => {
    const p = booted(playbook('2.0.1'));
    te(p, 'Updated', 5, 'MeterValuePeriodic');
    te(p, 'Ended', 6, 'StopAuthorized');
    expect(rulesOf(p.finish(1))).not.toContain('sequence.tx-started-first');
  });
});

describe('sequence.tx-after-ended', () => {
  it('flags an event after Ended, and a second Ended', () => {
    const p = booted(playbook('2.0.1'));
    te(p, 'Started', 0, 'Authorized');
    te(p, 'Ended', 1, 'StopAuthorized');
    te(p, 'Updated', 2, 'MeterValuePeriodic');
    te(p, 'Ended', 3, 'EVDeparted');
    expect(ofRule(p.finish(1), 'sequence.tx-after-ended').map((f) => f.seq)).toEqual([6, 8]);
  });

  it('accepts a queued lower seqNo delivered after the Ended event', () => {
    const p = booted(playbook('2.0.1'));
    te(p, 'Started', 0, 'Authorized');
    te(p, 'Ended', 2, 'StopAuthorized');
    te(p, 'Updated', 1, 'MeterValuePeriodic');
    expect(rulesOf(p.finish(1))).not.toContain('sequence.tx-after-ended');
  });
});

describe('state.tx-trigger-event-type', () => {
  it('flags a Started caused by a periodic meter value and an Ended caused by a TriggerMessage', () => {
    const p = booted(playbook('2.0.1'));
    te(p, 'Started', 0, 'MeterValuePeriodic');
    te(p, 'Ended', 1, 'Trigger');
    expect(ofRule(p.finish(1), 'state.tx-trigger-event-type')).toMatchObject([
      { seq: 2, path: '/triggerReason' },
      { seq: 4, path: '/triggerReason' },
    ]);
  });

  it('accepts the TxStartPoint triggers for Started and stop triggers for Ended', () => {
    const p = booted(playbook('2.0.1'));
    for (const [i, reason] of ['Authorized', 'CablePluggedIn', 'EVDetected', 'SignedDataReceived'].entries()) {
      te(p, 'Started', 0, reason, `s${i}`, { evse: { id: i + 1, connectorId: 1 } });
      te(p, 'Ended', 1, 'EVCommunicationLost', `s${i}`, { evse: { id: i + 1, connectorId: 1 } });
    }
    expect(rulesOf(p.finish(1))).not.toContain('state.tx-trigger-event-type');
  });
});

describe('state.tx-trigger-unexplained', () => {
  it('flags RemoteStop, Trigger and an unchanged ChargingStateChanged without their cause', () => {
    const p = booted(playbook('2.0.1'));
    te(p, 'Started', 0, 'Authorized', 'tx-1', { transactionInfo: { chargingState: 'Charging' } });
    te(p, 'Updated', 1, 'ChargingStateChanged', 'tx-1', { transactionInfo: { chargingState: 'Charging' } });
    te(p, 'Updated', 2, 'Trigger');
    te(p, 'Ended', 3, 'RemoteStop');
    expect(ofRule(p.finish(1), 'state.tx-trigger-unexplained').map((f) => f.seq)).toEqual([4, 6, 8]);
  });

  it('accepts them after the matching requests', () => {
    const p = booted(playbook('2.0.1'));
    p.exchange('csms', 'RequestStartTransaction', { idToken: { idToken: 'T', type: 'ISO14443' }, remoteStartId: 4 }, { status: 'Accepted' });
    te(p, 'Started', 0, 'RemoteStart', 'tx-1', { transactionInfo: { chargingState: 'EVConnected', remoteStartId: 4 } });
    te(p, 'Updated', 1, 'ChargingStateChanged', 'tx-1', { transactionInfo: { chargingState: 'Charging' } });
    p.exchange('csms', 'TriggerMessage', { requestedMessage: 'TransactionEvent', evse: { id: 1 } }, { status: 'Accepted' });
    te(p, 'Updated', 2, 'Trigger');
    p.exchange('csms', 'RequestStopTransaction', { transactionId: 'tx-1' }, { status: 'Accepted' });
    te(p, 'Ended', 3, 'RemoteStop');
    expect(rulesOf(p.finish(1))).not.toContain('state.tx-trigger-unexplained');
  });
});

describe('state.tx-id-unstable', () => {
  it('flags a new transactionId on an EVSE whose transaction has not ended', () => {
    const p = booted(playbook('2.0.1'));
    te(p, 'Started', 0, 'Authorized', 'tx-1');
    te(p, 'Updated', 1, 'MeterValuePeriodic', 'tx-1');
    te(p, 'Updated', 2, 'MeterValuePeriodic', 'tx-X');
    const found = ofRule(p.finish(1), 'state.tx-id-unstable');
    expect(found).toMatchObject([{ seq: 6, path: '/transactionInfo/transactionId' }]);
    expect(found[0]!.message).toContain('tx-1');
  });

  it('accepts consecutive transactions, and transactions on different EVSEs', () => {
    const p = booted(playbook('2.0.1'));
    regular(p, 'tx-1');
    te(p, 'Started', 0, 'Authorized', 'tx-2');
    te(p, 'Started', 0, 'Authorized', 'tx-3', { evse: { id: 2, connectorId: 1 } });
    expect(rulesOf(p.finish(1))).not.toContain('state.tx-id-unstable');
  });
});

describe('sequence.tx-offline-flag', () => {
  it('flags offline=true on an event that happened during the connection', () => {
    const p = booted(playbook('2.0.1'));
    p.at(600);
    p.exchange('cp', 'TransactionEvent', { ...txEvent('Started', 0, 'Authorized'), timestamp: '2025-01-01T00:10:00.000Z', offline: true });
    expect(ofRule(p.finish(601), 'sequence.tx-offline-flag')).toMatchObject([{ seq: 2, path: '/offline' }]);
  });

  it('accepts queued offline events from before the connection', () => {
    const p = booted(playbook('2.0.1'));
    p.at(600);
    p.exchange('cp', 'TransactionEvent', { ...txEvent('Started', 0, 'Authorized'), timestamp: '2024-12-31T23:00:00.000Z', offline: true });
    expect(rulesOf(p.finish(601))).not.toContain('sequence.tx-offline-flag');
  });
});
