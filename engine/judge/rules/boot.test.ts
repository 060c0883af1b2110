import { describe, expect, it } from 'vitest';
import { accepted, boot16, boot2x, booted, ofRule, pending, playbook, rejected, rulesOf, status16, status2x } from '../testing/playbook';

describe('sequence.boot-first', () => {
  it('flags, on the earlier request, a session whose BootNotification comes after other requests', () => {
    const p = playbook('1.6');
    p.exchange('cp', 'StatusNotification', status16(1, 'Available'));
    const boot = p.call('cp', 'BootNotification', boot16);
    p.result('csms', boot, accepted());
    expect(ofRule(p.finish(1), 'sequence.boot-first')).toMatchObject([{ seq: 0, late: true }]);
  });

  it('accepts a boot first, a reconnect without boot, and a triggered BootNotification later on', () => {
    const first = booted(playbook('2.0.1'));
    first.exchange('cp', 'Heartbeat', {}, { currentTime: '2025-01-01T00:00:00Z' });
    expect(rulesOf(first.finish(1))).not.toContain('sequence.boot-first');

    const reconnect = playbook('2.0.1');
    reconnect.exchange('cp', 'Heartbeat', {}, { currentTime: '2025-01-01T00:00:00Z' });
    const trigger = reconnect.call('csms', 'TriggerMessage', { requestedMessage: 'BootNotification' });
    reconnect.result('cp', trigger, { status: 'Accepted' });
    const boot = reconnect.call('cp', 'BootNotification', { ...boot2x, reason: 'Triggered' });
    reconnect.result('csms', boot, accepted());
    expect(rulesOf(reconnect.finish(1))).not.toContain('sequence.boot-first');
  });
});

describe('sequence.pending-charger-message', () => {
  it('flags a request the charger sends on its own while Pending', () => {
    const p = playbook('1.6');
    const boot = p.call('cp', 'BootNotification', boot16);
    p.result('csms', boot, pending(60));
    p.at(1).exchange('cp', 'StatusNotification', status16(1, 'Available'));
    expect(ofRule(p.finish(2), 'sequence.pending-charger-message')).toMatchObject([{ seq: 2 }]);
  });

  it('accepts answers, triggered messages and (2.x) the NotifyReport a report request asked for', () => {
    const p = playbook('2.0.1');
    const boot = p.call('cp', 'BootNotification', boot2x);
    p.result('csms', boot, pending(60));
    p.exchange('csms', 'GetBaseReport', { requestId: 1, reportBase: 'FullInventory' }, { status: 'Accepted' });
    p.exchange('cp', 'NotifyReport', { requestId: 1, generatedAt: '2025-01-01T00:00:00Z', seqNo: 0 });
    p.exchange('csms', 'TriggerMessage', { requestedMessage: 'StatusNotification' }, { status: 'Accepted' });
    p.exchange('cp', 'StatusNotification', status2x(1, 'Available'));
    expect(rulesOf(p.finish(2))).not.toContain('sequence.pending-charger-message');
  });
});

describe('sequence.rejected-charger-message', () => {
  it('flags a 1.6 charger that sends or answers anything while Rejected', () => {
    const p = playbook('1.6');
    const boot = p.call('cp', 'BootNotification', boot16);
    p.result('csms', boot, rejected(60));
    p.at(1).exchange('cp', 'Heartbeat', {}, { currentTime: '2025-01-01T00:00:00Z' });
    p.at(2).exchange('csms', 'GetConfiguration', {}, { configurationKey: [] });
    expect(ofRule(p.finish(3), 'sequence.rejected-charger-message').map((f) => f.seq)).toEqual([2, 5]);
  });

  it('accepts a 2.x station answering a CSMS request with a CALLERROR SecurityError, and its retry after the interval', () => {
    const p = playbook('2.0.1');
    const boot = p.call('cp', 'BootNotification', boot2x);
    p.result('csms', boot, rejected(30));
    const ask = p.at(1).call('csms', 'GetBaseReport', { requestId: 1, reportBase: 'FullInventory' });
    p.error('cp', ask, 'SecurityError');
    const retry = p.at(31).call('cp', 'BootNotification', boot2x);
    p.result('csms', retry, accepted());
    expect(rulesOf(p.finish(32))).not.toContain('sequence.rejected-charger-message');
  });
});

