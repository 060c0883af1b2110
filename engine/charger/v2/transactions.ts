// Transactions of the 2.0.1 / 2.1 charging station: authorization of id tokens, the
// transaction lifecycle driven by TxStartPoint / TxStopPoint, TransactionEvent with its
// seqNo, triggerReason and eventType, metering, and the operator's actions.
//
// 2.0.1 Part 2 C01–C15 (authorization, cache, local list, offline: LocalPreAuthorize,
// LocalAuthorizeOffline, OfflineTxForUnknownIdEnabled, DisableRemoteAuthorization),
// E01–E15 (start and stop points; Started once per transaction, seqNo from 0 and +1 per
// event; offline flag; StopTxOnInvalidId / StopTxOnEVSideDisconnect; EVConnectionTimeOut),
// J01–J02 (TxUpdatedInterval periodic values, clock-aligned values as MeterValueClock
// during a transaction, TxEndedMeasurands in Ended).
import { randomUUID } from 'node:crypto';
import { lookUpLocally, type AuthEntry } from '../auth';
import { parseMeasurandList } from '../meter';
import type { TimerHandle } from '../timers';
import type { ChargingState, Evse2, IdToken, MeterValue2, Station2, Tx2 } from './station';

export const ID_TOKEN_TYPES = ['Central', 'eMAID', 'ISO14443', 'ISO15693', 'KeyCode', 'Local', 'MacAddress', 'NoAuthorization'];

/** `TYPE:value` with a known IdTokenEnumType, else an ISO14443 token (an RFID card). */
export function parseIdToken(text: string): IdToken {
  const m = /^([A-Za-z0-9]+):(.+)$/.exec(text);
  if (m !== null && ID_TOKEN_TYPES.includes(m[1]!)) return { idToken: m[2]!, type: m[1]! };
  return { idToken: text, type: 'ISO14443' };
}

export const tokenKey = (t: IdToken): string => `${t.type}:${t.idToken}`;

export function idTokenInfoToEntry(info: Record<string, unknown>, lifeTimeS: number, now: number): AuthEntry {
  const expiry = typeof info['cacheExpiryDateTime'] === 'string' ? Date.parse(info['cacheExpiryDateTime']) : now + lifeTimeS * 1000;
  const group = (info['groupIdToken'] as { idToken?: unknown } | undefined)?.idToken;
  return { status: String(info['status']), ...(Number.isFinite(expiry) ? { expiresAt: expiry } : {}), ...(typeof group === 'string' ? { parent: group } : {}) };
}

export interface AuthResult2 {
  accepted: boolean;
  status: string;
  group?: string;
}

type Trigger = string;

export class Transactions2 {
  private alignedTimer: TimerHandle | undefined;
  /** Told when a transaction ended (Reset OnIdle, scheduled availability). */
  afterEnded: (() => void) | undefined;
  /** Installs a RequestStartTransaction charging profile on its new transaction (set by the model). */
  onStartProfile: ((e: Evse2, tx: Tx2, profile: Record<string, unknown>) => void) | undefined;

  constructor(private readonly s: Station2) {}

  private get ctx() {
    return this.s.ctx;
  }

  private get dm() {
    return this.s.dm;
  }

  private points(variable: 'TxStartPoint' | 'TxStopPoint'): Set<string> {
    return new Set(this.dm.get('TxCtrlr', variable).split(',').map((x) => x.trim()).filter((x) => x !== ''));
  }

  private measurands(component: string, variable: string) {
    const list = parseMeasurandList(this.dm.get(component, variable)).ok;
    if (this.ctx.faults.has('meter-values-missing-measurand') && list.length > 0) return [{ measurand: 'Energy.Active.Import.Register' as const }];
    return list;
  }

  private faultBlocks(e: Evse2): boolean {
    return (e.fault !== undefined || this.s.fault !== undefined) && !this.ctx.faults.has('charges-while-faulted');
  }

  // --- Authorization (C) -----------------------------------------------------------------------

