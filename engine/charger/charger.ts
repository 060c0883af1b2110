// A simulated charger: the core (connection, boot, heartbeat, queue) with the behaviour model
// of its OCPP version, and the operator's hands on it. This is the in-process interface the
// api handlers, the CLI and the conformance runner drive:
//
//   const cp = new SimulatedCharger({ id: 'CP1', version: '1.6', url: 'ws://…' });
//   cp.start();
//   cp.operator.plugIn(1); cp.operator.presentIdToken('TAG'); …
//   cp.summary(); await cp.stop();
import type { OcppVersion } from '../../api/model';
import type { SimChargerState, SimChargerSummary, SimOperatorStep } from '../../api/sim';
import type { LiveRecorder } from '../traffic/recorder';
import { ChargerCore } from './core';
import { Faults } from './faults';
import type { ConnectionSecurity, SecurityProfile, Transport } from './link';
import type { ChargerModel, ModelOptions } from './model';
import { createModel } from './models';
import { systemTimers, type Timers } from './timers';
import type { TransferPolicy } from './transfers';
import { WebSocketTransport } from './transport';

export interface SimulatedChargerOptions {
  id: string;
  version: OcppVersion;
  /** The CSMS URL without the charge point id; needed unless a transport is given. */
  url?: string;
  transport?: Transport;
  timers?: Timers;
  /** Multiplies every simulator timer; default 1. */
  timeScale?: number;
  connectors?: number;
  behaviours?: readonly string[];
  powerW?: number;
  vendor?: string;
  model?: string;
  serialNumber?: string;
  firmwareVersion?: string;
  fixedCable?: boolean;
  backupPower?: boolean;
  /** 1.6 feature profiles to support (default all, Security included). */
  profiles?: readonly string[];
  settings?: Readonly<Record<string, string>>;
  /** HTTP Basic password (profiles 1, 2). */
  password?: string;
  /** TLS material (PEM text) and an explicit profile; defaults follow what is given. */
  tls?: { ca?: string; cert?: string; key?: string; insecure?: boolean };
  securityProfile?: number;
  recorder?: LiveRecorder;
  callTimeoutMs?: number;
  transfers?: TransferPolicy;
  /** Simulated seconds a reboot keeps the charger off (default 3). */
  rebootDelayS?: number;
  onChange?: () => void;
}

export class OperatorInputError extends Error {
  override name = 'OperatorInputError';
}

/** The operator's hands: physical actions at the charger, its power and its network. */
export interface SimOperator {
  plugIn(connectorId?: number): void;
  unplug(connectorId?: number): void;
  /** The cable is pulled out at the EV side only. */
  evDisconnect(connectorId?: number): void;
  presentIdToken(idToken: string, connectorId?: number): void;
  evSuspend(connectorId?: number): void;
  evResume(connectorId?: number): void;
  /** Connector 0 faults the whole charger. */
  fault(connectorId: number, errorCode?: string): void;
  clearFault(connectorId: number): void;
  /** Mains off for `seconds` (simulated, default 2), then on: the charger boots again. */
  powerLoss(seconds?: number): Promise<void>;
  /** No network for `seconds` (simulated), or until networkUp. */
  networkDown(seconds?: number): void;
  networkUp(): void;
  lockFailure(connectorId: number, on?: boolean): void;
  unlockFailure(connectorId: number, on?: boolean): void;
  firmwareInstallFailure(on?: boolean): void;
  localListStorageFailure(on?: boolean): void;
}

/** The security profile implied by what was given (whitepaper ed. 3 §2.1). */
export function impliedSecurityProfile(options: { url?: string; password?: string; tls?: { cert?: string; key?: string } }): SecurityProfile {
  if (options.tls?.cert !== undefined && options.tls.key !== undefined) return 3;
  if (options.url?.startsWith('wss:') === true) return 2;
  if (options.password !== undefined) return 1;
  return 0;
}

