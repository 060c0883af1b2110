// Firmware updates, diagnostics and log uploads, and the security extension's certificate
// messages of the 1.6 charge point, each walking through its status notifications.
//
// OCPP 1.6 §4.4, §4.5, §5.9, §5.19, errata 3.47 (Installed after the reboot); security
// whitepaper ed. 3: A02/A03 (SignCertificate / CertificateSigned), M03–M05 (installed
// certificates), N01 (GetLog, LogStatusNotification with the request's requestId), L01
// (SignedUpdateFirmware and SignedFirmwareStatusNotification, InvalidSignature and the
// FirmwareUpdated security event), §8 (security events).
import { answer, type CallHandler } from '../answers';
import { vetSignedChain } from '../certificate-signed';
import { createCsr } from '../certificates';
import { acceptL01Update, updateFirmwareL01, type L01FirmwareRequest } from '../flows/firmware-l01';
import { downloadFirmware, endFirmwareRun, installFirmware, rebootIntoNewFirmware, waitUntil } from '../flows/firmware-steps';
import { acceptGetLog } from '../flows/log-request';
import { retriesOf, transferWithRetries, type RetryingTransfer } from '../flows/transfer-flow';
import { TransferRuns } from '../flows/transfer-runs';
import { notSupported, trigger, type Parts16 } from './handlers';

export class Maintenance16 {
  private readonly runs: TransferRuns;

  constructor(private readonly parts: Parts16) {
    this.runs = new TransferRuns(parts.s.ctx);
  }

  private get s() {
    return this.parts.s;
  }

  private get ctx() {
    return this.parts.s.ctx;
  }

  /** Whitepaper §6.1: issuerKeyHash is over the issuer's key bits (behaviour wrong-certificate-hash: its whole key info). */
  private get keyHash(): 'key' | 'spki' {
    return this.ctx.faults.has('wrong-certificate-hash') ? 'spki' : 'key';
  }

  handlers(): Record<string, CallHandler> {
    const s = this.s;
    const needs = (profile: 'FirmwareManagement' | 'Security', h: CallHandler): CallHandler => (p, call) => (s.supports(profile) ? h(p, call) : notSupported(`${call.action} needs the ${profile} profile`));
    return {
      UpdateFirmware: needs('FirmwareManagement', (p) =>
        answer({}, () => this.firmware({ location: p['location'] as string, retrieveAt: Date.parse(p['retrieveDate'] as string), ...retriesOf(p) })),
      ),
      GetDiagnostics: needs('FirmwareManagement', (p) => {
        const fileName = `diagnostics-${this.s.options.id}-${new Date(this.ctx.now()).toISOString().replace(/[:.]/g, '')}.log`;
        return answer({ fileName }, () => this.upload('diagnostics', { location: p['location'] as string, ...retriesOf(p) }));
      }),
      GetLog: needs('Security', (p) => acceptGetLog(s, p, (req) => this.upload('log', req))),
      SignedUpdateFirmware: needs('Security', (p) => acceptL01Update(s, p, (req) => this.signedFirmware(req))),
      ExtendedTriggerMessage: needs('Security', (p) => trigger(this.parts, p['requestedMessage'] as string, p['connectorId'] as number | undefined, true)),
      CertificateSigned: needs('Security', (p) => this.certificateSigned(p['certificateChain'] as string)),
      InstallCertificate: needs('Security', (p) => this.installCertificate(p['certificateType'] as string, p['certificate'] as string)),
      GetInstalledCertificateIds: needs('Security', (p) => {
        const certs = this.s.certificates.list([p['certificateType'] as string]);
        if (certs.length === 0) return answer({ status: 'NotFound' });
        return answer({ status: 'Accepted', certificateHashData: certs.map((c) => this.s.certificates.hashOf(c, 'SHA256', this.keyHash)) });
      }),
      DeleteCertificate: needs('Security', (p) => answer({ status: this.s.certificates.delete(p['certificateHashData'] as never, this.keyHash) })),
    };
  }

  // --- Firmware (§5.19) -----------------------------------------------------------------------