  rememberIdTokenInfo(token: IdToken, info: Record<string, unknown> | undefined): void {
    if (info === undefined || !this.dm.bool('AuthCacheCtrlr', 'Enabled')) return;
    const key = tokenKey(token);
    if (this.s.list.has(key)) return;
    this.s.cache.set(key, idTokenInfoToEntry(info, this.dm.int('AuthCacheCtrlr', 'LifeTime', 86400), this.ctx.now()), this.ctx.now());
  }

  async authorize(token: IdToken, options: { forceCentral?: boolean } = {}): Promise<AuthResult2> {
    if (!this.dm.bool('AuthCtrlr', 'Enabled') || token.type === 'NoAuthorization') return { accepted: true, status: 'Accepted' };
    const local = lookUpLocally(tokenKey(token), {
      list: this.s.list,
      listEnabled: this.dm.bool('LocalAuthListCtrlr', 'Enabled') && !this.ctx.faults.has('local-list-not-consulted'),
      cache: this.s.cache,
      cacheEnabled: this.dm.bool('AuthCacheCtrlr', 'Enabled'),
      now: this.ctx.now(),
    });
    const fromLocal = (): AuthResult2 => ({ accepted: local!.entry.status === 'Accepted', status: local!.entry.status, ...(local!.entry.parent !== undefined ? { group: local!.entry.parent } : {}) });
    if (this.ctx.online) {
      if (options.forceCentral !== true && !this.ctx.faults.has('cache-not-used') && local !== undefined && local.entry.status === 'Accepted' && this.dm.bool('AuthCtrlr', 'LocalPreAuthorize')) return fromLocal();
      if (this.dm.bool('AuthCtrlr', 'DisableRemoteAuthorization')) return local !== undefined ? fromLocal() : { accepted: false, status: 'Unknown' };
      const r = await this.ctx.send('Authorize', { idToken: { idToken: token.idToken, type: token.type } });
      if (r?.kind === 'result') {
        const info = r.payload['idTokenInfo'] as Record<string, unknown>;
        this.rememberIdTokenInfo(token, info);
        const group = (info['groupIdToken'] as { idToken?: string } | undefined)?.idToken;
        return { accepted: info['status'] === 'Accepted', status: String(info['status']), ...(group !== undefined ? { group } : {}) };
      }
      if (r?.kind === 'error') return { accepted: false, status: 'Invalid' };
    }
    if (this.ctx.faults.has('offline-start-refused')) return { accepted: false, status: 'Invalid' };
    if (local !== undefined) return { ...fromLocal(), accepted: local.entry.status === 'Accepted' && this.dm.bool('AuthCtrlr', 'LocalAuthorizeOffline') };
    if (this.dm.bool('AuthCtrlr', 'OfflineTxForUnknownIdEnabled')) return { accepted: true, status: 'Accepted' };
    return { accepted: false, status: 'Invalid' };
  }

  // --- TransactionEvent ---------------------------------------------------------------------------------

  /** Queues one TransactionEvent of `tx` (transaction-related: kept offline, in order). */
  private event(e: Evse2, tx: Tx2, eventType: 'Started' | 'Updated' | 'Ended', triggerReason: Trigger, extra: { meterValue?: MeterValue2[]; idToken?: IdToken; stoppedReason?: string; chargingState?: ChargingState; withRemoteStartId?: boolean } = {}): void {
    const seqNo = tx.seqNo++;
    const offline = !this.ctx.online;
    const transactionInfo: Record<string, unknown> = { transactionId: tx.id };
    if (extra.chargingState !== undefined) transactionInfo['chargingState'] = extra.chargingState;
    if (eventType === 'Ended') transactionInfo['stoppedReason'] = extra.stoppedReason ?? 'Local';
    if (tx.remoteStartId !== undefined && (eventType === 'Started' || extra.withRemoteStartId === true)) transactionInfo['remoteStartId'] = tx.remoteStartId;
    const payload: Record<string, unknown> = {
      eventType,
      timestamp: this.ctx.isoNow(),
      triggerReason,
      seqNo,
      transactionInfo,
      ...(offline ? { offline: true } : {}),
      ...(eventType === 'Started' ? { evse: { id: e.id, connectorId: 1 } } : {}),
      ...(extra.idToken !== undefined ? { idToken: { idToken: extra.idToken.idToken, type: extra.idToken.type } } : {}),
      ...(eventType === 'Started' && tx.reservationId !== undefined ? { reservationId: tx.reservationId } : {}),
      ...(extra.meterValue !== undefined && extra.meterValue.length > 0 ? { meterValue: extra.meterValue } : {}),
    };
    void this.ctx
      .send('TransactionEvent', payload, { kind: 'transaction', onAnswer: (o) => o.kind === 'result' && this.eventAnswered(e, tx, extra.idToken, o.payload) })
      .catch(() => undefined);
  }

