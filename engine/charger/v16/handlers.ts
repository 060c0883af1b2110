// Answers of the 1.6 charge point to CSMS-initiated messages of the Core, LocalAuthList,
// Reservation, SmartCharging and RemoteTrigger profiles, with their effects.
// (Firmware, diagnostics and the security extension are in maintenance.ts.)
//
// OCPP 1.6 §5.1–§5.18 and §6, errata 3.23 (ClearCache Rejected only without a cache),
// 3.25/3.26 (ClearChargingProfile matching), 3.57 (no startSchedule in the composite),
// 3.85 (UnlockConnector unknown connector → NotSupported).
import { answer, type CallHandler } from '../answers';
import type { Handled } from '../model';
import type { Profile } from '../smart-charging';
import type { Sessions16 } from './sessions';
import type { Connector16, Reservation16, Station16 } from './station';

export const notSupported = (what: string): Handled => ({ answer: { error: { code: 'NotSupported', description: what } } });

export interface Parts16 {
  s: Station16;
  sessions: Sessions16;
}

export function coreHandlers({ s, sessions }: Parts16): Record<string, CallHandler> {
  const ctx = s.ctx;
  const connectorOf = (p: Record<string, unknown>) => s.connector(p['connectorId'] as number);

  const handlers: Record<string, CallHandler> = {
    // §5.11
    RemoteStartTransaction: (p) => {
      const idTag = p['idTag'] as string;
      const profile = p['chargingProfile'] as Record<string, unknown> | undefined;
      // §4.2: not allowed while Pending.
      if (ctx.registration !== 'accepted') return answer({ status: 'Rejected' });
      // §5.16.2: only a TxProfile (behaviour remote-start-accepts-any-profile takes any, TC_060_CS).
      if (profile !== undefined && s.supports('SmartCharging') && profile['chargingProfilePurpose'] !== 'TxProfile' && !ctx.faults.has('remote-start-accepts-any-profile')) return answer({ status: 'Rejected' });
      let c: Connector16 | undefined;
      if (p['connectorId'] !== undefined) {
        c = connectorOf(p);
        if (c === undefined) return answer({ status: 'Rejected' });
      } else {
        c = s.outlets.find((o) => o.plugged && o.transaction === undefined && o.operative && o.fault === undefined) ?? s.outlets.find((o) => o.free);
        if (c === undefined) return answer({ status: 'Rejected' });
      }
      const target = c;
      if (target.transaction !== undefined || !target.operative || target.fault !== undefined || s.connectors[0]!.fault !== undefined || target.finishing) return answer({ status: 'Rejected' });
      if (target.reservation !== undefined && target.reservation.idTag !== idTag && target.reservation.parentIdTag === undefined) return answer({ status: 'Rejected' });
      return answer({ status: 'Accepted' }, async () => {
        if (ctx.faults.has('remote-start-ignored')) return;
        await sessions.beginSession(target, idTag, { remote: true, ...(profile !== undefined && s.supports('SmartCharging') ? { profile } : {}) });
      });
    },
    // §5.12
    RemoteStopTransaction: (p) => {
      const c = s.outlets.find((o) => o.transaction?.transactionId === p['transactionId']);
      if (c === undefined || ctx.registration !== 'accepted') return answer({ status: 'Rejected' });
      return answer({ status: 'Accepted' }, () => sessions.stopTransaction(c, 'Remote'));
    },
    // §5.14, errata 3.36
    Reset: (p) => {
      const hard = p['type'] === 'Hard';
      return answer({ status: 'Accepted' }, async () => {
        if (hard && ctx.faults.has('hard-reset-loses-transaction')) {
          // Behaviour hard-reset-loses-transaction: the transactions vanish without a stop.
          for (const c of s.outlets) {
            ctx.cancel(c.transaction?.sampleTimer);
            c.transaction = undefined;
          }
        }
        const running = s.outlets.filter((c) => c.transaction !== undefined);
        const stops = running.map((c) => sessions.stopTransaction(c, hard ? 'HardReset' : 'SoftReset'));
        if (!hard) {
          // Soft: stop gracefully and let the stops go out before restarting (bounded).
          await Promise.race([Promise.all(stops), ctx.sleep(10_000)]);
        }
        await ctx.sleep(500);
        s.pendingResetEvent = true;
        ctx.reboot('RemoteReset', hard ? 'abrupt' : 'clean');
      });
    },
    // §5.18, errata 3.85
    UnlockConnector: (p) => {
      const c = connectorOf(p);
      // Behaviour unlock-not-supported: as if every connector had a fixed cable (TC_017_1_CS).
      if (c === undefined || s.options.fixedCable || ctx.faults.has('unlock-not-supported')) return answer({ status: 'NotSupported' });
      if (c.unlockFails) return answer({ status: 'UnlockFailed' });
      return answer({ status: 'Unlocked' }, async () => {
        if (c.transaction !== undefined) await sessions.stopTransaction(c, 'UnlockCommand');
        c.locked = false;
        ctx.log(`connector ${c.id}: unlocked`);
      });
    },
    // §5.2
    ChangeAvailability: (p) => {
      const id = p['connectorId'] as number;
      const operative = p['type'] === 'Operative';
      if (id < 0 || id > s.outlets.length) return answer({ status: 'Rejected' });
      const targets = id === 0 ? s.connectors : [s.connectors[id]!];
      let scheduled = false;
      for (const c of targets) {
        if (c.id !== 0 && c.transaction !== undefined && !operative) {
          c.scheduledOperative = false;
          scheduled = true;
          continue;
        }
        c.scheduledOperative = undefined;
        c.operative = operative;
        if (!operative) {
          if (c.reservation !== undefined) sessions.endReservation(c.reservation);
          sessions.dropAuthorization(c, { silent: true });
        }
      }
      if (id === 0 && !operative) for (const r of [...s.stationReservations]) sessions.endReservation(r);
      s.refreshAll({ silent: ctx.faults.has('status-not-reported') });
      if (ctx.faults.has('status-not-reported')) for (const c of s.connectors) c.reported = { status: c.status, errorCode: c.errorCode };
      return answer({ status: scheduled ? 'Scheduled' : 'Accepted' });
    },
    // §5.8
    GetConfiguration: (p) => answer(s.config.report(p['key'] as string[] | undefined)),
    // §5.3
    ChangeConfiguration: (p) => changeConfiguration(parts, p['key'] as string, p['value'] as string),
    // §5.4, errata 3.23
    ClearCache: () => {
      if (!ctx.faults.has('clear-cache-noop')) s.cache.clear();
      return answer({ status: 'Accepted' });
    },
    // §5.6, §4.3
    DataTransfer: (p) => {
      if (p['vendorId'] !== 'org.ocppbench') return answer({ status: 'UnknownVendorId' });
      return answer({ status: 'Accepted', ...(typeof p['data'] === 'string' ? { data: p['data'] } : {}) });
    },
    // §5.10
    GetLocalListVersion: () => {
      // Behaviour local-list-version-literal: the stored version as it is (TC_042_1_CS, TC_042_2_CS).
      if (ctx.faults.has('local-list-version-literal')) return answer({ listVersion: s.list.version });
      if (!s.supports('LocalAuthListManagement') || !s.config.bool('LocalAuthListEnabled')) return answer({ listVersion: -1 });
      // An empty list is version 0 (§5.10, TC_042_2_CS).
      return answer({ listVersion: s.list.size === 0 ? 0 : s.list.version });
    },
    // §5.15
    SendLocalList: (p) => sendLocalList(parts, p),
    // §5.13
    ReserveNow: (p) => reserveNow(parts, p),
    // §5.1
    CancelReservation: (p) => {
      const id = p['reservationId'] as number;
      // Behaviour cancel-reservation-stub: Accepted without looking, nothing cancelled (TC_051_CS, TC_052_CS).
      if (ctx.faults.has('cancel-reservation-stub')) return answer({ status: 'Accepted' });
      const r = s.outlets.map((c) => c.reservation).find((x) => x?.id === id) ?? s.stationReservations.find((x) => x.id === id);
      if (r === undefined) return answer({ status: 'Rejected' });
      sessions.endReservation(r);
      ctx.log(`reservation ${id} cancelled`);
      return answer({ status: 'Accepted' });
    },
    // §5.16
    SetChargingProfile: (p) => setChargingProfile(parts, p['connectorId'] as number, p['csChargingProfiles'] as Record<string, unknown>),
    // §5.5, errata 3.25/3.26
    ClearChargingProfile: (p) => {
      if (!s.supports('SmartCharging')) return answer({ status: 'Unknown' });
      const id = p['id'];
      const removed =
        id !== undefined
          ? s.profiles.remove((x) => x.id === id)
          : s.profiles.remove(
              (x) =>
                // Behaviour clear-by-criteria-clears-all: the criteria are not looked at (TC_067_CS).
                ctx.faults.has('clear-by-criteria-clears-all') ||
                ((p['connectorId'] === undefined || x.connectorId === p['connectorId']) &&
                  (p['chargingProfilePurpose'] === undefined || x.purpose === p['chargingProfilePurpose']) &&
                  (p['stackLevel'] === undefined || x.stackLevel === p['stackLevel'])),
            );
      for (const c of s.outlets) s.updatePower(c);
      return answer({ status: removed > 0 ? 'Accepted' : 'Unknown' });
    },
    // §5.7
    GetCompositeSchedule: (p) => {
      const id = p['connectorId'] as number;
      if (!s.supports('SmartCharging') || id < 0 || id > s.outlets.length) return answer({ status: 'Rejected' });
      const unit = (p['chargingRateUnit'] as 'A' | 'W' | undefined) ?? 'A';
      const duration = p['duration'] as number;
      const now = ctx.now();
      const c = s.connectors[id]!;
      const tx = c.transaction;
      const periods = s.profiles.composite({
        connectorId: id,
        from: now,
        durationS: duration,
        unit,
        localLimit: { limit: id === 0 ? s.options.powerW * s.outlets.length : s.options.powerW, unit: 'W' },
        ...(tx !== undefined ? { transaction: { id: tx.transactionId !== undefined ? String(tx.transactionId) : `local-${tx.localId}`, startedAt: tx.startedAt } } : {}),
        ...s.compositeFaults(),
      });
      return answer({
        status: 'Accepted',
        connectorId: id,
        scheduleStart: new Date(now).toISOString(),
        chargingSchedule: { duration, chargingRateUnit: unit, chargingSchedulePeriod: periods },
      });
    },
    // §5.17
    TriggerMessage: (p) => trigger(parts, p['requestedMessage'] as string, p['connectorId'] as number | undefined, false),
  };
  const parts = { s, sessions };
  return handlers;
}

