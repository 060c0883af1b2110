// Answers of the 2.0.1 / 2.1 charging station to CSMS-initiated messages of the blocks
// B (provisioning), C, D, E, F, G, H, I, K, O and P, with their effects. (Security,
// firmware, certificates and diagnostics are in maintenance.ts.)
//
// 2.0.1 Part 2: B05–B12 (variables, reports in parts with seqNo/tbc, resets), C11 (clear
// cache), D01–D02, E14 (GetTransactionStatus), F01–F06 (F06.FR.17: a triggered
// BootNotification is rejected once accepted), G03–G04, H01–H04, I (CostUpdated), K01–K10,
// O01–O06, P01.
import { parseMeasurandList } from '../meter';
import { answer, type CallHandler } from '../answers';
import type { Handled } from '../model';
import type { Profile } from '../smart-charging';
import { componentKey, keyOf, type ComponentRef, type VariableDefinition, type VariableRef } from './device-model';
import type { Evse2, IdToken, Reservation2, Station2 } from './station';
import type { Transactions2 } from './transactions';


export interface Parts2 {
  s: Station2;
  tx: Transactions2;
  /** Sends the CSR flow (maintenance.ts). */
  signCertificate(type: string): Promise<void>;
  sendFirmwareStatus(): Promise<void>;
  sendLogStatus(): Promise<void>;
}

const idTokenOf = (v: unknown): IdToken => {
  const t = v as { idToken: string; type: string };
  return { idToken: t.idToken, type: t.type };
};

function refs(item: Record<string, unknown>): { component: ComponentRef; variable: VariableRef } {
  const c = item['component'] as Record<string, unknown>;
  const v = item['variable'] as Record<string, unknown>;
  const component: ComponentRef = { name: c['name'] as string };
  if (typeof c['instance'] === 'string') component.instance = c['instance'];
  const evse = c['evse'] as { id: number; connectorId?: number } | undefined;
  if (evse !== undefined) component.evse = { id: evse.id, ...(evse.connectorId !== undefined ? { connectorId: evse.connectorId } : {}) };
  const variable: VariableRef = { name: v['name'] as string };
  if (typeof v['instance'] === 'string') variable.instance = v['instance'];
  return { component, variable };
}

/** Sends report data in NotifyReport parts (B07/B08: seqNo from 0, tbc on all but the last). */
function notifyReport(s: Station2, requestId: number, items: VariableDefinition[]): Promise<void> {
  const per = Math.max(1, s.dm.int('DeviceDataCtrlr', 'ItemsPerMessage', 20, 'GetReport'));
  const generatedAt = s.ctx.isoNow();
  const chunks: VariableDefinition[][] = [];
  for (let i = 0; i < items.length; i += per) chunks.push(items.slice(i, i + per));
  return (async () => {
    for (const [seqNo, chunk] of chunks.entries()) {
      await s.ctx.send('NotifyReport', { requestId, generatedAt, seqNo, tbc: seqNo < chunks.length - 1, reportData: chunk.map((d) => s.dm.reportData(d)) });
    }
  })();
}

