// Charging sessions of the 1.6 charge point: authorization (local list, cache, Authorize),
// starting and stopping transactions, sampled and clock-aligned meter values, and what the
// operator does at the charger (cable, card, EV, faults).
//
// OCPP 1.6 §3.5 (local authorization and offline behaviour: LocalPreAuthorize,
// LocalAuthorizeOffline, AllowOfflineTxForUnknownId), §3.10 (parent idTag groups), §3.16
// (metering keys), §4.1 (no Authorize before a stop with the start tag), §4.7, §4.8
// (reservationId in StartTransaction), §4.10 (StopTransaction, reasons, unlocking,
// StopTransactionOnEVSideDisconnect / UnlockConnectorOnEVSideDisconnect), §5.13, §9.1.6
// (ConnectionTimeOut).
import { lookUpLocally, type AuthEntry } from '../auth';
import { parseMeasurandList } from '../meter';
import type { Connector16, MeterValue16, Station16, Transaction16 } from './station';

const DAY_MS = 86_400_000;

export interface AuthResult {
  accepted: boolean;
  status: string;
  parentIdTag?: string;
  source: 'list' | 'cache' | 'central' | 'unknown-offline' | 'none';
}

export function idTagInfoToEntry(info: Record<string, unknown>): AuthEntry {
  const expiry = typeof info['expiryDate'] === 'string' ? Date.parse(info['expiryDate']) : undefined;
  return {
    status: String(info['status']),
    ...(expiry !== undefined && Number.isFinite(expiry) ? { expiresAt: expiry } : {}),
    ...(typeof info['parentIdTag'] === 'string' ? { parent: info['parentIdTag'] } : {}),
  };
}

export class Sessions16 {
  private alignedTimer: ReturnType<Station16['ctx']['after']> | undefined;

  constructor(private readonly s: Station16) {}

  private get ctx() {
    return this.s.ctx;
  }

  private get config() {
    return this.s.config;
  }

  private measurands(key: string) {
    const list = parseMeasurandList(this.config.get(key)).ok;
    // Behaviour meter-values-missing-measurand: only the register, whatever is configured.
    if (this.ctx.faults.has('meter-values-missing-measurand') && list.length > 0) return [{ measurand: 'Energy.Active.Import.Register' as const }];
    return list;
  }

  /** A fault stops new sessions (unless behaviour charges-while-faulted). */
  private faultBlocks(c: Connector16): boolean {
    return (c.fault !== undefined || this.s.connectors[0]!.fault !== undefined) && !this.ctx.faults.has('charges-while-faulted');
  }

  // --- Authorization ---------------------------------------------------------------------------

  /** Updates the cache with an IdTagInfo the CSMS sent, unless the tag is in the local list (§3.5.1, §3.5.3). */
  rememberIdTagInfo(idTag: string, info: Record<string, unknown> | undefined): void {
    if (info === undefined || !this.config.bool('AuthorizationCacheEnabled')) return;
    if (this.s.list.has(idTag)) return;
    this.s.cache.set(idTag, idTagInfoToEntry(info), this.ctx.now());
  }

  /** Authorizes an id tag the way §3.5 describes, online or offline. */
  async authorize(idTag: string, options: { forceCentral?: boolean } = {}): Promise<AuthResult> {
    const local = lookUpLocally(idTag, {
      list: this.s.list,
      listEnabled: this.s.supports('LocalAuthListManagement') && this.config.bool('LocalAuthListEnabled') && !this.ctx.faults.has('local-list-not-consulted'),
      cache: this.s.cache,
      cacheEnabled: this.config.bool('AuthorizationCacheEnabled'),
      now: this.ctx.now(),
    });
    if (this.ctx.online) {
      if (options.forceCentral !== true && !this.ctx.faults.has('cache-not-used') && local !== undefined && local.entry.status === 'Accepted' && this.config.bool('LocalPreAuthorize')) {
        return { accepted: true, status: 'Accepted', source: local.source, ...(local.entry.parent !== undefined ? { parentIdTag: local.entry.parent } : {}) };
      }
      const r = await this.ctx.send('Authorize', { idTag });
      if (r?.kind === 'result') {
        const info = r.payload['idTagInfo'] as Record<string, unknown>;
        this.rememberIdTagInfo(idTag, info);
        const status = String(info['status']);
        return { accepted: status === 'Accepted', status, source: 'central', ...(typeof info['parentIdTag'] === 'string' ? { parentIdTag: info['parentIdTag'] } : {}) };
      }
      if (r?.kind === 'error') return { accepted: false, status: 'Invalid', source: 'central' };
      // No answer: carry on as offline.
    }
    if (this.ctx.faults.has('offline-start-refused')) return { accepted: false, status: 'Invalid', source: 'none' };
    if (local !== undefined) {
      // §3.5.4: a listed tag that is not Accepted is rejected, also offline.
      const accepted = local.entry.status === 'Accepted' && this.config.bool('LocalAuthorizeOffline');
      return { accepted, status: local.entry.status, source: local.source, ...(local.entry.parent !== undefined ? { parentIdTag: local.entry.parent } : {}) };
    }
    if (this.config.bool('AllowOfflineTxForUnknownId')) return { accepted: true, status: 'Accepted', source: 'unknown-offline' };
    return { accepted: false, status: 'Invalid', source: 'none' };
  }

