// The OCPP 2.0.1 and 2.1 behaviour model of the simulated charger (2.1 as a superset where
// the schemas allow; 2.1-only actions get an honest "not supported" answer).
import type { OcppVersion } from '../../../api/model';
import type { SimConnectorState } from '../../../api/sim';
import type { IncomingCall } from '../../rpc/endpoint';
import type { BootReason, ChargerModel, Handled, ModelContext, ModelOptions, OperatorModel, ReconnectPolicy, RetryPolicy } from '../model';
import { ModelBase } from '../model-base';
import { keyOf } from './device-model';
import { declineAnswer } from './generic';
import type { CallHandler } from '../answers';
import { handlers2, profileProblem2, toProfile2 } from './handlers';
import { Maintenance2 } from './maintenance';
import { Station2, type Evse2 } from './station';
import { parseIdToken, Transactions2 } from './transactions';

export class ChargingStation2 extends ModelBase implements ChargerModel {
  readonly s: Station2;
  readonly tx: Transactions2;
  readonly maintenance: Maintenance2;
  readonly operator: OperatorModel;
  private readonly handlers: Record<string, CallHandler>;

  constructor(
    ctx: ModelContext,
    options: ModelOptions,
    private readonly version: OcppVersion,
  ) {
    super(ctx);
    this.s = new Station2(ctx, options, version);
    this.s.initialSecurity = ctx.security;
    this.tx = new Transactions2(this.s);
    this.maintenance = new Maintenance2(this.s);
    this.tx.onStartProfile = (e, t, profile) => {
      const cp = { ...profile, transactionId: t.id };
      const problem = profileProblem2(this.s, e.id, cp, true);
      if (problem === undefined) this.s.profiles.install(toProfile2(e.id, cp));
      else ctx.log(`RequestStartTransaction profile ignored: ${problem}`);
    };
    this.tx.afterEnded = () => {
      // Reset OnIdle (B12): once the last transaction has ended.
      if (this.s.resetWhenIdle && this.s.evses.every((e) => e.transaction === undefined)) {
        this.s.resetWhenIdle = false;
        this.s.pendingResetEvent = true;
        ctx.spawn('reset when idle', async () => {
          await ctx.sleep(500);
          ctx.reboot('RemoteReset', 'clean');
        });
      }
    };
    const maintenance = this.maintenance;
    this.handlers = {
      ...handlers2({
        s: this.s,
        tx: this.tx,
        signCertificate: (type) => maintenance.signCertificate(type),
        sendFirmwareStatus: () => maintenance.sendFirmwareStatus(),
        sendLogStatus: () => maintenance.sendLogStatus(),
      }),
      ...maintenance.handlers(),
    };
    this.operator = this.makeOperator();
  }

  get connectorCount(): number {
    return this.s.evses.length;
  }

  bootRequest(reason: BootReason): Record<string, unknown> {
    const o = this.s.options;
    return {
      reason,
      chargingStation: { model: o.model.slice(0, 20), vendorName: o.vendor.slice(0, 50), serialNumber: o.serialNumber.slice(0, 25), firmwareVersion: this.s.firmwareVersion.slice(0, 50) },
    };
  }

  powerUp(): void {
    if (this.ctx.faults.has('availability-not-persisted')) this.s.operative = true;
    for (const e of this.s.evses) {
      if (this.ctx.faults.has('availability-not-persisted')) {
        e.operative = true;
        e.scheduledOperative = undefined;
      }
      e.reported = undefined;
      const r = e.reservation;
      if (r !== undefined) this.armReservation(r);
    }
    for (const r of this.s.stationReservations) this.armReservation(r);
    for (const e of this.s.evses) this.s.updatePower(e);
    this.s.refreshAll({ silent: true });
    this.tx.restartAligned();
  }

  private armReservation(r: NonNullable<Evse2['reservation']>): void {
    if (this.ctx.faults.has('reservation-never-expires')) return;
    r.timer = this.ctx.at(r.expiresAt, () => this.tx.endReservation(r, 'Expired'));
  }

  powerDown(): void {
    this.tx.stopAllTimers();
    this.maintenance.stop();
    for (const e of this.s.evses) e.meter.setPower(this.ctx.mono(), 0, 0);
  }

  bootAccepted(first: boolean): void {
    this.s.reportAll();
    if (first) {
      this.s.securityEvent('StartupOfTheDevice');
      if (this.s.pendingResetEvent) this.s.securityEvent('ResetOrReboot', 'Reset requested by the CSMS');
    }
    this.s.pendingResetEvent = false;
    this.maintenance.afterBoot();
    const stop = this.s.stopAfterBoot;
    this.s.stopAfterBoot = undefined;
    for (const e of this.s.evses) {
      if (e.transaction === undefined) continue;
      if (stop !== undefined) this.tx.end(e, stop.trigger, stop.reason);
    }
    this.tx.restartSampling();
  }

  setHeartbeatInterval(seconds: number): void {
    this.s.dm.set({ name: 'OCPPCommCtrlr' }, { name: 'HeartbeatInterval' }, String(seconds));
  }

  heartbeatIntervalS(): number {
    return this.s.dm.int('OCPPCommCtrlr', 'HeartbeatInterval');
  }

  retryPolicy(): RetryPolicy {
    return { attempts: this.s.dm.int('OCPPCommCtrlr', 'MessageAttempts', 3, 'TransactionEvent'), intervalS: this.s.dm.int('OCPPCommCtrlr', 'MessageAttemptInterval', 60, 'TransactionEvent') };
  }