export function handlers2(parts: Parts2): Record<string, CallHandler> {
  const { s, tx } = parts;
  const ctx = s.ctx;
  const dm = s.dm;
  const evseOf = (id: unknown): Evse2 | undefined => (typeof id === 'number' ? s.evse(id) : undefined);

  return {
    // --- B Provisioning -------------------------------------------------------------------------
    GetVariables: (p) => {
      const items = p['getVariableData'] as Array<Record<string, unknown>>;
      return answer({
        getVariableResult: items.map((item) => {
          const { component, variable } = refs(item);
          const attributeType = (item['attributeType'] as string | undefined) ?? 'Actual';
          const r = dm.read(component, variable, attributeType);
          return {
            attributeStatus: r.status,
            ...(item['attributeType'] !== undefined ? { attributeType } : {}),
            ...(r.value !== undefined ? { attributeValue: r.value.slice(0, 2500) } : {}),
            component: item['component'],
            variable: item['variable'],
          };
        }),
      });
    },
    SetVariables: (p) => {
      const items = p['setVariableData'] as Array<Record<string, unknown>>;
      const effects: Array<() => void> = [];
      const results = items.map((item) => {
        const { component, variable } = refs(item);
        const attributeType = (item['attributeType'] as string | undefined) ?? 'Actual';
        const value = item['attributeValue'] as string;
        const before = dm.find(component, variable)?.value;
        const r = dm.write(component, variable, value, attributeType);
        if (ctx.faults.has('change-config-not-applied') && r.definition !== undefined && before !== undefined) {
          // Behaviour change-config-not-applied: Accepted, old value kept.
          r.definition.value = before;
          return { attributeStatus: r.status, ...(item['attributeType'] !== undefined ? { attributeType } : {}), component: item['component'], variable: item['variable'] };
        }
        if (r.reason !== undefined) ctx.log(`SetVariables ${keyOf(component, variable)}: ${r.reason}`);
        if (r.definition !== undefined) {
          const key = keyOf(r.definition.component, r.definition.variable);
          if (key === 'OCPPCommCtrlr.HeartbeatInterval') effects.push(() => ctx.heartbeatChanged());
          if (key === 'SampledDataCtrlr.TxUpdatedInterval' || key === 'SampledDataCtrlr.TxEndedInterval') effects.push(() => tx.restartSampling());
          if (key === 'AlignedDataCtrlr.Interval') effects.push(() => tx.restartAligned());
          if (key === 'SecurityCtrlr.BasicAuthPassword') {
            effects.push(() => {
              s.securityEvent('ReconfigurationOfSecurityParameters', 'BasicAuthPassword changed');
              ctx.setSecurity({ ...ctx.security, password: value }, 'new BasicAuthPassword');
            });
          }
        }
        return { attributeStatus: r.status, ...(item['attributeType'] !== undefined ? { attributeType } : {}), component: item['component'], variable: item['variable'] };
      });
      return answer({ setVariableResult: results }, effects.length > 0 ? () => effects.forEach((f) => f()) : undefined);
    },
    GetBaseReport: (p) => {
      const base = p['reportBase'] as string;
      const items = dm.all.filter((d) =>
        base === 'ConfigurationInventory' ? d.mutability !== 'ReadOnly' : base === 'SummaryInventory' ? d.variable.name === 'AvailabilityState' || d.variable.name === 'Problem' : true,
      );
      return answer({ status: 'Accepted' }, () => notifyReport(s, p['requestId'] as number, items));
    },
    GetReport: (p) => {
      const wanted = p['componentVariable'] as Array<Record<string, unknown>> | undefined;
      const criteria = p['componentCriteria'] as string[] | undefined;
      let items = dm.all;
      if (wanted !== undefined && wanted.length > 0) {
        items = items.filter((d) =>
          wanted.some((w) => {
            const c = w['component'] as Record<string, unknown>;
            const v = w['variable'] as Record<string, unknown> | undefined;
            const cref: ComponentRef = { name: c['name'] as string, ...(typeof c['instance'] === 'string' ? { instance: c['instance'] } : {}), ...(c['evse'] !== undefined ? { evse: c['evse'] as { id: number; connectorId?: number } } : {}) };
            // A component without evse matches the component on every EVSE.
            const sameComponent = cref.evse === undefined ? d.component.name === cref.name && d.component.instance === cref.instance : componentKey(d.component) === componentKey(cref);
            if (!sameComponent) return false;
            if (v === undefined) return true;
            return d.variable.name === v['name'] && (v['instance'] === undefined || d.variable.instance === v['instance']);
          }),
        );
      }
      if (criteria !== undefined && criteria.length > 0) {
        // B08: a component meets a criterion when its variable of that name is true.
        const passes = (c: ComponentRef) => criteria.some((name) => dm.all.some((d) => componentKey(d.component) === componentKey(c) && d.variable.name === name && dm.value(d) === 'true'));
        items = items.filter((d) => passes(d.component));
      }
      if (items.length === 0) return answer({ status: 'EmptyResultSet' });
      return answer({ status: 'Accepted' }, () => notifyReport(s, p['requestId'] as number, items));
    },
    Reset: (p) => {
      if (p['evseId'] !== undefined) return answer({ status: 'Rejected' });
      const running = s.evses.filter((e) => e.transaction !== undefined);
      if (p['type'] === 'OnIdle' && running.length > 0) {
        s.resetWhenIdle = true;
        return answer({ status: 'Scheduled' });
      }
      return answer({ status: 'Accepted' }, async () => {
        for (const e of running) {
          if (ctx.faults.has('hard-reset-loses-transaction')) e.transaction = undefined;
          else tx.end(e, 'ResetCommand', 'ImmediateReset');
        }
        await ctx.sleep(500);
        s.pendingResetEvent = true;
        ctx.reboot('RemoteReset', 'clean');
      });
    },
    // --- C / D authorization data ---------------------------------------------------------------------
    ClearCache: () => {
      if (!dm.bool('AuthCacheCtrlr', 'Enabled')) return answer({ status: 'Rejected' });
      if (!ctx.faults.has('clear-cache-noop')) s.cache.clear();
      return answer({ status: 'Accepted' });
    },
    GetLocalListVersion: () => answer({ versionNumber: dm.bool('LocalAuthListCtrlr', 'Enabled') && s.list.size > 0 ? s.list.version : 0 }),
    SendLocalList: (p) => {
      if (!dm.bool('LocalAuthListCtrlr', 'Enabled') || s.localListStorageFails) return answer({ status: 'Failed' });
      const version = p['versionNumber'] as number;
      const items = (p['localAuthorizationList'] as Array<{ idToken: IdToken; idTokenInfo?: Record<string, unknown> }> | undefined) ?? [];
      const stuck = ctx.faults.has('local-list-version-stuck');
      const entry = (info: Record<string, unknown>) => {
        const expiry = typeof info['cacheExpiryDateTime'] === 'string' ? Date.parse(info['cacheExpiryDateTime']) : undefined;
        const group = (info['groupIdToken'] as { idToken?: string } | undefined)?.idToken;
        return { status: String(info['status']), ...(expiry !== undefined && Number.isFinite(expiry) ? { expiresAt: expiry } : {}), ...(group !== undefined ? { parent: group } : {}) };
      };
      const key = (t: IdToken) => `${t.type}:${t.idToken}`;
      const max = 100;
      if (p['updateType'] === 'Full') {
        const entries = items.filter((i) => i.idTokenInfo !== undefined).map((i) => [key(i.idToken), entry(i.idTokenInfo!)] as [string, ReturnType<typeof entry>]);
        if (entries.length > max) return answer({ status: 'Failed' });
        s.list.replace(stuck ? s.list.version : version, entries);
      } else {
        if (version <= s.list.version) return answer({ status: 'VersionMismatch' });
        const updates = items.map((i) => [key(i.idToken), i.idTokenInfo !== undefined ? entry(i.idTokenInfo) : undefined] as [string, ReturnType<typeof entry> | undefined]);
        if (s.list.sizeAfter(updates) > max) return answer({ status: 'Failed' });
        s.list.apply(stuck ? s.list.version : version, updates);
      }
      for (const i of items) s.cache.delete(key(i.idToken));
      ctx.log(`local list version ${version}, ${s.list.size} entries`);
      return answer({ status: 'Accepted' });
    },
    // --- E / F transactions and remote control ------------------------------------------------------
    GetTransactionStatus: (p) => {
      const id = p['transactionId'];
      const ongoing = s.evses.some((e) => e.transaction?.id === id);
      return answer({ messagesInQueue: ctx.queued > 0, ...(id !== undefined ? { ongoingIndicator: ongoing } : {}) });
    },
    RequestStartTransaction: (p) => {
      if (ctx.registration !== 'accepted') return answer({ status: 'Rejected' });
      const profile = p['chargingProfile'] as Record<string, unknown> | undefined;
      if (profile !== undefined && profile['chargingProfilePurpose'] !== 'TxProfile') return answer({ status: 'Rejected' });
      let e: Evse2 | undefined;
      if (p['evseId'] !== undefined) e = evseOf(p['evseId']);
      else e = s.evses.find((x) => x.plugged && x.transaction === undefined && x.operative && x.fault === undefined) ?? s.evses.find((x) => x.free);
      if (e === undefined || !e.operative || !s.operative || ((e.fault !== undefined || s.fault !== undefined) && !ctx.faults.has('charges-while-faulted'))) return answer({ status: 'Rejected' });
      const target = e;
      const existing = target.transaction;
      if (existing?.authorized === true) return answer({ status: 'Rejected' });
      const token = idTokenOf(p['idToken']);
      const group = (p['groupIdToken'] as { idToken?: string } | undefined)?.idToken;
      if (target.reservation !== undefined && target.reservation.idToken.idToken !== token.idToken && target.reservation.group === undefined) return answer({ status: 'Rejected' });
      return answer({ status: 'Accepted', ...(existing !== undefined ? { transactionId: existing.id } : {}) }, async () => {
        if (ctx.faults.has('remote-start-ignored')) return;
        await tx.begin(target, token, { remoteStartId: p['remoteStartId'] as number, ...(group !== undefined ? { group } : {}), ...(profile !== undefined ? { profile } : {}) });
      });
    },
    RequestStopTransaction: (p) => {
      const e = s.evses.find((x) => x.transaction?.id === p['transactionId']);
      if (e === undefined) return answer({ status: 'Rejected' });
      return answer({ status: 'Accepted' }, () => tx.end(e, 'RemoteStop', 'Remote'));
    },
    UnlockConnector: (p) => {
      const e = evseOf(p['evseId']);
      if (e === undefined || p['connectorId'] !== 1) return answer({ status: 'UnknownConnector' });
      if (e.transaction?.authorized === true) return answer({ status: 'OngoingAuthorizedTransaction' });
      if (e.unlockFails || s.options.fixedCable) return answer({ status: 'UnlockFailed' });
      return answer({ status: 'Unlocked' }, () => {
        if (e.transaction !== undefined) tx.end(e, 'UnlockCommand', 'Other');
        e.locked = false;
        ctx.log(`EVSE ${e.id}: unlocked`);
      });
    },
    TriggerMessage: (p) => trigger2(parts, p['requestedMessage'] as string, p['evse'] as { id: number; connectorId?: number } | undefined),
    // --- G availability -------------------------------------------------------------------------------
    ChangeAvailability: (p) => {
      const operative = p['operationalStatus'] === 'Operative';
      const evse = p['evse'] as { id: number; connectorId?: number } | undefined;
      if (evse !== undefined && (evseOf(evse.id) === undefined || (evse.connectorId !== undefined && evse.connectorId !== 1))) return answer({ status: 'Rejected' });
      const targets = evse === undefined ? s.evses : [evseOf(evse.id)!];
      let scheduled = false;
      if (evse === undefined) s.operative = operative;
      for (const e of targets) {
        if (!operative && e.transaction !== undefined) {
          e.scheduledOperative = false;
          scheduled = true;
          continue;
        }
        e.scheduledOperative = undefined;
        e.operative = operative;
        if (!operative && e.reservation !== undefined) tx.endReservation(e.reservation, 'Removed');
        if (!operative) tx.dropAuthorization(e, { silent: true });
      }
      const silent = ctx.faults.has('status-not-reported');
      s.refreshAll({ silent });
      if (silent) for (const e of s.evses) e.reported = e.status;
      return answer({ status: scheduled ? 'Scheduled' : 'Accepted' });
    },
    // --- H reservations ---------------------------------------------------------------------------------
    ReserveNow: (p) => reserveNow2(parts, p),
    CancelReservation: (p) => {
      const id = p['reservationId'] as number;
      const r = s.evses.map((e) => e.reservation).find((x) => x?.id === id) ?? s.stationReservations.find((x) => x.id === id);
      if (r === undefined) return answer({ status: 'Rejected' });
      tx.endReservation(r, undefined);
      return answer({ status: 'Accepted' });
    },
    // --- I, P ---------------------------------------------------------------------------------------------
    CostUpdated: () => answer({}),
    DataTransfer: (p) => (p['vendorId'] === 'org.ocppbench' ? answer({ status: 'Accepted', ...(p['data'] !== undefined ? { data: p['data'] } : {}) }) : answer({ status: 'UnknownVendorId' })),
    // --- K smart charging ---------------------------------------------------------------------------------
    SetChargingProfile: (p) => {
      const evseId = p['evseId'] as number;
      const cp = p['chargingProfile'] as Record<string, unknown>;
      const problem = profileProblem2(s, evseId, cp);
      if (problem !== undefined) {
        ctx.log(`SetChargingProfile rejected: ${problem}`);
        return answer({ status: 'Rejected', statusInfo: { reasonCode: 'InvalidProfile', additionalInfo: problem.slice(0, 512) } });
      }
      s.profiles.install(toProfile2(evseId, cp));
      for (const e of evseId === 0 ? s.evses : [evseOf(evseId)!]) tx.stateChanged(e, 'ChargingRateChanged');
      return answer({ status: 'Accepted' });
    },
    GetChargingProfiles: (p) => {
      const c = p['chargingProfile'] as Record<string, unknown>;
      const ids = c['chargingProfileId'] as number[] | undefined;
      const sources = c['chargingLimitSource'] as string[] | undefined;
      const matches = s.profiles.all().filter(
        (x) =>
          (p['evseId'] === undefined || x.connectorId === p['evseId']) &&
          (c['chargingProfilePurpose'] === undefined || x.purpose === c['chargingProfilePurpose']) &&
          (c['stackLevel'] === undefined || x.stackLevel === c['stackLevel']) &&
          (ids === undefined || ids.includes(x.id)) &&
          (sources === undefined || sources.includes('CSO')),
      );
      if (matches.length === 0) return answer({ status: 'NoProfiles' });
      const byEvse = new Map<number, Profile[]>();
      for (const m of matches) byEvse.set(m.connectorId, [...(byEvse.get(m.connectorId) ?? []), m]);
      return answer({ status: 'Accepted' }, async () => {
        const groups = [...byEvse.entries()];
        for (const [i, [evseId, list]] of groups.entries()) {
          await ctx.send('ReportChargingProfiles', { requestId: p['requestId'], chargingLimitSource: 'CSO', evseId, chargingProfile: list.map((x) => x.raw), tbc: i < groups.length - 1 });
        }
      });
    },
    ClearChargingProfile: (p) => {
      const id = p['chargingProfileId'];
      const c = p['chargingProfileCriteria'] as Record<string, unknown> | undefined;
      const removed =
        id !== undefined
          ? s.profiles.remove((x) => x.id === id)
          : s.profiles.remove(
              (x) =>
                c === undefined ||
                ((c['evseId'] === undefined || x.connectorId === c['evseId']) &&
                  (c['chargingProfilePurpose'] === undefined || x.purpose === c['chargingProfilePurpose']) &&
                  (c['stackLevel'] === undefined || x.stackLevel === c['stackLevel'])),
            );
      for (const e of s.evses) tx.stateChanged(e, 'ChargingRateChanged');
      return answer({ status: removed > 0 ? 'Accepted' : 'Unknown' });
    },
    GetCompositeSchedule: (p) => {
      const evseId = p['evseId'] as number;
      if (evseId < 0 || evseId > s.evses.length) return answer({ status: 'Rejected' });
      const unit = (p['chargingRateUnit'] as 'A' | 'W' | undefined) ?? 'A';
      if (!dm.get('SmartChargingCtrlr', 'RateUnit').split(',').includes(unit)) return answer({ status: 'Rejected' });
      const duration = p['duration'] as number;
      const now = ctx.now();
      const e = evseOf(evseId);
      const t = e?.transaction;
      const periods = s.profiles.composite({
        connectorId: evseId,
        from: now,
        durationS: duration,
        unit,
        localLimit: { limit: evseId === 0 ? s.options.powerW * s.evses.length : s.options.powerW, unit: 'W' },
        ...(t !== undefined ? { transaction: { id: t.id, startedAt: t.startedAt } } : {}),
        lowestStackWins: ctx.faults.has('stacks-profiles-wrongly'),
      });
      return answer({ status: 'Accepted', schedule: { evseId, duration, scheduleStart: new Date(now).toISOString(), chargingRateUnit: unit, chargingSchedulePeriod: periods } });
    },
    // --- O display messages ---------------------------------------------------------------------------------
    SetDisplayMessage: (p) => {
      const m = p['message'] as Record<string, unknown>;
      if (!dm.bool('DisplayMessageCtrlr', 'Enabled')) return answer({ status: 'Rejected' });
      const format = (m['message'] as Record<string, unknown>)['format'] as string;
      if (!dm.get('DisplayMessageCtrlr', 'SupportedFormats').split(',').includes(format)) return answer({ status: 'NotSupportedMessageFormat' });
      if (!dm.get('DisplayMessageCtrlr', 'SupportedPriorities').split(',').includes(m['priority'] as string)) return answer({ status: 'NotSupportedPriority' });
      if (m['transactionId'] !== undefined && !s.evses.some((e) => e.transaction?.id === m['transactionId'])) return answer({ status: 'UnknownTransaction' });
      if (!ctx.faults.has('display-messages-forgotten')) s.displayMessages.set(m['id'] as number, m);
      return answer({ status: 'Accepted' });
    },
    GetDisplayMessages: (p) => {
      const ids = p['id'] as number[] | undefined;
      const list = [...s.displayMessages.values()].filter(
        (m) => (ids === undefined || ids.includes(m['id'] as number)) && (p['priority'] === undefined || m['priority'] === p['priority']) && (p['state'] === undefined || m['state'] === p['state']),
      );
      if (list.length === 0) return answer({ status: 'Unknown' });
      return answer({ status: 'Accepted' }, async () => {
        await ctx.send('NotifyDisplayMessages', { requestId: p['requestId'], messageInfo: list, tbc: false });
      });
    },
    ClearDisplayMessage: (p) => answer({ status: s.displayMessages.delete(p['id'] as number) ? 'Accepted' : 'Unknown' }),
  };
}

