// The state of a simulated OCPP 1.6 charge point, its connectors, and the reporting of
// connector statuses.
//
// Status rules: OCPP 1.6 §4.9 (the nine statuses and their transitions; connector 0 only
// Available, Unavailable, Faulted; SuspendedEVSE wins over SuspendedEV; offline changes are
// reported after reconnecting; MinimumStatusDuration debounces reports), §7.7, errata 3.22
// (every connector and connector 0 after Accepted). Statuses are derived from the facts
// (cable, authorization, transaction, reservation, availability, fault), so every reported
// change follows the §4.9 table.
import type { Profile16 } from '../../ocpp/catalog';
import type { BehaviourName } from '../behaviours';
import { CertificateStore } from '../certificates';
import { ConnectorMeter, type Reading } from '../meter';
import type { ModelContext, ModelOptions } from '../model';
import type { PurposeKind } from '../smart-charging';
import { StationBase, type CompositeFaults } from '../station-base';
import type { TimerHandle } from '../timers';
import { Configuration16, defaultValues } from './config';
import type { Maintenance16 } from './maintenance';

export type Status16 = 'Available' | 'Preparing' | 'Charging' | 'SuspendedEVSE' | 'SuspendedEV' | 'Finishing' | 'Reserved' | 'Unavailable' | 'Faulted';

export interface SampledValue16 {
  value: string;
  context?: string;
  measurand?: string;
  phase?: string;
  location?: string;
  unit?: string;
}

export interface MeterValue16 {
  timestamp: string;
  sampledValue: SampledValue16[];
}

export interface Transaction16 {
  /** The charger's own number, until (and besides) the CSMS's transactionId. */
  localId: number;
  transactionId?: number;
  idTag: string;
  parentIdTag?: string;
  connectorId: number;
  meterStartWh: number;
  startedAt: number;
  reservationId?: number;
  /** StartTransaction.conf said not Accepted and StopTransactionOnInvalidId is false: no energy. */
  invalidated: boolean;
  /** Samples for StopTransaction.transactionData (StopTxnSampledData / StopTxnAlignedData). */
  samples: MeterValue16[];
  sampleTimer?: TimerHandle;
}

export interface Reservation16 {
  id: number;
  connectorId: number;
  idTag: string;
  parentIdTag?: string;
  expiresAt: number;
  timer?: TimerHandle;
}

export class Connector16 {
  /** Cable in the charger's socket (for a fixed cable: connected to the EV). */
  plugged = false;
  /** Cable connected at the EV side. */
  evConnected = false;
  locked = false;
  evSuspended = false;
  fault: { errorCode: string; info?: string } | undefined;
  lockFails = false;
  unlockFails = false;
  operative = true;
  /** ChangeAvailability waiting for the transaction to end (§5.2 Scheduled). */
  scheduledOperative: boolean | undefined;
  transaction: Transaction16 | undefined;
  /** An id tag authorised before the cable (identification first), waiting for it. */
  authorized: { idTag: string; parentIdTag?: string; timer?: TimerHandle } | undefined;
  /** The transaction ended; the user still has to take the cable. */
  finishing = false;
  reservation: Reservation16 | undefined;
  status: Status16 = 'Available';
  errorCode = 'NoError';
  info: string | undefined;
  /** What the CSMS was last told. */
  reported: { status: Status16; errorCode: string } | undefined;
  /** The report on its way (sent, not answered yet). */
  inFlight: { status: Status16; errorCode: string } | undefined;
  reportTimer: TimerHandle | undefined;

  constructor(
    readonly id: number,
    readonly meter: ConnectorMeter,
  ) {}

  /** No session of any kind: free for a new user or a reservation. */
  get free(): boolean {
    return this.operative && this.fault === undefined && this.transaction === undefined && !this.plugged && this.authorized === undefined && !this.finishing;
  }
}

