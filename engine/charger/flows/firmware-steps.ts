// The steps every firmware update is made of, in either version: download, wait for the
// transactions, install, reboot into the new version. The sequences differ (OCPP 1.6 §5.19
// in v16/maintenance.ts, L01 in firmware-l01.ts); the steps do not.
import type { ModelContext, ModelOptions } from '../model';
import type { TransferResult } from '../transfers';
import type { FlowRun, FlowState } from './flow-runs';
import { STEP_S, transferWithRetries, type RetryingTransfer } from './transfer-flow';

export interface FirmwareState extends FlowState {
  busy: boolean;
  requestId?: number;
  /** Statuses to send once the reboot that installed a firmware is accepted. */
  afterBoot?: string[];
}

/** What a firmware update needs of a station, 1.6 or 2.x. */
export interface FirmwareStation {
  readonly ctx: ModelContext;
  readonly options: Pick<ModelOptions, 'transfers'>;
  readonly firmware: FirmwareState;
  firmwareVersion: string;
  /** The operator's hardware fault "firmwareInstall". */
  readonly firmwareInstallFails: boolean;
  securityEvent(type: string, techInfo?: string): void;
  transactionRunning(): boolean;
}

export function nextFirmwareVersion(v: string): string {
  const m = /(\d+)(\D*)$/.exec(v);
  return m === null ? `${v}.1` : `${v.slice(0, m.index)}${Number(m[1]) + 1}${m[2]}`;
}

/** Waits until a moment (none when it has passed or is not a date); false when the charger went down. */
export async function waitUntil(ctx: ModelContext, at: number): Promise<boolean> {
  const delay = Number.isFinite(at) ? at - ctx.now() : 0;
  return delay <= 0 ? true : ctx.sleep(delay);
}

/** Sends a final status and frees the firmware slot. */
export async function endFirmwareRun(s: FirmwareStation, run: FlowRun, status: string): Promise<void> {
  await run.report(status);
  s.firmware.busy = false;
}

/** Downloads with retries, announcing Downloading; undefined when superseded or the charger went down. */
export function downloadFirmware(s: FirmwareStation, run: FlowRun, req: RetryingTransfer): Promise<TransferResult | undefined> {
  return transferWithRetries(s.ctx, run, req, { direction: 'download', announce: 'Downloading', policy: s.options.transfers });
}

/**
 * Waits for running transactions to end (OCPP 1.6 §5.19; L01.FR.06), then installs,
 * announcing Installing; false when superseded or the charger went down.
 */
export async function installFirmware(s: FirmwareStation, run: FlowRun): Promise<boolean> {
  while (s.transactionRunning()) {
    if (!(await s.ctx.sleep(1000))) return false;
  }
  if (!(await run.report('Installing'))) return false;
  return s.ctx.sleep(STEP_S.install * 1000);
}

/** The new version takes effect with a reboot; Installed follows once booted (errata 3.47 diagram, TC_044_1_CS). */
export function rebootIntoNewFirmware(s: FirmwareStation): void {
  s.firmwareVersion = nextFirmwareVersion(s.firmwareVersion);
  s.firmware.afterBoot = ['Installed'];
  s.ctx.reboot('FirmwareUpdate', 'clean');
}
