// The state of a simulated OCPP 2.0.1 / 2.1 charging station: EVSEs (one connector each),
// the device model, authorization stores, charging profiles, certificates; connector
// statuses and their StatusNotification.
//
// 2.0.1 Part 2 G01–G04 (Available, Occupied, Reserved, Unavailable, Faulted; a
// StatusNotification per connector on every change and after boot, B01.FR.?? / G01),
// A04 and Appendix 1 (security events, critical ones pushed).
import type { OcppVersion } from '../../../api/model';
import { CertificateStore } from '../certificates';
import { ConnectorMeter, type Reading } from '../meter';
import type { ModelContext, ModelOptions } from '../model';
import { StationBase } from '../station-base';
import type { TimerHandle } from '../timers';
import { DeviceModel, parseSettingKey, standardVariables } from './device-model';

export type Status2 = 'Available' | 'Occupied' | 'Reserved' | 'Unavailable' | 'Faulted';
export type ChargingState = 'Charging' | 'EVConnected' | 'SuspendedEV' | 'SuspendedEVSE' | 'Idle';

export interface IdToken {
  idToken: string;
  type: string;
}

export interface MeterValue2 {
  timestamp: string;
  sampledValue: Array<Record<string, unknown>>;
}

export interface Tx2 {
  id: string;
  /** Next seqNo of this transaction's TransactionEvents (0 for Started). */
  seqNo: number;
  startedAt: number;
  meterStartWh: number;
  idToken?: IdToken;
  group?: string;
  remoteStartId?: number;
  reservationId?: number;
  /** An accepted token holds the transaction. */
  authorized: boolean;
  chargingState: ChargingState;
  /** The CSMS did not accept the token and StopTxOnInvalidId is false: no energy. */
  invalidated: boolean;
  /** Samples for the Ended event (TxEndedMeasurands every TxEndedInterval). */
  endedSamples: MeterValue2[];
  sampleTimer?: TimerHandle;
  endedTimer?: TimerHandle;
  connectTimer?: TimerHandle;
}

export interface Reservation2 {
  id: number;
  /** Undefined: not EVSE specific. */
  evseId?: number;
  idToken: IdToken;
  group?: string;
  expiresAt: number;
  timer?: TimerHandle;
}

export class Evse2 {
  plugged = false;
  evConnected = false;
  locked = false;
  evSuspended = false;
  fault: string | undefined;
  lockFails = false;
  unlockFails = false;
  operative = true;
  scheduledOperative: boolean | undefined;
  transaction: Tx2 | undefined;
  /** An accepted token waiting for the cable (start point PowerPathClosed). */
  authorized: { token: IdToken; group?: string; remoteStartId?: number; profile?: Record<string, unknown>; timer?: TimerHandle } | undefined;
  reservation: Reservation2 | undefined;
  status: Status2 = 'Available';
  reported: Status2 | undefined;

  constructor(
    readonly id: number,
    readonly meter: ConnectorMeter,
  ) {}

  get free(): boolean {
    return this.operative && this.fault === undefined && this.transaction === undefined && !this.plugged && this.authorized === undefined && this.reservation === undefined;
  }
}

/** Security events and whether they are critical (2.0.1 Part 2 Appendix 1). */
const CRITICAL = new Set([
  'FirmwareUpdated',
  'SettingSystemTime',
  'StartupOfTheDevice',
  'ResetOrReboot',
  'SecurityLogWasCleared',
  'MemoryExhaustion',
  'TamperDetectionActivated',
  'InvalidFirmwareSignature',
  'InvalidFirmwareSigningCertificate',
  'InvalidCsmsCertificate',
  'InvalidChargingStationCertificate',
  'InvalidTLSVersion',
  'InvalidTLSCipherSuite',
]);

