// What the CSMS knows about each charger, and how each message changes it. No I/O and no
// clock: every function takes the time as an argument and changes only the state object it
// is given, so whole exchanges are tested as plain calls (see state.test.ts).
//
// Only messages that were schema-valid reach these functions (the endpoint answers invalid
// CALLs with a CALLERROR first; invalid answers to our CALLs are not applied), so payloads
// are read through typed-ocpp's types.
import type { OCPP16, OCPP20 } from 'typed-ocpp';
import type {
  CsmsChargerState,
  CsmsChargerSummary,
  CsmsChargingProfile,
  CsmsConnector,
  CsmsMeterValue,
  CsmsStatusReport,
  CsmsTransaction,
  CsmsVariable,
} from '../../api/csms';
import type { OcppVersion } from '../../api/model';

/** Bounds that keep a charger running for weeks from growing without limit. */
export const LIMITS = {
  meterValuesPerTransaction: 2000,
  transactions: 500,
  notifications: 200,
  securityEvents: 200,
  reports: 50,
  reservations: 200,
} as const;

type Payload = Record<string, unknown>;

export function newChargerState(chargePointId: string): CsmsChargerState {
  return {
    chargePointId,
    connection: { connected: false, connects: 0 },
    boot: { status: 'None', attempts: 0 },
    connectors: [],
    transactions: [],
    configuration: {},
    unknownConfigurationKeys: [],
    variables: {},
    reports: [],
    reservations: [],
    chargingProfiles: [],
    securityEvents: [],
    notifications: [],
    stats: { received: {}, sent: {}, findings: { error: 0, warning: 0, info: 0 }, rules: {} },
  };
}

/**
 * A charger came back speaking another version: what it reported in the old one no longer
 * describes it. Statistics and the connection record stay.
 */
export function resetForVersion(state: CsmsChargerState, version: OcppVersion): void {
  if (state.version === version) return;
  const fresh = newChargerState(state.chargePointId);
  const { connection, stats } = state;
  Object.assign(state, fresh, { connection, stats, version });
}

export function summarize(state: CsmsChargerState): CsmsChargerSummary {
  const summary: CsmsChargerSummary = {
    chargePointId: state.chargePointId,
    connected: state.connection.connected,
    bootStatus: state.boot.status,
    activeTransactions: state.transactions.filter((t) => t.state === 'active').length,
  };
  if (state.version !== undefined) summary.version = state.version;
  if (state.lastSeen !== undefined) summary.lastSeen = state.lastSeen;
  return summary;
}

export function activeTransactionsOf(state: CsmsChargerState, idTag: string): CsmsTransaction[] {
  return state.transactions.filter((t) => t.state === 'active' && t.idTag === idTag);
}

function pushBounded<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}

function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

export function countReceived(state: CsmsChargerState, action: string, now: string): void {
  count(state.stats.received, action);
  state.lastSeen = now;
}

export function countSent(state: CsmsChargerState, action: string): void {
  count(state.stats.sent, action);
}

// ---------------------------------------------------------------------------------------
// Connectors and EVSEs

export function connector(state: CsmsChargerState, connectorId: number, evseId: number | undefined, now: string): CsmsConnector {
  let c = state.connectors.find((x) => x.connectorId === connectorId && x.evseId === evseId);
  if (c === undefined) {
    c = { connectorId, updated: now };
    if (evseId !== undefined) c.evseId = evseId;
    state.connectors.push(c);
    state.connectors.sort((a, b) => (a.evseId ?? 0) - (b.evseId ?? 0) || a.connectorId - b.connectorId);
  }
  return c;
}

// ---------------------------------------------------------------------------------------
// Transactions and meter values

function transaction(state: CsmsChargerState, transactionId: string): CsmsTransaction | undefined {
  // Newest first: ids may repeat across charger reboots.
  for (let i = state.transactions.length - 1; i >= 0; i--) {
    const t = state.transactions[i]!;
    if (t.transactionId === transactionId) return t;
  }
  return undefined;
}

