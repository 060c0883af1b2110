// Reusable, memory and configuration states of the OCPP 1.6 test plan (OCTT 1.6 test case
// document §2.25–§2.26 for SUT = charger, §3.22 for SUT = CSMS). Each runs as one step
// with its own steps nested below it.
import { findCertificate } from './certificate-hash';
import type { Harness, Received } from './harness';
import { oneOf, present, type PayloadMatcher } from './matchers';

const now = () => new Date().toISOString();

// ------------------------------------------------------------------ SUT = charger (bench = CSMS)

/** Configuration state: set a key with ChangeConfiguration and expect it Accepted. */
export async function configure(t: Harness, key: string, value: string | number | boolean): Promise<void> {
  await t.send('ChangeConfiguration', { key, value: String(value) }, { status: 'Accepted' }, { says: `Configure ${key} = ${String(value)} (ChangeConfiguration, expect Accepted)` });
}

/** Reads configuration keys (reusable state GetConfiguration, §2.25 Table 103). */
export async function getConfiguration(t: Harness, keys?: string[]): Promise<Record<string, string | undefined>> {
  const outcome = await t.send('GetConfiguration', keys === undefined ? {} : { key: keys }, undefined, {
    says: `Read the configuration${keys !== undefined ? ` key${keys.length > 1 ? 's' : ''} ${keys.join(', ')}` : ''} (GetConfiguration)`,
  });
  const out: Record<string, string | undefined> = {};
  if (outcome.kind === 'result') {
    for (const entry of (outcome.payload['configurationKey'] as Array<{ key: string; value?: string }> | undefined) ?? []) out[entry.key] = entry.value;
  }
  return out;
}

/**
 * Reusable state Authorized (§2.25 Table 104): the driver presents the valid id tag.
 * StatusNotification(Preparing) is only expected if the connector was not Preparing yet:
 * `preparing` says what the case knows — 'optional' (default: it may come), 'expected' (the
 * connector was Available, so it must come), or 'later' (the case expects it itself as its
 * own next step, TC_061_CS step 1, so the state leaves it alone).
 */
export async function authorized(t: Harness, idTag = t.settings.idTags.valid, options: { preparing?: 'optional' | 'expected' | 'later' } = {}): Promise<void> {
  const preparing = options.preparing ?? 'optional';
  await t.state('Authorized', async () => {
    await t.operator({ kind: 'presentIdTag', idTag });
    await t.expectAll([
      { action: 'Authorize', matcher: { idTag } },
      ...(preparing === 'later' ? [] : [{ action: 'StatusNotification', matcher: { status: 'Preparing' }, optional: preparing === 'optional' }]),
    ]);
  });
}

/**
 * Reusable state Charging (§2.25 Table 105): plug in, remote start with the valid id tag,
 * then StartTransaction and StatusNotification(Charging). Leaves the transaction id in
 * `t.vars.transactionId`. `reserved`: the connector is Reserved, so the cable brings no
 * Preparing (the remote start does). `authorizeOptional`: the case lets the charger skip
 * Authorize whatever AuthorizeRemoteTxRequests says (OCTT TC_046_2_CS, TC_049_CS).
 * `start`: what the case validates in StartTransaction besides connectorId and idTag
 * (e.g. the reservationId). `chargingProfile`: the RemoteStartTransaction carries it
 * ("Charging with a ChargingProfile with purpose TxProfile", OCTT TC_059_CS).
 */
export async function charging(
  t: Harness,
  options: { connectorId?: number; idTag?: string; reserved?: boolean; authorizeOptional?: boolean; start?: Record<string, unknown>; chargingProfile?: Record<string, unknown> } = {},
): Promise<number> {
  const connectorId = options.connectorId ?? t.settings.connectorId;
  const idTag = options.idTag ?? t.settings.idTags.valid;
  let transactionId = 0;
  await t.state('Charging', async () => {
    const config = await getConfiguration(t, ['AuthorizeRemoteTxRequests']);
    const authorizeRemote = config['AuthorizeRemoteTxRequests'] === 'true';
    await t.operator({ kind: 'plugIn', connectorId });
    if (options.reserved !== true) await t.expect('StatusNotification', { connectorId, status: 'Preparing' });
    const profile = options.chargingProfile;
    await t.send('RemoteStartTransaction', { connectorId, idTag, ...(profile !== undefined ? { chargingProfile: profile } : {}) }, { status: 'Accepted' }, {
      ...(profile !== undefined ? { says: `Send RemoteStartTransaction for ${idTag} on connector ${connectorId} with a charging profile (${String(profile['chargingProfilePurpose'])} ${String(profile['chargingProfileId'])}, ${String(profile['chargingProfileKind'])}) and expect an answer where status is Accepted` } : {}),
    });
    if (options.reserved === true) await t.expect('StatusNotification', { connectorId, status: 'Preparing' });
    const [, start] = await t.expectAll([
      { action: 'Authorize', matcher: { idTag }, optional: !authorizeRemote || options.authorizeOptional === true },
      { action: 'StartTransaction', matcher: { connectorId, idTag, ...options.start } },
      { action: 'StatusNotification', matcher: { connectorId, status: 'Charging' } },
    ]);
    const answer = start?.answer;
    transactionId = answer !== undefined && 'result' in answer ? Number(answer.result['transactionId']) : 0;
    t.vars['transactionId'] = transactionId;
  });
  return transactionId;
}