  /** The parent of a tag as far as known locally (list, cache) — undefined when not known. */
  private localParent(idTag: string): string | undefined {
    return this.s.list.get(idTag, this.ctx.now())?.parent ?? this.s.cache.get(idTag, this.ctx.now())?.parent;
  }

  /** Whether a reservation admits this tag (same tag, or same parent when the reservation has one). */
  private async admits(reservation: { idTag: string; parentIdTag?: string }, idTag: string, auth?: AuthResult): Promise<boolean> {
    if (reservation.idTag === idTag) return true;
    // Behaviour reservation-ignores-parent-id: only the reserved tag itself (TC_053_CS).
    if (reservation.parentIdTag === undefined || this.ctx.faults.has('reservation-ignores-parent-id')) return false;
    const parent = auth?.parentIdTag ?? this.localParent(idTag) ?? (await this.authorize(idTag, { forceCentral: true })).parentIdTag;
    return parent === reservation.parentIdTag;
  }

  // --- Operator: the card -------------------------------------------------------------------------

  presentIdToken(idTag: string, connectorId?: number): void {
    this.ctx.log(`id tag ${idTag} presented${connectorId !== undefined ? ` at connector ${connectorId}` : ''}`);
    this.ctx.spawn('presenting an id tag', () => this.handleIdTag(idTag, connectorId));
  }

  private async handleIdTag(idTag: string, connectorId: number | undefined): Promise<void> {
    const candidates = connectorId !== undefined ? [this.s.connector(connectorId)].filter((c): c is Connector16 => c !== undefined) : this.s.outlets;
    // 1. A transaction started with this tag: stop it, without Authorize (§4.1).
    const own = candidates.find((c) => c.transaction?.idTag === idTag);
    if (own !== undefined) {
      if (this.ctx.faults.has('authorize-before-stop')) await this.ctx.send('Authorize', { idTag });
      await this.stopTransaction(own, 'Local', idTag);
      return;
    }
    // 2. A second presentation while waiting for the cable ends the intended usage (§4.9 B1).
    const waiting = candidates.find((c) => c.authorized?.idTag === idTag && c.transaction === undefined);
    if (waiting !== undefined) {
      this.dropAuthorization(waiting);
      return;
    }
    // Behaviour any-tag-stops-transaction: another tag stops it, no group check (TC_068_CS).
    const running = candidates.find((c) => c.transaction !== undefined);
    if (running !== undefined && this.ctx.faults.has('any-tag-stops-transaction')) {
      await this.stopTransaction(running, 'Local', idTag);
      return;
    }
    // 3. A transaction of the same group: stop it if the parents match (§3.10).
    const grouped = candidates.filter((c) => c.transaction?.parentIdTag !== undefined);
    const free = candidates.find((c) => c.transaction === undefined && c.operative && !this.faultBlocks(c));
    if (grouped.length > 0 && (free === undefined || connectorId !== undefined)) {
      const auth = await this.authorize(idTag, { forceCentral: this.localParent(idTag) === undefined });
      const match = grouped.find((c) => auth.parentIdTag !== undefined && c.transaction?.parentIdTag === auth.parentIdTag);
      // Behaviour parent-id-tag-ignored: the group is not honoured (TC_069_CS).
      if (match !== undefined && auth.accepted && !this.ctx.faults.has('parent-id-tag-ignored')) await this.stopTransaction(match, 'Local', idTag);
      return;
    }
    // 4. Otherwise a start, on the chosen connector or the first one that can take it.
    const target = this.chooseConnector(candidates, idTag);
    if (target === undefined) {
      this.ctx.log(`no connector can start a session for ${idTag}`);
      return;
    }
    await this.beginSession(target, idTag);
  }