function reserveNow2({ s, tx }: Parts2, p: Record<string, unknown>): Handled {
  const ctx = s.ctx;
  if (!s.dm.bool('ReservationCtrlr', 'Enabled')) return answer({ status: 'Rejected' });
  const id = p['id'] as number;
  const evseId = p['evseId'] as number | undefined;
  if (evseId !== undefined && s.evse(evseId) === undefined) return answer({ status: 'Rejected' });
  const existing = s.evses.map((e) => e.reservation).find((r) => r?.id === id) ?? s.stationReservations.find((r) => r.id === id);
  if (existing !== undefined) tx.endReservation(existing, undefined);
  const group = (p['groupIdToken'] as { idToken?: string } | undefined)?.idToken;
  const reservation: Reservation2 = {
    id,
    idToken: idTokenOf(p['idToken']),
    expiresAt: Date.parse(p['expiryDateTime'] as string),
    ...(evseId !== undefined ? { evseId } : {}),
    ...(group !== undefined ? { group } : {}),
  };
  if (evseId === undefined) {
    if (!s.dm.bool('ReservationCtrlr', 'NonEvseSpecific')) return answer({ status: 'Rejected' });
    if (s.fault !== undefined || s.evses.every((e) => e.fault !== undefined)) return answer({ status: 'Faulted' });
    if (!s.operative || s.evses.every((e) => !e.operative)) return answer({ status: 'Unavailable' });
    if (s.evses.filter((e) => e.free).length <= s.stationReservations.length) return answer({ status: 'Occupied' });
    s.stationReservations.push(reservation);
  } else {
    const e = s.evse(evseId)!;
    if (e.fault !== undefined || s.fault !== undefined) return answer({ status: 'Faulted' });
    if (!e.operative || !s.operative) return answer({ status: 'Unavailable' });
    if (!e.free) return answer({ status: 'Occupied' });
    e.reservation = reservation;
  }
  if (!ctx.faults.has('reservation-never-expires')) {
    reservation.timer = ctx.at(reservation.expiresAt, () => {
      ctx.log(`reservation ${id} expired`);
      tx.endReservation(reservation, 'Expired');
    });
  }
  ctx.log(`reservation ${id} for ${reservation.idToken.idToken}${evseId !== undefined ? ` on EVSE ${evseId}` : ''}`);
  s.refreshAll();
  return answer({ status: 'Accepted' });
}