function addTransaction(state: CsmsChargerState, t: CsmsTransaction): CsmsTransaction {
  state.transactions.push(t);
  if (state.transactions.length > LIMITS.transactions) {
    // Forget the oldest ended ones; running transactions always stay.
    const excess = state.transactions.length - LIMITS.transactions;
    let removed = 0;
    state.transactions = state.transactions.filter((x) => (removed < excess && x.state === 'ended' ? (removed++, false) : true));
  }
  return t;
}

const ENERGY_REGISTER = 'Energy.Active.Import.Register';

/** The energy register in Wh from one sampled value, if it is one (1.6 §3.16, 2.0.1 J). */
function energyWh(sample: Payload): number | undefined {
  const measurand = (sample['measurand'] as string | undefined) ?? ENERGY_REGISTER;
  if (measurand !== ENERGY_REGISTER || sample['phase'] !== undefined) return undefined;
  const raw = sample['value'];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isFinite(value)) return undefined;
  // 1.6: `unit`; 2.x: `unitOfMeasure.unit` with a power-of-ten multiplier.
  const uom = sample['unitOfMeasure'] as { unit?: string; multiplier?: number } | undefined;
  const unit = (sample['unit'] as string | undefined) ?? uom?.unit ?? 'Wh';
  const scaled = value * 10 ** (uom?.multiplier ?? 0);
  return unit === 'kWh' ? scaled * 1000 : scaled;
}

export function addMeterValues(t: CsmsTransaction, values: ReadonlyArray<{ timestamp: string; sampledValue: unknown[] }>): void {
  for (const mv of values) {
    const entry: CsmsMeterValue = { timestamp: mv.timestamp, sampledValue: mv.sampledValue as Payload[] };
    t.meterValues.push(entry);
    for (const s of entry.sampledValue) {
      const wh = energyWh(s);
      if (wh !== undefined) t.energyWh = wh;
    }
  }
  const excess = t.meterValues.length - LIMITS.meterValuesPerTransaction;
  if (excess > 0) {
    t.meterValues.splice(0, excess);
    t.droppedMeterValues = (t.droppedMeterValues ?? 0) + excess;
  }
}

// ---------------------------------------------------------------------------------------
// 2.x device model

export function variableKey(component: { name: string; instance?: string; evse?: { id: number; connectorId?: number } }, variable: { name: string; instance?: string }): string {
  let key = component.name;
  if (component.instance !== undefined) key += `.${component.instance}`;
  if (component.evse !== undefined) key += `@${component.evse.id}${component.evse.connectorId !== undefined ? `.${component.evse.connectorId}` : ''}`;
  key += `/${variable.name}`;
  if (variable.instance !== undefined) key += `.${variable.instance}`;
  return key;
}

function variableEntry(state: CsmsChargerState, component: CsmsVariable['component'], variable: CsmsVariable['variable'], now: string): CsmsVariable {
  const key = variableKey(component, variable);
  let entry = state.variables[key];
  if (entry === undefined) {
    entry = { component: stripCustom(component), variable: stripCustom(variable), attributes: {}, updated: now };
    state.variables[key] = entry;
  }
  entry.updated = now;
  return entry;
}

function stripCustom<T extends object>(o: T): T {
  const { customData: _c, ...rest } = o as T & { customData?: unknown };
  if ('evse' in rest && typeof rest.evse === 'object' && rest.evse !== null) {
    (rest as { evse: unknown }).evse = stripCustom(rest.evse);
  }
  return rest as T;
}

// ---------------------------------------------------------------------------------------
// Charger-initiated messages: the request and the answer the CSMS gave.

/** Records what a charger-initiated CALL (and the CSMS's answer to it) says about the charger. */
export function applyChargerCall(state: CsmsChargerState, version: OcppVersion, action: string, request: Payload, answer: Payload, now: string): void {
  if (version === '1.6') applyCall16(state, action, request, answer, now);
  else applyCall2x(state, action, request, answer, now);
}