/** Ends the running transaction from the charger side: present the id tag, then unplug. */
export async function stopByIdTag(t: Harness, options: { connectorId?: number; idTag?: string } = {}): Promise<void> {
  const connectorId = options.connectorId ?? t.settings.connectorId;
  const idTag = options.idTag ?? t.settings.idTags.valid;
  await t.operator({ kind: 'presentIdTag', idTag, connectorId });
  await t.expectAll([
    { action: 'StopTransaction', matcher: { transactionId: t.vars['transactionId'] ?? present } },
    { action: 'StatusNotification', matcher: { connectorId, status: 'Finishing' } },
  ]);
  await t.operator({ kind: 'unplug', connectorId });
  await t.expect('StatusNotification', { connectorId, status: 'Available' });
}

/** Reusable state SetConnectorFaulted (§2.25 Table 106). */
export async function connectorFaulted(t: Harness, connectorId = t.settings.connectorId): Promise<void> {
  await t.state('SetConnectorFaulted', async () => {
    await t.operator({ kind: 'fault', connectorId });
    await t.expect('StatusNotification', { connectorId, status: 'Faulted' });
  });
}

/** Reusable state SetConnectorUnavailable (§2.25 Table 108). */
export async function connectorUnavailable(t: Harness, connectorId = t.settings.connectorId): Promise<void> {
  await t.state('SetConnectorUnavailable', async () => {
    await t.send('ChangeAvailability', { connectorId, type: 'Inoperative' }, { status: 'Accepted' });
    await t.expect('StatusNotification', { connectorId, status: 'Unavailable' });
  });
}

/**
 * "SetConnectorUnavailable for all unused connectors" (reservation cases, e.g. OCTT
 * TC_046_1_CS): every connector but `connectorId`, so only that one can take the session.
 */
export async function unusedConnectorsUnavailable(t: Harness, connectorId = t.settings.connectorId): Promise<number[]> {
  const unused = connectorIds(t).filter((id) => id !== connectorId);
  if (unused.length === 0) t.note(`Connector ${connectorId} is the charger's only connector: there are no unused connectors to make Unavailable`);
  for (const id of unused) await connectorUnavailable(t, id);
  return unused;
}

/**
 * Post-condition "Charge Point connectors are available" (OCTT 1.6 §1.3) after a case made
 * connectors Inoperative: ChangeAvailability Operative for each, expected Accepted.
 */
export async function connectorsOperative(t: Harness, ids: readonly number[]): Promise<void> {
  for (const connectorId of ids) {
    await t.send('ChangeAvailability', { connectorId, type: 'Operative' }, { status: 'Accepted' }, {
      says: `Post-condition: make ${connectorId === 0 ? 'the charge point' : `connector ${connectorId}`} available again (ChangeAvailability Operative, expect Accepted)`,
    });
  }
}

/**
 * The tool (Central System) reserves a connector (connector 0: the charge point) with
 * ReserveNow and expects `status` in the answer (OCPP 1.6 §5.13). The expiry date is
 * `expirySeconds` spec seconds ahead, on the run's time scale. Returns the request.
 */
