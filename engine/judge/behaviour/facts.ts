// Session facts several rules share: registration state, heartbeat interval, accepted
// triggers, the charger's vendor and model. The judge updates them after the rules have
// seen a frame, so a rule always reads the state as it was before that frame.
import type { OcppVersion } from '../../../api/model';
import { arr, int, obj, status, str } from './read';
import type { AcceptedTrigger, Observation, SessionFacts } from './types';

export function newFacts(): SessionFacts {
  return { registration: 'unknown', bootSeen: false, triggers: [] };
}

/**
 * The charger-initiated actions that honour a TriggerMessage (OCPP 1.6 §5.17, security
 * whitepaper ExtendedTriggerMessage; 2.0.1/2.1 MessageTriggerEnumType, use case F06).
 */
export function triggeredActions(version: OcppVersion, requested: string): readonly string[] {
  switch (requested) {
    case 'FirmwareStatusNotification':
      // A 1.6 charger doing signed updates answers with the whitepaper's message.
      return version === '1.6' ? ['FirmwareStatusNotification', 'SignedFirmwareStatusNotification'] : ['FirmwareStatusNotification'];
    case 'SignChargePointCertificate':
    case 'SignChargingStationCertificate':
    case 'SignV2GCertificate':
    case 'SignV2G20Certificate':
    case 'SignCombinedCertificate':
      return ['SignCertificate'];
    case 'CustomTrigger':
      return [];
    default:
      return [requested];
  }
}

/** An accepted trigger for `action` that is still fresh at `now`. */
export function triggerFor(facts: SessionFacts, action: string, now: number, windowMs: number): AcceptedTrigger | undefined {
  return facts.triggers.find((t) => now - t.at <= windowMs && t.actions.includes(action));
}

export function updateFacts(facts: SessionFacts, obs: Observation, version: OcppVersion, windowMs: number): void {
  if (facts.triggers.length > 0 && obs.mono - facts.triggers[0]!.at > windowMs) {
    facts.triggers = facts.triggers.filter((t) => obs.mono - t.at <= windowMs);
  }
  if (obs.kind === 'CALL') {
    if (obs.action === 'BootNotification' && obs.dir === 'cp2csms') {
      facts.bootSeen = true;
      const p = obs.payload;
      // 1.6 BootNotification.req fields; 2.x nests them in chargingStation.
      const station = obj(p?.['chargingStation']);
      const vendor = str(p?.['chargePointVendor']) ?? str(station?.['vendorName']);
      const model = str(p?.['chargePointModel']) ?? str(station?.['model']);
      if (vendor !== undefined) facts.vendor = vendor;
      if (model !== undefined) facts.model = model;
    }
    return;
  }
  if (obs.kind !== 'CALLRESULT' || obs.request === undefined) return;
  const answer = obs.payload;
  const request = obs.request.payload;
  switch (obs.action) {
    case 'BootNotification': {
      if (obs.dir !== 'csms2cp') return;
      const s = status(answer);
      if (s !== 'Accepted' && s !== 'Pending' && s !== 'Rejected') return;
      facts.registration = s;
      facts.registrationAt = obs.mono;
      const interval = int(answer?.['interval']);
      if (interval !== undefined) facts.registrationIntervalS = interval;
      else delete facts.registrationIntervalS;
      // OCPP 1.6 §4.2: on Accepted the charger adopts the interval as its heartbeat interval.
      if (s === 'Accepted' && interval !== undefined && interval > 0) setHeartbeat(facts, interval, obs.mono);
      return;
    }
    case 'ChangeConfiguration':
      // OCPP 1.6 §9.1.10 HeartbeatInterval.
      if (status(answer) === 'Accepted' && str(request?.['key']) === 'HeartbeatInterval') {
        const interval = int(request?.['value']);
        if (interval !== undefined && interval > 0) setHeartbeat(facts, interval, obs.mono);
      }
      return;
    case 'SetVariables': {
      // 2.0.1 Part 2 appendices: OCPPCommCtrlr.HeartbeatInterval.
      for (const item of arr(answer?.['setVariableResult']) ?? []) {
        const r = obj(item);
        if (str(r?.['attributeStatus']) !== 'Accepted') continue;
        if (str(obj(r?.['component'])?.['name']) !== 'OCPPCommCtrlr' || str(obj(r?.['variable'])?.['name']) !== 'HeartbeatInterval') continue;
        const set = (arr(request?.['setVariableData']) ?? []).map(obj).find(
          (d) => str(obj(d?.['component'])?.['name']) === 'OCPPCommCtrlr' && str(obj(d?.['variable'])?.['name']) === 'HeartbeatInterval',
        );
        const interval = int(set?.['attributeValue']);
        if (interval !== undefined && interval > 0) setHeartbeat(facts, interval, obs.mono);
      }
      return;
    }
    case 'TriggerMessage':
    case 'ExtendedTriggerMessage': {
      if (status(answer) !== 'Accepted') return;
      const requested = str(request?.['requestedMessage']);
      if (requested === undefined) return;
      facts.triggers.push({ requested, actions: triggeredActions(version, requested), at: obs.mono });
      return;
    }
    default:
      return;
  }
}

function setHeartbeat(facts: SessionFacts, intervalS: number, at: number): void {
  facts.heartbeatIntervalS = intervalS;
  facts.heartbeatIntervalSince = at;
}
