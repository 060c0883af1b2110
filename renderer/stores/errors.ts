// Commands reject with an ApiError (api/errors.ts) whatever the transport; views only need
// its code, message and details, and must cope with anything else a transport throws.
import type { ApiErrorCode } from '../../api/errors';

export interface ErrorInfo {
  code?: ApiErrorCode;
  message: string;
  details?: unknown;
}

export function errorInfo(err: unknown): ErrorInfo {
  if (typeof err === 'object' && err !== null && 'message' in err) {
    const { message, code, details } = err as { message: unknown; code?: unknown; details?: unknown };
    const info: ErrorInfo = { message: String(message) };
    if (typeof code === 'string') info.code = code as ApiErrorCode;
    if (details !== undefined) info.details = details;
    return info;
  }
  return { message: String(err) };
}

/** Where a filter expression is wrong, when the error says so (api/filter.ts FilterErrorDetails). */
export function errorPosition(err: ErrorInfo | undefined): { position: number; length: number } | undefined {
  const details = err?.details;
  if (typeof details !== 'object' || details === null) return undefined;
  const { position, length } = details as { position?: unknown; length?: unknown };
  if (typeof position !== 'number') return undefined;
  return { position, length: typeof length === 'number' ? length : 0 };
}