  private eventAnswered(e: Evse2, tx: Tx2, token: IdToken | undefined, payload: Record<string, unknown>): void {
    const info = payload['idTokenInfo'] as Record<string, unknown> | undefined;
    if (info === undefined || token === undefined) return;
    this.rememberIdTokenInfo(token, info);
    if (info['status'] === 'Accepted' || e.transaction !== tx || this.ctx.faults.has('starts-on-invalid-id')) return;
    if (this.dm.bool('TxCtrlr', 'StopTxOnInvalidId')) {
      this.end(e, 'Deauthorized', 'DeAuthorized');
    } else {
      tx.invalidated = true;
      this.stateChanged(e, 'ChargingStateChanged');
    }
  }

  /** Sends an Updated event when the charging state moved (ChargingStateChanged). */
  stateChanged(e: Evse2, trigger: Trigger = 'ChargingStateChanged'): void {
    this.s.updatePower(e);
    const tx = e.transaction;
    if (tx === undefined) return;
    const state = this.s.chargingState(e);
    if (state === tx.chargingState) return;
    tx.chargingState = state;
    this.event(e, tx, 'Updated', trigger, { chargingState: state });
  }

  /** Starts a transaction on `e` (E01–E03, F01): the Started event with what is known. */
  private start(e: Evse2, trigger: Trigger, token?: IdToken, options: { group?: string; remoteStartId?: number; profile?: Record<string, unknown> } = {}): Tx2 {
    const reservation = e.reservation ?? this.s.stationReservations.find((r) => token !== undefined && (r.idToken.idToken === token.idToken || (r.group !== undefined && r.group === options.group)));
    const tx: Tx2 = {
      id: randomUUID(),
      seqNo: 0,
      startedAt: this.ctx.now(),
      meterStartWh: e.meter.registerWhInt,
      authorized: token !== undefined,
      chargingState: 'Idle',
      invalidated: false,
      endedSamples: [],
      ...(token !== undefined ? { idToken: token } : {}),
      ...(options.group !== undefined ? { group: options.group } : {}),
      ...(options.remoteStartId !== undefined ? { remoteStartId: options.remoteStartId } : {}),
      ...(reservation !== undefined && token !== undefined ? { reservationId: reservation.id } : {}),
    };
    e.transaction = tx;
    if (reservation !== undefined && token !== undefined) this.endReservation(reservation, undefined);
    if (options.profile !== undefined) this.onStartProfile?.(e, tx, options.profile);
    e.locked = e.plugged;
    this.s.updatePower(e);
    tx.chargingState = this.s.chargingState(e);
    const begin = this.measurands('SampledDataCtrlr', 'TxStartedMeasurands');
    this.ctx.log(`EVSE ${e.id}: transaction ${tx.id} started (${trigger})`);
    this.event(e, tx, 'Started', trigger, {
      chargingState: tx.chargingState,
      ...(token !== undefined ? { idToken: token } : {}),
      ...(begin.length > 0 ? { meterValue: [this.s.meterValue(e, begin, 'Transaction.Begin')] } : {}),
    });
    this.schedule(e, tx);
    if (!e.evConnected && !this.ctx.faults.has('connection-timeout-ignored')) {
      // E: no cable within EVConnectionTimeOut after the start → the transaction ends.
      tx.connectTimer = this.ctx.after(this.dm.int('TxCtrlr', 'EVConnectionTimeOut', 60) * 1000, () => {
        if (e.transaction === tx && !e.evConnected) this.end(e, 'EVConnectTimeout', 'Timeout');
      });
    }
    return tx;
  }

