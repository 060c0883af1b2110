import { describe, expect, it } from 'vitest';
import { booted, ofRule, playbook, rulesOf, status16, status2x, txEvent } from '../testing/playbook';

const T0 = '2025-01-01T00:00:00Z';

describe('timing.remote-start-timeout', () => {
  it('flags an accepted 1.6 RemoteStartTransaction with no transaction within the time', () => {
    const p = booted(playbook('1.6'));
    p.at(1).exchange('csms', 'RemoteStartTransaction', { idTag: 'APP', connectorId: 1 }, { status: 'Accepted' });
    p.at(200).tick();
    expect(ofRule(p.found, 'timing.remote-start-timeout')).toMatchObject([{ seq: 3, late: true, severity: 'warning' }]);
  });

  it('accepts a transaction that starts in time (1.6 StartTransaction; 2.x TransactionEvent with the remoteStartId)', () => {
    const p = booted(playbook('1.6'));
    p.at(1).exchange('csms', 'RemoteStartTransaction', { idTag: 'APP', connectorId: 1 }, { status: 'Accepted' });
    const start = p.at(30).call('cp', 'StartTransaction', { connectorId: 1, idTag: 'APP', meterStart: 0, timestamp: T0 });
    p.result('csms', start, { transactionId: 1, idTagInfo: { status: 'Accepted' } });
    expect(rulesOf(p.finish(500))).not.toContain('timing.remote-start-timeout');

    const q = booted(playbook('2.0.1'));
    q.at(1).exchange('csms', 'RequestStartTransaction', { idToken: { idToken: 'APP', type: 'Central' }, remoteStartId: 7 }, { status: 'Accepted' });
    q.at(20).exchange('cp', 'TransactionEvent', txEvent('Started', 0, 'RemoteStart', 'tx-1', { transactionInfo: { remoteStartId: 7 }, idToken: { idToken: 'APP', type: 'Central' } }));
    expect(rulesOf(q.finish(500))).not.toContain('timing.remote-start-timeout');
  });
});

describe('state.remote-start-id-token', () => {
  it('flags a transaction started for a remote start with another id token', () => {
    const p = booted(playbook('2.0.1'));
    p.exchange('csms', 'RequestStartTransaction', { idToken: { idToken: 'APP', type: 'Central' }, remoteStartId: 7 }, { status: 'Accepted' });
    p.exchange('cp', 'TransactionEvent', txEvent('Started', 0, 'RemoteStart', 'tx-1', { transactionInfo: { remoteStartId: 7 }, idToken: { idToken: 'OTHER', type: 'Central' } }));
    expect(ofRule(p.finish(1), 'state.remote-start-id-token')).toMatchObject([{ seq: 4, path: '/idToken/idToken' }]);
  });

  it('accepts the requested idTag on the requested connector', () => {
    const p = booted(playbook('1.6'));
    p.exchange('csms', 'RemoteStartTransaction', { idTag: 'APP', connectorId: 2 }, { status: 'Accepted' });
    const start = p.call('cp', 'StartTransaction', { connectorId: 2, idTag: 'APP', meterStart: 0, timestamp: T0 });
    p.result('csms', start, { transactionId: 1, idTagInfo: { status: 'Accepted' } });
    expect(rulesOf(p.finish(1))).not.toContain('state.remote-start-id-token');
  });
});

describe('timing.trigger-not-followed', () => {
  it('flags an accepted TriggerMessage whose message never comes', () => {
    const p = booted(playbook('1.6'));
    p.at(1).exchange('csms', 'TriggerMessage', { requestedMessage: 'StatusNotification', connectorId: 1 }, { status: 'Accepted' });
    expect(ofRule(p.finish(100), 'timing.trigger-not-followed')).toMatchObject([{ seq: 3, late: true }]);
  });

  it('accepts the triggered message, and a refused trigger', () => {
    const p = booted(playbook('2.0.1'));
    p.at(1).exchange('csms', 'TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } }, { status: 'Accepted' });
    p.at(2).exchange('cp', 'StatusNotification', status2x(1, 'Available'));
    p.at(3).exchange('csms', 'TriggerMessage', { requestedMessage: 'LogStatusNotification' }, { status: 'Rejected' });
    expect(rulesOf(p.finish(100))).not.toContain('timing.trigger-not-followed');
  });
});

describe('timing.availability-not-reported', () => {
  it('flags an accepted change to Inoperative with no Unavailable report', () => {
    const p = booted(playbook('1.6'));
    p.exchange('cp', 'StatusNotification', status16(1, 'Available'));
    p.at(1).exchange('csms', 'ChangeAvailability', { connectorId: 1, type: 'Inoperative' }, { status: 'Accepted' });
    expect(ofRule(p.finish(100), 'timing.availability-not-reported')).toMatchObject([{ seq: 5, late: true }]);
  });

  it('accepts the Unavailable report, and no report when the connector already had that status', () => {
    const p = booted(playbook('2.0.1'));
    p.exchange('cp', 'StatusNotification', status2x(1, 'Available'));
    p.at(1).exchange('csms', 'ChangeAvailability', { evse: { id: 1 }, operationalStatus: 'Inoperative' }, { status: 'Accepted' });
    p.at(2).exchange('cp', 'StatusNotification', status2x(1, 'Unavailable'));
    p.at(3).exchange('csms', 'ChangeAvailability', { evse: { id: 1 }, operationalStatus: 'Inoperative' }, { status: 'Accepted' });
    expect(rulesOf(p.finish(100))).not.toContain('timing.availability-not-reported');
  });
});

describe('sequence.trigger-order', () => {
  it('flags the requested message sent before the TriggerMessage was answered', () => {
    const p = booted(playbook('2.0.1'));
    const trigger = p.call('csms', 'TriggerMessage', { requestedMessage: 'Heartbeat' });
    p.exchange('cp', 'Heartbeat', {}, { currentTime: T0 });
    p.result('cp', trigger, { status: 'Accepted' });
    const found = p.finish(100);
    expect(ofRule(found, 'sequence.trigger-order')).toMatchObject([{ seq: 3, late: true }]);
    expect(rulesOf(found)).not.toContain('timing.trigger-not-followed');
  });

  it('accepts the answer first, then the message', () => {
    const p = booted(playbook('1.6'));
    p.exchange('csms', 'TriggerMessage', { requestedMessage: 'Heartbeat' }, { status: 'Accepted' });
    p.exchange('cp', 'Heartbeat', {}, { currentTime: T0 });
    expect(rulesOf(p.finish(100))).not.toContain('sequence.trigger-order');
  });
});