const KIND: Record<string, Profile['kind']> = { ChargingStationMaxProfile: 'max', TxDefaultProfile: 'txDefault', TxProfile: 'tx', ChargingStationExternalConstraints: 'external' };

export function toProfile2(evseId: number, cp: Record<string, unknown>): Profile {
  const schedule = (cp['chargingSchedule'] as Array<Record<string, unknown>>)[0]!;
  const date = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : undefined);
  const startSchedule = date(schedule['startSchedule']);
  const validFrom = date(cp['validFrom']);
  const validTo = date(cp['validTo']);
  return {
    id: cp['id'] as number,
    connectorId: evseId,
    stackLevel: cp['stackLevel'] as number,
    purpose: cp['chargingProfilePurpose'] as string,
    kind: KIND[cp['chargingProfilePurpose'] as string] ?? 'external',
    profileKind: cp['chargingProfileKind'] as Profile['profileKind'],
    ...(cp['recurrencyKind'] !== undefined ? { recurrency: cp['recurrencyKind'] as 'Daily' | 'Weekly' } : {}),
    ...(validFrom !== undefined ? { validFrom } : {}),
    ...(validTo !== undefined ? { validTo } : {}),
    ...(typeof cp['transactionId'] === 'string' ? { transactionId: cp['transactionId'] } : {}),
    schedules: [
      {
        unit: schedule['chargingRateUnit'] as 'A' | 'W',
        // 2.1 makes limit optional (setpoints): no limit means "no limit from this period".
        periods: (schedule['chargingSchedulePeriod'] as Array<{ startPeriod: number; limit?: number; numberPhases?: number }>).map((x) => ({
          startPeriod: x.startPeriod,
          limit: x.limit ?? Number.MAX_SAFE_INTEGER,
          ...(x.numberPhases !== undefined ? { numberPhases: x.numberPhases } : {}),
        })),
        ...(startSchedule !== undefined ? { startSchedule } : {}),
        ...(typeof schedule['duration'] === 'number' ? { duration: schedule['duration'] } : {}),
      },
    ],
    raw: cp,
  };
}

