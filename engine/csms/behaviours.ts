// Named faulty behaviours of the built-in CSMS. They exist to prove that conformance cases
// with the CSMS under test can fail: each one breaks one thing a case checks. The list is
// data (name, one sentence, the cases it should fail); the effects are applied here, at the
// CSMS's three decision points: its settings, its answers, and the CALLs it sends.
// `no-command:<Action>` is a family: the CSMS cannot send that action at all.
import { X509Certificate } from 'node:crypto';
import type { CsmsBehaviourInfo, CsmsChargerState, CsmsSettings } from '../../api/csms';
import type { OcppVersion } from '../../api/model';
import { Configuration16, defaultValues } from '../charger/v16/config';
import type { TlsServerOptions } from '../net/listener';
import { PROFILES_16 } from '../ocpp/catalog';
import { mergeSettings } from './settings';

const ALL: OcppVersion[] = ['1.6', '2.0.1', '2.1'];
const V16: OcppVersion[] = ['1.6'];

export const CSMS_BEHAVIOURS: readonly CsmsBehaviourInfo[] = [
  { name: 'rejects-boot', description: 'Answers every BootNotification with Rejected.', versions: ALL, targets: ['Core', 'B'], catches: ['TC_001_CSMS', 'TC_B_01_CSMS'] },
  { name: 'boot-pending-forever', description: 'Answers every BootNotification with Pending and never accepts the charger.', versions: ALL, targets: ['Core', 'B'], catches: ['TC_001_CSMS'] },
  { name: 'authorize-unknown-accepted', description: 'Accepts id tokens it does not know.', versions: ALL, targets: ['Core', 'C'], catches: ['TC_023_1_CSMS'] },
  { name: 'authorize-collapses-statuses', description: 'Answers Invalid for tokens it knows as Blocked or Expired.', versions: ALL, targets: ['Core', 'C'], catches: ['TC_023_2_CSMS', 'TC_023_3_CSMS'] },
  { name: 'parent-id-not-returned', description: 'Leaves parentIdTag (2.x groupIdToken) out of its authorization answers.', versions: ALL, targets: ['Reservation', 'C'], catches: ['TC_053_CSMS'] },
  { name: 'start-transaction-accepts-invalid-tag', description: 'Answers Accepted when a transaction starts, whatever the token.', versions: ALL, targets: ['Core', 'E'], catches: ['TC_037_3_CSMS'] },
  { name: 'stop-transaction-callerror', description: 'Answers StopTransaction with a CALLERROR (InternalError).', versions: V16, targets: ['Core'], catches: ['TC_005_1_CSMS', 'TC_032_1_CSMS', 'TC_037_3_CSMS'] },
  { name: 'status-notification-callerror', description: 'Answers StatusNotification with a CALLERROR (InternalError).', versions: ALL, targets: ['Core', 'G'], catches: ['TC_001_CSMS', 'TC_004_2_CSMS'] },
  { name: 'meter-values-callerror', description: 'Answers MeterValues with a CALLERROR (InternalError).', versions: ALL, targets: ['Core', 'J'], catches: ['TC_054_CSMS'] },
  { name: 'data-transfer-callerror', description: 'Answers DataTransfer with a CALLERROR (NotImplemented).', versions: ALL, targets: ['Core', 'P'], catches: ['TC_064_CSMS'] },
  { name: 'firmware-status-callerror', description: 'Answers FirmwareStatusNotification with a CALLERROR (InternalError).', versions: ALL, targets: ['FirmwareManagement', 'L'], catches: ['TC_044_1_CSMS', 'TC_054_CSMS'] },
  { name: 'signed-firmware-status-callerror', description: 'Answers SignedFirmwareStatusNotification with a CALLERROR (InternalError).', versions: V16, targets: ['Security'], catches: ['TC_080_CSMS', 'TC_081_CSMS'] },
  { name: 'security-event-callerror', description: 'Answers SecurityEventNotification with a CALLERROR (InternalError).', versions: ALL, targets: ['Security', 'A'], catches: ['TC_077_CSMS', 'TC_078_CSMS', 'TC_080_CSMS'] },
  { name: 'sign-certificate-rejected', description: 'Answers SignCertificate with Rejected and never sends CertificateSigned.', versions: ALL, targets: ['Security', 'A'], catches: ['TC_074_CSMS', 'TC_077_CSMS'] },
  { name: 'new-auth-key-not-stored', description: 'Keeps checking the old Basic-auth password after the charger accepted a new one.', versions: ALL, targets: ['Security', 'A'], catches: ['TC_073_CSMS'] },
  { name: 'basic-auth-rejects-valid', description: 'Refuses the correct Basic-auth password of every charger (HTTP 401).', versions: ALL, targets: ['Security', 'A'], catches: ['TC_085_CSMS'] },
  { name: 'reset-type-fixed', description: 'Always sends Reset with type Soft (2.x: OnIdle), whatever was asked.', versions: ALL, targets: ['Core', 'B'], catches: ['TC_013_CSMS'] },
  { name: 'remote-stop-wrong-transaction-id', description: 'Sends RemoteStopTransaction (2.x RequestStopTransaction) for another transaction id than asked.', versions: ALL, targets: ['Core', 'F'], catches: ['TC_012_CSMS'] },
  { name: 'reservation-expiry-in-past', description: 'Sends ReserveNow with an expiry date in the past.', versions: ALL, targets: ['Reservation', 'H'], catches: ['TC_047_CSMS'] },
  { name: 'reserve-now-connector-zero', description: 'Sends every ReserveNow for connector 0 (the whole charge point), whatever connector was asked.', versions: V16, targets: ['Reservation'], catches: ['TC_048_1_CSMS', 'TC_048_2_CSMS', 'TC_048_3_CSMS', 'TC_048_4_CSMS'] },
  { name: 'charge-point-reservation-refused', description: 'Refuses to send ReserveNow for connector 0 (a reservation of the whole charge point).', versions: V16, targets: ['Reservation'], catches: ['TC_049_CSMS'] },
  { name: 'reserved-start-refused', description: 'Answers a StartTransaction that carries a reservationId with a CALLERROR (InternalError).', versions: V16, targets: ['Reservation'], catches: ['TC_046_CSMS'] },
  { name: 'cancel-reservation-wrong-id', description: 'Sends CancelReservation for another reservation id than asked.', versions: ALL, targets: ['Reservation', 'H'], catches: ['TC_051_CSMS'] },
  { name: 'cancel-only-known-reservations', description: 'Refuses to send CancelReservation for a reservation id it has not reserved with that charger.', versions: ALL, targets: ['Reservation', 'H'], catches: ['TC_052_CSMS'] },
  { name: 'txprofile-without-transaction-id', description: 'Sends SetChargingProfile without the transactionId of the profile.', versions: V16, targets: ['SmartCharging'], catches: ['TC_057_CSMS'] },
  { name: 'charging-profile-without-validity', description: "Sends SetChargingProfile without the profile's validFrom, validTo and chargingSchedule.startSchedule.", versions: V16, targets: ['SmartCharging'], catches: ['TC_056_CSMS'] },
  { name: 'composite-schedule-without-unit', description: 'Sends GetCompositeSchedule without chargingRateUnit, leaving the unit to the charger.', versions: V16, targets: ['SmartCharging'], catches: ['TC_066_CSMS'] },
  { name: 'clear-profile-by-id-only', description: 'Refuses to send ClearChargingProfile without a profile id: it cannot clear by criteria or clear all.', versions: V16, targets: ['SmartCharging'], catches: ['TC_067_CSMS'] },
  { name: 'remote-start-profile-not-txprofile', description: 'Sends the chargingProfile of RemoteStartTransaction with purpose TxDefaultProfile instead of TxProfile.', versions: V16, targets: ['SmartCharging'], catches: ['TC_059_CSMS'] },
  { name: 'get-log-diagnostics-only', description: 'Always sends GetLog with logType DiagnosticsLog.', versions: ALL, targets: ['Security', 'N'], catches: ['TC_079_CSMS'] },
  { name: 'signed-firmware-without-certificate', description: 'Sends SignedUpdateFirmware without the signing certificate (a schema violation).', versions: V16, targets: ['Security'], catches: ['TC_080_CSMS'] },
  { name: 'install-certificate-wrong-type', description: 'Sends InstallCertificate with the other root certificate type than asked: a manufacturer root as a CentralSystemRootCertificate (2.x CSMSRootCertificate), any other as a ManufacturerRootCertificate.', versions: ALL, targets: ['Security', 'M'], catches: ['TC_075_1_CSMS', 'TC_075_2_CSMS'] },
  { name: 'delete-certificate-serial-leading-zeros', description: 'Sends DeleteCertificate with the serial number padded with leading zeroes to 40 hex digits (the whitepaper\'s CertificateHashDataType forbids them).', versions: ALL, targets: ['Security', 'M'], catches: ['TC_076_CSMS'] },
  { name: 'tls-rsa-certificate-only', description: 'Serves only its RSA server certificate, so the ECDHE-ECDSA cipher suites of the security profiles cannot be negotiated.', versions: ALL, targets: ['Security', 'A'], catches: ['TC_086_CSMS', 'TC_087_CSMS'] },
  { name: 'authorize-then-start-conflict', description: 'Answers ConcurrentTx to a StartTransaction whose idTag the same charger has just authorized, as if the Authorize had started a transaction.', versions: V16, targets: ['Core'], catches: ['TC_003_CSMS', 'TC_004_1_CSMS'] },
  { name: 'start-requires-prior-authorize', description: 'Answers Invalid to a StartTransaction whose idTag the charger did not authorize on this connection first (no cached or local ids).', versions: V16, targets: ['Core'], catches: ['TC_007_CSMS'] },
  { name: 'queued-messages-rejected', description: 'Answers a StartTransaction, StopTransaction or MeterValues stamped before the charger\'s current connection opened with a CALLERROR (InternalError).', versions: V16, targets: ['Core'], catches: ['TC_037_1_CSMS', 'TC_039_CSMS'] },
  { name: 'stop-reason-unhandled', description: 'Answers a StopTransaction with a CALLERROR (InternalError) unless its reason is Local or Remote.', versions: V16, targets: ['Core'], catches: ['TC_005_1_CSMS', 'TC_018_1_CSMS', 'TC_032_1_CSMS'] },
  { name: 'abandoned-preparing-callerror', description: 'Answers a StatusNotification Available for a connector that was Preparing without a transaction with a CALLERROR (InternalError).', versions: V16, targets: ['Core'], catches: ['TC_004_2_CSMS', 'TC_011_2_CSMS'] },
  { name: 'connector-error-callerror', description: 'Answers a StatusNotification that reports a connector error (errorCode other than NoError) with a CALLERROR (InternalError).', versions: V16, targets: ['Core'], catches: ['TC_024_CSMS'] },
  { name: 'remote-start-wrong-id-tag', description: 'Sends RemoteStartTransaction (2.x RequestStartTransaction) for another id tag than asked.', versions: ALL, targets: ['Core', 'F'], catches: ['TC_010_CSMS', 'TC_011_1_CSMS'] },
  { name: 'get-configuration-ignores-keys', description: 'Sends GetConfiguration without the keys asked for, so the charger reports all of them.', versions: V16, targets: ['Core'], catches: ['TC_019_2_CSMS'] },
  { name: 'change-configuration-validated', description: 'Refuses to send ChangeConfiguration for a key that is not a standard OCPP 1.6 key or with a value that key cannot take.', versions: V16, targets: ['Core'], catches: ['TC_040_1_CSMS', 'TC_040_2_CSMS'] },
  { name: 'local-list-differential-only', description: 'Sends every SendLocalList as a Differential update, whatever was asked.', versions: V16, targets: ['LocalAuthListManagement'], catches: ['TC_043_1_CSMS', 'TC_043_3_CSMS'] },
  { name: 'local-list-without-id-tag-info', description: 'Sends the entries of a local authorization list without their idTagInfo.', versions: V16, targets: ['LocalAuthListManagement'], catches: ['TC_043_4_CSMS', 'TC_043_5_CSMS'] },
  { name: 'diagnostics-status-callerror', description: 'Answers DiagnosticsStatusNotification with a CALLERROR (InternalError).', versions: V16, targets: ['FirmwareManagement'], catches: ['TC_045_1_CSMS', 'TC_045_2_CSMS'] },
  { name: 'trigger-known-connectors-only', description: 'Refuses to send TriggerMessage for a connector the charger has not reported in a StatusNotification.', versions: V16, targets: ['RemoteTrigger'], catches: ['TC_055_CSMS'] },
  { name: 'no-command:<Action>', description: 'Cannot send <Action> at all (e.g. no-command:Reset).', versions: ALL, targets: [], catches: ['every case whose first step is that command'] },
];