export class Station2 extends StationBase {
  readonly evses: Evse2[];
  readonly dm: DeviceModel;
  readonly certificates: CertificateStore;
  protected readonly csmsRootType = 'CSMSRootCertificate';
  operative = true;
  fault: string | undefined;
  /** Not EVSE-specific reservations. */
  stationReservations: Reservation2[] = [];
  firmware: { status: string; busy: boolean; requestId?: number; afterBoot?: string[] } = { status: 'Idle', busy: false };
  upload: { status: string; busy: boolean; requestId?: number } = { status: 'Idle', busy: false };
  readonly networkProfiles = new Map<number, Record<string, unknown>>();
  readonly displayMessages = new Map<number, Record<string, unknown>>();
  readonly monitors = new Map<number, Record<string, unknown>>();
  /** Reset OnIdle waiting for the transactions to end. */
  resetWhenIdle = false;
  stopAfterBoot: { trigger: string; reason: string } | undefined;

  constructor(
    ctx: ModelContext,
    options: ModelOptions,
    readonly version: OcppVersion,
  ) {
    super(ctx, options);
    const backwards = ctx.faults.has('meter-goes-backwards');
    this.evses = Array.from({ length: options.connectors }, (_, i) => new Evse2(i + 1, new ConnectorMeter(1000 * (i + 1), options.powerW, ctx.timeScale, backwards)));
    this.dm = new DeviceModel(standardVariables({ evses: options.connectors, powerW: options.powerW, vendor: options.vendor, model: options.model, id: options.id, securityProfile: options.securityProfile }));
    for (const [key, value] of Object.entries(options.settings)) {
      const ref = parseSettingKey(key);
      if (ref !== undefined) this.dm.set(ref.component, ref.variable, value);
    }
    this.certificates = new CertificateStore(10);
    this.liveVariables();
  }

  /** Variables whose value is the state itself. */
  private liveVariables(): void {
    const live = (component: string, variable: string, fn: () => string, instance?: string) => {
      const d = this.dm.find({ name: component }, { name: variable, ...(instance !== undefined ? { instance } : {}) });
      if (d !== undefined) d.live = fn;
    };
    live('ClockCtrlr', 'DateTime', () => this.ctx.isoNow());
    live('LocalAuthListCtrlr', 'Entries', () => String(this.list.size));
    live('SmartChargingCtrlr', 'Entries', () => String(this.profiles.size), 'ChargingProfiles');
    live('SecurityCtrlr', 'CertificateEntries', () => String(this.certificates.size));
    live('SecurityCtrlr', 'SecurityProfile', () => String(this.ctx.security.profile));
    live('DisplayMessageCtrlr', 'DisplayMessages', () => String(this.displayMessages.size));
    live('ChargingStation', 'AvailabilityState', () => (this.fault !== undefined ? 'Faulted' : this.operative ? 'Available' : 'Unavailable'));
    live('ChargingStation', 'Available', () => String(this.operative));
    for (const e of this.evses) {
      for (const name of ['EVSE', 'Connector']) {
        const evse = name === 'EVSE' ? { id: e.id } : { id: e.id, connectorId: 1 };
        const state = this.dm.find({ name, evse }, { name: 'AvailabilityState' });
        if (state !== undefined) state.live = () => e.status;
        const available = this.dm.find({ name, evse }, { name: 'Available' });
        if (available !== undefined) available.live = () => String(e.operative && this.operative);
      }
      const power = this.dm.find({ name: 'EVSE', evse: { id: e.id } }, { name: 'Power' });
      if (power !== undefined) power.live = () => String(Math.round(e.meter.powerW));
    }
  }

  evse(id: number): Evse2 | undefined {
    return id >= 1 ? this.evses[id - 1] : undefined;
  }

  /** A transaction runs on some EVSE (firmware installation waits for none, L01.FR.06). */
  transactionRunning(): boolean {
    return this.evses.some((e) => e.transaction !== undefined);
  }

  // --- Statuses (G01–G04) ---------------------------------------------------------------------

  private derive(e: Evse2): Status2 {
    if (e.fault !== undefined || this.fault !== undefined) return 'Faulted';
    if (e.transaction !== undefined || e.plugged) return 'Occupied';
    if (!e.operative || !this.operative) return 'Unavailable';
    if (e.reservation !== undefined || this.heldByStationReservation(e)) return 'Reserved';
    return 'Available';
  }