  private async firmware(req: RetryingTransfer & { retrieveAt: number }): Promise<void> {
    const s = this.s;
    const f = s.firmware;
    const run = this.runs.firmware.start(f, (st) => this.ctx.send('FirmwareStatusNotification', { status: st }));
    f.busy = true;
    f.signed = false;
    delete f.requestId;
    // §4.5 FirmwareStatus has no DownloadScheduled: the charge point waits for retrieveDate silently.
    if (!(await waitUntil(this.ctx, req.retrieveAt))) return;
    if (this.ctx.faults.has('firmware-installed-without-downloading')) return endFirmwareRun(s, run, 'Installed');
    const downloaded = await downloadFirmware(s, run, req);
    if (downloaded === undefined) return;
    // Behaviour failed-transfers-reported-successful: carries on as if the download had worked.
    if (!downloaded.ok && !this.ctx.faults.has('failed-transfers-reported-successful')) {
      this.ctx.log(`firmware download failed: ${downloaded.reason}`);
      return endFirmwareRun(s, run, 'DownloadFailed');
    }
    if (!(await run.report('Downloaded'))) return;
    if (!(await installFirmware(s, run))) return;
    if (s.firmwareInstallFails && !this.ctx.faults.has('failed-transfers-reported-successful')) return endFirmwareRun(s, run, 'InstallationFailed');
    // No InstallRebooting in §4.5: the reboot comes unannounced.
    rebootIntoNewFirmware(s);
  }

  /** Statuses due after the reboot that installed a firmware (called once accepted). */
  afterBoot(): void {
    const f = this.s.firmware;
    const pending = f.afterBoot;
    if (pending === undefined) return;
    delete f.afterBoot;
    if (f.signed) this.s.securityEvent('FirmwareUpdated', `firmware ${this.s.firmwareVersion}`);
    this.ctx.spawn('firmware status after reboot', async () => {
      for (const st of pending) {
        f.status = st;
        if (f.signed) await this.ctx.send('SignedFirmwareStatusNotification', { status: st, ...(f.requestId !== undefined ? { requestId: f.requestId } : {}) });
        else await this.ctx.send('FirmwareStatusNotification', { status: st });
      }
      f.busy = false;
      this.ctx.changed();
    });
  }

  async sendFirmwareStatus(extended: boolean): Promise<void> {
    const f = this.s.firmware;
    if (extended) {
      // L01.FR.28/29: Idle when nothing runs, else the last status sent.
      const status = f.busy && f.signed ? f.status : 'Idle';
      await this.ctx.send('SignedFirmwareStatusNotification', { status, ...(status !== 'Idle' && f.requestId !== undefined ? { requestId: f.requestId } : {}) }, { kind: 'triggered' });
    } else {
      // §4.5: Idle only when not busy.
      await this.ctx.send('FirmwareStatusNotification', { status: f.busy && !f.signed ? f.status : 'Idle' }, { kind: 'triggered' });
    }
  }

  // --- Signed firmware (whitepaper L01) -----------------------------------------------------------

  private signedFirmware(req: L01FirmwareRequest): Promise<void> {
    const f = this.s.firmware;
    const run = this.runs.firmware.start(f, (st) => this.ctx.send('SignedFirmwareStatusNotification', { status: st, requestId: req.requestId }));
    f.busy = true;
    f.signed = true;
    f.requestId = req.requestId;
    return updateFirmwareL01(this.s, run, req, { logDownloadFailure: false });
  }

  // --- Uploads: diagnostics (§5.9) and logs (N01) --------------------------------------------------