const NAMES = new Set(CSMS_BEHAVIOURS.map((b) => b.name));

/** The standard 1.6 keys and the values they take (OCPP 1.6 §9), for change-configuration-validated. */
const STANDARD_KEYS_16 = new Configuration16(PROFILES_16, defaultValues(1, PROFILES_16, 0));

/** Checks behaviour names; returns the problem or undefined. */
export function checkBehaviours(names: readonly string[]): string | undefined {
  for (const name of names) {
    if (name.startsWith('no-command:') && /^no-command:[A-Za-z0-9]+$/.test(name)) continue;
    if (!NAMES.has(name)) return `The built-in CSMS has no faulty behaviour "${name}" (known: ${[...NAMES].join(', ')})`;
  }
  return undefined;
}

const CALLERRORS: Record<string, [string, string]> = {
  'stop-transaction-callerror': ['StopTransaction', 'InternalError'],
  'status-notification-callerror': ['StatusNotification', 'InternalError'],
  'meter-values-callerror': ['MeterValues', 'InternalError'],
  'data-transfer-callerror': ['DataTransfer', 'NotImplemented'],
  'firmware-status-callerror': ['FirmwareStatusNotification', 'InternalError'],
  'diagnostics-status-callerror': ['DiagnosticsStatusNotification', 'InternalError'],
  'signed-firmware-status-callerror': ['SignedFirmwareStatusNotification', 'InternalError'],
  'security-event-callerror': ['SecurityEventNotification', 'InternalError'],
};

