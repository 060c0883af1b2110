// How the charger's answers to the CSMS's own CALLs change its state. Only schema-valid
// answers to schema-valid requests reach here (StandaloneCsms.send checks both). No I/O.
import type { OCPP16, OCPP20 } from 'typed-ocpp';
import type { CsmsChargerState, CsmsChargingProfile } from '../../api/csms';
import type { OcppVersion } from '../../api/model';
import { connector, LIMITS, pushBounded, variableEntry, variableKey } from './state';

type Payload = Record<string, unknown>;

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