export async function sendReserveNow(
  t: Harness,
  status: string,
  options: { connectorId?: number; idTag?: string; parentIdTag?: string; reservationId?: number; expirySeconds?: number } = {},
): Promise<{ connectorId: number; idTag: string; reservationId: number; expiryDate: string; parentIdTag?: string }> {
  const connectorId = options.connectorId ?? t.settings.connectorId;
  const idTag = options.idTag ?? t.settings.idTags.valid;
  const reservationId = options.reservationId ?? 1;
  const expirySeconds = options.expirySeconds ?? 3600;
  const expiryDate = new Date(Date.now() + t.ms(expirySeconds)).toISOString();
  const request = { connectorId, expiryDate, idTag, reservationId, ...(options.parentIdTag !== undefined ? { parentIdTag: options.parentIdTag } : {}) };
  const what = connectorId === 0 ? 'the charge point (connector 0)' : `connector ${connectorId}`;
  await t.send('ReserveNow', request, { status }, {
    says: `Reserve ${what} for ${idTag}${options.parentIdTag !== undefined ? ` (parentIdTag ${options.parentIdTag})` : ''}, expiring in ${expirySeconds} s (ReserveNow, reservationId ${reservationId}) and expect an answer where status is ${status}`,
  });
  return request;
}

/**
 * Reusable state SetChargePointFaulted (§2.25 Table 107): the whole charge point faulted,
 * reported Faulted for connector 0 and every connector (the table's note).
 */
export async function chargePointFaulted(t: Harness): Promise<void> {
  await t.state('SetChargePointFaulted', async () => {
    await t.operator({ kind: 'fault', connectorId: 0 });
    await t.expectAll(connectorIds(t, true).map((connectorId) => ({ action: 'StatusNotification', matcher: { connectorId, status: 'Faulted' } })));
  });
}

/** Reusable state SetChargePointUnavailable (§2.25 Table 109): every connector and connector 0. */
export async function chargePointUnavailable(t: Harness): Promise<void> {
  await t.state('SetChargePointUnavailable', async () => {
    await t.send('ChangeAvailability', { connectorId: 0, type: 'Inoperative' }, { status: 'Accepted' });
    await t.expectAll(connectorIds(t, true).map((connectorId) => ({ action: 'StatusNotification', matcher: { connectorId, status: 'Unavailable' } })));
  });
}

/** Reusable state SetConnectorOccupied (§2.25 Table 110). */
export async function connectorOccupied(t: Harness, connectorId = t.settings.connectorId): Promise<void> {
  await t.state('SetConnectorOccupied', async () => {
    await t.operator({ kind: 'plugIn', connectorId });
    await t.expect('StatusNotification', { connectorId, status: 'Preparing' });
  });
}

/** "SetConnectorOccupied for all connectors" (OCTT TC_050_2_CS). */
export async function allConnectorsOccupied(t: Harness): Promise<void> {
  for (const connectorId of connectorIds(t)) await connectorOccupied(t, connectorId);
}

/** Reusable state Reserved (§2.25 Table 111). Leaves the reservation id in `t.vars.reservationId`. */
export async function reserved(t: Harness, options: { connectorId?: number; reservationId?: number; expirySeconds?: number } = {}): Promise<void> {
  const connectorId = options.connectorId ?? t.settings.connectorId;
  const reservationId = options.reservationId ?? 1;
  await t.state('Reserved', async () => {
    await sendReserveNow(t, 'Accepted', { connectorId, reservationId, ...(options.expirySeconds !== undefined ? { expirySeconds: options.expirySeconds } : {}) });
    await t.expect('StatusNotification', { connectorId, status: 'Reserved' });
    t.vars['reservationId'] = reservationId;
  });
}

/** Memory state IdTagLocalAuthList (§2.26 Table 113); some cases list another tag (TC_037_2_CS: the invalid one). */
export async function idTagInLocalList(t: Harness, listVersion = 1, idTag = t.settings.idTags.valid): Promise<void> {
  await t.state('IdTagLocalAuthList', async () => {
    await t.send(
      'SendLocalList',
      { listVersion, updateType: 'Full', localAuthorizationList: [{ idTag, idTagInfo: { status: 'Accepted' } }] },
      { status: 'Accepted' },
    );
  });
}

/**
 * Memory state IdTagCached (§2.26 Table 112): a charging session with the tag, stopped by
 * presenting it, the cable removed. The tool answers Accepted for the tag throughout — also
 * for a tag it later calls Invalid (TC_037_2_CS, TC_037_3_CS use the invalid tag here).
 * Expects AuthorizationCacheEnabled to be true already (the state's configuration state).
 */
