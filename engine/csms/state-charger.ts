// How charger-initiated messages, and the CSMS's answers to them, change a charger's state.
// Only schema-valid CALLs reach here (the endpoint answers invalid ones with a CALLERROR
// first), so payloads are read through typed-ocpp's types. No I/O, no clock.
import type { OCPP16, OCPP20 } from 'typed-ocpp';
import type { CsmsChargerState, CsmsStatusReport, CsmsTransaction, CsmsVariable } from '../../api/csms';
import type { OcppVersion } from '../../api/model';
import { addMeterValues, addTransaction, connector, LIMITS, pushBounded, stripCustom, transaction, variableEntry } from './state';

type Payload = Record<string, unknown>;

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