function applyBoot(state: CsmsChargerState, status: string, now: string): void {
  state.boot.status = status as CsmsChargerState['boot']['status'];
  state.boot.at = now;
  state.boot.attempts++;
}

function status(now: string, s: string, requestId?: number): CsmsStatusReport {
  return requestId === undefined ? { status: s, at: now } : { status: s, requestId, at: now };
}

function notify(state: CsmsChargerState, action: string, payload: Payload, now: string): void {
  pushBounded(state.notifications, { action, at: now, payload }, LIMITS.notifications);
}

function applyCall16(state: CsmsChargerState, action: string, request: Payload, answer: Payload, now: string): void {
  switch (action) {
    case 'BootNotification': {
      const req = request as unknown as OCPP16.BootNotificationRequest;
      const res = answer as unknown as OCPP16.BootNotificationResponse;
      applyBoot(state, res.status, now);
      state.boot.station = { vendor: req.chargePointVendor, model: req.chargePointModel };
      const serial = req.chargePointSerialNumber ?? req.chargeBoxSerialNumber;
      if (serial !== undefined) state.boot.station.serialNumber = serial;
      if (req.firmwareVersion !== undefined) state.boot.station.firmwareVersion = req.firmwareVersion;
      return;
    }
    case 'Heartbeat':
      state.lastHeartbeat = now;
      return;
    case 'StatusNotification': {
      const req = request as unknown as OCPP16.StatusNotificationRequest;
      const c = connector(state, req.connectorId, undefined, now);
      c.status = req.status;
      c.errorCode = req.errorCode;
      if (req.info !== undefined) c.info = req.info;
      else delete c.info;
      if (req.timestamp !== undefined) c.timestamp = req.timestamp;
      c.updated = now;
      return;
    }
    case 'StartTransaction': {
      const req = request as unknown as OCPP16.StartTransactionRequest;
      const res = answer as unknown as OCPP16.StartTransactionResponse;
      const t: CsmsTransaction = {
        transactionId: String(res.transactionId),
        connectorId: req.connectorId,
        idTag: req.idTag,
        authorization: res.idTagInfo.status,
        state: 'active',
        started: req.timestamp,
        meterStart: req.meterStart,
        energyWh: req.meterStart,
        meterValues: [],
      };
      if (req.reservationId !== undefined) {
        t.reservationId = req.reservationId;
        const r = state.reservations.find((x) => x.reservationId === req.reservationId);
        if (r !== undefined) {
          r.status = 'Used';
          r.at = now;
        }
      }
      addTransaction(state, t);
      return;
    }
    case 'StopTransaction': {
      const req = request as unknown as OCPP16.StopTransactionRequest;
      const id = String(req.transactionId);
      const t = transaction(state, id) ?? addTransaction(state, { transactionId: id, state: 'active', started: req.timestamp, meterValues: [] });
      if (req.transactionData !== undefined) addMeterValues(t, req.transactionData);
      t.state = 'ended';
      t.ended = req.timestamp;
      t.meterStop = req.meterStop;
      t.energyWh = req.meterStop;
      // 1.6 §4.10: a missing reason means Local.
      t.stopReason = req.reason ?? 'Local';
      return;
    }
    case 'MeterValues': {
      const req = request as unknown as OCPP16.MeterValuesRequest;
      if (req.transactionId !== undefined) {
        const id = String(req.transactionId);
        const t = transaction(state, id) ?? addTransaction(state, { transactionId: id, connectorId: req.connectorId, state: 'active', started: now, meterValues: [] });
        addMeterValues(t, req.meterValue);
      } else {
        notify(state, action, request, now);
      }
      return;
    }
    case 'FirmwareStatusNotification':
      state.firmware = status(now, (request as unknown as OCPP16.FirmwareStatusNotificationRequest).status);
      return;
    case 'SignedFirmwareStatusNotification': {
      const req = request as unknown as OCPP16.SignedFirmwareStatusNotificationRequest;
      state.firmware = status(now, req.status, req.requestId);
      return;
    }
    case 'DiagnosticsStatusNotification':
      state.diagnostics = status(now, (request as unknown as OCPP16.DiagnosticsStatusNotificationRequest).status);
      return;
    case 'LogStatusNotification': {
      const req = request as unknown as OCPP16.LogStatusNotificationRequest;
      state.log = status(now, req.status, req.requestId);
      return;
    }
    case 'SecurityEventNotification':
      addSecurityEvent(state, request as unknown as OCPP16.SecurityEventNotificationRequest);
      return;
    case 'Authorize':
      return;
    default:
      // DataTransfer, SignCertificate and anything else: kept as received.
      notify(state, action, request, now);
  }
}