export async function idTagCached(t: Harness, idTag = t.settings.idTags.valid): Promise<void> {
  const connectorId = t.settings.connectorId;
  let active = true;
  const accept = (call: { payload: Record<string, unknown> }) => (active && call.payload['idTag'] === idTag ? { status: 'Accepted' } : undefined);
  if (idTag !== t.settings.idTags.valid) {
    t.respond('Authorize', (call) => {
      const info = accept(call);
      return info === undefined ? undefined : { result: { idTagInfo: info } };
    }, { says: `with idTagInfo.status Accepted for ${idTag} while its IdTagCached state runs` });
    t.respond('StartTransaction', (call) => {
      const info = accept(call);
      if (info === undefined) return undefined;
      const transactionId = t.memory.nextTransactionId++;
      t.memory.openTransactions.set(transactionId, { connectorId: Number(call.payload['connectorId']), idTag });
      return { result: { transactionId, idTagInfo: info } };
    }, { says: `with idTagInfo.status Accepted for ${idTag} while its IdTagCached state runs` });
  }
  t.respond('StopTransaction', (call) => {
    const info = accept(call);
    if (info === undefined) return undefined;
    t.memory.openTransactions.delete(Number(call.payload['transactionId']));
    return { result: { idTagInfo: info } };
  }, { says: `with idTagInfo.status Accepted for ${idTag} while its IdTagCached state runs` });
  try {
    await t.state('IdTagCached', async () => {
      await charging(t, { connectorId, idTag });
      await stopByIdTag(t, { connectorId, idTag });
    });
  } finally {
    active = false;
  }
}

/**
 * Configuration states that hold "if implemented" (e.g. TC_037_1_CS): reads the keys, then
 * sets those the charger has to the value wanted; keys it does not know are left alone.
 * Returns the keys the charger has.
 */
export async function configureIfImplemented(t: Harness, wanted: Record<string, string>): Promise<Set<string>> {
  const keys = Object.keys(wanted);
  const outcome = await t.send('GetConfiguration', { key: keys }, undefined, { says: `Read the configuration key${keys.length > 1 ? 's' : ''} ${keys.join(', ')} (GetConfiguration), to set ${keys.length > 1 ? 'those' : 'it if'} the charger implements` });
  const known = new Map<string, string | undefined>();
  if (outcome.kind === 'result') {
    for (const entry of (outcome.payload['configurationKey'] as Array<{ key: string; value?: string }> | undefined) ?? []) known.set(entry.key, entry.value);
  }
  for (const key of keys) {
    if (!known.has(key)) {
      t.note(`${key} is not implemented by the charger: its configuration state does not apply`);
      continue;
    }
    if (known.get(key)?.toLowerCase() === wanted[key]!.toLowerCase()) {
      t.note(`${key} is already ${wanted[key]!}`);
      continue;
    }
    await configure(t, key, wanted[key]!);
  }
  return new Set(known.keys());
}

/** The connector ids of the SUT, optionally with connector 0 first. */
export function connectorIds(t: Harness, withZero = false): number[] {
  const ids = Array.from({ length: t.settings.connectors }, (_, i) => i + 1);
  return withZero ? [0, ...ids] : ids;
}

/**
 * Memory state CertificateInstalled (§2.26 Table 114): the Central System root certificate of
 * the tool's store (the root of the bench's server certificate) is installed, unless the
 * charger already has it by the bench's own hash calculation. The document names no type;
 * TC_076_CS deletes "the configured CentralSystemRootCertificate", so it is that one. Its
 * step 2 "should be Accepted": a charger with no root of the type answers NotFound (whitepaper
 * M03), which is taken too — that is when the certificate is installed.
 */
export async function certificateInstalled(t: Harness): Promise<string> {
  const certificate = await t.security.centralSystemRoot();
  await t.state('CertificateInstalled', async () => {
    const listed = await t.send('GetInstalledCertificateIds', { certificateType: 'CentralSystemRootCertificate' }, { status: oneOf('Accepted', 'NotFound') }, {
      says: 'Send GetInstalledCertificateIds (CentralSystemRootCertificate) and expect an answer where status is Accepted (or NotFound: none installed yet)',
    });
    if (listed.kind === 'result' && findCertificate(listed.payload['certificateHashData'], certificate) !== undefined) {
      t.note('The charger already has the Central System root certificate of the tool\'s store: no InstallCertificate');
      return;
    }
    await t.send('InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate }, { status: 'Accepted' }, {
      says: 'Send InstallCertificate (CentralSystemRootCertificate, the root certificate of the tool\'s store) and expect an answer where status is Accepted',
    });
  });
  return certificate;
}