/** The settings in force with the behaviours applied over the operator's (they win, whatever is set later). */
/** The CSMS's TLS with the behaviours applied (tls-rsa-certificate-only keeps the RSA certificate of several). */
export function tlsWithBehaviours(names: readonly string[], tls: TlsServerOptions): TlsServerOptions {
  if (!names.includes('tls-rsa-certificate-only') || !Array.isArray(tls.cert) || !Array.isArray(tls.key)) return tls;
  const keys = tls.key;
  const rsa = tls.cert.map((cert, i) => ({ cert, key: keys[i] })).filter(({ cert }) => new X509Certificate(cert).publicKey.asymmetricKeyType === 'rsa');
  const first = rsa[0];
  return first === undefined || first.key === undefined ? tls : { ...tls, cert: first.cert, key: first.key };
}

export function settingsWithBehaviours(settings: CsmsSettings, names: readonly string[]): CsmsSettings {
  let out = settings;
  const has = (n: string) => names.includes(n);
  if (has('rejects-boot')) out = mergeSettings(out, { boot: { status: 'Rejected' } });
  if (has('boot-pending-forever')) out = mergeSettings(out, { boot: { status: 'Pending' } });
  if (has('authorize-unknown-accepted')) out = { ...out, unknownIdToken: 'Accepted' };
  if (has('sign-certificate-rejected')) out = mergeSettings(out, { signCertificate: { status: 'Rejected' } });
  if (has('authorize-collapses-statuses') || has('parent-id-not-returned')) {
    const tokens: CsmsSettings['idTokens'] = {};
    for (const [token, entry] of Object.entries(out.idTokens)) {
      const e = { ...entry };
      if (has('authorize-collapses-statuses') && (e.status === 'Blocked' || e.status === 'Expired')) e.status = 'Invalid';
      if (has('parent-id-not-returned')) delete e.parentIdTag;
      tokens[token] = e;
    }
    out = { ...out, idTokens: tokens };
  }
  if (has('basic-auth-rejects-valid')) {
    const chargers: CsmsSettings['chargers'] = {};
    for (const [id, c] of Object.entries(out.chargers)) {
      const { password: _p, passwordHex: _h, ...rest } = c;
      chargers[id] = c.password !== undefined || c.passwordHex !== undefined ? { ...rest, password: `${c.password ?? c.passwordHex ?? ''}-not-this-one` } : c;
    }
    out = { ...out, chargers };
  }
  const errors = Object.entries(CALLERRORS).filter(([n]) => has(n));
  if (errors.length > 0) {
    const responders = { ...out.responders };
    for (const [name, [action, code]] of errors) responders[action] = { mode: 'error', code, description: `faulty behaviour ${name}` };
    out = { ...out, responders };
  }
  return out;
}

