// Security, firmware, certificates and diagnostics of the 2.0.1 / 2.1 charging station.
//
// 2.0.1 Part 2: A02/A03 (SignCertificate / CertificateSigned, InvalidChargingStationCertificate),
// A05 and B09 (SetNetworkProfile: never a lower security profile), L01–L04 (UpdateFirmware
// with FirmwareStatusNotification carrying the requestId; signature check; Installed after
// the reboot; PublishFirmware is for local controllers), M03–M05, N01 (GetLog), N02–N08
// (monitoring), N09–N10 (CustomerInformation).
import { answer, type CallHandler } from '../answers';
import { vetSignedChain } from '../certificate-signed';
import { createCsr } from '../certificates';
import { acceptL01Update, updateFirmwareL01, type L01FirmwareRequest } from '../flows/firmware-l01';
import { acceptGetLog, type LogRequest } from '../flows/log-request';
import { transferWithRetries } from '../flows/transfer-flow';
import { TransferRuns } from '../flows/transfer-runs';
import type { Handled } from '../model';
import { componentKey, type ComponentRef } from './device-model';
import type { Station2 } from './station';

export class Maintenance2 {
  private readonly runs: TransferRuns;
  private nextMonitorId = 1;

  constructor(private readonly s: Station2) {
    this.runs = new TransferRuns(s.ctx);
  }

  private get ctx() {
    return this.s.ctx;
  }

  handlers(): Record<string, CallHandler> {
    const s = this.s;
    return {
      UpdateFirmware: (p) => acceptL01Update(s, p, (req) => this.firmwareFlow(req)),
      PublishFirmware: () => answer({ status: 'Rejected' }),
      UnpublishFirmware: () => answer({ status: 'NoFirmware' }),
      GetLog: (p) => acceptGetLog(s, p, (req) => this.upload(req)),
      CertificateSigned: (p) => this.certificateSigned(p['certificateChain'] as string, (p['certificateType'] as string | undefined) ?? 'ChargingStationCertificate'),
      InstallCertificate: (p) => this.installCertificate(p['certificateType'] as string, p['certificate'] as string),
      GetInstalledCertificateIds: (p) => {
        const types = p['certificateType'] as string[] | undefined;
        const certs = s.certificates.list(types);
        if (certs.length === 0) return answer({ status: 'NotFound' });
        return answer({ status: 'Accepted', certificateHashDataChain: certs.map((c) => ({ certificateType: c.type, certificateHashData: s.certificates.hashOf(c) })) });
      },
      DeleteCertificate: (p) => answer({ status: s.certificates.delete(p['certificateHashData'] as never) }),
      SetNetworkProfile: (p) => this.setNetworkProfile(p),
      CustomerInformation: (p) => {
        const token = p['idToken'] as { idToken: string; type: string } | undefined;
        return answer({ status: 'Accepted' }, async () => {
          if (p['clear'] === true && token !== undefined) s.cache.delete(`${token.type}:${token.idToken}`);
          if (p['report'] === true) {
            const known = token !== undefined && (s.cache.get(`${token.type}:${token.idToken}`, this.ctx.now()) !== undefined || s.list.has(`${token.type}:${token.idToken}`));
            await this.ctx.send('NotifyCustomerInformation', {
              data: token === undefined ? 'No customer data kept by this charging station' : known ? `Token ${token.idToken}: in the authorization cache or local list` : `Token ${token.idToken}: no data`,
              tbc: false,
              seqNo: 0,
              generatedAt: this.ctx.isoNow(),
              requestId: p['requestId'],
            });
          }
        });
      },
      SetVariableMonitoring: (p) => {
        const enabled = s.dm.bool('MonitoringCtrlr', 'Enabled');
        return answer({
          setMonitoringResult: (p['setMonitoringData'] as Array<Record<string, unknown>>).map((m) => {
            const component = m['component'] as Record<string, unknown>;
            const variable = m['variable'] as Record<string, unknown>;
            const cref = { name: component['name'] as string, ...(typeof component['instance'] === 'string' ? { instance: component['instance'] } : {}), ...(component['evse'] !== undefined ? { evse: component['evse'] as { id: number } } : {}) } as ComponentRef;
            const known = s.dm.find(cref, { name: variable['name'] as string, ...(typeof variable['instance'] === 'string' ? { instance: variable['instance'] } : {}) });
            const status = !enabled ? 'Rejected' : !s.dm.hasComponent(cref) ? 'UnknownComponent' : known === undefined ? 'UnknownVariable' : 'Accepted';
            const id = status === 'Accepted' ? ((m['id'] as number | undefined) ?? this.nextMonitorId++) : undefined;
            if (id !== undefined) s.monitors.set(id, { ...m, id });
            return { status, type: m['type'], severity: m['severity'], component, variable, ...(id !== undefined ? { id } : {}) };
          }),
        });
      },
      GetMonitoringReport: (p) => {
        const wanted = p['componentVariable'] as Array<Record<string, unknown>> | undefined;
        const criteria = p['monitoringCriteria'] as string[] | undefined;
        const typeOf: Record<string, string> = { ThresholdMonitoring: 'Threshold', DeltaMonitoring: 'Delta', PeriodicMonitoring: 'Periodic' };
        const monitors = [...s.monitors.values()].filter(
          (m) =>
            (wanted === undefined || wanted.some((w) => componentKey(w['component'] as ComponentRef) === componentKey(m['component'] as ComponentRef))) &&
            (criteria === undefined || criteria.some((c) => String(m['type']).startsWith(typeOf[c] ?? c))),
        );
        if (monitors.length === 0) return answer({ status: 'EmptyResultSet' });
        return answer({ status: 'Accepted' }, async () => {
          await this.ctx.send('NotifyMonitoringReport', {
            requestId: p['requestId'],
            seqNo: 0,
            generatedAt: this.ctx.isoNow(),
            tbc: false,
            monitor: monitors.map((m) => ({ component: m['component'], variable: m['variable'], variableMonitoring: [{ id: m['id'], transaction: m['transaction'] ?? false, value: m['value'], type: m['type'], severity: m['severity'] }] })),
          });
        });
      },
      ClearVariableMonitoring: (p) => answer({ clearMonitoringResult: (p['id'] as number[]).map((id) => ({ id, status: s.monitors.delete(id) ? 'Accepted' : 'NotFound' })) }),
      SetMonitoringBase: () => answer({ status: 'Accepted' }),
      SetMonitoringLevel: () => answer({ status: 'Accepted' }),
    };
  }