/** §5.3 with the effects of the keys that change behaviour. */
export function changeConfiguration({ s, sessions }: Parts16, key: string, value: string): Handled {
  const ctx = s.ctx;
  const checked = s.config.check(key, value);
  const d = s.config.definition(key);
  // Behaviour accepts-invalid-config-value: a value the key cannot take is "Accepted" but not stored (TC_040_2_CS).
  if (checked.status === 'Rejected' && d !== undefined && d.access !== 'R' && ctx.faults.has('accepts-invalid-config-value')) return answer({ status: 'Accepted' });
  if (checked.status !== 'Accepted' || d === undefined) {
    if (checked.reason !== undefined) ctx.log(`ChangeConfiguration ${key}: ${checked.reason}`);
    return answer({ status: checked.status });
  }
  if (d.key === 'SecurityProfile') return changeSecurityProfile({ s, sessions }, Number(value));
  if (d.key === 'AuthorizationKey') {
    s.config.set(d.key, value);
    // A01: the new password is used from the next connection on; logged in the security log.
    return answer({ status: 'Accepted' }, () => {
      s.securityLog.push({ time: ctx.isoNow(), type: 'ReconfigurationOfSecurityParameters', techInfo: 'AuthorizationKey changed' });
      // Behaviour security-changes-not-applied: stays on the old password (A01 wants a reconnect with the new one).
      if (ctx.faults.has('security-changes-not-applied')) return;
      ctx.setSecurity({ ...ctx.security, password: s.basicAuthPassword() }, 'new AuthorizationKey');
    });
  }
  if (ctx.faults.has('change-config-not-applied')) return answer({ status: 'Accepted' });
  s.config.set(d.key, value);
  switch (d.key) {
    case 'HeartbeatInterval':
      ctx.heartbeatChanged();
      break;
    case 'MeterValueSampleInterval':
      sessions.restartSampling();
      break;
    case 'ClockAlignedDataInterval':
      sessions.restartAligned();
      break;
    case 'MinimumStatusDuration':
      break;
  }
  return answer({ status: 'Accepted' });
}