  private chooseConnector(candidates: Connector16[], idTag: string): Connector16 | undefined {
    const usable = candidates.filter((c) => c.transaction === undefined && !c.finishing && c.operative && !this.faultBlocks(c));
    return (
      usable.find((c) => c.reservation?.idTag === idTag) ??
      usable.find((c) => c.plugged && c.authorized === undefined && c.reservation === undefined) ??
      usable.find((c) => c.authorized === undefined && c.reservation === undefined) ??
      usable.find((c) => c.reservation !== undefined)
    );
  }

  /**
   * Authorizes `idTag` for connector `c` and starts (cable in) or waits for the cable.
   * Used for local presentations and for RemoteStartTransaction.
   */
  async beginSession(c: Connector16, idTag: string, options: { remote?: boolean; profile?: Record<string, unknown> } = {}): Promise<void> {
    const needsAuth = options.remote !== true || this.config.bool('AuthorizeRemoteTxRequests');
    // A reservation for someone else refuses the tag without asking the CSMS unless a parent could match (TC_046_1_CS).
    const reservation = c.reservation ?? this.stationReservationFor(c);
    let auth: AuthResult = { accepted: true, status: 'Accepted', source: 'none' };
    if (reservation !== undefined && reservation.idTag !== idTag && reservation.parentIdTag === undefined) {
      this.ctx.log(`connector ${c.id} is reserved for another id tag`);
      return;
    }
    if (needsAuth) auth = await this.authorize(idTag);
    if (!auth.accepted && !this.ctx.faults.has('starts-on-invalid-id')) {
      this.ctx.log(`id tag ${idTag} not authorized (${auth.status})`);
      return;
    }
    if (reservation !== undefined && !(await this.admits(reservation, idTag, auth))) {
      this.ctx.log(`connector ${c.id} is reserved for another id tag`);
      return;
    }
    if (c.transaction !== undefined || !c.operative || this.faultBlocks(c)) return;
    if (c.plugged && c.evConnected) {
      await this.startTransaction(c, idTag, auth.parentIdTag, options.profile);
      return;
    }
    // Identification first: Preparing until the cable comes or ConnectionTimeOut passes.
    this.dropAuthorization(c, { silent: true });
    c.authorized = { idTag, ...(auth.parentIdTag !== undefined ? { parentIdTag: auth.parentIdTag } : {}) };
    if (options.profile !== undefined) this.pendingProfiles.set(c.id, options.profile);
    if (!this.ctx.faults.has('connection-timeout-ignored')) {
      c.authorized.timer = this.ctx.after(this.config.int('ConnectionTimeOut', 60) * 1000, () => {
        this.ctx.log(`connector ${c.id}: no cable within ConnectionTimeOut`);
        this.dropAuthorization(c);
      });
    }
    this.s.refresh(c);
  }

  /** RemoteStart profiles waiting for their transaction (identification first). */
  private readonly pendingProfiles = new Map<number, Record<string, unknown>>();

  dropAuthorization(c: Connector16, options: { silent?: boolean } = {}): void {
    if (c.authorized === undefined) return;
    this.ctx.cancel(c.authorized.timer);
    c.authorized = undefined;
    this.pendingProfiles.delete(c.id);
    if (options.silent !== true) this.s.refresh(c);
  }

  private stationReservationFor(c: Connector16) {
    return this.s.reservedByStation(c) ? this.s.stationReservations[0] : undefined;
  }

  // --- Transactions ------------------------------------------------------------------------------

