// What the 1.6 charge point (v16/station.ts) and the 2.x charging station (v2/station.ts)
// keep alike: authorization stores, charging profiles, certificates and the credentials the
// connection is made with, the firmware version, the security log. What differs by version
// stays in the subclass: connectors or EVSEs and their statuses, configuration keys or the
// device model, which security events are sent, the names of the CSMS root certificate type.
import type { KeyObject } from 'node:crypto';
import { AuthCache, LocalAuthList } from './auth';
import type { CertificateStore } from './certificates';
import type { FirmwareState } from './flows/firmware-steps';
import type { UploadState } from './flows/flow-runs';
import type { ConnectionSecurity, SecurityProfile } from './link';
import type { ModelContext, ModelOptions } from './model';
import { ProfileStore, type CompositeRequest } from './smart-charging';

export interface SecurityLogEntry {
  time: string;
  type: string;
  techInfo?: string;
}

/** How the faulty behaviours of smart charging bend the composite (smart-charging.ts CompositeRequest). */
export type CompositeFaults = Partial<Pick<CompositeRequest, 'lowestStackWins' | 'ignoredKinds' | 'txDefaultAfterTxProfile' | 'txDefaultSparesRunningTransaction'>>;

/** How many security events the log keeps (the oldest go first). */
const SECURITY_LOG_SIZE = 1000;

export abstract class StationBase {
  readonly cache = new AuthCache(100);
  readonly list = new LocalAuthList();
  readonly profiles = new ProfileStore();
  abstract readonly certificates: CertificateStore;
  /** The certificate CertificateSigned installed for security profile 3 (A02/A03). */
  clientCertificate: { pem: string; key: KeyObject } | undefined;
  /** The key of the CSR on its way (SignCertificate), until CertificateSigned answers it. */
  pendingCsrKey: KeyObject | undefined;
  firmwareVersion: string;
  abstract firmware: FirmwareState;
  abstract upload: UploadState;
  readonly securityLog: SecurityLogEntry[] = [];
  localListStorageFails = false;
  firmwareInstallFails = false;
  /** A reset asked for by the CSMS: ResetOrReboot goes out after the next boot. */
  pendingResetEvent = false;
  /** What the charger was started with (the facade's connection settings). */
  initialSecurity: ConnectionSecurity = { profile: 0 };
  /** The certificate type of installed CSMS roots (1.6 whitepaper CentralSystemRootCertificate, 2.0.1 CSMSRootCertificate). */
  protected abstract readonly csmsRootType: string;

  constructor(
    readonly ctx: ModelContext,
    readonly options: ModelOptions,
  ) {
    this.firmwareVersion = options.firmwareVersion;
  }

  /** After a reconnect: the statuses that changed while offline. */
  abstract reportChanged(): void;

  // --- Security settings (whitepaper ed. 3 §2, A01, A05; 2.0.1 A00–A05) -----------------------

  /** The HTTP Basic password: the configured one when set, else what the simulator was given. */
  abstract basicAuthPassword(): string | Buffer | undefined;

  /** A CA to check the CSMS certificate with: configured, or installed CSMS roots. */
  hasCsmsRoot(): boolean {
    return this.initialSecurity.ca !== undefined || this.certificates.list([this.csmsRootType]).length > 0;
  }

  /** The client certificate for profile 3: the one CertificateSigned installed, else the configured one. */
  clientCertificateFor3(): { cert: string; key: string } | undefined {
    if (this.clientCertificate !== undefined) return { cert: this.clientCertificate.pem, key: this.clientCertificate.key.export({ type: 'pkcs8', format: 'pem' }) as string };
    const { cert, key } = this.initialSecurity;
    return cert !== undefined && key !== undefined ? { cert, key } : undefined;
  }

  /** The connection settings for a security profile. */
  securityFor(profile: number, password = this.basicAuthPassword()): ConnectionSecurity {
    const base = this.initialSecurity;
    const roots = this.certificates.list([this.csmsRootType]).map((c) => c.pem);
    const ca = [base.ca, ...roots].filter((x): x is string => x !== undefined).join('\n');
    const client = profile === 3 ? this.clientCertificateFor3() : undefined;
    return {
      profile: profile as SecurityProfile,
      ...(profile !== 3 && password !== undefined ? { password } : {}),
      ...(ca !== '' ? { ca } : {}),
      ...(client !== undefined ? client : {}),
      ...(base.insecure === true ? { insecure: true } : {}),
    };
  }

  /**
   * Logs a security event and, when `send`, sends it queued with guaranteed delivery
   * (whitepaper ed. 3 A04.FR.02; 2.0.1 A04); behaviour no-security-events only logs it.
   */
  protected keepSecurityEvent(type: string, techInfo: string | undefined, send: boolean): void {
    const entry = { time: this.ctx.isoNow(), type, ...(techInfo !== undefined ? { techInfo: techInfo.slice(0, 255) } : {}) };
    this.securityLog.push(entry);
    if (this.securityLog.length > SECURITY_LOG_SIZE) this.securityLog.shift();
    this.ctx.log(`security event ${type}${techInfo !== undefined ? `: ${techInfo}` : ''}`);
    if (!send || this.ctx.faults.has('no-security-events')) return;
    this.ctx.spawn('SecurityEventNotification', async () => {
      await this.ctx.send('SecurityEventNotification', { type, timestamp: entry.time, ...(entry.techInfo !== undefined ? { techInfo: entry.techInfo } : {}) }, { kind: 'guaranteed' });
    });
  }

  // --- Power ------------------------------------------------------------------------------------

  /** The charging-profile limit for a connector now, W, within its power (undefined: no profile applies). */
  protected profileLimitW(connectorId: number, transaction: CompositeRequest['transaction'], faults: CompositeFaults): number | undefined {
    const now = this.ctx.now();
    const limit = this.profiles.limitAt(
      {
        connectorId,
        from: now,
        durationS: 0,
        unit: 'W',
        localLimit: { limit: this.options.powerW, unit: 'W' },
        ...(transaction !== undefined ? { transaction } : {}),
        ...faults,
      },
      now,
    );
    return limit === undefined ? undefined : Math.max(0, Math.min(limit.limit, this.options.powerW));
  }
}