  // --- Firmware (L01) ------------------------------------------------------------------------------

  private firmwareFlow(req: L01FirmwareRequest): Promise<void> {
    const f = this.s.firmware;
    const run = this.runs.firmware.start(f, (st) => this.ctx.send('FirmwareStatusNotification', { status: st, requestId: req.requestId }));
    f.busy = true;
    f.requestId = req.requestId;
    return updateFirmwareL01(this.s, run, req, { logDownloadFailure: true });
  }

  afterBoot(): void {
    const f = this.s.firmware;
    const pending = f.afterBoot;
    if (pending === undefined) return;
    delete f.afterBoot;
    this.s.securityEvent('FirmwareUpdated', `firmware ${this.s.firmwareVersion}`);
    this.ctx.spawn('firmware status after reboot', async () => {
      for (const st of pending) {
        f.status = st;
        await this.ctx.send('FirmwareStatusNotification', { status: st, ...(f.requestId !== undefined ? { requestId: f.requestId } : {}) });
      }
      f.busy = false;
    });
  }

  async sendFirmwareStatus(): Promise<void> {
    const f = this.s.firmware;
    await this.ctx.send('FirmwareStatusNotification', { status: f.busy ? f.status : 'Idle', ...(f.busy && f.requestId !== undefined ? { requestId: f.requestId } : {}) }, { kind: 'triggered' });
  }

  // --- Logs (N01) ---------------------------------------------------------------------------------------