  async startTransaction(c: Connector16, idTag: string, parentIdTag?: string, profile?: Record<string, unknown>): Promise<void> {
    const s = this.s;
    const authorized = c.authorized;
    this.ctx.cancel(authorized?.timer);
    c.authorized = undefined;
    const remoteProfile = profile ?? this.pendingProfiles.get(c.id);
    this.pendingProfiles.delete(c.id);
    if (c.lockFails && !this.ctx.faults.has('lock-failure-ignored')) {
      // The lock does not close: no transaction (TC_024_CS). Behaviour lock-failure-ignored charges anyway.
      c.fault = { errorCode: 'ConnectorLockFailure' };
      this.ctx.log(`connector ${c.id}: the cable lock failed`);
      s.refresh(c);
      return;
    }
    // Reserved → Charging is not a §4.9 transition: report Preparing first.
    if (c.status === 'Reserved') {
      c.authorized = { idTag };
      s.refresh(c);
      c.authorized = undefined;
    }
    const reservation = c.reservation ?? s.stationReservations.find((r) => r.idTag === idTag || (r.parentIdTag !== undefined && r.parentIdTag === (parentIdTag ?? authorized?.parentIdTag)));
    c.locked = true;
    c.finishing = false;
    const tx: Transaction16 = {
      localId: s.newLocalTransactionId(),
      idTag,
      connectorId: c.id,
      meterStartWh: c.meter.registerWhInt,
      startedAt: this.ctx.now(),
      invalidated: false,
      samples: [],
      ...(parentIdTag !== undefined ? { parentIdTag } : authorized?.parentIdTag !== undefined ? { parentIdTag: authorized.parentIdTag } : {}),
      ...(reservation !== undefined ? { reservationId: reservation.id } : {}),
    };
    c.transaction = tx;
    // The transaction ends the reservation (§5.13), after it holds the connector.
    if (reservation !== undefined) this.endReservation(reservation);
    if (remoteProfile !== undefined) this.onRemoteProfile?.(c, remoteProfile);
    this.ctx.log(`connector ${c.id}: transaction started for ${idTag}`);
    const begin = this.stopSamples(c, 'Transaction.Begin');
    if (begin !== undefined) tx.samples.push(begin);
    const timestamp = this.ctx.isoNow();
    void this.ctx
      .send(
        'StartTransaction',
        () => ({ connectorId: c.id, idTag, meterStart: tx.meterStartWh, timestamp, ...(tx.reservationId !== undefined ? { reservationId: tx.reservationId } : {}) }),
        { kind: 'transaction', onAnswer: (o) => o.kind === 'result' && this.startAnswered(c, tx, o.payload) },
      )
      .catch(() => undefined);
    s.updatePower(c);
    this.scheduleSample(c, tx);
  }

  /** Called when a RemoteStart profile must be installed for a new transaction (set by the model). */
  onRemoteProfile: ((c: Connector16, profile: Record<string, unknown>) => void) | undefined;

  private startAnswered(c: Connector16, tx: Transaction16, payload: Record<string, unknown>): void {
    tx.transactionId = payload['transactionId'] as number;
    const info = payload['idTagInfo'] as Record<string, unknown>;
    const status = String(info['status']);
    const listed = this.s.list.get(tx.idTag, this.ctx.now());
    this.rememberIdTagInfo(tx.idTag, info);
    if (typeof info['parentIdTag'] === 'string') tx.parentIdTag = info['parentIdTag'];
    if (status === 'Accepted' || c.transaction !== tx) return;
    if (listed?.status === 'Accepted') {
      // §3.5.2: the local list said Accepted, the CSMS does not.
      const station = this.s.connectors[0]!;
      this.ctx.spawn('StatusNotification', async () => {
        await this.ctx.send('StatusNotification', { connectorId: 0, errorCode: 'LocalListConflict', status: station.status, timestamp: this.ctx.isoNow() });
      });
    }
    // Behaviour invalid-id-keeps-charging: neither stop nor suspend (TC_037_2_CS, TC_037_3_CS).
    if (this.ctx.faults.has('invalid-id-keeps-charging')) return;
    if (this.config.bool('StopTransactionOnInvalidId')) {
      this.ctx.spawn('stopping a deauthorized transaction', () => this.stopTransaction(c, 'DeAuthorized'));
    } else {
      // §3.5.4: only stop energy delivery.
      tx.invalidated = true;
      this.s.updatePower(c);
    }
  }