export class SimulatedCharger {
  readonly id: string;
  readonly version: OcppVersion;
  readonly url: string;
  readonly core: ChargerCore;
  readonly model: ChargerModel;
  readonly operator: SimOperator;
  readonly timeScale: number;
  private readonly timers: Timers;

  constructor(options: SimulatedChargerOptions) {
    this.id = options.id;
    this.version = options.version;
    if (options.transport === undefined && options.url === undefined) throw new OperatorInputError('A simulated charger needs the CSMS url (or a transport)');
    this.url = options.url ?? options.transport!.target;
    const timeScale = options.timeScale ?? 1;
    if (!(timeScale > 0)) throw new OperatorInputError(`timeScale must be a positive number, got ${timeScale}`);
    this.timeScale = timeScale;
    this.timers = options.timers ?? systemTimers();
    const connectors = options.connectors ?? 1;
    if (!Number.isInteger(connectors) || connectors < 1 || connectors > 64) throw new OperatorInputError(`connectors must be an integer from 1 to 64, got ${connectors}`);
    const faults = new Faults(options.behaviours ?? [], options.version);
    const profile = (options.securityProfile ?? impliedSecurityProfile(options)) as SecurityProfile;
    const security: ConnectionSecurity = {
      profile,
      ...(options.password !== undefined ? { password: options.password } : {}),
      ...(options.tls?.ca !== undefined ? { ca: options.tls.ca } : {}),
      ...(options.tls?.cert !== undefined ? { cert: options.tls.cert } : {}),
      ...(options.tls?.key !== undefined ? { key: options.tls.key } : {}),
      ...(options.tls?.insecure === true ? { insecure: true } : {}),
    };
    const transport =
      options.transport ??
      new WebSocketTransport({
        url: options.url!,
        id: options.id,
        version: options.version,
        ...(options.recorder !== undefined ? { recorder: options.recorder } : {}),
        ...(options.callTimeoutMs !== undefined ? { callTimeoutMs: options.callTimeoutMs } : {}),
      });
    this.core = new ChargerCore({
      id: options.id,
      version: options.version,
      url: this.url,
      transport,
      timers: this.timers,
      timeScale,
      faults,
      security,
      ...(options.rebootDelayS !== undefined ? { rebootDelayS: options.rebootDelayS } : {}),
      ...(options.onChange !== undefined ? { onChange: options.onChange } : {}),
    });
    const modelOptions: ModelOptions = {
      id: options.id,
      connectors,
      powerW: options.powerW ?? 11_000,
      vendor: options.vendor ?? 'OCPP Bench',
      model: options.model ?? 'Simulated charger',
      serialNumber: options.serialNumber ?? options.id,
      firmwareVersion: options.firmwareVersion ?? '1.0.0',
      fixedCable: options.fixedCable ?? false,
      backupPower: options.backupPower ?? false,
      profiles: options.profiles ?? ['Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'SmartCharging', 'RemoteTrigger', 'Security'],
      settings: options.settings ?? {},
      securityProfile: profile,
      transfers: options.transfers ?? 'auto',
    };
    this.model = createModel(options.version, this.core, modelOptions);
    this.core.attach(this.model);
    this.operator = this.makeOperator();
  }

  start(): void {
    this.core.start();
  }

  /** Disconnects cleanly (close code 1000) and stops every timer. */
  stop(): Promise<void> {
    return this.core.stop();
  }

  /** Resolves when the charger has nothing in flight (tests and scripts). */
  idle(): Promise<void> {
    return this.core.idle();
  }

  /** Resolves after `seconds` of simulated time (scaled), or when `signal` aborts. */
  wait(seconds: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted === true) return resolve();
      const handle = this.timers.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, seconds * 1000 * this.timeScale);
      const onAbort = () => {
        this.timers.clearTimeout(handle);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Waits (simulated seconds) until connector `id` shows `status`; false on timeout or abort. */
  async waitForStatus(id: number, status: string, timeoutS: number, signal?: AbortSignal): Promise<boolean> {
    for (let waited = 0; ; waited += 0.25) {
      if (this.model.connectors()[id - 1]?.status === status) return true;
      if (waited >= timeoutS || signal?.aborted === true) return false;
      await this.wait(0.25, signal);
    }
  }

  summary(): SimChargerSummary {
    return this.core.summary(this.url);
  }

  state(findings: SimChargerState['findings'] = { error: 0, warning: 0, info: 0, byRule: {} }): SimChargerState {
    return {
      ...this.summary(),
      ...this.model.details(),
      stats: structuredClone(this.core.stats),
      findings,
      log: [...this.core.logLines],
    };
  }

  /** Performs one operator step (api, scripts). */
  async perform(step: SimOperatorStep): Promise<void> {
    const o = this.operator;
    const c = step.connectorId ?? 1;
    switch (step.action) {
      case 'plugIn':
        return o.plugIn(c);
      case 'unplug':
        return o.unplug(c);
      case 'evDisconnect':
        return o.evDisconnect(c);
      case 'presentIdToken':
        if (step.idToken === undefined || step.idToken === '') throw new OperatorInputError('presentIdToken needs an idToken');
        return o.presentIdToken(step.idToken, step.connectorId);
      case 'evSuspend':
        return o.evSuspend(c);
      case 'evResume':
        return o.evResume(c);
      case 'fault':
        return o.fault(c, step.errorCode);
      case 'clearFault':
        return o.clearFault(c);
      case 'powerLoss':
        return o.powerLoss(step.seconds);
      case 'networkDown':
        return o.networkDown(step.seconds);
      case 'networkUp':
        return o.networkUp();
      case 'lockFailure':
        return o.lockFailure(c, step.on);
      case 'unlockFailure':
        return o.unlockFailure(c, step.on);
      case 'firmwareInstallFailure':
        return o.firmwareInstallFailure(step.on);
      case 'localListStorageFailure':
        return o.localListStorageFailure(step.on);
      default:
        throw new OperatorInputError(`Unknown operator action "${String((step as { action: unknown }).action)}"`);
    }
  }

  private makeOperator(): SimOperator {
    const m = this.model.operator;
    const core = this.core;
    const check = (id: number) => {
      if (!Number.isInteger(id) || id < 0 || id > this.model.connectorCount) {
        throw new OperatorInputError(`There is no connector ${id} (this charger has ${this.model.connectorCount})`);
      }
      return id;
    };
    const outlet = (id = 1) => {
      if (id === 0) throw new OperatorInputError('Connector 0 is the charger itself: give a connector from 1');
      return check(id);
    };
    return {
      plugIn: (id) => m.plugIn(outlet(id)),
      unplug: (id) => m.unplug(outlet(id)),
      evDisconnect: (id) => m.evDisconnect(outlet(id)),
      presentIdToken: (idToken, id) => m.presentIdToken(idToken, id === undefined ? undefined : outlet(id)),
      evSuspend: (id) => m.evSuspend(outlet(id)),
      evResume: (id) => m.evResume(outlet(id)),
      fault: (id, errorCode) => m.fault(check(id), errorCode),
      clearFault: (id) => m.clearFault(check(id)),
      powerLoss: async (seconds = 2) => {
        core.log('power loss');
        await this.model.powerFailing();
        core.powerCycle(seconds);
      },
      networkDown: (seconds) => core.networkDown(seconds),
      networkUp: () => core.networkUp(),
      lockFailure: (id, on = true) => m.setHardwareFault('lock', outlet(id), on),
      unlockFailure: (id, on = true) => m.setHardwareFault('unlock', outlet(id), on),
      firmwareInstallFailure: (on = true) => m.setHardwareFault('firmwareInstall', 0, on),
      localListStorageFailure: (on = true) => m.setHardwareFault('localListStorage', 0, on),
    };
  }
}