/** Security whitepaper A05: the profile only goes up, with its prerequisites. */
function changeSecurityProfile({ s }: Parts16, next: number): Handled {
  const ctx = s.ctx;
  const current = s.config.int('SecurityProfile');
  const downgrade = next <= current;
  if (downgrade && !ctx.faults.has('accepts-security-profile-downgrade')) return answer({ status: 'Rejected' });
  if (!downgrade) {
    if ((next === 1 || next === 2) && s.basicAuthPassword() === undefined) return answer({ status: 'Rejected' }); // A05.FR.02
    if (next >= 2 && !s.hasCsmsRoot()) return answer({ status: 'Rejected' }); // A05.FR.03
    if (next === 3 && s.clientCertificateFor3() === undefined) return answer({ status: 'Rejected' }); // A05.FR.04
  }
  s.config.set('SecurityProfile', String(next));
  return answer({ status: 'Accepted' }, () => {
    s.securityEvent('ReconfigurationOfSecurityParameters', `SecurityProfile ${current} → ${next}`);
    // Behaviour security-changes-not-applied: keeps connecting with the old profile (A05 wants the new one).
    if (ctx.faults.has('security-changes-not-applied')) return;
    ctx.setSecurity(s.securityFor(next), `security profile ${next}`);
  });
}

