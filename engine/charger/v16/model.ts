// The OCPP 1.6 (with the security whitepaper ed. 3) behaviour model of the simulated
// charger: wires the station state, sessions, CSMS handlers and maintenance flows behind the
// ChargerModel interface the core drives.
import type { SimChargerState, SimConnectorState } from '../../../api/sim';
import type { IncomingCall } from '../../rpc/endpoint';
import type { BootReason, ChargerModel, Handled, ModelContext, ModelOptions, OperatorModel, ReconnectPolicy, RetryPolicy } from '../model';
import { ModelBase } from '../model-base';
import type { CallHandler } from '../answers';
import { coreHandlers, profileProblem, toProfile } from './handlers';
import { Maintenance16 } from './maintenance';
import { Sessions16 } from './sessions';
import { Station16, type Connector16 } from './station';

export class OperatorError extends Error {
  override name = 'OperatorError';
}

export class ChargePoint16 extends ModelBase implements ChargerModel {
  readonly s: Station16;
  readonly sessions: Sessions16;
  readonly maintenance: Maintenance16;
  readonly operator: OperatorModel;
  private readonly handlers: Record<string, CallHandler>;

  constructor(ctx: ModelContext, options: ModelOptions) {
    super(ctx);
    this.s = new Station16(ctx, options);
    this.s.initialSecurity = ctx.security;
    this.sessions = new Sessions16(this.s);
    const parts = { s: this.s, sessions: this.sessions };
    this.maintenance = new Maintenance16(parts);
    this.s.maintenance = this.maintenance;
    this.sessions.onRemoteProfile = (c, profile) => {
      const problem = profileProblem(this.s, c.id, profile, true);
      if (problem === undefined) this.s.profiles.install(toProfile(c.id, profile));
      else ctx.log(`RemoteStartTransaction profile ignored: ${problem}`);
    };
    this.handlers = { ...coreHandlers(parts), ...this.maintenance.handlers() };
    this.operator = this.makeOperator();
  }

  get connectorCount(): number {
    return this.s.outlets.length;
  }

  bootRequest(_reason: BootReason): Record<string, unknown> {
    const o = this.s.options;
    return {
      chargePointVendor: o.vendor.slice(0, 20),
      chargePointModel: o.model.slice(0, 20),
      chargePointSerialNumber: o.serialNumber.slice(0, 25),
      chargeBoxSerialNumber: o.serialNumber.slice(0, 25),
      firmwareVersion: this.s.firmwareVersion.slice(0, 50),
      meterType: 'OCPP Bench sim meter',
      meterSerialNumber: `M-${o.serialNumber}`.slice(0, 25),
    };
  }

  powerUp(_reason: BootReason): void {
    for (const c of this.s.connectors) {
      // Behaviour availability-not-persisted: Unavailable does not survive the reboot.
      if (this.ctx.faults.has('availability-not-persisted')) {
        c.operative = true;
        c.scheduledOperative = undefined;
      }
      c.reported = undefined;
      c.authorized = undefined;
      c.reportTimer = undefined;
      // Reservations outlive a reboot; their timers do not.
      if (c.reservation !== undefined) this.armReservation(c.reservation);
    }
    for (const r of this.s.stationReservations) this.armReservation(r);
    for (const c of this.s.outlets) this.s.updatePower(c);
    this.s.refreshAll({ silent: true });
    this.sessions.restartAligned();
  }

  private armReservation(r: NonNullable<Connector16['reservation']>): void {
    if (this.ctx.faults.has('reservation-never-expires')) return;
    r.timer = this.ctx.at(r.expiresAt, () => {
      this.ctx.log(`reservation ${r.id} expired`);
      this.sessions.endReservation(r);
    });
  }

  powerDown(): void {
    this.sessions.stopAllTimers();
    this.maintenance.stop();
    for (const c of this.s.outlets) c.meter.setPower(this.ctx.mono(), 0, 0);
  }

  bootAccepted(first: boolean): void {
    this.s.reportAll();
    if (first && this.s.supports('Security')) {
      this.s.securityEvent('StartupOfTheDevice');
      if (this.s.pendingResetEvent) this.s.securityEvent('ResetOrReboot', 'Reset requested by the Central System');
    }
    this.s.pendingResetEvent = false;
    this.maintenance.afterBoot();
    const reason = this.s.stopAfterBoot;
    this.s.stopAfterBoot = undefined;
    if (reason !== undefined) {
      for (const c of this.s.outlets) if (c.transaction !== undefined) this.ctx.spawn('stopping after the reboot', () => this.sessions.stopTransaction(c, reason));
    }
  }

  setHeartbeatInterval(seconds: number): void {
    this.s.config.set('HeartbeatInterval', String(seconds));
  }

  heartbeatIntervalS(): number {
    return this.s.config.int('HeartbeatInterval');
  }

  retryPolicy(): RetryPolicy {
    return { attempts: this.s.config.int('TransactionMessageAttempts', 3), intervalS: this.s.config.int('TransactionMessageRetryInterval', 60) };
  }

