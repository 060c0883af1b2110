import { describe, expect, it } from 'vitest';
import { booted, ofRule, playbook, rulesOf, status16, type Playbook } from '../testing/playbook';

const T0 = '2025-01-01T00:00:00Z';
const idTagInfo = { status: 'Accepted' };

function start(p: Playbook, transactionId: number, connectorId = 1, meterStart = 1000, idTag = 'TAG'): void {
  const id = p.call('cp', 'StartTransaction', { connectorId, idTag, meterStart, timestamp: T0 });
  p.result('csms', id, { transactionId, idTagInfo });
}

function meter(transactionId: number, wh: number, connectorId = 1): object {
  return { connectorId, transactionId, meterValue: [{ timestamp: T0, sampledValue: [{ value: String(wh) }] }] };
}

function stop(transactionId: number, meterStop: number): object {
  return { transactionId, meterStop, timestamp: T0, reason: 'Local' };
}

describe('state.transaction-id-unknown', () => {
  it('flags MeterValues and StopTransaction for a transactionId never issued, once per id', () => {
    const p = booted(playbook('1.6'));
    p.exchange('cp', 'MeterValues', meter(99, 1200));
    p.exchange('cp', 'MeterValues', meter(99, 1300));
    p.exchange('cp', 'StopTransaction', stop(98, 1400));
    const found = ofRule(p.finish(1), 'state.transaction-id-unknown');
    expect(found.map((f) => [f.seq, f.path])).toEqual([
      [2, '/transactionId'],
      [6, '/transactionId'],
    ]);
    expect(found[0]!.severity).toBe('warning');
  });

  it('accepts the transactionId the Central System issued', () => {
    const p = booted(playbook('1.6'));
    start(p, 7);
    p.exchange('cp', 'MeterValues', meter(7, 1200));
    p.exchange('cp', 'StopTransaction', stop(7, 1300));
    expect(rulesOf(p.finish(1))).not.toContain('state.transaction-id-unknown');
  });
});

describe('state.transaction-already-stopped', () => {
  it('flags a second StopTransaction and MeterValues after an acknowledged stop', () => {
    const p = booted(playbook('1.6'));
    start(p, 7);
    p.exchange('cp', 'StopTransaction', stop(7, 1300));
    p.exchange('cp', 'MeterValues', meter(7, 1300));
    p.exchange('cp', 'StopTransaction', stop(7, 1300));
    expect(ofRule(p.finish(1), 'state.transaction-already-stopped').map((f) => f.seq)).toEqual([6, 8]);
  });

  it('accepts a StopTransaction retried after a CALLERROR', () => {
    const p = booted(playbook('1.6'));
    start(p, 7);
    const first = p.call('cp', 'StopTransaction', stop(7, 1300));
    p.error('csms', first, 'InternalError');
    p.exchange('cp', 'StopTransaction', stop(7, 1300));
    expect(rulesOf(p.finish(1))).not.toContain('state.transaction-already-stopped');
  });
});

describe('state.meter-stop-below-start', () => {
  it('flags a meterStop below the meterStart', () => {
    const p = booted(playbook('1.6'));
    start(p, 7, 1, 5000);
    p.exchange('cp', 'StopTransaction', stop(7, 4999));
    expect(ofRule(p.finish(1), 'state.meter-stop-below-start')).toMatchObject([{ seq: 4, path: '/meterStop' }]);
  });

  it('accepts a meterStop equal to the meterStart', () => {
    const p = booted(playbook('1.6'));
    start(p, 7, 1, 5000);
    p.exchange('cp', 'StopTransaction', stop(7, 5000));
    expect(rulesOf(p.finish(1))).not.toContain('state.meter-stop-below-start');
  });
});

describe('state.connector-transition', () => {
  it('flags transitions the 1.6 table forbids', () => {
    const p = booted(playbook('1.6'));
    p.exchange('cp', 'StatusNotification', status16(1, 'Available'));
    p.exchange('cp', 'StatusNotification', status16(1, 'Finishing'));
    p.exchange('cp', 'StatusNotification', status16(2, 'Charging'));
    p.exchange('cp', 'StatusNotification', status16(2, 'Preparing'));
    const found = ofRule(p.finish(1), 'state.connector-transition');
    expect(found.map((f) => f.seq)).toEqual([4, 8]);
    expect(found[0]!.message).toContain('Available');
  });

  it('accepts a regular session and a repeated status', () => {
    const p = booted(playbook('1.6'));
    for (const s of ['Available', 'Preparing', 'Charging', 'SuspendedEV', 'Charging', 'Finishing', 'Available', 'Available', 'Reserved', 'Preparing', 'Finishing', 'Unavailable', 'Faulted', 'Available']) {
      p.exchange('cp', 'StatusNotification', status16(1, s));
    }
    expect(rulesOf(p.finish(1))).not.toContain('state.connector-transition');
  });
});

describe('state.connector-zero-status', () => {
  it('flags connector 0 reported Charging', () => {
    const p = booted(playbook('1.6'));
    p.exchange('cp', 'StatusNotification', status16(0, 'Charging'));
    expect(ofRule(p.finish(1), 'state.connector-zero-status')).toMatchObject([{ seq: 2, path: '/status' }]);
  });

  it('accepts connector 0 Available, Unavailable and Faulted', () => {
    const p = booted(playbook('1.6'));
    for (const s of ['Available', 'Unavailable', 'Faulted']) p.exchange('cp', 'StatusNotification', status16(0, s));
    expect(rulesOf(p.finish(1))).not.toContain('state.connector-zero-status');
  });
});

describe('state.start-connector-unavailable', () => {
  it('flags a StartTransaction on a Faulted connector, and on one Reserved for another idTag', () => {
    const p = booted(playbook('1.6'));
    p.exchange('cp', 'StatusNotification', status16(1, 'Faulted'));
    start(p, 7, 1);
    p.exchange('csms', 'ReserveNow', { connectorId: 2, expiryDate: '2025-01-01T01:00:00Z', idTag: 'OWNER', reservationId: 5 }, { status: 'Accepted' });
    p.exchange('cp', 'StatusNotification', status16(2, 'Reserved'));
    start(p, 8, 2, 1000, 'STRANGER');
    const found = ofRule(p.finish(1), 'state.start-connector-unavailable');
    expect(found.map((f) => [f.seq, f.path])).toEqual([
      [4, '/connectorId'],
      [10, '/idTag'],
    ]);
  });

  it('accepts a start on a Preparing connector, and on a connector Reserved for the same idTag', () => {
    const p = booted(playbook('1.6'));
    p.exchange('cp', 'StatusNotification', status16(1, 'Preparing'));
    start(p, 7, 1);
    p.exchange('csms', 'ReserveNow', { connectorId: 2, expiryDate: '2025-01-01T01:00:00Z', idTag: 'OWNER', reservationId: 5 }, { status: 'Accepted' });
    p.exchange('cp', 'StatusNotification', status16(2, 'Reserved'));
    start(p, 8, 2, 1000, 'OWNER');
    expect(rulesOf(p.finish(1))).not.toContain('state.start-connector-unavailable');
  });
});
