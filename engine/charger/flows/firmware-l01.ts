// The L01 firmware update: the 1.6 security whitepaper's SignedUpdateFirmware and 2.0.1 /
// 2.1 UpdateFirmware walk the same statuses (security whitepaper ed. 3 L01, 2.0.1 L01–L02).
// What differs by version is the message the statuses travel in (the caller's FlowRun)
// and whether a signature is required (the whitepaper's FirmwareType has one always).
import type { X509Certificate } from 'node:crypto';
import type { FlowRun } from './flow-runs';
import { signatureValid } from './firmware-signature';
import { downloadFirmware, endFirmwareRun, installFirmware, rebootIntoNewFirmware, waitUntil, type FirmwareStation } from './firmware-steps';
import type { RetryingTransfer } from './transfer-flow';

export interface L01FirmwareRequest extends RetryingTransfer {
  requestId: number;
  retrieveAt: number;
  installAt: number | undefined;
  /** Absent for an unsigned 2.0.1 update. */
  signature: { value: string; cert: X509Certificate | undefined } | undefined;
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
