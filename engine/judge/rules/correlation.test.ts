import { describe, expect, it } from 'vitest';
import { booted, ofRule, playbook, rulesOf } from '../testing/playbook';

describe('correlation.unknown-id', () => {
  it('flags an answer to no outstanding CALL', () => {
    const p = playbook('2.0.1');
    p.result('csms', 'nobody', {});
    expect(ofRule(p.finish(1), 'correlation.unknown-id')).toMatchObject([{ seq: 0, late: false }]);
  });

  it('accepts an answer to an outstanding CALL', () => {
    const p = playbook('2.0.1');
    p.exchange('cp', 'Heartbeat', {}, { currentTime: '2025-01-01T00:00:00Z' });
    expect(rulesOf(p.finish(1))).not.toContain('correlation.unknown-id');
  });
});

describe('correlation.outstanding-call', () => {
  it('flags a second CALL in the same direction while the first is unanswered (error in 2.0.1)', () => {
    const p = playbook('2.0.1');
    const first = p.at(0).call('cp', 'Heartbeat', {});
    p.at(1).call('cp', 'Heartbeat', {});
    const found = ofRule(p.finish(2), 'correlation.outstanding-call');
    expect(found).toMatchObject([{ seq: 1, severity: 'error' }]);
    expect(found[0]!.message).toContain(`"${first}"`);
  });

  it('is a warning in 1.6, where the text says SHOULD NOT', () => {
    const p = playbook('1.6');
    p.at(0).call('cp', 'Heartbeat', {});
    p.at(1).call('cp', 'Heartbeat', {});
    expect(ofRule(p.finish(2), 'correlation.outstanding-call')).toMatchObject([{ severity: 'warning' }]);
  });

  it('accepts calls crossing from both sides, and a CALL after the previous one timed out', () => {
    const p = playbook('2.0.1', { behaviour: { responseTimeoutMs: 10_000 } });
    const a = p.at(0).call('cp', 'Heartbeat', {});
    const b = p.at(0.1).call('csms', 'GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] });
    p.at(0.2).result('csms', a, { currentTime: '2025-01-01T00:00:00Z' });
    p.at(0.3).result('cp', b, { getVariableResult: [] });
    p.at(1).call('cp', 'Heartbeat', {});
    p.at(20).call('cp', 'Heartbeat', {});
    expect(rulesOf(p.finish(21))).not.toContain('correlation.outstanding-call');
  });
});

describe('correlation.duplicate-message-id', () => {
  it('flags a CALL that reuses a message id of the same sender', () => {
    const p = playbook('1.6');
    p.exchange('cp', 'Heartbeat', {}, { currentTime: '2025-01-01T00:00:00Z' });
    p.call('cp', 'Heartbeat', {}, 'm1');
    expect(ofRule(p.finish(1), 'correlation.duplicate-message-id')).toMatchObject([{ seq: 2 }]);
  });

  it('accepts the same id used once by each side', () => {
    const p = playbook('1.6');
    p.call('cp', 'Heartbeat', {}, 'same');
    p.result('csms', 'same', { currentTime: '2025-01-01T00:00:00Z' });
    p.call('csms', 'ClearCache', {}, 'same');
    p.result('cp', 'same', { status: 'Accepted' });
    expect(rulesOf(p.finish(1))).not.toContain('correlation.duplicate-message-id');
  });
});

describe('correlation.response-timeout', () => {
  it('places the finding on the unanswered request once the timeout passes (capture: a later frame)', () => {
    const p = playbook('2.0.1');
    p.at(0).call('csms', 'Reset', { type: 'Immediate' });
    p.at(31).call('cp', 'Heartbeat', {});
    expect(ofRule(p.found, 'correlation.response-timeout')).toMatchObject([{ seq: 0, late: true }]);
  });

  it('fires on a live tick and honours a configured timeout', () => {
    const p = playbook('2.0.1', { behaviour: { responseTimeoutMs: 5_000 } });
    p.at(0).call('csms', 'Reset', { type: 'Immediate' });
    p.at(4).tick();
    expect(ofRule(p.found, 'correlation.response-timeout')).toHaveLength(0);
    p.at(5).tick();
    expect(ofRule(p.found, 'correlation.response-timeout')).toMatchObject([{ seq: 0, late: true }]);
  });

  it('fires at finish when the capture ends after the timeout', () => {
    const p = playbook('1.6');
    p.at(0).call('cp', 'Heartbeat', {});
    expect(ofRule(p.finish(60), 'correlation.response-timeout')).toHaveLength(1);
  });

  it('stays quiet for a request answered in time, or a session that ended before the timeout', () => {
    const p = playbook('1.6');
    p.at(0).exchange('cp', 'Heartbeat', {}, { currentTime: '2025-01-01T00:00:00Z' });
    p.at(1).call('cp', 'Heartbeat', {});
    expect(rulesOf(p.finish(10))).not.toContain('correlation.response-timeout');
  });
});

describe('correlation.wrong-response-kind', () => {
  it('flags a CALLRESULT carrying another action\'s response', () => {
    const p = playbook('1.6');
    const id = p.call('cp', 'BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    p.result('csms', id, { currentTime: '2025-01-01T00:00:00Z' });
    const found = ofRule(p.finish(1), 'correlation.wrong-response-kind');
    expect(found).toMatchObject([{ seq: 1 }]);
    expect(found[0]!.message).toContain('Heartbeat');
  });

  it('flags an answer to a 2.1 SEND and a CALLRESULTERROR answering a CALL', () => {
    const p = playbook('2.1');
    const send = `s1`;
    p.raw('cp', JSON.stringify([6, send, 'NotifyPeriodicEventStream', { id: 1, pending: 0, basetime: '2025-01-01T00:00:00Z', data: [{ t: 0, v: '1' }] }]));
    p.result('csms', send, {});
    const call = p.call('csms', 'Reset', { type: 'Immediate' });
    p.raw('cp', JSON.stringify([5, call, 'InternalError', '', {}]));
    expect(ofRule(p.finish(1), 'correlation.wrong-response-kind').map((f) => f.seq)).toEqual([1, 3]);
    // The CALL was answered, if wrongly: no timeout follows.
    expect(rulesOf(p.found)).not.toContain('correlation.response-timeout');
  });

  it('accepts right answers, including a schema-invalid one that fits no other action', () => {
    const p = booted(playbook('1.6'));
    const id = p.call('cp', 'Authorize', { idTag: 'T' });
    p.result('csms', id, { idTagInfo: { status: 'Maybe' } });
    const found = p.finish(1);
    expect(rulesOf(found)).toContain('schema.enum');
    expect(rulesOf(found)).not.toContain('correlation.wrong-response-kind');
  });
});