/** Why a profile cannot be installed on an EVSE (K01), or undefined. */
export function profileProblem2(s: Station2, evseId: number, cp: Record<string, unknown>, fromRemoteStart = false): string | undefined {
  const dm = s.dm;
  if (!dm.bool('SmartChargingCtrlr', 'Enabled')) return 'smart charging is disabled';
  if (evseId < 0 || evseId > s.evses.length) return `EVSE ${evseId} does not exist`;
  const purpose = cp['chargingProfilePurpose'];
  const schedules = cp['chargingSchedule'] as Array<Record<string, unknown>>;
  if (purpose === 'ChargingStationMaxProfile' && evseId !== 0) return 'ChargingStationMaxProfile only on EVSE 0';
  if (purpose !== 'ChargingStationMaxProfile' && purpose !== 'TxDefaultProfile' && purpose !== 'TxProfile') return `${String(purpose)} cannot be set by the CSMS`;
  if (purpose === 'TxProfile') {
    if (evseId === 0) return 'TxProfile only on an EVSE > 0';
    const t = s.evse(evseId)!.transaction;
    if (!fromRemoteStart && !s.ctx.faults.has('accepts-txprofile-without-transaction')) {
      if (t === undefined) return 'no transaction on the EVSE';
      if (cp['transactionId'] !== undefined && cp['transactionId'] !== t.id) return 'not the transaction running on the EVSE';
    }
  }
  if ((cp['stackLevel'] as number) > dm.int('SmartChargingCtrlr', 'ProfileStackLevel', 8)) return 'stackLevel above ProfileStackLevel';
  const units = dm.get('SmartChargingCtrlr', 'RateUnit').split(',');
  for (const schedule of schedules) {
    const periods = schedule['chargingSchedulePeriod'] as Array<{ startPeriod: number }>;
    if (!units.includes(schedule['chargingRateUnit'] as string)) return `${String(schedule['chargingRateUnit'])} is not a supported rate unit`;
    if (periods.length > dm.int('SmartChargingCtrlr', 'PeriodsPerSchedule', 24)) return 'more periods than PeriodsPerSchedule';
    if (periods[0]?.startPeriod !== 0) return 'the first period must start at 0';
  }
  if (cp['chargingProfileKind'] === 'Recurring' && cp['recurrencyKind'] === undefined) return 'a Recurring profile needs recurrencyKind';
  if (s.profiles.wouldAdd({ id: cp['id'] as number, connectorId: evseId, purpose: purpose as string, stackLevel: cp['stackLevel'] as number }) && s.profiles.size >= 16) return 'no room for another profile';
  return undefined;
}

