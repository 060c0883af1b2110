// The transfer step shared by firmware downloads and diagnostics/log uploads of both
// versions: try, wait retryInterval, try again, up to `retries` more times (OCPP 1.6 §6.25
// GetDiagnostics.req and §6.55 UpdateFirmware.req; the security whitepaper's and 2.0.1's
// GetLog and (Signed)UpdateFirmware carry the same two fields), announcing each attempt.
import type { ModelContext } from '../model';
import { transfer, type TransferPolicy, type TransferResult } from '../transfers';
import type { FlowRun } from './flow-runs';

/** Simulated seconds each transfer or installation step takes. */
export const STEP_S = { download: 5, install: 5, upload: 3 };

export interface RetryingTransfer {
  location: string;
  retries: number;
  retryIntervalS: number;
}

/** `retries` and `retryInterval` of a request: absent means no retry, and 30 s between tries (our choice). */
export function retriesOf(payload: Record<string, unknown>): Pick<RetryingTransfer, 'retries' | 'retryIntervalS'> {
  return { retries: (payload['retries'] as number | undefined) ?? 0, retryIntervalS: (payload['retryInterval'] as number | undefined) ?? 30 };
}

export interface TransferAttempts {
  direction: 'download' | 'upload';
  /** The status each attempt is announced with (Downloading / Uploading). */
  announce: string;
  policy: TransferPolicy;
  /** What an upload sends. */
  body?: string;
}

/** The last attempt's result; undefined when the run was superseded or the charger went down. */
export async function transferWithRetries(ctx: ModelContext, run: FlowRun, req: RetryingTransfer, how: TransferAttempts): Promise<TransferResult | undefined> {
  let last: TransferResult = { ok: false, reason: 'not tried' };
  for (let attempt = 0; attempt <= req.retries; attempt++) {
    if (!(await run.report(how.announce))) return undefined;
    if (!(await ctx.sleep(STEP_S[how.direction] * 1000))) return undefined;
    last = await transfer(req.location, how.direction, { policy: how.policy, ...(how.body !== undefined ? { body: how.body } : {}) });
    if (last.ok) return last;
    if (attempt < req.retries && !(await ctx.sleep(req.retryIntervalS * 1000))) return undefined;
  }
  return last;
}