function addSecurityEvent(state: CsmsChargerState, req: { type: string; timestamp: string; techInfo?: string }): void {
  const event: { type: string; timestamp: string; techInfo?: string } = { type: req.type, timestamp: req.timestamp };
  if (req.techInfo !== undefined) event.techInfo = req.techInfo;
  pushBounded(state.securityEvents, event, LIMITS.securityEvents);
}

function applyCall2x(state: CsmsChargerState, action: string, request: Payload, answer: Payload, now: string): void {
  switch (action) {
    case 'BootNotification': {
      const req = request as unknown as OCPP20.BootNotificationRequest;
      const res = answer as unknown as OCPP20.BootNotificationResponse;
      applyBoot(state, res.status, now);
      state.boot.reason = req.reason;
      const cs = req.chargingStation;
      state.boot.station = { vendor: cs.vendorName, model: cs.model };
      if (cs.serialNumber !== undefined) state.boot.station.serialNumber = cs.serialNumber;
      if (cs.firmwareVersion !== undefined) state.boot.station.firmwareVersion = cs.firmwareVersion;
      return;
    }
    case 'Heartbeat':
      state.lastHeartbeat = now;
      return;
    case 'StatusNotification': {
      const req = request as unknown as OCPP20.StatusNotificationRequest;
      const c = connector(state, req.connectorId, req.evseId, now);
      c.status = req.connectorStatus;
      c.timestamp = req.timestamp;
      c.updated = now;
      return;
    }
    case 'TransactionEvent':
      applyTransactionEvent(state, request as unknown as OCPP20.TransactionEventRequest, answer as unknown as OCPP20.TransactionEventResponse, now);
      return;
    case 'MeterValues': {
      notify(state, action, request, now);
      return;
    }
    case 'NotifyReport':
      applyNotifyReport(state, request as unknown as OCPP20.NotifyReportRequest, now);
      return;
    case 'FirmwareStatusNotification': {
      const req = request as unknown as OCPP20.FirmwareStatusNotificationRequest;
      state.firmware = status(now, req.status, req.requestId);
      return;
    }
    case 'PublishFirmwareStatusNotification': {
      const req = request as unknown as OCPP20.PublishFirmwareStatusNotificationRequest;
      state.publishFirmware = status(now, req.status, req.requestId);
      return;
    }
    case 'LogStatusNotification': {
      const req = request as unknown as OCPP20.LogStatusNotificationRequest;
      state.log = status(now, req.status, req.requestId);
      return;
    }
    case 'SecurityEventNotification':
      addSecurityEvent(state, request as unknown as OCPP20.SecurityEventNotificationRequest);
      return;
    case 'ReservationStatusUpdate': {
      const req = request as unknown as OCPP20.ReservationStatusUpdateRequest;
      const r = state.reservations.find((x) => x.reservationId === req.reservationId);
      if (r !== undefined) {
        r.status = req.reservationUpdateStatus;
        r.at = now;
      }
      notify(state, action, request, now);
      return;
    }
    case 'Authorize':
      return;
    default:
      notify(state, action, request, now);
  }
}