  private schedule(e: Evse2, tx: Tx2): void {
    this.ctx.cancel(tx.sampleTimer);
    this.ctx.cancel(tx.endedTimer);
    const updated = this.dm.int('SampledDataCtrlr', 'TxUpdatedInterval');
    if (updated > 0) {
      const tick = () => {
        tx.sampleTimer = this.ctx.after(updated * 1000, () => {
          if (e.transaction !== tx) return;
          this.s.updatePower(e);
          const wanted = this.measurands('SampledDataCtrlr', 'TxUpdatedMeasurands');
          this.event(e, tx, 'Updated', 'MeterValuePeriodic', { meterValue: [this.s.meterValue(e, wanted.length > 0 ? wanted : [{ measurand: 'Energy.Active.Import.Register' }], 'Sample.Periodic')] });
          tick();
        });
      };
      tick();
    }
    const ended = this.dm.int('SampledDataCtrlr', 'TxEndedInterval');
    if (ended > 0) {
      const tick = () => {
        tx.endedTimer = this.ctx.after(ended * 1000, () => {
          if (e.transaction !== tx) return;
          const wanted = this.measurands('SampledDataCtrlr', 'TxEndedMeasurands');
          if (wanted.length > 0) tx.endedSamples.push(this.s.meterValue(e, wanted, 'Sample.Periodic'));
          tick();
        });
      };
      tick();
    }
  }

  restartSampling(): void {
    for (const e of this.s.evses) if (e.transaction !== undefined) this.schedule(e, e.transaction);
  }

  /** Ends the transaction on `e` with the Ended event (E06–E09). */
  end(e: Evse2, trigger: Trigger, stoppedReason: string, token?: IdToken): void {
    const tx = e.transaction;
    if (tx === undefined) return;
    for (const t of [tx.sampleTimer, tx.endedTimer, tx.connectTimer]) this.ctx.cancel(t);
    e.meter.accrue(this.ctx.mono());
    const end = this.measurands('SampledDataCtrlr', 'TxEndedMeasurands');
    const meterValue = [...tx.endedSamples, ...(end.length > 0 ? [this.s.meterValue(e, end, 'Transaction.End')] : [])];
    e.transaction = undefined;
    if (!(stoppedReason === 'EVDisconnected' && !this.dm.bool('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect'))) e.locked = false;
    this.s.profiles.remove((p) => p.kind === 'tx' && p.connectorId === e.id);
    if (e.scheduledOperative !== undefined) {
      e.operative = e.scheduledOperative;
      e.scheduledOperative = undefined;
    }
    this.ctx.log(`EVSE ${e.id}: transaction ${tx.id} ended (${stoppedReason})`);
    this.event(e, tx, 'Ended', trigger, {
      stoppedReason,
      chargingState: this.s.chargingState(e),
      ...(token !== undefined ? { idToken: token } : {}),
      meterValue,
    });
    this.s.updatePower(e);
    this.s.refreshAll();
    this.afterEnded?.();
  }

  stopAllTimers(): void {
    this.ctx.cancel(this.alignedTimer);
    this.alignedTimer = undefined;
    for (const e of this.s.evses) {
      const tx = e.transaction;
      if (tx !== undefined) for (const t of [tx.sampleTimer, tx.endedTimer, tx.connectTimer]) this.ctx.cancel(t);
      this.ctx.cancel(e.authorized?.timer);
      e.authorized = undefined;
    }
  }