/** §5.15 with §3.5.3 (listed tags leave the cache). */
function sendLocalList({ s }: Parts16, p: Record<string, unknown>): Handled {
  if (!s.supports('LocalAuthListManagement')) return answer({ status: 'NotSupported' });
  const version = p['listVersion'] as number;
  const full = p['updateType'] === 'Full';
  const items = (p['localAuthorizationList'] as Array<{ idTag: string; idTagInfo?: Record<string, unknown> }> | undefined) ?? [];
  if (items.length > s.config.int('SendLocalListMaxLength', 50)) return answer({ status: 'Failed' });
  if (s.localListStorageFails) return answer({ status: 'Failed' });
  // Behaviour local-list-full-only (TC_043_CS).
  if (!full && s.ctx.faults.has('local-list-full-only')) return answer({ status: 'Failed' });
  const toEntry = (info: Record<string, unknown>) => {
    const expiry = typeof info['expiryDate'] === 'string' ? Date.parse(info['expiryDate']) : undefined;
    return { status: String(info['status']), ...(expiry !== undefined && Number.isFinite(expiry) ? { expiresAt: expiry } : {}), ...(typeof info['parentIdTag'] === 'string' ? { parent: info['parentIdTag'] } : {}) };
  };
  const max = s.config.int('LocalAuthListMaxLength', 100);
  const stuck = s.ctx.faults.has('local-list-version-stuck');
  if (full) {
    const entries = items.filter((i) => i.idTagInfo !== undefined).map((i) => [i.idTag, toEntry(i.idTagInfo!)] as [string, ReturnType<typeof toEntry>]);
    if (entries.length > max) return answer({ status: 'Failed' });
    s.list.replace(stuck ? s.list.version : version, entries);
  } else {
    if (version <= s.list.version) return answer({ status: 'VersionMismatch' });
    const updates = items.map((i) => [i.idTag, i.idTagInfo !== undefined ? toEntry(i.idTagInfo) : undefined] as [string, ReturnType<typeof toEntry> | undefined]);
    if (s.list.sizeAfter(updates) > max) return answer({ status: 'Failed' });
    s.list.apply(stuck ? s.list.version : version, updates);
  }
  for (const i of items) s.cache.delete(i.idTag);
  s.ctx.log(`local list ${full ? 'replaced' : 'updated'}: version ${version}, ${s.list.size} entries`);
  return answer({ status: 'Accepted' });
}

