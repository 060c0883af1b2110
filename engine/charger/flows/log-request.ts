// GetLog: the same request and answer in the 1.6 security whitepaper (N01) and 2.0.1 (N01).
import { answer } from '../answers';
import type { Handled } from '../model';
import { retriesOf, type RetryingTransfer } from './transfer-flow';

export interface LogRequest extends RetryingTransfer {
  requestId: number;
  logType: string;
}

/**
 * A GetLog while an upload runs cancels that one (AcceptedCanceled, N01.FR.11). The file is
 * named after the log type, the charger and the request. `start` runs once the answer is sent.
 */
export function acceptGetLog(s: { readonly options: { id: string }; readonly upload: { busy: boolean } }, payload: Record<string, unknown>, start: (req: LogRequest) => Promise<void>): Handled {
  const log = payload['log'] as Record<string, unknown>;
  const requestId = payload['requestId'] as number;
  const logType = payload['logType'] as string;
  const filename = `${logType.toLowerCase()}-${s.options.id}-${requestId}.log`;
  return answer({ status: s.upload.busy ? 'AcceptedCanceled' : 'Accepted', filename }, () => start({ location: log['remoteLocation'] as string, requestId, logType, ...retriesOf(payload) }));
}
