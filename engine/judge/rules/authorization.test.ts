import { describe, expect, it } from 'vitest';
import { booted, ofRule, playbook, rulesOf, txEvent } from '../testing/playbook';

const T0 = '2025-01-01T00:00:00Z';

describe('sequence.authorize-before-stop', () => {
  it('flags an Authorize for the idTag that started the transaction it then stops', () => {
    const p = booted(playbook('1.6'));
    const start = p.call('cp', 'StartTransaction', { connectorId: 1, idTag: 'TAG', meterStart: 0, timestamp: T0 });
    p.result('csms', start, { transactionId: 3, idTagInfo: { status: 'Accepted' } });
    p.exchange('cp', 'Authorize', { idTag: 'TAG' }, { idTagInfo: { status: 'Accepted' } });
    p.exchange('cp', 'StopTransaction', { transactionId: 3, idTag: 'TAG', meterStop: 10, timestamp: T0 });
    expect(ofRule(p.finish(1), 'sequence.authorize-before-stop')).toMatchObject([{ seq: 4, late: true }]);
  });

  it('accepts an Authorize for another idTag that stops the transaction', () => {
    const p = booted(playbook('1.6'));
    const start = p.call('cp', 'StartTransaction', { connectorId: 1, idTag: 'TAG', meterStart: 0, timestamp: T0 });
    p.result('csms', start, { transactionId: 3, idTagInfo: { status: 'Accepted' } });
    p.exchange('cp', 'Authorize', { idTag: 'OTHER' }, { idTagInfo: { status: 'Accepted' } });
    p.exchange('cp', 'StopTransaction', { transactionId: 3, idTag: 'OTHER', meterStop: 10, timestamp: T0 });
    expect(rulesOf(p.finish(1))).not.toContain('sequence.authorize-before-stop');
  });
});

describe('state.tx-after-rejected-authorization', () => {
  it('flags a 1.6 StartTransaction and a 2.x Authorized event for a refused token', () => {
    const p = booted(playbook('1.6'));
    p.exchange('cp', 'Authorize', { idTag: 'BAD' }, { idTagInfo: { status: 'Blocked' } });
    p.exchange('cp', 'StartTransaction', { connectorId: 1, idTag: 'BAD', meterStart: 0, timestamp: T0 }, { transactionId: 1, idTagInfo: { status: 'Blocked' } });
    expect(ofRule(p.finish(1), 'state.tx-after-rejected-authorization')).toMatchObject([{ seq: 4, path: '/idTag' }]);

    const q = booted(playbook('2.0.1'));
    q.exchange('cp', 'Authorize', { idToken: { idToken: 'BAD', type: 'ISO14443' } }, { idTokenInfo: { status: 'Invalid' } });
    q.exchange('cp', 'TransactionEvent', txEvent('Started', 0, 'Authorized', 'tx-1', { idToken: { idToken: 'BAD', type: 'ISO14443' } }));
    expect(ofRule(q.finish(1), 'state.tx-after-rejected-authorization')).toMatchObject([{ seq: 4, path: '/idToken/idToken' }]);
  });

  it('accepts a token accepted by a later Authorize', () => {
    const p = booted(playbook('1.6'));
    p.exchange('cp', 'Authorize', { idTag: 'TAG' }, { idTagInfo: { status: 'Invalid' } });
    p.exchange('cp', 'Authorize', { idTag: 'TAG' }, { idTagInfo: { status: 'Accepted' } });
    p.exchange('cp', 'StartTransaction', { connectorId: 1, idTag: 'TAG', meterStart: 0, timestamp: T0 }, { transactionId: 1, idTagInfo: { status: 'Accepted' } });
    expect(rulesOf(p.finish(1))).not.toContain('state.tx-after-rejected-authorization');
  });
});
