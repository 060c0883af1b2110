// What the 1.6 model (v16/model.ts) and the 2.x model (v2/model.ts) do alike around their
// station: the connection's ups and downs, and the part of `sim.state` that is not about
// configuration keys or device-model variables.
import type { SimChargerState } from '../../api/sim';
import type { ModelContext } from './model';
import type { StationBase } from './station-base';

export abstract class ModelBase {
  protected abstract readonly s: StationBase;
  private failedStreak = false;

  constructor(protected readonly ctx: ModelContext) {}

  connectionLost(): void {
    this.ctx.changed();
  }

  reconnected(): void {
    this.failedStreak = false;
    this.s.reportChanged();
  }

  /** Only the first failure of a streak is recorded: a charger retrying does not flood its security log. */
  connectFailed(reason: string, kind: string): void {
    if (this.failedStreak) return;
    this.failedStreak = true;
    this.firstConnectFailure(reason, kind);
  }

  /** A TLS failure or an HTTP 401 as the version's security event. */
  protected abstract firstConnectFailure(reason: string, kind: string): void;

  firmwareVersion(): string {
    return this.s.firmwareVersion;
  }

  /** Authorization stores, profiles, firmware and upload, certificates. */
  protected storeDetails(): Pick<SimChargerState, 'localList' | 'authCache' | 'chargingProfiles' | 'firmware' | 'upload' | 'certificates'> {
    const s = this.s;
    return {
      localList: { version: s.list.version, entries: s.list.size },
      authCache: { entries: s.cache.size },
      chargingProfiles: s.profiles.all().map((p) => ({ id: p.id, connectorId: p.connectorId, purpose: p.purpose, stackLevel: p.stackLevel, ...(p.transactionId !== undefined ? { transactionId: p.transactionId } : {}) })),
      firmware: { status: s.firmware.status, ...(s.firmware.requestId !== undefined ? { requestId: s.firmware.requestId } : {}) },
      upload: { status: s.upload.status, ...(s.upload.requestId !== undefined ? { requestId: s.upload.requestId } : {}) },
      certificates: s.certificates.list().map((c) => ({ type: c.type, subject: c.x509.subject.replace(/\n/g, ', '), serialNumber: c.x509.serialNumber })),
    };
  }
}