  /** Clock-aligned values (J01): MeterValues, or MeterValueClock events during a transaction. */
  restartAligned(): void {
    this.ctx.cancel(this.alignedTimer);
    const interval = this.dm.int('AlignedDataCtrlr', 'Interval');
    if (interval <= 0) return;
    const periodMs = interval * 1000 * this.ctx.timeScale;
    const now = this.ctx.now();
    const next = Math.ceil((now + 1) / periodMs) * periodMs;
    this.alignedTimer = this.ctx.at(next, () => {
      const timestamp = new Date(next).toISOString();
      const wanted = this.measurands('AlignedDataCtrlr', 'Measurands');
      for (const e of this.s.evses) {
        if (wanted.length === 0) break;
        const value = this.s.meterValue(e, wanted, 'Sample.Clock', timestamp);
        const tx = e.transaction;
        if (tx !== undefined) this.event(e, tx, 'Updated', 'MeterValueClock', { meterValue: [value] });
        else void this.ctx.send('MeterValues', { evseId: e.id, meterValue: [value] }).catch(() => undefined);
      }
      this.restartAligned();
    });
  }

  /** TriggerMessage TransactionEvent (F06): an Updated event with triggerReason Trigger. */
  triggered(e: Evse2): void {
    const tx = e.transaction;
    if (tx === undefined) return;
    const wanted = this.measurands('SampledDataCtrlr', 'TxUpdatedMeasurands');
    this.event(e, tx, 'Updated', 'Trigger', { chargingState: tx.chargingState, ...(wanted.length > 0 ? { meterValue: [this.s.meterValue(e, wanted, 'Trigger')] } : {}) });
  }

  // --- The token -----------------------------------------------------------------------------------

  presentIdToken(token: IdToken, evseId?: number): void {
    this.ctx.log(`id token ${token.idToken} (${token.type}) presented${evseId !== undefined ? ` at EVSE ${evseId}` : ''}`);
    this.ctx.spawn('presenting an id token', () => this.handleToken(token, evseId));
  }

  private async handleToken(token: IdToken, evseId: number | undefined): Promise<void> {
    const candidates = evseId !== undefined ? [this.s.evse(evseId)].filter((e): e is Evse2 => e !== undefined) : this.s.evses;
    const own = candidates.find((e) => e.transaction?.idToken?.idToken === token.idToken && e.transaction.idToken.type === token.type);
    if (own !== undefined) {
      this.stopByToken(own, token);
      return;
    }
    const waiting = candidates.find((e) => e.authorized?.token.idToken === token.idToken && e.transaction === undefined);
    if (waiting !== undefined) {
      this.dropAuthorization(waiting);
      return;
    }
    const grouped = candidates.filter((e) => e.transaction?.group !== undefined);
    const free = candidates.find((e) => e.transaction === undefined && e.operative && this.s.operative && !this.faultBlocks(e));
    if (grouped.length > 0 && (free === undefined || evseId !== undefined)) {
      const auth = await this.authorize(token, { forceCentral: true });
      const match = grouped.find((e) => auth.group !== undefined && e.transaction?.group === auth.group);
      if (match !== undefined && auth.accepted) this.stopByToken(match, token);
      return;
    }
    // An Authorize-first transaction waiting for its token (started on EVConnected).
    const unauthorized = candidates.find((e) => e.transaction !== undefined && !e.transaction.authorized);
    const target = unauthorized ?? this.choose(candidates, token);
    if (target === undefined) {
      this.ctx.log(`no EVSE can start a session for ${token.idToken}`);
      return;
    }
    await this.begin(target, token, {});
  }

  private stopByToken(e: Evse2, token: IdToken): void {
    if (this.points('TxStopPoint').has('Authorized') || this.points('TxStopPoint').has('PowerPathClosed') || this.points('TxStopPoint').has('EnergyTransfer')) {
      this.end(e, 'StopAuthorized', 'Local', token);
    } else {
      const tx = e.transaction!;
      tx.authorized = false;
      this.s.updatePower(e);
      tx.chargingState = this.s.chargingState(e);
      this.event(e, tx, 'Updated', 'StopAuthorized', { idToken: token, chargingState: tx.chargingState });
    }
  }