describe('sequence.pending-csms-message', () => {
  it('flags a RemoteStartTransaction sent to a Pending 1.6 charger', () => {
    const p = playbook('1.6');
    const boot = p.call('cp', 'BootNotification', boot16);
    p.result('csms', boot, pending(60));
    p.exchange('csms', 'RemoteStartTransaction', { idTag: 'T' }, { status: 'Rejected' });
    expect(ofRule(p.finish(1), 'sequence.pending-csms-message')).toMatchObject([{ seq: 2 }]);
  });

  it('accepts configuration requests while Pending', () => {
    const p = playbook('1.6');
    const boot = p.call('cp', 'BootNotification', boot16);
    p.result('csms', boot, pending(60));
    p.exchange('csms', 'GetConfiguration', {}, { configurationKey: [] });
    p.exchange('csms', 'ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '60' }, { status: 'Accepted' });
    expect(rulesOf(p.finish(1))).not.toContain('sequence.pending-csms-message');
  });
});

describe('sequence.rejected-csms-message', () => {
  it('flags a 1.6 Central System that initiates a message to a Rejected charger', () => {
    const p = playbook('1.6');
    const boot = p.call('cp', 'BootNotification', boot16);
    p.result('csms', boot, rejected(60));
    p.call('csms', 'GetConfiguration', {});
    expect(ofRule(p.finish(1), 'sequence.rejected-csms-message')).toMatchObject([{ seq: 2, severity: 'warning' }]);
  });

  it('accepts Central System requests once the charger is accepted', () => {
    const p = booted(playbook('1.6'));
    p.exchange('csms', 'GetConfiguration', {}, { configurationKey: [] });
    expect(rulesOf(p.finish(1))).not.toContain('sequence.rejected-csms-message');
  });
});

describe('sequence.pending-remote-start-accepted', () => {
  const start = { idToken: { idToken: 'T', type: 'ISO14443' }, remoteStartId: 1 };
  it('flags a Pending station that accepts RequestStartTransaction', () => {
    const p = playbook('2.0.1');
    const boot = p.call('cp', 'BootNotification', boot2x);
    p.result('csms', boot, pending(60));
    p.exchange('csms', 'RequestStartTransaction', start, { status: 'Accepted' });
    expect(ofRule(p.finish(1), 'sequence.pending-remote-start-accepted')).toMatchObject([{ seq: 3, path: '/status' }]);
  });

  it('accepts a rejection while Pending', () => {
    const p = playbook('2.0.1');
    const boot = p.call('cp', 'BootNotification', boot2x);
    p.result('csms', boot, pending(60));
    p.exchange('csms', 'RequestStartTransaction', start, { status: 'Rejected' });
    expect(rulesOf(p.finish(1))).not.toContain('sequence.pending-remote-start-accepted');
  });
});

describe('sequence.not-accepted-answer', () => {
  it('flags a CSMS that answers a forbidden request of a Rejected station with a CALLRESULT', () => {
    const p = playbook('2.0.1');
    const boot = p.call('cp', 'BootNotification', boot2x);
    p.result('csms', boot, rejected(60));
    p.at(1).exchange('cp', 'StatusNotification', status2x(1, 'Available'));
    expect(ofRule(p.finish(2), 'sequence.not-accepted-answer')).toMatchObject([{ seq: 3 }]);
  });

  it('accepts a CALLERROR SecurityError', () => {
    const p = playbook('2.0.1');
    const boot = p.call('cp', 'BootNotification', boot2x);
    p.result('csms', boot, pending(60));
    const id = p.at(1).call('cp', 'StatusNotification', status2x(1, 'Available'));
    p.error('csms', id, 'SecurityError');
    expect(rulesOf(p.finish(2))).not.toContain('sequence.not-accepted-answer');
  });
});

describe('timing.boot-retry-after-rejected', () => {
  it('flags a BootNotification retried before the interval the CSMS gave', () => {
    const p = playbook('1.6');
    const boot = p.at(0).call('cp', 'BootNotification', boot16);
    p.result('csms', boot, rejected(60));
    p.at(10).call('cp', 'BootNotification', boot16);
    expect(ofRule(p.finish(11), 'timing.boot-retry-after-rejected')).toMatchObject([{ seq: 2, severity: 'error' }]);
  });

  it('accepts a retry after the interval', () => {
    const p = playbook('1.6');
    const boot = p.at(0).call('cp', 'BootNotification', boot16);
    p.result('csms', boot, rejected(60));
    p.at(60).call('cp', 'BootNotification', boot16);
    expect(rulesOf(p.finish(61))).not.toContain('timing.boot-retry-after-rejected');
  });
});

describe('timing.boot-retry-after-pending', () => {
  it('flags an untriggered BootNotification before a Pending interval passed', () => {
    const p = playbook('2.0.1');
    const boot = p.at(0).call('cp', 'BootNotification', boot2x);
    p.result('csms', boot, pending(60));
    p.at(5).call('cp', 'BootNotification', boot2x);
    expect(ofRule(p.finish(6), 'timing.boot-retry-after-pending')).toMatchObject([{ seq: 2, severity: 'warning' }]);
  });

  it('accepts an early BootNotification the CSMS triggered (TC_B_02_CS)', () => {
    const p = playbook('2.0.1');
    const boot = p.at(0).call('cp', 'BootNotification', boot2x);
    p.result('csms', boot, pending(60));
    p.at(2).exchange('csms', 'TriggerMessage', { requestedMessage: 'BootNotification' }, { status: 'Accepted' });
    const again = p.at(3).call('cp', 'BootNotification', { ...boot2x, reason: 'Triggered' });
    p.result('csms', again, accepted());
    expect(rulesOf(p.finish(4))).not.toContain('timing.boot-retry-after-pending');
  });
});

describe('sequence.status-after-boot', () => {
  it('flags an accepted boot with no connector status within the follow-up time', () => {
    const p = playbook('1.6');
    const boot = p.at(0).call('cp', 'BootNotification', boot16);
    p.result('csms', boot, accepted());
    p.at(61).tick();
    expect(ofRule(p.found, 'sequence.status-after-boot')).toMatchObject([{ seq: 1, late: true }]);
  });

  it('accepts a StatusNotification, or in 2.x a NotifyEvent on AvailabilityState', () => {
    const p16 = booted(playbook('1.6'));
    p16.at(1).exchange('cp', 'StatusNotification', status16(1, 'Available'));
    expect(rulesOf(p16.finish(100))).not.toContain('sequence.status-after-boot');

    const p2 = booted(playbook('2.0.1'));
    p2.at(1).exchange('cp', 'NotifyEvent', {
      generatedAt: '2025-01-01T00:00:01Z',
      seqNo: 0,
      eventData: [{ eventId: 1, timestamp: '2025-01-01T00:00:01Z', trigger: 'Delta', actualValue: 'Available', eventNotificationType: 'HardWiredNotification', component: { name: 'Connector', evse: { id: 1, connectorId: 1 } }, variable: { name: 'AvailabilityState' } }],
    });
    expect(rulesOf(p2.finish(100))).not.toContain('sequence.status-after-boot');
  });
});