/** TriggerMessage (F06). */
function trigger2(parts: Parts2, requested: string, evse: { id: number; connectorId?: number } | undefined): Handled {
  const { s, tx } = parts;
  const ctx = s.ctx;
  if (evse !== undefined && s.evse(evse.id) === undefined) return answer({ status: 'Rejected' });
  const evses = evse !== undefined ? [s.evse(evse.id)!] : s.evses;
  let send: (() => Promise<void> | void) | undefined;
  switch (requested) {
    case 'BootNotification':
      // F06.FR.17: not once the CSMS has accepted the station.
      if (ctx.registration === 'accepted') return answer({ status: 'Rejected' });
      send = () => ctx.triggerBoot();
      break;
    case 'Heartbeat':
      send = () => ctx.triggerHeartbeat();
      break;
    case 'StatusNotification':
      send = async () => {
        for (const e of evses) {
          const r = await ctx.send('StatusNotification', { timestamp: ctx.isoNow(), connectorStatus: e.status, evseId: e.id, connectorId: 1 }, { kind: 'triggered' });
          if (r?.kind === 'result') e.reported = e.status;
        }
      };
      break;
    case 'MeterValues':
      send = async () => {
        const wanted = parseMeasurandList(s.dm.get('AlignedDataCtrlr', 'Measurands')).ok;
        for (const e of evses) {
          s.updatePower(e);
          await ctx.send('MeterValues', { evseId: e.id, meterValue: [s.meterValue(e, wanted.length > 0 ? wanted : [{ measurand: 'Energy.Active.Import.Register' }], 'Trigger')] }, { kind: 'triggered' });
        }
      };
      break;
    case 'TransactionEvent':
      send = () => evses.forEach((e) => tx.triggered(e));
      break;
    case 'FirmwareStatusNotification':
      send = () => parts.sendFirmwareStatus();
      break;
    case 'LogStatusNotification':
      send = () => parts.sendLogStatus();
      break;
    case 'SignChargingStationCertificate':
      send = () => parts.signCertificate('ChargingStationCertificate');
      break;
    case 'SignV2GCertificate':
      send = () => parts.signCertificate('V2GCertificate');
      break;
    default:
      return answer({ status: 'NotImplemented' });
  }
  const after = send;
  return answer({ status: 'Accepted' }, ctx.faults.has('ignores-trigger-message') ? undefined : async () => after());
}