function applyTransactionEvent(state: CsmsChargerState, req: OCPP20.TransactionEventRequest, res: OCPP20.TransactionEventResponse, now: string): void {
  const info = req.transactionInfo;
  let t = transaction(state, info.transactionId);
  if (t === undefined || (req.eventType === 'Started' && t.state === 'ended')) {
    // An Updated or Ended for a transaction we never saw start (e.g. started offline) still counts.
    t = addTransaction(state, { transactionId: info.transactionId, state: 'active', started: req.timestamp, meterValues: [] });
  }
  if (req.evse !== undefined) {
    t.evseId = req.evse.id;
    if (req.evse.connectorId !== undefined) t.connectorId = req.evse.connectorId;
  }
  if (req.idToken !== undefined && req.eventType !== 'Ended') {
    t.idTag = req.idToken.idToken;
    if (res.idTokenInfo !== undefined) t.authorization = res.idTokenInfo.status;
  }
  if (req.reservationId !== undefined) {
    t.reservationId = req.reservationId;
    const r = state.reservations.find((x) => x.reservationId === req.reservationId);
    if (r !== undefined) {
      r.status = 'Used';
      r.at = now;
    }
  }
  if (info.remoteStartId !== undefined) t.remoteStartId = info.remoteStartId;
  if (info.chargingState !== undefined) t.chargingState = info.chargingState;
  t.seqNo = req.seqNo;
  t.lastTrigger = req.triggerReason;
  if (req.meterValue !== undefined) {
    addMeterValues(t, req.meterValue);
    if (req.eventType === 'Started' && t.meterStart === undefined && t.energyWh !== undefined) t.meterStart = t.energyWh;
  }
  if (req.eventType === 'Ended') {
    t.state = 'ended';
    t.ended = req.timestamp;
    if (info.stoppedReason !== undefined) t.stopReason = info.stoppedReason;
    if (t.energyWh !== undefined) t.meterStop = t.energyWh;
  }
}

function applyNotifyReport(state: CsmsChargerState, req: OCPP20.NotifyReportRequest, now: string): void {
  for (const data of req.reportData ?? []) {
    const entry = variableEntry(state, data.component, data.variable, now);
    for (const attr of data.variableAttribute) {
      const a: CsmsVariable['attributes'][string] = {};
      if (attr.value !== undefined) a.value = attr.value;
      if (attr.mutability !== undefined) a.mutability = attr.mutability;
      if (attr.persistent !== undefined) a.persistent = attr.persistent;
      if (attr.constant !== undefined) a.constant = attr.constant;
      entry.attributes[attr.type ?? 'Actual'] = a;
    }
    if (data.variableCharacteristics !== undefined) entry.characteristics = stripCustom(data.variableCharacteristics) as unknown as Record<string, unknown>;
  }
  // Multi-part reports: one entry per requestId, complete once a part comes without tbc=true.
  let report = state.reports.find((r) => r.requestId === req.requestId);
  if (report === undefined || (report.complete && req.seqNo === 0)) {
    report = { requestId: req.requestId, parts: 0, lastSeqNo: -1, complete: false, generatedAt: req.generatedAt };
    pushBounded(state.reports, report, LIMITS.reports);
  }
  report.parts++;
  report.lastSeqNo = req.seqNo;
  report.complete = req.tbc !== true;
}

// ---------------------------------------------------------------------------------------
// CSMS-initiated messages: what the charger's answer tells us.

/** Records what a CSMS-initiated CALL and the charger's (schema-valid) answer say about the charger. */
export function applyCommandResult(state: CsmsChargerState, version: OcppVersion, action: string, request: Payload, response: Payload, now: string): void {
  if (version === '1.6') applyResult16(state, action, request, response, now);
  else applyResult2x(state, action, request, response, now);
}