  private stopSamples(c: Connector16, context: string, timestamp?: string): MeterValue16 | undefined {
    const wanted = this.measurands('StopTxnSampledData');
    return wanted.length === 0 ? undefined : this.s.meterValue(c, wanted, context, timestamp);
  }

  /**
   * Samples every MeterValueSampleInterval on a grid from the transaction start (or the
   * interval change), stamped with the grid instant: a late timer (a busy event loop) does
   * not shift the timestamps or make the intervals drift (TC_070_CS checks them).
   */
  private scheduleSample(c: Connector16, tx: Transaction16, anchor = this.ctx.now(), n = 1): void {
    this.ctx.cancel(tx.sampleTimer);
    const interval = this.config.int('MeterValueSampleInterval');
    if (interval <= 0) return;
    const due = anchor + n * interval * 1000 * this.ctx.timeScale;
    tx.sampleTimer = this.ctx.at(due, () => {
      if (c.transaction !== tx) return;
      this.sample(c, tx, new Date(due).toISOString());
      this.scheduleSample(c, tx, anchor, n + 1);
    });
  }

  /** Sampled meter values during a transaction (§3.16.1), queued as transaction-related. */
  private sample(c: Connector16, tx: Transaction16, timestamp: string): void {
    this.s.updatePower(c);
    const sampled = this.measurands('MeterValuesSampledData');
    const value = this.s.meterValue(c, sampled.length > 0 ? sampled : [{ measurand: 'Energy.Active.Import.Register' }], 'Sample.Periodic', timestamp);
    const stop = this.stopSamples(c, 'Sample.Periodic', timestamp);
    if (stop !== undefined) tx.samples.push(stop);
    void this.ctx
      // Errata 3.18: -1 when the CSMS never gave the transaction an id.
      .send('MeterValues', () => ({ connectorId: c.id, transactionId: tx.transactionId ?? -1, meterValue: [value] }), { kind: 'transaction' })
      .catch(() => undefined);
  }

  /** MeterValues asked for by TriggerMessage: the latest readings of MeterValuesSampledData (errata 3.46). */
  async triggeredMeterValues(c: Connector16): Promise<void> {
    this.s.updatePower(c);
    const sampled = this.measurands('MeterValuesSampledData');
    const value = this.s.meterValue(c, sampled.length > 0 ? sampled : [{ measurand: 'Energy.Active.Import.Register' }], 'Trigger');
    const tx = c.transaction;
    await this.ctx.send('MeterValues', { connectorId: c.id, ...(tx !== undefined ? { transactionId: tx.transactionId ?? -1 } : {}), meterValue: [value] }, { kind: 'triggered' });
  }

  /** MeterValueSampleInterval changed: restart the sampling of running transactions. */
  restartSampling(): void {
    for (const c of this.s.outlets) if (c.transaction !== undefined) this.scheduleSample(c, c.transaction);
  }

  /** Clock-aligned meter values every ClockAlignedDataInterval from midnight (§3.16.2). */
  restartAligned(sent?: number): void {
    this.ctx.cancel(this.alignedTimer);
    this.alignedTimer = undefined;
    const interval = this.config.int('ClockAlignedDataInterval');
    if (interval <= 0) return;
    // Aligned on multiples of the (scaled) interval of the wall clock.
    const periodMs = interval * 1000 * this.ctx.timeScale;
    // Behaviour clock-aligned-off-grid: the grid shifted by half an interval (TC_071_CS).
    const offset = this.ctx.faults.has('clock-aligned-off-grid') ? periodMs / 2 : 0;
    const now = this.ctx.now();
    // The grid point after the one just sent: a timer that fires a little early by the wall
    // clock must not send the same instant twice. The grid starts at midnight (UTC) each day,
    // also when the interval does not divide the day (§9.1.5).
    const from = Math.max(now, sent ?? -Infinity);
    const midnight = Math.floor(from / DAY_MS) * DAY_MS;
    const next = Math.min(midnight + Math.ceil((from + 1 - offset - midnight) / periodMs) * periodMs + offset, midnight + DAY_MS);
    this.alignedTimer = this.ctx.at(next, () => {
      this.aligned(new Date(next).toISOString());
      this.restartAligned(next);
    });
  }

