// The firmware and upload runs of one station (1.6 or 2.x), stopped together at power-down.
import type { ModelContext } from '../model';
import type { FirmwareState } from './firmware-steps';
import { FlowRuns, type UploadState } from './flow-runs';

export class TransferRuns {
  readonly firmware: FlowRuns;
  readonly upload: FlowRuns;

  constructor(ctx: ModelContext) {
    this.firmware = new FlowRuns(ctx);
    this.upload = new FlowRuns(ctx);
  }

  /**
   * Every run stops at its next step. A firmware that rebooted to install stays busy:
   * Installed is still due once booted (OCPP 1.6 errata 3.47; L01).
   */
  stop(s: { firmware: FirmwareState; upload: UploadState }): void {
    this.firmware.supersede();
    this.upload.supersede();
    if (s.firmware.afterBoot === undefined) s.firmware.busy = false;
    s.upload.busy = false;
  }
}