  private choose(candidates: Evse2[], token: IdToken): Evse2 | undefined {
    const usable = candidates.filter((e) => e.transaction === undefined && e.operative && this.s.operative && !this.faultBlocks(e));
    return (
      usable.find((e) => e.reservation?.idToken.idToken === token.idToken) ??
      usable.find((e) => e.plugged && e.authorized === undefined && e.reservation === undefined) ??
      usable.find((e) => e.authorized === undefined && e.reservation === undefined) ??
      usable.find((e) => e.reservation !== undefined)
    );
  }

  /** Authorizes and starts, or waits for the cable (local presentations and RequestStartTransaction). */
  async begin(e: Evse2, token: IdToken, options: { remoteStartId?: number; group?: string; profile?: Record<string, unknown> }): Promise<void> {
    const remote = options.remoteStartId !== undefined;
    const reservation = e.reservation ?? (e.free && this.s.stationReservations.length >= this.s.evses.filter((x) => x.free).length ? this.s.stationReservations[0] : undefined);
    if (reservation !== undefined && reservation.idToken.idToken !== token.idToken && reservation.group === undefined) {
      this.ctx.log(`EVSE ${e.id} is reserved for another token`);
      return;
    }
    let auth: AuthResult2 = { accepted: true, status: 'Accepted', ...(options.group !== undefined ? { group: options.group } : {}) };
    if (!remote || this.dm.bool('AuthCtrlr', 'AuthorizeRemoteStart')) auth = await this.authorize(token);
    if (!auth.accepted && !this.ctx.faults.has('starts-on-invalid-id')) {
      this.ctx.log(`id token ${token.idToken} not authorized (${auth.status})`);
      return;
    }
    if (reservation !== undefined && reservation.idToken.idToken !== token.idToken && reservation.group !== auth.group) {
      this.ctx.log(`EVSE ${e.id} is reserved for another token`);
      return;
    }
    const trigger = remote ? 'RemoteStart' : 'Authorized';
    const start = this.points('TxStartPoint');
    const tx = e.transaction;
    const opts = { ...(auth.group !== undefined ? { group: auth.group } : {}), ...(options.remoteStartId !== undefined ? { remoteStartId: options.remoteStartId } : {}), ...(options.profile !== undefined ? { profile: options.profile } : {}) };
    if (tx !== undefined) {
      // Started on the cable: now authorized (E02).
      tx.authorized = true;
      tx.idToken = token;
      if (auth.group !== undefined) tx.group = auth.group;
      if (options.remoteStartId !== undefined) tx.remoteStartId = options.remoteStartId;
      if (options.profile !== undefined) this.onStartProfile?.(e, tx, options.profile);
      this.s.updatePower(e);
      tx.chargingState = this.s.chargingState(e);
      this.event(e, tx, 'Updated', trigger, { idToken: token, chargingState: tx.chargingState, withRemoteStartId: remote });
      return;
    }
    if (start.has('Authorized') || (e.plugged && e.evConnected)) {
      this.start(e, trigger, token, opts);
      return;
    }
    this.dropAuthorization(e, { silent: true });
    e.authorized = { token, ...opts };
    if (!this.ctx.faults.has('connection-timeout-ignored')) {
      e.authorized.timer = this.ctx.after(this.dm.int('TxCtrlr', 'EVConnectionTimeOut', 60) * 1000, () => {
        this.ctx.log(`EVSE ${e.id}: no cable within EVConnectionTimeOut`);
        this.dropAuthorization(e);
      });
    }
    this.s.refresh(e);
  }

  dropAuthorization(e: Evse2, options: { silent?: boolean } = {}): void {
    if (e.authorized === undefined) return;
    this.ctx.cancel(e.authorized.timer);
    e.authorized = undefined;
    if (options.silent !== true) this.s.refresh(e);
  }