/**
 * What the behaviours that depend on history know of the charger sending a CALL: the
 * CSMS's state of it before the CALL is applied, and what this connection authorized.
 */
export interface BehaviourFacts {
  state: CsmsChargerState;
  /** Id tags authorized (Accepted) on this connection that no StartTransaction has used since. */
  pendingAuthorizations: Set<string>;
}

/** Changes the CSMS's default answer to a charger-initiated CALL. */
export function answerWithBehaviours(
  names: readonly string[],
  action: string,
  payload: Record<string, unknown>,
  request: Record<string, unknown> = {},
  facts?: BehaviourFacts,
): Record<string, unknown> {
  const has = (n: string) => names.includes(n);
  const withStatus = (status: string) => ({ ...payload, idTagInfo: { ...(payload['idTagInfo'] as object), status } });
  if (action === 'StartTransaction' && facts !== undefined) {
    const authorized = facts.pendingAuthorizations.has(String(request['idTag']));
    if (has('authorize-then-start-conflict') && authorized) return withStatus('ConcurrentTx');
    if (has('start-requires-prior-authorize') && !authorized) return withStatus('Invalid');
  }
  if (!has('start-transaction-accepts-invalid-tag')) return payload;
  if (action === 'StartTransaction') return withStatus('Accepted');
  if (action === 'TransactionEvent' && payload['idTokenInfo'] !== undefined) return { ...payload, idTokenInfo: { ...(payload['idTokenInfo'] as object), status: 'Accepted' } };
  return payload;
}

