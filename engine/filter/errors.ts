// Filter errors carry the place they concern, so the CLI can point at it and the UI can
// underline it (api/filter.ts FilterErrorDetails).
import { ApiError } from '../../api/errors';
import type { FilterErrorDetails } from '../../api/filter';

export function filterError(position: number, length: number, message: string): ApiError {
  const details: FilterErrorDetails = { position, length: Math.max(0, length) };
  return new ApiError('bad-args', `Filter error at ${position}: ${message}`, details);
}

/** The position details of a filter error, or undefined for any other error. */
export function filterErrorDetails(err: unknown): FilterErrorDetails | undefined {
  if (!(err instanceof ApiError) || err.code !== 'bad-args') return undefined;
  const d = err.details as Partial<FilterErrorDetails> | undefined;
  if (typeof d?.position !== 'number' || typeof d.length !== 'number') return undefined;
  return { position: d.position, length: d.length };
}