  reconnectPolicy(): ReconnectPolicy {
    const n = (key: string, fallback: number) => {
      const v = Number(this.s.options.settings[key]);
      return Number.isFinite(v) && this.s.options.settings[key] !== undefined ? v : fallback;
    };
    return { minS: n('RetryBackOffWaitMinimum', 5), repeat: n('RetryBackOffRepeatTimes', 3), randomS: n('RetryBackOffRandomRange', 2) };
  }

  protected override firstConnectFailure(reason: string, kind: string): void {
    if (kind === 'tls') this.s.securityEvent('InvalidCentralSystemCertificate', reason);
    else if (/HTTP 401/.test(reason)) this.s.securityLog.push({ time: this.ctx.isoNow(), type: 'FailedToAuthenticateAtCentralSystem', techInfo: reason.slice(0, 255) });
  }

  async handleCall(call: IncomingCall): Promise<Handled> {
    const handler = this.handlers[call.action];
    if (handler === undefined) return { answer: { error: { code: 'NotImplemented', description: `${call.action} is not implemented by this charge point` } } };
    return handler(call.payload, call);
  }

  async powerFailing(): Promise<void> {
    const running = this.s.outlets.filter((c) => c.transaction !== undefined);
    if (running.length === 0) return;
    if (this.s.options.backupPower) {
      // TC_032_1_CS: with backup power the transactions stop before the charger goes down.
      await Promise.race([Promise.all(running.map((c) => this.sessions.stopTransaction(c, 'PowerLoss'))), this.ctx.sleep(5000)]);
    } else if (this.ctx.faults.has('power-loss-loses-transaction')) {
      // Behaviour power-loss-loses-transaction: gone without a stop (TC_032_2_CS).
      for (const c of running) {
        this.ctx.cancel(c.transaction?.sampleTimer);
        c.transaction = undefined;
      }
    } else {
      // TC_032_2_CS: they are closed after the reboot.
      this.s.stopAfterBoot = 'PowerLoss';
    }
  }

  connectors(): SimConnectorState[] {
    return this.s.outlets.map((c) => {
      const tx = c.transaction;
      const limit = this.s.limitW(c);
      const state: SimConnectorState = {
        id: c.id,
        status: c.status,
        errorCode: c.errorCode,
        plugged: c.plugged,
        evConnected: c.evConnected,
        evSuspended: c.evSuspended,
        locked: c.locked,
        faulted: c.fault !== undefined || this.s.connectors[0]!.fault !== undefined,
        operative: c.operative,
        energyWh: c.meter.registerWhInt,
        powerW: Math.round(c.meter.powerW),
      };
      if (c.scheduledOperative !== undefined) state.scheduledOperative = c.scheduledOperative;
      if (limit !== undefined) state.limitW = Math.round(limit);
      if (tx !== undefined) {
        state.transaction = {
          idToken: tx.idTag,
          startedAt: new Date(tx.startedAt).toISOString(),
          meterStartWh: tx.meterStartWh,
          ...(tx.transactionId !== undefined ? { id: String(tx.transactionId) } : {}),
          ...(tx.reservationId !== undefined ? { reservationId: tx.reservationId } : {}),
        };
      }
      if (c.reservation !== undefined) state.reservation = { id: c.reservation.id, idToken: c.reservation.idTag, expiresAt: new Date(c.reservation.expiresAt).toISOString() };
      if (c.authorized !== undefined) state.authorized = c.authorized.idTag;
      return state;
    });
  }

  details(): ReturnType<ChargerModel['details']> {
    const s = this.s;
    const out: ReturnType<ChargerModel['details']> = { configuration: s.config.entries(), ...this.storeDetails() };
    return out satisfies Partial<SimChargerState>;
  }

  private makeOperator(): OperatorModel {
    const s = this.s;
    const sessions = this.sessions;
    const outlet = (id: number): Connector16 => {
      const c = s.connector(id);
      if (c === undefined) throw new OperatorError(`There is no connector ${id} (this charge point has ${s.outlets.length})`);
      return c;
    };
    const any = (id: number): Connector16 => (id === 0 ? s.connectors[0]! : outlet(id));
    return {
      plugIn: (id) => sessions.plugIn(outlet(id)),
      unplug: (id) => sessions.unplug(outlet(id)),
      evDisconnect: (id) => sessions.evDisconnect(outlet(id)),
      presentIdToken: (idTag, id) => {
        if (id !== undefined) outlet(id);
        sessions.presentIdToken(idTag, id);
      },
      evSuspend: (id) => sessions.evSuspend(outlet(id), true),
      evResume: (id) => sessions.evSuspend(outlet(id), false),
      fault: (id, errorCode) => sessions.fault(any(id), errorCode ?? 'OtherError'),
      clearFault: (id) => sessions.clearFault(any(id)),
      setHardwareFault: (kind, id, on) => {
        if (kind === 'lock') outlet(id).lockFails = on;
        else if (kind === 'unlock') outlet(id).unlockFails = on;
        else if (kind === 'firmwareInstall') s.firmwareInstallFails = on;
        else s.localListStorageFails = on;
        this.ctx.log(`hardware: ${kind} failure ${on ? 'on' : 'off'}${kind === 'lock' || kind === 'unlock' ? ` (connector ${id})` : ''}`);
      },
    };
  }
}