function applyResult16(state: CsmsChargerState, action: string, request: Payload, response: Payload, now: string): void {
  const accepted = response['status'] === 'Accepted';
  switch (action) {
    case 'GetConfiguration': {
      const res = response as unknown as OCPP16.GetConfigurationResponse;
      for (const k of res.configurationKey ?? []) {
        const entry: CsmsChargerState['configuration'][string] = { readonly: k.readonly, updated: now };
        if (k.value !== undefined) entry.value = k.value;
        state.configuration[k.key] = entry;
      }
      const unknown = new Set(state.unknownConfigurationKeys);
      for (const k of res.unknownKey ?? []) unknown.add(k);
      for (const k of res.configurationKey ?? []) unknown.delete(k.key);
      state.unknownConfigurationKeys = [...unknown];
      return;
    }
    case 'ChangeConfiguration': {
      // RebootRequired: the value is set and applies after a reboot (1.6 §5.3).
      if (accepted || response['status'] === 'RebootRequired') {
        const req = request as unknown as OCPP16.ChangeConfigurationRequest;
        const previous = state.configuration[req.key];
        state.configuration[req.key] = { ...previous, value: req.value, updated: now };
      }
      return;
    }
    case 'GetLocalListVersion':
      state.localListVersion = (response as unknown as OCPP16.GetLocalListVersionResponse).listVersion;
      return;
    case 'SendLocalList':
      if (accepted) state.localListVersion = (request as unknown as OCPP16.SendLocalListRequest).listVersion;
      return;
    case 'ReserveNow': {
      const req = request as unknown as OCPP16.ReserveNowRequest;
      addReservation(state, { reservationId: req.reservationId, connectorId: req.connectorId, idTag: req.idTag, expiryDate: req.expiryDate, status: String(response['status']), at: now });
      return;
    }
    case 'CancelReservation':
      if (accepted) cancelReservation(state, (request as unknown as OCPP16.CancelReservationRequest).reservationId, now);
      return;
    case 'SetChargingProfile': {
      if (!accepted) return;
      const req = request as unknown as OCPP16.SetChargingProfileRequest;
      const p = req.csChargingProfiles;
      addProfile(state, { target: req.connectorId, chargingProfileId: p.chargingProfileId, stackLevel: p.stackLevel, purpose: p.chargingProfilePurpose, profile: p as unknown as Payload, at: now });
      return;
    }
    case 'ClearChargingProfile': {
      if (!accepted) return;
      const req = request as unknown as OCPP16.ClearChargingProfileRequest;
      clearProfiles(state, { id: req.id, target: req.connectorId, purpose: req.chargingProfilePurpose, stackLevel: req.stackLevel });
      return;
    }
    case 'ChangeAvailability': {
      if (!accepted && response['status'] !== 'Scheduled') return;
      const req = request as unknown as OCPP16.ChangeAvailabilityRequest;
      connector(state, req.connectorId, undefined, now).availability = req.type;
      return;
    }
    default:
  }
}