  reconnectPolicy(): ReconnectPolicy {
    const dm = this.s.dm;
    return { minS: dm.int('OCPPCommCtrlr', 'RetryBackOffWaitMinimum', 5), repeat: dm.int('OCPPCommCtrlr', 'RetryBackOffRepeatTimes', 3), randomS: dm.int('OCPPCommCtrlr', 'RetryBackOffRandomRange', 2) };
  }

  protected override firstConnectFailure(reason: string, kind: string): void {
    if (kind === 'tls') this.s.securityEvent('InvalidCsmsCertificate', reason);
    else if (/HTTP 401/.test(reason)) this.s.securityEvent('FailedToAuthenticateAtCsms', reason);
  }

  async handleCall(call: IncomingCall): Promise<Handled> {
    const handler = this.handlers[call.action];
    if (handler !== undefined) return handler(call.payload, call);
    const decline = declineAnswer(this.version, call.action);
    if (decline !== undefined) return { answer: { result: decline } };
    return { answer: { error: { code: 'NotImplemented', description: `${call.action} is not implemented by this charging station` } } };
  }

  async powerFailing(): Promise<void> {
    const running = this.s.evses.filter((e) => e.transaction !== undefined);
    if (running.length === 0) return;
    if (this.s.options.backupPower) {
      for (const e of running) this.tx.end(e, 'AbnormalCondition', 'PowerLoss');
      await this.ctx.sleep(1000);
    } else {
      this.s.stopAfterBoot = { trigger: 'AbnormalCondition', reason: 'PowerLoss' };
    }
  }

  connectors(): SimConnectorState[] {
    return this.s.evses.map((e) => {
      const t = e.transaction;
      const limit = this.s.limitW(e);
      const state: SimConnectorState = {
        id: e.id,
        status: e.status,
        plugged: e.plugged,
        evConnected: e.evConnected,
        evSuspended: e.evSuspended,
        locked: e.locked,
        faulted: e.fault !== undefined || this.s.fault !== undefined,
        operative: e.operative && this.s.operative,
        energyWh: e.meter.registerWhInt,
        powerW: Math.round(e.meter.powerW),
      };
      if (e.fault !== undefined) state.errorCode = e.fault;
      if (e.scheduledOperative !== undefined) state.scheduledOperative = e.scheduledOperative;
      if (limit !== undefined) state.limitW = Math.round(limit);
      if (t !== undefined) {
        state.transaction = {
          id: t.id,
          idToken: t.idToken?.idToken ?? '',
          startedAt: new Date(t.startedAt).toISOString(),
          meterStartWh: t.meterStartWh,
          ...(t.reservationId !== undefined ? { reservationId: t.reservationId } : {}),
          ...(t.remoteStartId !== undefined ? { remoteStartId: t.remoteStartId } : {}),
        };
      }
      if (e.reservation !== undefined) state.reservation = { id: e.reservation.id, idToken: e.reservation.idToken.idToken, expiresAt: new Date(e.reservation.expiresAt).toISOString() };
      if (e.authorized !== undefined) state.authorized = e.authorized.token.idToken;
      return state;
    });
  }

  details(): ReturnType<ChargerModel['details']> {
    const s = this.s;
    return {
      variables: s.dm.all.map((d) => ({
        component: d.component.name,
        ...(d.component.evse !== undefined ? { evseId: d.component.evse.id } : {}),
        ...(d.component.evse?.connectorId !== undefined ? { connectorId: d.component.evse.connectorId } : {}),
        variable: d.variable.name,
        ...(d.variable.instance !== undefined ? { instance: d.variable.instance } : {}),
        mutability: d.mutability,
        ...(d.mutability !== 'WriteOnly' ? { value: s.dm.value(d) } : {}),
      })),
      ...this.storeDetails(),
    };
  }

  /** A variable's current value, by `Component.Variable[instance]` (tests, scripts). */
  variable(key: string): string | undefined {
    const d = this.s.dm.all.find((x) => keyOf(x.component, x.variable) === key);
    return d === undefined ? undefined : this.s.dm.value(d);
  }

  private makeOperator(): OperatorModel {
    const s = this.s;
    const tx = this.tx;
    const evse = (id: number): Evse2 => {
      const e = s.evse(id);
      if (e === undefined) throw new Error(`There is no EVSE ${id} (this station has ${s.evses.length})`);
      return e;
    };
    return {
      plugIn: (id) => tx.plugIn(evse(id)),
      unplug: (id) => tx.unplug(evse(id)),
      evDisconnect: (id) => tx.evDisconnect(evse(id)),
      presentIdToken: (token, id) => tx.presentIdToken(parseIdToken(token), id),
      evSuspend: (id) => tx.evSuspend(evse(id), true),
      evResume: (id) => tx.evSuspend(evse(id), false),
      fault: (id, code) => tx.fault(id === 0 ? undefined : evse(id), code ?? 'OtherError'),
      clearFault: (id) => tx.clearFault(id === 0 ? undefined : evse(id)),
      setHardwareFault: (kind, id, on) => {
        if (kind === 'lock') evse(id).lockFails = on;
        else if (kind === 'unlock') evse(id).unlockFails = on;
        else if (kind === 'firmwareInstall') s.firmwareInstallFails = on;
        else s.localListStorageFails = on;
      },
    };
  }
}