export const PROFILES_ALL: readonly Profile16[] = ['Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'SmartCharging', 'RemoteTrigger', 'Security'];

export class Station16 extends StationBase {
  /** Index 0 is the charge point itself (§3.8). */
  readonly connectors: Connector16[];
  readonly config: Configuration16;
  readonly certificates: CertificateStore;
  protected readonly csmsRootType = 'CentralSystemRootCertificate';
  readonly supported: ReadonlySet<string>;
  stationReservations: Reservation16[] = [];
  firmware: { status: string; busy: boolean; signed: boolean; requestId?: number; afterBoot?: string[] } = { status: 'Idle', busy: false, signed: false };
  upload: { status: string; busy: boolean; kind?: 'diagnostics' | 'log'; requestId?: number; cancel?: () => void } = { status: 'Idle', busy: false };
  /** Transactions to stop with this reason once accepted after a reboot (power loss without backup). */
  stopAfterBoot: string | undefined;
  /** Firmware, diagnostics, logs and certificates (set by the model). */
  maintenance!: Maintenance16;
  private nextLocalTx = 1;

  constructor(ctx: ModelContext, options: ModelOptions) {
    super(ctx, options);
    const profiles = PROFILES_ALL.filter((p) => options.profiles.includes(p));
    this.supported = new Set(profiles);
    this.config = new Configuration16(profiles, { ...defaultValues(options.connectors, profiles, options.securityProfile), ...options.settings });
    const backwards = ctx.faults.has('meter-goes-backwards');
    this.connectors = Array.from({ length: options.connectors + 1 }, (_, i) => new Connector16(i, new ConnectorMeter(i === 0 ? 0 : 1000 * i, options.powerW, ctx.timeScale, backwards)));
    this.certificates = new CertificateStore(this.config.int('CertificateStoreMaxLength', 10) || 10);
  }

  supports(profile: Profile16): boolean {
    return this.supported.has(profile);
  }

  connector(id: number): Connector16 | undefined {
    return id >= 1 ? this.connectors[id] : undefined;
  }

  get outlets(): Connector16[] {
    return this.connectors.slice(1);
  }

  /** A transaction runs on some connector (firmware installation waits for none, §5.19). */
  transactionRunning(): boolean {
    return this.outlets.some((c) => c.transaction !== undefined);
  }

  newLocalTransactionId(): number {
    return this.nextLocalTx++;
  }

  // --- Security settings (whitepaper ed. 3 §2, A01, A05) ------------------------------------

  /** The HTTP Basic password: the AuthorizationKey when set, else what the simulator was given. */
  override basicAuthPassword(): string | Buffer | undefined {
    const key = this.config.get('AuthorizationKey');
    if (key !== '') return key;
    return this.initialSecurity.password;
  }

  // --- Status --------------------------------------------------------------------------------

  private derive(c: Connector16): { status: Status16; errorCode: string; info?: string } {
    const station = this.connectors[0]!;
    if (c.id === 0) {
      if (c.fault !== undefined) return { status: 'Faulted', errorCode: c.fault.errorCode };
      return { status: c.operative ? 'Available' : 'Unavailable', errorCode: 'NoError' };
    }
    const fault = c.fault ?? station.fault;
    if (fault !== undefined) return { status: 'Faulted', errorCode: fault.errorCode, ...(fault.info !== undefined ? { info: fault.info } : {}) };
    const tx = c.transaction;
    if (tx !== undefined) {
      if (tx.invalidated || this.limitW(c) === 0) return { status: 'SuspendedEVSE', errorCode: 'NoError' };
      if (!c.evConnected) return { status: 'SuspendedEV', errorCode: 'NoError', info: 'EV side disconnected' };
      if (c.evSuspended) return { status: 'SuspendedEV', errorCode: 'NoError' };
      return { status: 'Charging', errorCode: 'NoError' };
    }
    if (!c.operative) return { status: 'Unavailable', errorCode: 'NoError' };
    if (c.finishing) return { status: 'Finishing', errorCode: 'NoError' };
    if (c.authorized !== undefined) return { status: 'Preparing', errorCode: 'NoError' };
    // A cable in a Reserved connector does not make it Preparing; the reserved tag does (TC_046_2_CS).
    if (c.reservation !== undefined || this.reservedByStation(c)) return { status: 'Reserved', errorCode: 'NoError' };
    if (c.plugged) return { status: 'Preparing', errorCode: 'NoError' };
    return { status: 'Available', errorCode: 'NoError' };
  }

  /**
   * A connector-0 reservation holds this connector when the other free connectors cannot
   * keep one available for it (§5.13). A cable plugged into a held connector does not free
   * it: it stays Reserved until the reserved tag comes (OCTT TC_049_CS, reusable state Charging).
   */
  reservedByStation(c: Connector16): boolean {
    if (this.stationReservations.length === 0 || c.reservation !== undefined) return false;
    if (!c.operative || c.fault !== undefined || c.transaction !== undefined || c.authorized !== undefined || c.finishing) return false;
    const others = this.outlets.filter((o) => o !== c && o.free && o.reservation === undefined);
    return others.length < this.stationReservations.length;
  }

  /** Recomputes every status and reports the changes. */
  refreshAll(options: { silent?: boolean } = {}): void {
    for (const c of this.connectors) this.refresh(c, options);
  }

  /** Recomputes a connector's status; reports a change (after MinimumStatusDuration). */
  refresh(c: Connector16, options: { silent?: boolean } = {}): void {
    const next = this.derive(c);
    if (next.status === c.status && next.errorCode === c.errorCode && next.info === c.info) return;
    c.status = next.status;
    c.errorCode = next.errorCode;
    c.info = next.info;
    this.ctx.changed();
    if (options.silent === true) return;
    this.ctx.cancel(c.reportTimer);
    const msd = this.config.int('MinimumStatusDuration');
    if (msd > 0) {
      c.reportTimer = this.ctx.after(msd * 1000, () => this.report(c));
    } else {
      this.report(c);
    }
  }

  /** Sends the connector's status if the CSMS does not have it yet. */
  report(c: Connector16, force = false): void {
    c.reportTimer = undefined;
    // Against the report still on its way, if any: a status that changes back before that
    // report is answered (a second card swipe right after Preparing) must be reported too.
    const last = c.inFlight ?? c.reported;
    if (!force && last?.status === c.status && last.errorCode === c.errorCode) return;
    let status = c.status;
    if (this.ctx.faults.has('invalid-status-transition') && status === 'Preparing' && c.reported?.status === 'Available') {
      // Behaviour invalid-status-transition: Available → Finishing is not in the §4.9 table.
      status = 'Finishing';
    }
    const sent = { status, errorCode: c.errorCode };
    const payload = {
      connectorId: c.id,
      errorCode: c.errorCode,
      status,
      timestamp: this.ctx.isoNow(),
      ...(c.info !== undefined ? { info: c.info } : {}),
    };
    c.inFlight = sent;
    this.ctx.spawn('StatusNotification', async () => {
      const r = await this.ctx.send('StatusNotification', payload);
      if (c.inFlight === sent) c.inFlight = undefined;
      if (r?.kind === 'result') c.reported = sent;
    });
  }

  /** Every connector and connector 0 (after Accepted, errata 3.22). */
  reportAll(): void {
    for (const c of this.connectors) {
      this.ctx.cancel(c.reportTimer);
      this.refresh(c, { silent: true });
      this.report(c, true);
    }
  }

  /** After a reconnect: the statuses that changed while offline (§4.9). */
  reportChanged(): void {
    for (const c of this.connectors) if (c.reportTimer === undefined) this.report(c);
  }

  // --- Power and metering ----------------------------------------------------------------------

  /** The charging-profile limit for a connector now, W (undefined: no profile applies). */
  limitW(c: Connector16): number | undefined {
    const tx = c.transaction;
    const transaction = tx !== undefined ? { id: tx.transactionId !== undefined ? String(tx.transactionId) : `local-${tx.localId}`, startedAt: tx.startedAt } : undefined;
    return this.profileLimitW(c.id, transaction, this.compositeFaults());
  }

  /** How the faulty behaviours of smart charging bend the composite (smart-charging.ts CompositeRequest). */
  compositeFaults(): Required<CompositeFaults> {
    const has = (name: BehaviourName) => this.ctx.faults.has(name);
    const ignoredKinds: PurposeKind[] = [...(has('txdefault-ignored') ? (['txDefault'] as const) : []), ...(has('txprofile-ignored') ? (['tx'] as const) : [])];
    return {
      lowestStackWins: has('stacks-profiles-wrongly'),
      ignoredKinds,
      txDefaultAfterTxProfile: has('txprofile-falls-back-to-txdefault'),
      txDefaultSparesRunningTransaction: has('txdefault-spares-running-transaction'),
    };
  }

  /** Sets the power a connector draws from its state, then its status. */
  updatePower(c: Connector16): void {
    const limit = this.limitW(c) ?? this.options.powerW;
    const tx = c.transaction;
    const drawing = tx !== undefined && !tx.invalidated && c.evConnected && !c.evSuspended && c.fault === undefined && this.connectors[0]!.fault === undefined;
    c.meter.setPower(this.ctx.mono(), drawing ? limit : 0, tx !== undefined ? limit : 0);
    this.refresh(c);
  }

  /** One meter value with the readings of a measurand list (a configuration key's value). */
  meterValue(c: Connector16, measurands: readonly { measurand: Reading['measurand']; phase?: string }[], context: string, timestamp = this.ctx.isoNow()): MeterValue16 {
    const readings = c.meter.read(this.ctx.mono(), measurands);
    return {
      timestamp,
      sampledValue: readings.map((r) => ({
        value: String(r.value),
        context,
        measurand: r.measurand,
        ...(r.phase !== undefined ? { phase: r.phase } : {}),
        ...(r.location !== undefined ? { location: r.location } : {}),
        // 1.6 UnitOfMeasure has no Hz (§7.45): frequency goes without a unit.
        ...(r.unit !== 'Hz' ? { unit: r.unit } : {}),
      })),
    };
  }

  // --- Security events (security whitepaper ed. 3 §3, §8) ------------------------------------

  /** Logs a security event; sent only with the Security profile (the whitepaper's messages). */
  securityEvent(type: string, techInfo?: string): void {
    this.keepSecurityEvent(type, techInfo, this.supports('Security'));
  }
}