/** §5.13. */
function reserveNow({ s, sessions }: Parts16, p: Record<string, unknown>): Handled {
  const ctx = s.ctx;
  if (!s.supports('Reservation')) return answer({ status: 'Rejected' });
  const id = p['reservationId'] as number;
  const connectorId = p['connectorId'] as number;
  if (connectorId < 0 || connectorId > s.outlets.length) return answer({ status: 'Rejected' });
  // The same reservationId replaces the reservation.
  const existing = s.outlets.map((c) => c.reservation).find((r) => r?.id === id) ?? s.stationReservations.find((r) => r.id === id);
  if (existing !== undefined) sessions.endReservation(existing);
  const station = s.connectors[0]!;
  const reservation: Reservation16 = {
    id,
    connectorId,
    idTag: p['idTag'] as string,
    expiresAt: Date.parse(p['expiryDate'] as string),
    ...(typeof p['parentIdTag'] === 'string' ? { parentIdTag: p['parentIdTag'] } : {}),
  };
  if (connectorId === 0) {
    if (!s.config.bool('ReserveConnectorZeroSupported')) return answer({ status: 'Rejected' });
    if (station.fault !== undefined || s.outlets.every((c) => c.fault !== undefined)) return answer({ status: 'Faulted' });
    if (!station.operative || s.outlets.every((c) => !c.operative)) return answer({ status: 'Unavailable' });
    const free = s.outlets.filter((c) => c.free && c.reservation === undefined);
    if (free.length <= s.stationReservations.length) return answer({ status: 'Occupied' });
    s.stationReservations.push(reservation);
  } else {
    const c = s.connectors[connectorId]!;
    if (c.fault !== undefined || station.fault !== undefined) return answer({ status: 'Faulted' });
    if (!c.operative) return answer({ status: 'Unavailable' });
    if (!c.free || c.reservation !== undefined) return answer({ status: 'Occupied' });
    c.reservation = reservation;
  }
  if (!ctx.faults.has('reservation-never-expires')) {
    reservation.timer = ctx.at(reservation.expiresAt, () => {
      ctx.log(`reservation ${id} expired`);
      sessions.endReservation(reservation);
    });
  }
  ctx.log(`reservation ${id} for ${reservation.idTag} on connector ${connectorId}`);
  s.refreshAll();
  return answer({ status: 'Accepted' });
}

const PURPOSE_KIND: Record<string, Profile['kind']> = { ChargePointMaxProfile: 'max', TxDefaultProfile: 'txDefault', TxProfile: 'tx' };

/** A 1.6 ChargingProfile as the shared store holds it. */
export function toProfile(connectorId: number, cp: Record<string, unknown>): Profile {
  const schedule = cp['chargingSchedule'] as Record<string, unknown>;
  const date = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : undefined);
  const startSchedule = date(schedule['startSchedule']);
  const validFrom = date(cp['validFrom']);
  const validTo = date(cp['validTo']);
  return {
    id: cp['chargingProfileId'] as number,
    connectorId,
    stackLevel: cp['stackLevel'] as number,
    purpose: cp['chargingProfilePurpose'] as string,
    kind: PURPOSE_KIND[cp['chargingProfilePurpose'] as string] ?? 'txDefault',
    profileKind: cp['chargingProfileKind'] as Profile['profileKind'],
    ...(cp['recurrencyKind'] !== undefined ? { recurrency: cp['recurrencyKind'] as 'Daily' | 'Weekly' } : {}),
    ...(validFrom !== undefined ? { validFrom } : {}),
    ...(validTo !== undefined ? { validTo } : {}),
    ...(cp['transactionId'] !== undefined ? { transactionId: String(cp['transactionId']) } : {}),
    schedules: [
      {
        unit: schedule['chargingRateUnit'] as 'A' | 'W',
        periods: (schedule['chargingSchedulePeriod'] as Array<{ startPeriod: number; limit: number; numberPhases?: number }>).map((x) => ({ ...x })),
        ...(startSchedule !== undefined ? { startSchedule } : {}),
        ...(typeof schedule['duration'] === 'number' ? { duration: schedule['duration'] } : {}),
        ...(typeof schedule['minChargingRate'] === 'number' ? { minChargingRate: schedule['minChargingRate'] } : {}),
      },
    ],
    raw: cp,
  };
}