/** Keeps the history the behaviours need, once the CSMS has answered a CALL. */
export function rememberForBehaviours(facts: BehaviourFacts, action: string, request: Record<string, unknown>, answer: Record<string, unknown>): void {
  const idTag = request['idTag'];
  if (typeof idTag !== 'string') return;
  if (action === 'Authorize' && (answer['idTagInfo'] as { status?: string } | undefined)?.status === 'Accepted') facts.pendingAuthorizations.add(idTag);
  if (action === 'StartTransaction') facts.pendingAuthorizations.delete(idTag);
}

/** A CALLERROR a behaviour answers this 1.6 CALL with instead of the default answer, if any. */
export function refusalWithBehaviours(
  names: readonly string[],
  version: OcppVersion,
  action: string,
  request: Record<string, unknown>,
  facts: BehaviourFacts,
): { code: string; description: string } | undefined {
  if (version !== '1.6') return undefined;
  const has = (n: string) => names.includes(n);
  const refuse = (name: string, why: string) => ({ code: 'InternalError', description: `${why} (faulty behaviour ${name})` });
  if (action === 'StatusNotification') {
    if (has('connector-error-callerror') && request['errorCode'] !== 'NoError') return refuse('connector-error-callerror', `Cannot handle connector error ${String(request['errorCode'])}`);
    if (has('abandoned-preparing-callerror') && request['status'] === 'Available') {
      const connectorId = Number(request['connectorId']);
      const before = facts.state.connectors.find((c) => c.connectorId === connectorId && c.evseId === undefined);
      const running = facts.state.transactions.some((t) => t.state === 'active' && t.connectorId === connectorId);
      // Only a Preparing reported on this connection: a charger that reconnects reports afresh.
      const connectedAt = facts.state.connection.connectedAt;
      const thisConnection = before !== undefined && connectedAt !== undefined && Date.parse(before.updated) >= Date.parse(connectedAt);
      if (before?.status === 'Preparing' && thisConnection && !running) return refuse('abandoned-preparing-callerror', `Connector ${connectorId} cannot go from Preparing to Available without a transaction`);
    }
  }
  if (has('reserved-start-refused') && action === 'StartTransaction' && request['reservationId'] !== undefined) {
    return refuse('reserved-start-refused', `Cannot start a transaction on reservation ${String(request['reservationId'])}`);
  }
  if (has('stop-reason-unhandled') && action === 'StopTransaction') {
    // OCPP 1.6 §6.49: reason may only be left out when it is Local.
    const reason = (request['reason'] as string | undefined) ?? 'Local';
    if (reason !== 'Local' && reason !== 'Remote') return refuse('stop-reason-unhandled', `Unknown stop reason ${reason}`);
  }
  if (has('queued-messages-rejected') && facts.state.connection.connectedAt !== undefined) {
    const stamp =
      action === 'StartTransaction' || action === 'StopTransaction'
        ? request['timestamp']
        : action === 'MeterValues'
          ? (request['meterValue'] as Array<{ timestamp?: unknown }> | undefined)?.[0]?.timestamp
          : undefined;
    if (typeof stamp === 'string' && Date.parse(stamp) < Date.parse(facts.state.connection.connectedAt)) {
      return refuse('queued-messages-rejected', `${action} is older than the connection`);
    }
  }
  return undefined;
}