  private aligned(timestamp: string): void {
    const wanted = this.measurands('MeterValuesAlignedData');
    const stopWanted = this.measurands('StopTxnAlignedData');
    for (const c of this.s.outlets) {
      this.s.updatePower(c);
      const tx = c.transaction;
      if (stopWanted.length > 0 && tx !== undefined) tx.samples.push(this.s.meterValue(c, stopWanted, 'Sample.Clock', timestamp));
      if (wanted.length === 0) continue;
      const value = this.s.meterValue(c, wanted, 'Sample.Clock', timestamp);
      const build = () => ({ connectorId: c.id, ...(tx !== undefined ? { transactionId: tx.transactionId ?? -1 } : {}), meterValue: [value] });
      void this.ctx.send('MeterValues', build, { kind: tx !== undefined ? 'transaction' : 'normal' }).catch(() => undefined);
    }
  }

  stopAllTimers(): void {
    this.ctx.cancel(this.alignedTimer);
    this.alignedTimer = undefined;
    for (const c of this.s.outlets) {
      this.ctx.cancel(c.transaction?.sampleTimer);
      this.ctx.cancel(c.authorized?.timer);
      this.ctx.cancel(c.reportTimer);
      c.reportTimer = undefined;
    }
  }

  /** Stops a transaction (§4.10) and queues its StopTransaction; resolves when it was delivered or given up. */
  async stopTransaction(c: Connector16, reason: string, idTag?: string): Promise<void> {
    const s = this.s;
    const tx = c.transaction;
    if (tx === undefined) return;
    this.ctx.cancel(tx.sampleTimer);
    c.meter.accrue(this.ctx.mono());
    const end = this.stopSamples(c, 'Transaction.End');
    const aligned = this.measurands('StopTxnAlignedData');
    const samples = [...tx.samples, ...(end !== undefined ? [end] : [])];
    const meterStop = c.meter.registerWhInt;
    const timestamp = this.ctx.isoNow();
    c.transaction = undefined;
    c.finishing = c.plugged;
    // Normal termination unlocks the cable, except an EV-side disconnect with Unlock…=false (§4.10).
    if (!(reason === 'EVDisconnected' && !this.config.bool('UnlockConnectorOnEVSideDisconnect'))) c.locked = false;
    s.profiles.remove((p) => p.kind === 'tx' && p.connectorId === c.id);
    if (c.scheduledOperative !== undefined) {
      c.operative = c.scheduledOperative;
      c.scheduledOperative = undefined;
    }
    this.ctx.log(`connector ${c.id}: transaction stopped (${reason})`);
    const delivered = this.ctx.send(
      'StopTransaction',
      () => ({
        // Errata 3.18: -1 when the CSMS never gave the transaction an id.
        transactionId: tx.transactionId ?? -1,
        meterStop,
        timestamp,
        reason,
        ...(idTag !== undefined ? { idTag } : {}),
        ...(samples.length > 0 && (this.measurands('StopTxnSampledData').length > 0 || aligned.length > 0) ? { transactionData: samples } : {}),
      }),
      { kind: 'transaction', onAnswer: (o) => o.kind === 'result' && idTag !== undefined && this.rememberIdTagInfo(idTag, o.payload['idTagInfo'] as Record<string, unknown> | undefined) },
    );
    s.updatePower(c);
    s.refreshAll();
    this.afterSessionEnded?.();
    await delivered;
  }

  /** Told when a transaction ended (firmware waiting for idle, scheduled availability). */
  afterSessionEnded: (() => void) | undefined;

  endReservation(r: { id: number; connectorId: number; timer?: ReturnType<Station16['ctx']['after']> }): void {
    this.ctx.cancel(r.timer);
    const c = this.s.connector(r.connectorId);
    if (c?.reservation?.id === r.id) c.reservation = undefined;
    this.s.stationReservations = this.s.stationReservations.filter((x) => x.id !== r.id);
    this.s.refreshAll();
  }

  // --- Operator: cable, EV, faults ------------------------------------------------------------