  private async upload(req: LogRequest): Promise<void> {
    if (this.ctx.faults.has('log-upload-without-status')) return;
    const u = this.s.upload;
    const run = this.runs.upload.start(u, (st) => this.ctx.send('LogStatusNotification', { status: st, requestId: req.requestId }));
    u.busy = true;
    u.requestId = req.requestId;
    const body = req.logType === 'SecurityLog' ? this.s.securityLog.map((e) => `${e.time} ${e.type} ${e.techInfo ?? ''}`).join('\n') : `diagnostics of ${this.s.options.id} at ${this.ctx.isoNow()}\n`;
    const result = await transferWithRetries(this.ctx, run, req, { direction: 'upload', announce: 'Uploading', policy: this.s.options.transfers, body });
    if (result === undefined) return;
    await run.report(result.ok ? 'Uploaded' : 'UploadFailure');
    if (run.current) u.busy = false;
  }

  async sendLogStatus(): Promise<void> {
    const u = this.s.upload;
    await this.ctx.send('LogStatusNotification', { status: u.busy ? u.status : 'Idle', ...(u.busy && u.requestId !== undefined ? { requestId: u.requestId } : {}) }, { kind: 'triggered' });
  }

  // --- Certificates (A02/A03, M) -------------------------------------------------------------------------

  async signCertificate(type: string): Promise<void> {
    const { pem, privateKey } = createCsr({ commonName: this.s.options.serialNumber, organization: this.s.dm.get('SecurityCtrlr', 'OrganizationName') });
    this.s.pendingCsrKey = privateKey;
    await this.ctx.send('SignCertificate', { csr: pem, certificateType: type }, { kind: 'triggered' });
  }

  private certificateSigned(chain: string, type: string): Handled {
    const s = this.s;
    const vetted = vetSignedChain(s, chain, {
      maxChainSize: s.dm.int('SecurityCtrlr', 'MaxCertificateChainSize', 10_000),
      invalidEvent: 'InvalidChargingStationCertificate',
      tooLong: 'chain longer than MaxCertificateChainSize',
    });
    if (!('leaf' in vetted)) return vetted;
    if (type === 'ChargingStationCertificate') s.clientCertificate = { pem: chain, key: s.pendingCsrKey! };
    s.pendingCsrKey = undefined;
    return answer({ status: 'Accepted' }, () => {
      if (type === 'ChargingStationCertificate' && this.ctx.security.profile === 3) this.ctx.setSecurity(s.securityFor(3), 'new charging station certificate');
    });
  }

  private installCertificate(type: string, pem: string): Handled {
    const s = this.s;
    const result = s.certificates.install(type, pem, this.ctx.now());
    if (this.ctx.faults.has('accepts-invalid-certificate')) return answer({ status: 'Accepted' });
    if (result.status === 'Accepted') return answer({ status: 'Accepted' });
    this.ctx.log(`InstallCertificate ${result.status}: ${result.reason}`);
    const event = result.status === 'Rejected' && type === 'CSMSRootCertificate' ? () => s.securityEvent('InvalidCsmsCertificate', result.reason) : undefined;
    return answer({ status: result.status }, event);
  }

  // --- Network profiles (B09, A05) -------------------------------------------------------------------------

  private setNetworkProfile(p: Record<string, unknown>): Handled {
    const s = this.s;
    const slot = p['configurationSlot'] as number;
    const data = p['connectionData'] as Record<string, unknown>;
    const slots = ['0', '1', '2'];
    if (!slots.includes(String(slot))) return answer({ status: 'Rejected', statusInfo: { reasonCode: 'InvalidSlot' } });
    const profile = data['securityProfile'] as number;
    if (profile < this.ctx.security.profile && !this.ctx.faults.has('accepts-security-profile-downgrade')) {
      return answer({ status: 'Rejected', statusInfo: { reasonCode: 'NoSecurityDowngrade' } });
    }
    s.networkProfiles.set(slot, data);
    return answer({ status: 'Accepted' }, () => s.securityEvent('ReconfigurationOfSecurityParameters', `network profile slot ${slot}`, { send: false }));
  }

  stop(): void {
    this.runs.stop(this.s);
  }
}