  /** A non-EVSE-specific reservation holds the last free EVSEs (H01.FR.?? "at least one EVSE available"). */
  private heldByStationReservation(e: Evse2): boolean {
    if (this.stationReservations.length === 0 || !e.free) return false;
    return this.evses.filter((x) => x.free).length <= this.stationReservations.length;
  }

  refreshAll(options: { silent?: boolean } = {}): void {
    for (const e of this.evses) this.refresh(e, options);
  }

  refresh(e: Evse2, options: { silent?: boolean } = {}): void {
    const next = this.derive(e);
    if (next === e.status) return;
    e.status = next;
    this.ctx.changed();
    if (options.silent !== true) this.report(e);
  }

  report(e: Evse2, force = false): void {
    if (!force && e.reported === e.status) return;
    const status = e.status;
    this.ctx.spawn('StatusNotification', async () => {
      const r = await this.ctx.send('StatusNotification', { timestamp: this.ctx.isoNow(), connectorStatus: status, evseId: e.id, connectorId: 1 });
      if (r?.kind === 'result') e.reported = status;
    });
  }

  reportAll(): void {
    for (const e of this.evses) {
      this.refresh(e, { silent: true });
      this.report(e, true);
    }
  }

  reportChanged(): void {
    for (const e of this.evses) this.report(e);
  }

  // --- Power ---------------------------------------------------------------------------------------

  limitW(e: Evse2): number | undefined {
    const tx = e.transaction;
    // The other smart-charging behaviours are 1.6 only.
    return this.profileLimitW(e.id, tx !== undefined ? { id: tx.id, startedAt: tx.startedAt } : undefined, { lowestStackWins: this.ctx.faults.has('stacks-profiles-wrongly') });
  }

  /** The charging state a transaction is in now (E: chargingState). */
  chargingState(e: Evse2): ChargingState {
    const tx = e.transaction;
    if (!e.evConnected) return 'Idle';
    if (tx === undefined || !tx.authorized) return 'EVConnected';
    if (tx.invalidated || this.limitW(e) === 0 || e.fault !== undefined || this.fault !== undefined) return 'SuspendedEVSE';
    if (e.evSuspended) return 'SuspendedEV';
    return 'Charging';
  }

  updatePower(e: Evse2): void {
    const limit = this.limitW(e) ?? this.options.powerW;
    const drawing = e.transaction !== undefined && this.chargingState(e) === 'Charging';
    e.meter.setPower(this.ctx.mono(), drawing ? limit : 0, e.transaction !== undefined ? limit : 0);
    this.refresh(e);
  }

  meterValue(e: Evse2, measurands: readonly { measurand: Reading['measurand']; phase?: string }[], context: string, timestamp = this.ctx.isoNow()): MeterValue2 {
    const readings = e.meter.read(this.ctx.mono(), measurands);
    return {
      timestamp,
      sampledValue: readings.map((r) => ({
        value: r.value,
        context,
        measurand: r.measurand,
        ...(r.phase !== undefined ? { phase: r.phase } : {}),
        ...(r.location !== undefined ? { location: r.location } : {}),
        unitOfMeasure: { unit: r.unit === 'Percent' ? 'Percent' : r.unit },
      })),
    };
  }

  // --- Security --------------------------------------------------------------------------------------

  override basicAuthPassword(): string | Buffer | undefined {
    const d = this.dm.find({ name: 'SecurityCtrlr' }, { name: 'BasicAuthPassword' });
    if (d !== undefined && d.value !== '') return d.value;
    return this.initialSecurity.password;
  }

  /** Logs a security event; critical ones (Appendix 1) are sent unless `send` says otherwise (A04). */
  securityEvent(type: string, techInfo?: string, { send }: { send?: boolean } = {}): void {
    this.keepSecurityEvent(type, techInfo, send ?? CRITICAL.has(type));
  }
}
