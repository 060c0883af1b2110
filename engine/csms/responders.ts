// How the CSMS answers charger-initiated CALLs: the default, state-aware answer for every
// action of every version, and the override (fixed payload, CALLERROR, silence, delay)
// chosen per charger or for all. Pure: the caller applies the answer to the state and runs
// follow-ups.
import type { BootSettings, CsmsChargerState, CsmsSettings, ResponderSpec } from '../../api/csms';
import type { OcppVersion } from '../../api/model';
import { actionsOf } from '../ocpp/catalog';
import { freshTemplate } from './compose';
import { authorize, idTagInfo, idTokenInfo, type AuthorizationPurpose } from './tokens';

type Payload = Record<string, unknown>;

export interface ResponderContext {
  version: OcppVersion;
  chargePointId: string;
  state: CsmsChargerState;
  settings: CsmsSettings;
  /** Wall-clock ms. */
  now: number;
  nextTransactionId(): number;
  /**
   * Whether `token` has a transaction running on any charger, leaving out, on this charger,
   * the transaction the message is about and any on the connector it is about.
   */
  tokenBusy(token: string, except?: BusyExceptions): boolean;
}

/**
 * What does not make a token busy. A connector holds one transaction at a time, so a new
 * start on a connector means its previous transaction is over even if its StopTransaction
 * has not arrived yet (it may be queued: 1.6 TC_032_1_CSMS).
 */
export interface BusyExceptions {
  transactionId?: string;
  evseId?: number;
  connectorId?: number;
}

/** A CALL the CSMS sends on its own after answering (e.g. CertificateSigned after SignCertificate). */
export interface FollowUp {
  action: string;
  payload: Payload;
  /** Before timeScale. */
  delayMs: number;
  /** Sign this CSR with the local CA first; the chain goes into payload.certificateChain. */
  signCsr?: { csr: string; usage: 'client' | 'server' };
}

export interface DefaultAnswer {
  payload: Payload;
  followUps?: FollowUp[];
}

/** Charger-initiated actions of a version (the ones a CSMS answers). */
export function chargerInitiatedActions(version: OcppVersion): string[] {
  return actionsOf(version)
    .filter((a) => a.initiator !== 'csms' && a.unconfirmed !== true)
    .map((a) => a.action);
}

/** CSMS-initiated actions of a version (the ones the CSMS may send). */
export function csmsInitiatedActions(version: OcppVersion): string[] {
  return actionsOf(version)
    .filter((a) => a.initiator !== 'charger')
    .map((a) => a.action);
}

export function bootSettingsFor(settings: CsmsSettings, chargePointId: string): BootSettings {
  const own = Object.hasOwn(settings.chargers, chargePointId) ? settings.chargers[chargePointId]?.boot : undefined;
  return { ...settings.boot, ...own };
}

/** The override in force for this action and charger: the charger's own, then the global one. */
export function responderFor(settings: CsmsSettings, chargePointId: string, version: OcppVersion, action: string): ResponderSpec {
  const own = Object.hasOwn(settings.chargers, chargePointId) ? settings.chargers[chargePointId]?.responders?.[action] : undefined;
  if (own !== undefined && (own.version === undefined || own.version === version)) return own;
  const global = Object.hasOwn(settings.responders, action) ? settings.responders[action] : undefined;
  if (global !== undefined && (global.version === undefined || global.version === version)) return global;
  return { mode: 'default' };
}

