import { describe, expect, it } from 'vitest';
import { OCPP_VERSIONS } from '../../api/model';
import type { OcppVersion } from '../../api/model';
import { judgePayload } from '../ocpp/schemas';
import { payloadTemplate } from '../ocpp/templates';
import { chargerInitiatedActions, defaultAnswer, responderFor, type ResponderContext } from './responders';
import { defaultSettings, mergeSettings } from './settings';
import { newChargerState } from './state';
import { authorize } from './tokens';

const NOW = Date.parse('2025-06-01T12:00:00.000Z');

function context(version: OcppVersion, patch: unknown = {}, busy: string[] = []): ResponderContext {
  let tx = 1;
  return {
    version,
    chargePointId: 'CP1',
    state: newChargerState('CP1'),
    settings: mergeSettings(defaultSettings(), patch),
    now: NOW,
    nextTransactionId: () => tx++,
    tokenBusy: (token) => busy.includes(token),
  };
}

describe('default answers', () => {
  for (const version of OCPP_VERSIONS) {
    it(`${version}: every charger-initiated action gets a schema-valid answer to its template request`, () => {
      const actions = chargerInitiatedActions(version);
      expect(actions.length).toBeGreaterThan(10);
      for (const action of actions) {
        const request = payloadTemplate(version, action, 'request')!;
        const { payload } = defaultAnswer(context(version, { signCertificate: { certificateChain: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n' } }), action, request);
        expect({ action, findings: judgePayload(version, action, 'response', payload) }).toEqual({ action, findings: [] });
      }
    });
  }

  it('answers BootNotification with the interval, or the retry interval when not Accepted, per charger', () => {
    const ctx = context('1.6', { boot: { interval: 120, retryInterval: 7 }, chargers: { CP1: { boot: { status: 'Pending' } } } });
    expect(defaultAnswer(ctx, 'BootNotification', {}).payload).toEqual({ currentTime: '2025-06-01T12:00:00.000Z', interval: 7, status: 'Pending' });
    const other = { ...ctx, chargePointId: 'CP2' };
    expect(defaultAnswer(other, 'BootNotification', {}).payload).toMatchObject({ interval: 120, status: 'Accepted' });
  });

  it('assigns increasing transaction ids and re-checks the idTag on StartTransaction', () => {
    const ctx = context('1.6', { idTokens: { GOOD: 'Accepted', BAD: 'Blocked' } });
    expect(defaultAnswer(ctx, 'StartTransaction', { idTag: 'GOOD' }).payload).toEqual({ idTagInfo: { status: 'Accepted' }, transactionId: 1 });
    expect(defaultAnswer(ctx, 'StartTransaction', { idTag: 'BAD' }).payload).toEqual({ idTagInfo: { status: 'Blocked' }, transactionId: 2 });
    expect(defaultAnswer(ctx, 'StopTransaction', { transactionId: 1 }).payload).toEqual({});
  });

  it('answers TransactionEvent with idTokenInfo only when it carries an idToken', () => {
    const ctx = context('2.0.1', { idTokens: { GOOD: { status: 'Accepted', parentIdTag: 'FLEET' } } });
    const event = { eventType: 'Started', transactionInfo: { transactionId: 't1' } };
    expect(defaultAnswer(ctx, 'TransactionEvent', event).payload).toEqual({});
    expect(defaultAnswer(ctx, 'TransactionEvent', { ...event, idToken: { idToken: 'GOOD', type: 'ISO14443' } }).payload).toEqual({
      idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: 'FLEET', type: 'Central' } },
    });
    expect(defaultAnswer(ctx, 'TransactionEvent', { ...event, idToken: { idToken: '', type: 'NoAuthorization' } }).payload).toEqual({ idTokenInfo: { status: 'Accepted' } });
  });

  it('follows an accepted SignCertificate with CertificateSigned when a chain is configured', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n';
    const answer = defaultAnswer(context('2.0.1', { signCertificate: { certificateChain: pem, delayMs: 50 } }), 'SignCertificate', { csr: 'x', certificateType: 'V2GCertificate' });
    expect(answer).toEqual({ payload: { status: 'Accepted' }, followUps: [{ action: 'CertificateSigned', payload: { certificateChain: pem, certificateType: 'V2GCertificate' }, delayMs: 50 }] });
    expect(defaultAnswer(context('1.6'), 'SignCertificate', { csr: 'x' }).followUps).toBeUndefined();
  });

  it('answers DataTransfer per vendor, UnknownVendorId otherwise', () => {
    const ctx = context('1.6', { dataTransfer: { vendors: { acme: { status: 'Accepted', data: 'hi' } } } });
    expect(defaultAnswer(ctx, 'DataTransfer', { vendorId: 'acme' }).payload).toEqual({ status: 'Accepted', data: 'hi' });
    expect(defaultAnswer(ctx, 'DataTransfer', { vendorId: 'other' }).payload).toEqual({ status: 'UnknownVendorId' });
  });

  it('chooses the charger override, then the global one, then the default; honours a version filter', () => {
    const settings = mergeSettings(defaultSettings(), {
      responders: { Heartbeat: { mode: 'error', code: 'InternalError' }, Authorize: { mode: 'noAnswer', version: '2.0.1' } },
      chargers: { CP1: { responders: { Heartbeat: { mode: 'noAnswer' } } } },
    });
    expect(responderFor(settings, 'CP1', '1.6', 'Heartbeat')).toEqual({ mode: 'noAnswer' });
    expect(responderFor(settings, 'CP2', '1.6', 'Heartbeat')).toEqual({ mode: 'error', code: 'InternalError' });
    expect(responderFor(settings, 'CP2', '1.6', 'Authorize')).toEqual({ mode: 'default' });
    expect(responderFor(settings, 'CP2', '2.0.1', 'Authorize')).toEqual({ mode: 'noAnswer', version: '2.0.1' });
  });
});

describe('authorize', () => {
  const settings = mergeSettings(defaultSettings(), {
    idTokens: {
      ACC: 'Accepted',
      BLK: 'Blocked',
      OLD: { status: 'Accepted', expiryDate: '2025-01-01T00:00:00Z' },
      MANY: { status: 'Accepted', allowConcurrent: true },
      NEW: 'Unknown',
    },
  });
  const at = { purpose: 'authorize' as const, busy: false, now: NOW };

  it('gives each table status, Expired past the expiry date, and the unknown-token status', () => {
    expect(authorize(settings, '1.6', 'ACC', at).status).toBe('Accepted');
    expect(authorize(settings, '1.6', 'BLK', at).status).toBe('Blocked');
    expect(authorize(settings, '1.6', 'OLD', at)).toEqual({ status: 'Expired', expiryDate: '2025-01-01T00:00:00.000Z' });
    expect(authorize(settings, '1.6', 'nobody', at).status).toBe('Invalid');
    // 1.6 has no Unknown status: it becomes Invalid there.
    expect(authorize(settings, '2.0.1', 'NEW', at).status).toBe('Unknown');
    expect(authorize(settings, '1.6', 'NEW', at).status).toBe('Invalid');
  });

  it('answers ConcurrentTx for a busy token per version and policy', () => {
    const busy = { busy: true, now: NOW };
    // 1.6 §7.2: ConcurrentTx is only relevant for StartTransaction.
    expect(authorize(settings, '1.6', 'ACC', { ...busy, purpose: 'authorize' }).status).toBe('Accepted');
    expect(authorize(settings, '1.6', 'ACC', { ...busy, purpose: 'start' }).status).toBe('ConcurrentTx');
    expect(authorize(settings, '2.0.1', 'ACC', { ...busy, purpose: 'authorize' }).status).toBe('ConcurrentTx');
    expect(authorize(settings, '2.0.1', 'ACC', { ...busy, purpose: 'stop' }).status).toBe('Accepted');
    expect(authorize(settings, '2.0.1', 'MANY', { ...busy, purpose: 'start' }).status).toBe('Accepted');
    const permissive = mergeSettings(settings, { concurrentTx: 'allow' });
    expect(authorize(permissive, '1.6', 'ACC', { ...busy, purpose: 'start' }).status).toBe('Accepted');
  });
});