  private async upload(kind: 'diagnostics' | 'log', req: RetryingTransfer & { requestId?: number; logType?: string }): Promise<void> {
    if (kind === 'diagnostics' && this.ctx.faults.has('diagnostics-without-status')) return;
    if (kind === 'log' && this.ctx.faults.has('log-upload-without-status')) return;
    const u = this.s.upload;
    const run = this.runs.upload.start(u, (st) => (kind === 'diagnostics' ? this.ctx.send('DiagnosticsStatusNotification', { status: st }) : this.ctx.send('LogStatusNotification', { status: st, requestId: req.requestId })));
    u.busy = true;
    u.kind = kind;
    if (req.requestId !== undefined) u.requestId = req.requestId;
    else delete u.requestId;
    const body = kind === 'log' && req.logType === 'SecurityLog' ? this.s.securityLog.map((e) => `${e.time} ${e.type}${e.techInfo !== undefined ? ` ${e.techInfo}` : ''}`).join('\n') : `diagnostics of ${this.s.options.id} at ${this.ctx.isoNow()}\n`;
    const result = await transferWithRetries(this.ctx, run, req, { direction: 'upload', announce: 'Uploading', policy: this.s.options.transfers, body });
    if (result === undefined) return;
    if (!result.ok) this.ctx.log(`${kind} upload failed: ${result.reason}`);
    const hidden = kind === 'diagnostics' && this.ctx.faults.has('failed-transfers-reported-successful');
    // §4.4 DiagnosticsStatus says UploadFailed; the whitepaper's UploadLogStatusEnumType says UploadFailure.
    await run.report(result.ok || hidden ? 'Uploaded' : kind === 'diagnostics' ? 'UploadFailed' : 'UploadFailure');
    if (run.current) u.busy = false;
  }

  async sendDiagnosticsStatus(triggered: boolean): Promise<void> {
    const u = this.s.upload;
    // §4.4: Idle only when not uploading.
    const status = u.busy && u.kind === 'diagnostics' ? u.status : 'Idle';
    await this.ctx.send('DiagnosticsStatusNotification', { status }, { kind: triggered ? 'triggered' : 'normal' });
  }

  async sendLogStatus(): Promise<void> {
    const u = this.s.upload;
    const busy = u.busy && u.kind === 'log';
    // N01.FR.12: no requestId when triggered and nothing is uploading.
    await this.ctx.send('LogStatusNotification', { status: busy ? u.status : 'Idle', ...(busy && u.requestId !== undefined ? { requestId: u.requestId } : {}) }, { kind: 'triggered' });
  }

  // --- Certificates (A02, A03, M03–M05) -------------------------------------------------------------

  /** A new key pair and CSR, sent with SignCertificate (O = CpoName, A02.FR.13). */
  async signCertificate(): Promise<void> {
    const { pem, privateKey } = createCsr({ commonName: this.s.options.serialNumber, organization: this.s.config.get('CpoName') });
    this.s.pendingCsrKey = privateKey;
    const r = await this.ctx.send('SignCertificate', { csr: pem }, { kind: 'triggered' });
    if (r?.kind === 'result') this.ctx.log(`SignCertificate ${String(r.payload['status'])}`);
  }

  private certificateSigned(chain: string): ReturnType<CallHandler> {
    const s = this.s;
    const vetted = vetSignedChain(s, chain, {
      maxChainSize: s.config.int('CertificateSignedMaxChainSize', 10_000),
      invalidEvent: 'InvalidChargePointCertificate',
      tooLong: 'certificate chain longer than CertificateSignedMaxChainSize',
    });
    if (!('leaf' in vetted)) return vetted;
    s.clientCertificate = { pem: chain, key: s.pendingCsrKey! };
    s.pendingCsrKey = undefined;
    this.ctx.log(`new charge point certificate ${vetted.leaf.subject.replace(/\n/g, ', ')}`);
    return answer({ status: 'Accepted' }, () => {
      // A02.FR.08: use the new certificate from now on (behaviour security-changes-not-applied: the old one).
      if (this.ctx.security.profile === 3 && !this.ctx.faults.has('security-changes-not-applied')) this.ctx.setSecurity(s.securityFor(3), 'new charge point certificate');
    });
  }

  private installCertificate(type: string, pem: string): ReturnType<CallHandler> {
    const s = this.s;
    const result = s.certificates.install(type, pem, this.ctx.now());
    if (this.ctx.faults.has('accepts-invalid-certificate')) return answer({ status: 'Accepted' });
    if (result.status === 'Accepted') {
      this.ctx.log(`${type} installed`);
      return answer({ status: 'Accepted' });
    }
    this.ctx.log(`InstallCertificate ${result.status}: ${result.reason}`);
    // TC_078_CS: a rejected Central System root raises InvalidCentralSystemCertificate.
    const event = result.status === 'Rejected' && type === 'CentralSystemRootCertificate' ? () => s.securityEvent('InvalidCentralSystemCertificate', result.reason) : undefined;
    return answer({ status: result.status }, event);
  }

  stop(): void {
    this.runs.stop(this.s);
  }
}