function applyResult2x(state: CsmsChargerState, action: string, request: Payload, response: Payload, now: string): void {
  const accepted = response['status'] === 'Accepted';
  switch (action) {
    case 'GetVariables': {
      const res = response as unknown as OCPP20.GetVariablesResponse;
      for (const r of res.getVariableResult) {
        if (r.attributeStatus !== 'Accepted') continue;
        const entry = variableEntry(state, r.component, r.variable, now);
        const type = r.attributeType ?? 'Actual';
        entry.attributes[type] = { ...entry.attributes[type], ...(r.attributeValue !== undefined ? { value: r.attributeValue } : {}) };
      }
      return;
    }
    case 'SetVariables': {
      const req = request as unknown as OCPP20.SetVariablesRequest;
      const res = response as unknown as OCPP20.SetVariablesResponse;
      for (const r of res.setVariableResult) {
        if (r.attributeStatus !== 'Accepted' && r.attributeStatus !== 'RebootRequired') continue;
        const type = r.attributeType ?? 'Actual';
        const asked = req.setVariableData.find(
          (d) => variableKey(d.component, d.variable) === variableKey(r.component, r.variable) && (d.attributeType ?? 'Actual') === type,
        );
        if (asked === undefined) continue;
        const entry = variableEntry(state, r.component, r.variable, now);
        entry.attributes[type] = { ...entry.attributes[type], value: asked.attributeValue };
      }
      return;
    }
    case 'GetLocalListVersion':
      state.localListVersion = (response as unknown as OCPP20.GetLocalListVersionResponse).versionNumber;
      return;
    case 'SendLocalList':
      if (accepted) state.localListVersion = (request as unknown as OCPP20.SendLocalListRequest).versionNumber;
      return;
    case 'ReserveNow': {
      const req = request as unknown as OCPP20.ReserveNowRequest;
      const r: Parameters<typeof addReservation>[1] = { reservationId: req.id, idTag: req.idToken.idToken, expiryDate: req.expiryDateTime, status: String(response['status']), at: now };
      if (req.evseId !== undefined) r.evseId = req.evseId;
      addReservation(state, r);
      return;
    }
    case 'CancelReservation':
      if (accepted) cancelReservation(state, (request as unknown as OCPP20.CancelReservationRequest).reservationId, now);
      return;
    case 'SetChargingProfile': {
      if (!accepted) return;
      const req = request as unknown as OCPP20.SetChargingProfileRequest;
      const p = req.chargingProfile;
      addProfile(state, { target: req.evseId, chargingProfileId: p.id, stackLevel: p.stackLevel, purpose: p.chargingProfilePurpose, profile: p as unknown as Payload, at: now });
      return;
    }
    case 'ClearChargingProfile': {
      if (!accepted) return;
      const req = request as unknown as OCPP20.ClearChargingProfileRequest;
      const c = req.chargingProfileCriteria;
      clearProfiles(state, { id: req.chargingProfileId, target: c?.evseId, purpose: c?.chargingProfilePurpose, stackLevel: c?.stackLevel });
      return;
    }
    case 'ChangeAvailability': {
      if (!accepted && response['status'] !== 'Scheduled') return;
      const req = request as unknown as OCPP20.ChangeAvailabilityRequest;
      const evse = req.evse;
      connector(state, evse?.connectorId ?? 0, evse?.id ?? 0, now).availability = req.operationalStatus;
      return;
    }
    default:
  }
}

function addReservation(state: CsmsChargerState, r: CsmsChargerState['reservations'][number]): void {
  // A ReserveNow with a known reservation id replaces that reservation (1.6 §5.13).
  state.reservations = state.reservations.filter((x) => x.reservationId !== r.reservationId);
  pushBounded(state.reservations, r, LIMITS.reservations);
}

function cancelReservation(state: CsmsChargerState, reservationId: number, now: string): void {
  const r = state.reservations.find((x) => x.reservationId === reservationId);
  if (r !== undefined) {
    r.status = 'Cancelled';
    r.at = now;
  }
}

function addProfile(state: CsmsChargerState, p: CsmsChargingProfile): void {
  // A profile replaces one with the same id, and one with the same purpose and stack level
  // on the same target (1.6 §5.16.3, §5.16.4).
  state.chargingProfiles = state.chargingProfiles.filter(
    (x) => x.chargingProfileId !== p.chargingProfileId && !(x.target === p.target && x.purpose === p.purpose && x.stackLevel === p.stackLevel),
  );
  state.chargingProfiles.push(p);
}

function clearProfiles(state: CsmsChargerState, c: { id?: number | undefined; target?: number | undefined; purpose?: string | undefined; stackLevel?: number | undefined }): void {
  state.chargingProfiles = state.chargingProfiles.filter((p) => {
    if (c.id !== undefined) return p.chargingProfileId !== c.id;
    const matches =
      (c.target === undefined || p.target === c.target) &&
      (c.purpose === undefined || p.purpose === c.purpose) &&
      (c.stackLevel === undefined || p.stackLevel === c.stackLevel);
    return !matches;
  });
}