/**
 * ExtendedTriggerMessage(SignChargePointCertificate) Accepted, the charger's SignCertificate
 * with its CSR answered Accepted, and the bench as Certificate Authority Server signs the CSR
 * (whitepaper A02; OCTT TC_074_CS steps 1–4). Returns the PEM chain for CertificateSigned.
 */
export async function chargePointCertificateSigned(t: Harness): Promise<string> {
  t.respond('SignCertificate', { result: { status: 'Accepted' } }, { once: true, says: 'with status Accepted' });
  await t.send('ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' }, { status: 'Accepted' }, {
    says: 'Send ExtendedTriggerMessage (requestedMessage SignChargePointCertificate, connectorId omitted) and expect an answer where status is Accepted',
  });
  const request = await t.expect('SignCertificate', { csr: present });
  let chain = '';
  try {
    chain = await t.security.signCsr(String(request.payload['csr']));
  } catch (err) {
    t.require('the bench, as Certificate Authority Server, can sign the charger\'s CSR', false, err instanceof Error ? err.message : String(err), request.frame);
  }
  t.note('The bench, as Certificate Authority Server, signs the CSR with its root certificate');
  return chain;
}

/**
 * Memory state RenewChargePointCertificate (§2.26 Table 115): CpoName is the configured vendor
 * name, the charger makes a new key pair and CSR, the bench signs it and the charger accepts
 * the certificate. Returns the chain.
 */
export async function renewChargePointCertificate(t: Harness): Promise<string> {
  let chain = '';
  await t.state('RenewChargePointCertificate', async () => {
    await configure(t, 'CpoName', t.settings.vendor);
    chain = await chargePointCertificateSigned(t);
    await t.send('CertificateSigned', { certificateChain: chain }, { status: 'Accepted' }, { says: 'Send CertificateSigned (the signed certificate and the root) and expect an answer where status is Accepted' });
  });
  return chain;
}

// ------------------------------------------------------------------ SUT = CSMS (bench = charger)

/** Reusable state Booted (§3.22 Table 192): connect, BootNotification Accepted, all connectors Available. */
export async function booted(t: Harness): Promise<void> {
  await t.state('Booted', async () => {
    if (!t.connected) await t.connect();
    await bootNotification(t);
    for (const connectorId of connectorIds(t, true)) await sendStatus(t, connectorId, 'Available');
  });
}

/** The tool charger's BootNotification (configured vendor and model), expected Accepted; returns the heartbeat interval given. */
export async function bootNotification(t: Harness): Promise<number | undefined> {
  const payload = { chargePointVendor: t.settings.vendor, chargePointModel: t.settings.model };
  const outcome = await t.send('BootNotification', payload, { status: 'Accepted' }, { says: `Send BootNotification (vendor ${payload.chargePointVendor}, model ${payload.chargePointModel}) and expect an answer where status is Accepted` });
  return outcome.kind === 'result' ? Number(outcome.payload['interval']) : undefined;
}

/**
 * The tool charger reports a connector status (StatusNotification; errorCode NoError unless
 * given) and expects the CSMS to answer it.
 */
export async function sendStatus(t: Harness, connectorId: number, status: string, options: { errorCode?: string; timestamp?: string } = {}): Promise<void> {
  const errorCode = options.errorCode ?? 'NoError';
  await t.send('StatusNotification', { connectorId, errorCode, status, timestamp: options.timestamp ?? now() }, undefined, {
    says: `Send StatusNotification: connector ${connectorId} is ${status}${errorCode !== 'NoError' ? ` with errorCode ${errorCode}` : ''}`,
  });
}

/**
 * OCTT "Manual action" on the Central System: the operator makes the CSMS send `action` (the
 * built-in CSMS sends `payload`), then the tool charger expects it. The tool answers with its
 * default answer or what the case set with `t.respond` before.
 */
export async function csmsSends(
  t: Harness,
  action: string,
  options: { words: string; payload?: Record<string, unknown>; matcher?: PayloadMatcher; within?: number },
): Promise<Received> {
  await t.operator({ kind: 'csmsSend', action, words: options.words, ...(options.payload !== undefined ? { payload: options.payload } : {}) });
  return t.expect(action, options.matcher, options.within !== undefined ? { within: options.within } : {});
}

/** Reusable state Authorized (§3.22 Table 193): the tool charger authorizes the valid id tag. */
export async function csmsAuthorized(t: Harness, idTag = t.settings.idTags.valid): Promise<void> {
  await t.state('Authorized', async () => {
    await sendAuthorize(t, idTag, 'Accepted');
  });
}