/** Why a profile cannot be installed on a connector, or undefined (§3.13, §5.16, §9.4). */
export function profileProblem(s: Station16, connectorId: number, cp: Record<string, unknown>, fromRemoteStart = false): string | undefined {
  const purpose = cp['chargingProfilePurpose'];
  const schedule = cp['chargingSchedule'] as Record<string, unknown>;
  const periods = schedule['chargingSchedulePeriod'] as Array<{ startPeriod: number }>;
  const c = s.connectors[connectorId];
  if (c === undefined) return `connector ${connectorId} does not exist`;
  if (purpose === 'ChargePointMaxProfile' && connectorId !== 0) return 'ChargePointMaxProfile only on connector 0';
  if (purpose === 'TxProfile') {
    if (connectorId === 0) return 'TxProfile only on a connector > 0';
    if (!fromRemoteStart && !s.ctx.faults.has('accepts-txprofile-without-transaction')) {
      if (c.transaction === undefined) return 'no transaction on the connector';
      if (cp['transactionId'] !== undefined && cp['transactionId'] !== c.transaction.transactionId) return 'not the transaction running on the connector';
    }
  }
  if ((cp['stackLevel'] as number) > s.config.int('ChargeProfileMaxStackLevel', 8)) return 'stackLevel above ChargeProfileMaxStackLevel';
  const allowed = s.config.get('ChargingScheduleAllowedChargingRateUnit');
  const unit = schedule['chargingRateUnit'] === 'A' ? 'Current' : 'Power';
  if (!allowed.split(',').map((x) => x.trim()).includes(unit)) return `${unit} is not an allowed charging rate unit`;
  if (periods.length > s.config.int('ChargingScheduleMaxPeriods', 24)) return 'more periods than ChargingScheduleMaxPeriods';
  if (periods[0]?.startPeriod !== 0) return 'the first period must start at 0 (errata 3.45)';
  if (cp['chargingProfileKind'] === 'Recurring' && cp['recurrencyKind'] === undefined) return 'a Recurring profile needs recurrencyKind';
  const add = s.profiles.wouldAdd({ id: cp['chargingProfileId'] as number, connectorId, purpose: purpose as string, stackLevel: cp['stackLevel'] as number });
  if (add && s.profiles.size >= s.config.int('MaxChargingProfilesInstalled', 16)) return 'MaxChargingProfilesInstalled reached';
  return undefined;
}

function setChargingProfile({ s }: Parts16, connectorId: number, cp: Record<string, unknown>): Handled {
  if (!s.supports('SmartCharging')) return answer({ status: 'Rejected' });
  const problem = profileProblem(s, connectorId, cp);
  if (problem !== undefined) {
    s.ctx.log(`SetChargingProfile rejected: ${problem}`);
    return answer({ status: 'Rejected' });
  }
  s.profiles.install({ ...toProfile(connectorId, cp), installedAt: s.ctx.now() });
  for (const c of connectorId === 0 ? s.outlets : [s.connectors[connectorId]!]) s.updatePower(c);
  return answer({ status: 'Accepted' });
}

/** §5.17 (and the whitepaper's ExtendedTriggerMessage when `extended`). */
export function trigger({ s, sessions }: Parts16, requested: string, connectorId: number | undefined, extended: boolean): Handled {
  const ctx = s.ctx;
  const maintenance = s.maintenance;
  if (connectorId !== undefined && (connectorId < 0 || connectorId > s.outlets.length)) return answer({ status: 'Rejected' });
  const outlets = connectorId !== undefined && connectorId > 0 ? [s.connectors[connectorId]!] : s.outlets;
  let send: (() => Promise<void>) | undefined;
  switch (requested) {
    case 'BootNotification':
      send = () => ctx.triggerBoot();
      break;
    case 'Heartbeat':
      send = () => ctx.triggerHeartbeat();
      break;
    case 'StatusNotification': {
      const targets = connectorId !== undefined ? [s.connectors[connectorId]!] : s.connectors;
      send = async () => {
        for (const c of targets) {
          const r = await ctx.send('StatusNotification', { connectorId: c.id, errorCode: c.errorCode, status: c.status, timestamp: ctx.isoNow(), ...(c.info !== undefined ? { info: c.info } : {}) }, { kind: 'triggered' });
          if (r?.kind === 'result') c.reported = { status: c.status, errorCode: c.errorCode };
        }
      };
      break;
    }
    case 'MeterValues':
      send = async () => {
        for (const c of outlets) await sessions.triggeredMeterValues(c);
      };
      break;
    case 'DiagnosticsStatusNotification':
      if (extended || !s.supports('FirmwareManagement')) return answer({ status: 'NotImplemented' });
      send = () => maintenance.sendDiagnosticsStatus(true);
      break;
    case 'FirmwareStatusNotification':
      if (!extended && !s.supports('FirmwareManagement')) return answer({ status: 'NotImplemented' });
      send = () => maintenance.sendFirmwareStatus(extended);
      break;
    case 'LogStatusNotification':
      if (!extended) return answer({ status: 'NotImplemented' });
      send = () => maintenance.sendLogStatus();
      break;
    case 'SignChargePointCertificate':
      if (!extended) return answer({ status: 'NotImplemented' });
      send = () => maintenance.signCertificate();
      break;
    default:
      return answer({ status: 'NotImplemented' });
  }
  const after = send;
  return answer({ status: 'Accepted' }, ctx.faults.has('ignores-trigger-message') ? undefined : after);
}