  plugIn(c: Connector16): void {
    if (c.plugged && c.evConnected) return;
    c.plugged = true;
    c.evConnected = true;
    this.ctx.log(`connector ${c.id}: cable plugged in`);
    if (c.transaction !== undefined) {
      // The EV came back during a transaction kept open (StopTransactionOnEVSideDisconnect=false).
      this.s.updatePower(c);
      return;
    }
    // An authorization waiting on another connector moves to the one the cable went into.
    const waiting = c.authorized ?? this.s.outlets.find((o) => o !== c && o.authorized !== undefined && !o.plugged)?.authorized;
    if (waiting !== undefined && this.ctx.faults.has('early-authorization-forgotten')) {
      // Behaviour early-authorization-forgotten: the driver would have to identify again (TC_004_1_CS).
      const from = this.s.outlets.find((o) => o.authorized === waiting);
      if (from !== undefined) this.dropAuthorization(from, { silent: true });
      this.s.refreshAll();
      return;
    }
    if (waiting !== undefined && !this.faultBlocks(c) && c.operative) {
      const from = this.s.outlets.find((o) => o.authorized === waiting);
      if (from !== undefined && from !== c) {
        this.ctx.cancel(waiting.timer);
        from.authorized = undefined;
        const profile = this.pendingProfiles.get(from.id);
        this.pendingProfiles.delete(from.id);
        if (profile !== undefined) this.pendingProfiles.set(c.id, profile);
        this.s.refresh(from);
        c.authorized = waiting;
      }
      this.ctx.spawn('starting a transaction', () => this.startTransaction(c, waiting.idTag, waiting.parentIdTag));
      return;
    }
    this.s.refresh(c);
  }

  /** The cable comes out at the EV side (§4.10, §4.9 info "EV side disconnected"). */
  evDisconnect(c: Connector16): void {
    if (!c.evConnected) return;
    c.evConnected = false;
    this.ctx.log(`connector ${c.id}: EV side disconnected`);
    // Behaviour ev-disconnect-always-stops: whatever StopTransactionOnEVSideDisconnect says (TC_005_3_CS).
    if (c.transaction !== undefined && (this.config.bool('StopTransactionOnEVSideDisconnect') || this.ctx.faults.has('ev-disconnect-always-stops'))) {
      this.ctx.spawn('stopping on EV disconnect', () => this.stopTransaction(c, 'EVDisconnected'));
      return;
    }
    this.s.updatePower(c);
  }

  /** The cable is taken away (EV side, then the socket if it is not locked). */
  unplug(c: Connector16): void {
    if (c.evConnected) this.evDisconnect(c);
    if (c.transaction !== undefined && c.locked && !this.options.fixedCable) {
      this.ctx.log(`connector ${c.id}: the cable is locked in the socket`);
      this.s.refresh(c);
      return;
    }
    if (c.locked && !this.options.fixedCable && c.transaction === undefined && !this.config.bool('UnlockConnectorOnEVSideDisconnect') && c.finishing) {
      this.ctx.log(`connector ${c.id}: the cable stays locked until the user identifies or UnlockConnector`);
      this.s.refresh(c);
      return;
    }
    c.plugged = false;
    c.finishing = false;
    c.locked = false;
    this.ctx.log(`connector ${c.id}: cable removed`);
    this.s.refreshAll();
  }

  private get options() {
    return this.s.options;
  }

  evSuspend(c: Connector16, suspended: boolean): void {
    c.evSuspended = suspended;
    this.ctx.log(`connector ${c.id}: EV ${suspended ? 'suspends' : 'resumes'} charging`);
    this.s.updatePower(c);
  }

  fault(c: Connector16, errorCode: string): void {
    c.fault = { errorCode };
    this.ctx.log(`${c.id === 0 ? 'charge point' : `connector ${c.id}`}: fault ${errorCode}`);
    // A fault ends reservations (§5.13) and the intended usage.
    const affected = c.id === 0 ? this.s.outlets : [c];
    for (const o of affected) {
      if (o.reservation !== undefined) this.endReservation(o.reservation);
      this.dropAuthorization(o, { silent: true });
      this.s.updatePower(o);
    }
    this.s.refreshAll();
  }

  clearFault(c: Connector16): void {
    c.fault = undefined;
    this.ctx.log(`${c.id === 0 ? 'charge point' : `connector ${c.id}`}: fault cleared`);
    for (const o of c.id === 0 ? this.s.outlets : [c]) this.s.updatePower(o);
    this.s.refreshAll();
  }
}
