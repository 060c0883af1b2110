// The L01 firmware update: the 1.6 security whitepaper's SignedUpdateFirmware and 2.0.1 /
// 2.1 UpdateFirmware take the same FirmwareType and walk the same statuses (security
// whitepaper ed. 3 L01, 2.0.1 L01–L02). What differs by version is the message the statuses
// travel in (the caller's FlowRun) and whether a signature is required (the whitepaper's
// FirmwareType has one always, so its schema check guarantees it).
import { X509Certificate } from 'node:crypto';
import { answer } from '../answers';
import { checkValidity } from '../certificates';
import type { Handled } from '../model';
import type { FlowRun } from './flow-runs';
import { signatureValid } from './firmware-signature';
import { downloadFirmware, endFirmwareRun, installFirmware, rebootIntoNewFirmware, waitUntil, type FirmwareStation } from './firmware-steps';
import { retriesOf, type RetryingTransfer } from './transfer-flow';

export interface L01FirmwareRequest extends RetryingTransfer {
  requestId: number;
  retrieveAt: number;
  installAt: number | undefined;
  /** Absent for an unsigned 2.0.1 update. */
  signature: { value: string; cert: X509Certificate | undefined } | undefined;
}

/**
 * Checks the signing certificate before accepting (L01.FR.23/24, with the security event
 * InvalidFirmwareSigningCertificate, L01.FR.02); a request while another update runs
 * cancels that one (AcceptedCanceled, L01.FR.26). `start` runs once the answer is sent.
 */
export function acceptL01Update(s: FirmwareStation, payload: Record<string, unknown>, start: (req: L01FirmwareRequest) => Promise<void>): Handled {
  const fw = payload['firmware'] as Record<string, unknown>;
  const signing = typeof fw['signingCertificate'] === 'string' ? readSigningCertificate(fw['signingCertificate'], s.ctx.now()) : undefined;
  const problem = signing?.problem;
  if (problem !== undefined && !s.ctx.faults.has('accepts-invalid-certificate')) {
    return answer({ status: 'InvalidCertificate' }, () => s.securityEvent('InvalidFirmwareSigningCertificate', problem));
  }
  const status = s.firmware.busy ? 'AcceptedCanceled' : 'Accepted';
  return answer({ status }, () =>
    start({
      requestId: payload['requestId'] as number,
      location: fw['location'] as string,
      retrieveAt: Date.parse(fw['retrieveDateTime'] as string),
      installAt: typeof fw['installDateTime'] === 'string' ? Date.parse(fw['installDateTime']) : undefined,
      signature: typeof fw['signature'] === 'string' ? { value: fw['signature'], cert: signing?.cert } : undefined,
      ...retriesOf(payload),
    }),
  );
}

function readSigningCertificate(pem: string, now: number): { cert: X509Certificate | undefined; problem: string | undefined } {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    return { cert: undefined, problem: 'the signing certificate does not parse' };
  }
  return { cert, problem: checkValidity(cert, now) };
}

export interface L01Options {
  /** Writes why a download failed to the charger log (the 1.6 signed flow never did). */
  logDownloadFailure: boolean;
}

export async function updateFirmwareL01(s: FirmwareStation, run: FlowRun, req: L01FirmwareRequest, options: L01Options): Promise<void> {
  const ctx = s.ctx;
  // Behaviour firmware-installed-without-downloading: Installed at once.
  if (ctx.faults.has('firmware-installed-without-downloading')) return endFirmwareRun(s, run, 'Installed');
  // L01.FR.13: DownloadScheduled until retrieveDateTime.
  if (req.retrieveAt > ctx.now()) {
    if (!(await run.report('DownloadScheduled'))) return;
    if (!(await waitUntil(ctx, req.retrieveAt))) return;
  }
  const downloaded = await downloadFirmware(s, run, req);
  if (downloaded === undefined) return;
  if (!downloaded.ok) {
    if (options.logDownloadFailure) ctx.log(`firmware download failed: ${downloaded.reason}`);
    return endFirmwareRun(s, run, 'DownloadFailed');
  }
  if (!(await run.report('Downloaded'))) return;
  if (req.signature !== undefined) {
    // L01.FR.03/04 (behaviour installs-despite-bad-signature: goes on regardless).
    if (!signatureValid(req.signature.value, req.signature.cert, downloaded.bytes) && !ctx.faults.has('installs-despite-bad-signature')) {
      await run.report('InvalidSignature');
      s.securityEvent('InvalidFirmwareSignature', `requestId ${req.requestId}`);
      s.firmware.busy = false;
      return;
    }
    if (!(await run.report('SignatureVerified'))) return;
  }
  // L01.FR.16/17: InstallScheduled until installDateTime.
  if (req.installAt !== undefined && req.installAt > ctx.now()) {
    if (!(await run.report('InstallScheduled'))) return;
    if (!(await waitUntil(ctx, req.installAt))) return;
  }
  if (!(await installFirmware(s, run))) return;
  if (s.firmwareInstallFails) return endFirmwareRun(s, run, 'InstallationFailed');
  // L01.FR.15: InstallRebooting before the reboot.
  if (!(await run.report('InstallRebooting'))) return;
  rebootIntoNewFirmware(s);
}