/** The tool charger asks the CSMS to authorize `idTag` and expects idTagInfo.status to be `status`. */
export async function sendAuthorize(t: Harness, idTag: string, status: string): Promise<void> {
  await t.send('Authorize', { idTag }, { 'idTagInfo.status': status }, { says: `Send Authorize for ${idTag} and expect an answer where idTagInfo.status is ${status}` });
}

/**
 * The tool charger starts a transaction (StartTransaction) and expects idTagInfo.status to be
 * `status` (default Accepted). `timestamp` is when it started (a transaction started offline
 * is reported late). Leaves the transaction id in `t.vars.transactionId` and returns it.
 */
export async function sendStartTransaction(
  t: Harness,
  options: { connectorId?: number; idTag?: string; meterStart?: number; timestamp?: string; status?: string; reservationId?: number } = {},
): Promise<number> {
  const connectorId = options.connectorId ?? t.settings.connectorId;
  const idTag = options.idTag ?? t.settings.idTags.valid;
  const status = options.status ?? 'Accepted';
  const reservation = options.reservationId !== undefined ? { reservationId: options.reservationId } : {};
  const start = await t.send(
    'StartTransaction',
    { connectorId, idTag, meterStart: options.meterStart ?? 0, timestamp: options.timestamp ?? now(), ...reservation },
    { 'idTagInfo.status': status },
    {
      says: `Send StartTransaction (connector ${connectorId}, ${idTag}${options.reservationId !== undefined ? `, reservation ${options.reservationId}` : ''}${options.timestamp !== undefined ? `, started ${options.timestamp}` : ''}) and expect an answer where idTagInfo.status is ${status}`,
    },
  );
  const transactionId = start.kind === 'result' ? Number(start.payload['transactionId']) : 0;
  t.vars['transactionId'] = transactionId;
  return transactionId;
}

/** The tool charger stops a transaction (StopTransaction) with `reason` and expects the CSMS to answer it. */
export async function sendStopTransaction(
  t: Harness,
  options: { transactionId: number; reason: string; meterStop?: number; timestamp?: string; idTag?: string },
): Promise<void> {
  const payload: Record<string, unknown> = { transactionId: options.transactionId, meterStop: options.meterStop ?? 0, timestamp: options.timestamp ?? now(), reason: options.reason };
  if (options.idTag !== undefined) payload['idTag'] = options.idTag;
  await t.send('StopTransaction', payload, undefined, {
    says: `Send StopTransaction (transaction ${options.transactionId}, reason ${options.reason}${options.timestamp !== undefined ? `, stopped ${options.timestamp}` : ''}) and expect the CSMS to answer it`,
  });
}

/**
 * Reusable state Charging (§3.22 Table 194): Authorized, then Preparing, StartTransaction
 * Accepted and Charging. Leaves the transaction id in `t.vars.transactionId`.
 * `reservationId`: the transaction uses this reservation (OCTT TC_046_CSMS step 5).
 */
export async function csmsCharging(t: Harness, options: { connectorId?: number; idTag?: string; meterStart?: number; reservationId?: number } = {}): Promise<number> {
  const connectorId = options.connectorId ?? t.settings.connectorId;
  const idTag = options.idTag ?? t.settings.idTags.valid;
  let transactionId = 0;
  await t.state('Charging', async () => {
    await csmsAuthorized(t, idTag);
    await sendStatus(t, connectorId, 'Preparing');
    transactionId = await sendStartTransaction(t, {
      connectorId,
      idTag,
      ...(options.meterStart !== undefined ? { meterStart: options.meterStart } : {}),
      ...(options.reservationId !== undefined ? { reservationId: options.reservationId } : {}),
    });
    await sendStatus(t, connectorId, 'Charging');
  });
  return transactionId;
}

/** Reusable state InstalledCertificatesReceived (§3.22 Table 195). */
export async function installedCertificatesReceived(t: Harness): Promise<void> {
  await t.state('InstalledCertificatesReceived', async () => {
    await t.operator({ kind: 'csmsSend', action: 'GetInstalledCertificateIds', payload: { certificateType: 'CentralSystemRootCertificate' }, words: 'Make the Central System request the installed root certificates (GetInstalledCertificateIds)' });
    await t.expect('GetInstalledCertificateIds', { certificateType: oneOf('CentralSystemRootCertificate', 'ManufacturerRootCertificate') });
  });
}