export type Outgoing = { refuse: string } | { payload: Record<string, unknown> };

/** Changes (or refuses) a CALL the CSMS is about to send; `state`: what it knows of the charger. */
export function outgoingWithBehaviours(names: readonly string[], version: OcppVersion, action: string, payload: Record<string, unknown>, state?: CsmsChargerState): Outgoing {
  if (names.includes(`no-command:${action}`)) return { refuse: `The CSMS cannot send ${action} (faulty behaviour no-command:${action})` };
  if (names.includes('trigger-known-connectors-only') && action === 'TriggerMessage' && typeof payload['connectorId'] === 'number') {
    const connectorId = payload['connectorId'];
    if (state !== undefined && !state.connectors.some((c) => c.evseId === undefined && c.connectorId === connectorId)) {
      return { refuse: `The CSMS cannot trigger a message for connector ${connectorId}, which the charger never reported (faulty behaviour trigger-known-connectors-only)` };
    }
  }
  if (names.includes('charge-point-reservation-refused') && version === '1.6' && action === 'ReserveNow' && payload['connectorId'] === 0) {
    return { refuse: 'The CSMS cannot reserve the whole charge point (connector 0) (faulty behaviour charge-point-reservation-refused)' };
  }
  if (names.includes('cancel-only-known-reservations') && action === 'CancelReservation' && state !== undefined && !state.reservations.some((r) => r.reservationId === payload['reservationId'])) {
    return { refuse: `The CSMS cannot cancel reservation ${String(payload['reservationId'])}, which it did not make with this charger (faulty behaviour cancel-only-known-reservations)` };
  }
  if (names.includes('clear-profile-by-id-only') && version === '1.6' && action === 'ClearChargingProfile' && payload['id'] === undefined) {
    return { refuse: 'The CSMS can only clear a charging profile by its id (faulty behaviour clear-profile-by-id-only)' };
  }
  const p = structuredClone(payload);
  const has = (n: string) => names.includes(n);
  const v16 = version === '1.6';
  if (has('reset-type-fixed') && action === 'Reset') p['type'] = v16 ? 'Soft' : 'OnIdle';
  if (has('remote-stop-wrong-transaction-id')) {
    if (action === 'RemoteStopTransaction' && typeof p['transactionId'] === 'number') p['transactionId'] = p['transactionId'] + 1000;
    if (action === 'RequestStopTransaction' && typeof p['transactionId'] === 'string') p['transactionId'] = `${p['transactionId']}-other`;
  }
  if (has('reservation-expiry-in-past') && action === 'ReserveNow') p[v16 ? 'expiryDate' : 'expiryDateTime'] = '2000-01-01T00:00:00.000Z';
  if (has('reserve-now-connector-zero') && v16 && action === 'ReserveNow') p['connectorId'] = 0;
  if (has('cancel-reservation-wrong-id') && action === 'CancelReservation' && typeof p['reservationId'] === 'number') p['reservationId'] = p['reservationId'] + 1000;
  if (has('txprofile-without-transaction-id') && action === 'SetChargingProfile') {
    const profile = p['csChargingProfiles'] as Record<string, unknown> | undefined;
    if (profile !== undefined) delete profile['transactionId'];
  }
  if (has('charging-profile-without-validity') && v16 && action === 'SetChargingProfile') {
    const profile = p['csChargingProfiles'] as Record<string, unknown> | undefined;
    if (profile !== undefined) {
      delete profile['validFrom'];
      delete profile['validTo'];
      delete (profile['chargingSchedule'] as Record<string, unknown> | undefined)?.['startSchedule'];
    }
  }
  if (has('composite-schedule-without-unit') && v16 && action === 'GetCompositeSchedule') delete p['chargingRateUnit'];
  if (has('remote-start-profile-not-txprofile') && v16 && action === 'RemoteStartTransaction') {
    const profile = p['chargingProfile'] as Record<string, unknown> | undefined;
    if (profile !== undefined) profile['chargingProfilePurpose'] = 'TxDefaultProfile';
  }
  if (has('get-log-diagnostics-only') && action === 'GetLog') p['logType'] = 'DiagnosticsLog';
  if (v16 && action === 'SendLocalList') {
    if (has('local-list-differential-only')) p['updateType'] = 'Differential';
    if (has('local-list-without-id-tag-info')) for (const entry of (p['localAuthorizationList'] as Array<Record<string, unknown>> | undefined) ?? []) delete entry['idTagInfo'];
  }
  if (has('signed-firmware-without-certificate') && action === 'SignedUpdateFirmware') {
    const firmware = p['firmware'] as Record<string, unknown> | undefined;
    if (firmware !== undefined) delete firmware['signingCertificate'];
  }
  if (has('remote-start-wrong-id-tag')) {
    if (action === 'RemoteStartTransaction' && typeof p['idTag'] === 'string') p['idTag'] = otherToken(p['idTag'], 20);
    const token = p['idToken'] as { idToken?: unknown } | undefined;
    if (action === 'RequestStartTransaction' && typeof token?.idToken === 'string') token.idToken = otherToken(token.idToken, 36);
  }
  if (has('get-configuration-ignores-keys') && action === 'GetConfiguration') delete p['key'];
  if (has('change-configuration-validated') && v16 && action === 'ChangeConfiguration') {
    const verdict = STANDARD_KEYS_16.check(String(p['key']), String(p['value']));
    if (verdict.status !== 'Accepted') return { refuse: `The CSMS refuses to send ChangeConfiguration: ${verdict.reason ?? verdict.status} (faulty behaviour change-configuration-validated)` };
  }
  if (has('install-certificate-wrong-type') && action === 'InstallCertificate') {
    p['certificateType'] = p['certificateType'] === 'ManufacturerRootCertificate' ? (v16 ? 'CentralSystemRootCertificate' : 'CSMSRootCertificate') : 'ManufacturerRootCertificate';
  }
  if (has('delete-certificate-serial-leading-zeros') && action === 'DeleteCertificate') {
    const hash = p['certificateHashData'] as Record<string, unknown> | undefined;
    if (hash !== undefined && typeof hash['serialNumber'] === 'string') hash['serialNumber'] = hash['serialNumber'].padStart(40, '0');
  }
  return { payload: p };
}

/** A different token of at most `max` characters (a CiString20 idTag in 1.6, 36 in 2.x). */
function otherToken(token: string, max: number): string {
  return `${token.slice(0, max - 6)}-OTHER`;
}