  endReservation(r: { id: number; evseId?: number; timer?: TimerHandle }, update: 'Expired' | 'Removed' | undefined): void {
    this.ctx.cancel(r.timer);
    for (const e of this.s.evses) if (e.reservation?.id === r.id) e.reservation = undefined;
    this.s.stationReservations = this.s.stationReservations.filter((x) => x.id !== r.id);
    if (update !== undefined) {
      // H01.FR.?? / H04: the CSMS learns why the reservation ended.
      void this.ctx.send('ReservationStatusUpdate', { reservationId: r.id, reservationUpdateStatus: update }).catch(() => undefined);
    }
    this.s.refreshAll();
  }

  // --- Cable and EV ------------------------------------------------------------------------------------

  plugIn(e: Evse2): void {
    if (e.plugged && e.evConnected) return;
    e.plugged = true;
    e.evConnected = true;
    this.ctx.log(`EVSE ${e.id}: cable plugged in`);
    const tx = e.transaction;
    if (tx !== undefined) {
      this.ctx.cancel(tx.connectTimer);
      e.locked = true;
      this.s.updatePower(e);
      tx.chargingState = this.s.chargingState(e);
      this.event(e, tx, 'Updated', 'CablePluggedIn', { chargingState: tx.chargingState });
      return;
    }
    if (e.lockFails) {
      e.fault = 'ConnectorLockFailure';
      this.s.refreshAll();
      return;
    }
    const waiting = e.authorized ?? this.s.evses.find((x) => x !== e && x.authorized !== undefined && !x.plugged)?.authorized;
    if (waiting !== undefined && !this.faultBlocks(e) && e.operative) {
      for (const x of this.s.evses) {
        if (x.authorized === waiting) {
          this.ctx.cancel(waiting.timer);
          x.authorized = undefined;
          if (x !== e) this.s.refresh(x);
        }
      }
      this.start(e, 'CablePluggedIn', waiting.token, {
        ...(waiting.group !== undefined ? { group: waiting.group } : {}),
        ...(waiting.remoteStartId !== undefined ? { remoteStartId: waiting.remoteStartId } : {}),
        ...(waiting.profile !== undefined ? { profile: waiting.profile } : {}),
      });
      return;
    }
    const start = this.points('TxStartPoint');
    if ((start.has('EVConnected') || start.has('ParkingBayOccupancy')) && !this.faultBlocks(e) && e.operative && this.s.operative) {
      this.start(e, 'CablePluggedIn');
      return;
    }
    this.s.refresh(e);
  }

  evDisconnect(e: Evse2): void {
    if (!e.evConnected) return;
    e.evConnected = false;
    this.ctx.log(`EVSE ${e.id}: EV side disconnected`);
    const tx = e.transaction;
    if (tx === undefined) {
      this.s.refresh(e);
      return;
    }
    if (this.points('TxStopPoint').has('EVConnected') || this.dm.bool('TxCtrlr', 'StopTxOnEVSideDisconnect')) {
      this.end(e, 'EVCommunicationLost', 'EVDisconnected');
      return;
    }
    this.stateChanged(e);
  }

  unplug(e: Evse2): void {
    if (e.evConnected) this.evDisconnect(e);
    if (e.locked && !this.s.options.fixedCable) {
      this.ctx.log(`EVSE ${e.id}: the cable is locked`);
      return;
    }
    e.plugged = false;
    e.locked = false;
    this.ctx.log(`EVSE ${e.id}: cable removed`);
    this.s.refreshAll();
  }

  evSuspend(e: Evse2, on: boolean): void {
    e.evSuspended = on;
    this.stateChanged(e);
  }

  fault(e: Evse2 | undefined, code: string): void {
    if (e === undefined) this.s.fault = code;
    else e.fault = code;
    for (const x of e === undefined ? this.s.evses : [e]) {
      if (x.reservation !== undefined) this.endReservation(x.reservation, 'Removed');
      this.dropAuthorization(x, { silent: true });
      this.stateChanged(x);
    }
    this.s.refreshAll();
  }

  clearFault(e: Evse2 | undefined): void {
    if (e === undefined) this.s.fault = undefined;
    else e.fault = undefined;
    for (const x of e === undefined ? this.s.evses : [e]) this.stateChanged(x);
    this.s.refreshAll();
  }
}