function checkToken(ctx: ResponderContext, token: string, purpose: AuthorizationPurpose, except?: BusyExceptions) {
  return authorize(ctx.settings, ctx.version, token, { purpose, busy: ctx.tokenBusy(token, except), now: ctx.now });
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The default answer to a charger-initiated CALL: schema-valid for the version, using the state. */
export function defaultAnswer(ctx: ResponderContext, action: string, request: Payload): DefaultAnswer {
  const v16 = ctx.version === '1.6';
  const now = iso(ctx.now);
  switch (action) {
    case 'BootNotification': {
      // 1.6 §4.2 / 2.0.1 B01–B03: with Pending or Rejected, interval is the retry wait.
      const boot = bootSettingsFor(ctx.settings, ctx.chargePointId);
      return { payload: { currentTime: now, interval: boot.status === 'Accepted' ? boot.interval : boot.retryInterval, status: boot.status } };
    }
    case 'Heartbeat':
      return { payload: { currentTime: now } };
    case 'Authorize': {
      if (v16) return { payload: { idTagInfo: idTagInfo(checkToken(ctx, String(request['idTag']), 'authorize')) } };
      const token = request['idToken'] as { idToken: string; type: string };
      return { payload: { idTokenInfo: tokenInfo2x(ctx, token, 'authorize') } };
    }
    case 'StartTransaction': {
      // 1.6 §4.8: always a transaction id, even for a refused idTag; the CSMS re-checks the tag.
      const info = idTagInfo(checkToken(ctx, String(request['idTag']), 'start', { connectorId: Number(request['connectorId']) }));
      return { payload: { idTagInfo: info, transactionId: ctx.nextTransactionId() } };
    }
    case 'StopTransaction': {
      const idTag = request['idTag'];
      return { payload: typeof idTag === 'string' ? { idTagInfo: idTagInfo(checkToken(ctx, idTag, 'stop')) } : {} };
    }
    case 'TransactionEvent': {
      // idTokenInfo answers an idToken the event carries (2.0.1 E01–E07, C01).
      const token = request['idToken'] as { idToken: string; type: string } | undefined;
      if (token === undefined) return { payload: {} };
      const except: BusyExceptions = { transactionId: (request['transactionInfo'] as { transactionId: string }).transactionId };
      const evse = request['evse'] as { id: number; connectorId?: number } | undefined;
      if (evse !== undefined) {
        except.evseId = evse.id;
        if (evse.connectorId !== undefined) except.connectorId = evse.connectorId;
      }
      const purpose: AuthorizationPurpose = request['eventType'] === 'Ended' ? 'stop' : 'start';
      return { payload: { idTokenInfo: tokenInfo2x(ctx, token, purpose, except) } };
    }
    case 'DataTransfer': {
      // 1.6 §4.3 / 2.0.1 P01: a vendor we have no extension for gets UnknownVendorId.
      const dt = ctx.settings.dataTransfer;
      const vendor = String(request['vendorId']);
      const entry = dt.vendors !== undefined && Object.hasOwn(dt.vendors, vendor) ? dt.vendors[vendor] : undefined;
      const status = entry?.status ?? dt.status;
      const data = entry?.data ?? dt.data;
      const payload: Payload = { status };
      if (data !== undefined && status === 'Accepted') payload['data'] = data;
      return { payload };
    }
    case 'SignCertificate': {
      // 1.6 security whitepaper A02.FR.04: the CSR goes to a CA (a local one here), whose
      // certificate comes back in CertificateSigned; or a configured chain is sent as is.
      const sc = ctx.settings.signCertificate;
      const answer: DefaultAnswer = { payload: { status: sc.status } };
      if (sc.status !== 'Accepted') return answer;
      const type = v16 ? undefined : request['certificateType'];
      const signed: Payload = type !== undefined ? { certificateType: type } : {};
      if (sc.ca !== undefined) {
        const usage = type === 'V2GCertificate' ? 'server' : 'client';
        answer.followUps = [{ action: 'CertificateSigned', payload: signed, delayMs: sc.delayMs, signCsr: { csr: String(request['csr']), usage } }];
      } else if (sc.certificateChain !== undefined) {
        answer.followUps = [{ action: 'CertificateSigned', payload: { certificateChain: sc.certificateChain, ...signed }, delayMs: sc.delayMs }];
      }
      return answer;
    }
    case 'Get15118EVCertificate': {
      // A stub: the bench holds no contract certificates to provision (2.0.1 M02).
      const payload = freshTemplate(ctx.version, action, 'response', ctx.now) ?? {};
      return { payload: { ...payload, status: 'Failed', exiResponse: '', statusInfo: unsupported('ISO 15118 contract certificates') } };
    }
    case 'GetCertificateStatus':
      return { payload: { status: 'Failed', statusInfo: unsupported('OCSP checks') } };
    case 'GetCertificateChainStatus': {
      // 2.1: one status per certificate asked about; the bench cannot tell, so Unknown.
      const requests = (request['certificateStatusRequests'] as Array<{ certificateHashData: unknown; source: string }> | undefined) ?? [];
      return {
        payload: {
          certificateStatus: requests.map((r) => ({ certificateHashData: r.certificateHashData, source: r.source, status: 'Unknown', nextUpdate: now })),
        },
      };
    }
    case 'VatNumberValidation': {
      const payload: Payload = { vatNumber: request['vatNumber'], status: 'Accepted' };
      if (request['evseId'] !== undefined) payload['evseId'] = request['evseId'];
      return { payload };
    }
    default:
      // Everything else (StatusNotification, MeterValues, NotifyReport, the status
      // notifications, NotifyEvent…) needs no more than its schema's template.
      return { payload: freshTemplate(ctx.version, action, 'response', ctx.now) ?? {} };
  }
}

function tokenInfo2x(ctx: ResponderContext, token: { idToken: string; type: string }, purpose: AuthorizationPurpose, except?: BusyExceptions): Payload {
  // A NoAuthorization token stands for "no authorization needed" (2.0.1 IdTokenEnumType).
  if (token.type === 'NoAuthorization') return { status: 'Accepted' };
  return idTokenInfo(checkToken(ctx, token.idToken, purpose, except));
}

function unsupported(what: string): Payload {
  // Reason code from 2.0.1 Part 2 Appendix 5.
  return { reasonCode: 'UnsupportedRequest', additionalInfo: `The bench CSMS does not provide ${what}` };
}
