// Errors cross every transport as data, never as thrown objects.

export type ApiErrorCode =
  /** The arguments are missing, of the wrong type, or out of range. */
  | 'bad-args'
  /** The command name is not part of the contract. */
  | 'unknown-command'
  /** A session, proxy, run… with that id does not exist. */
  | 'not-found'
  /** The request conflicts with the current state (already running, port in use…). */
  | 'conflict'
  /** A file could not be read or written. */
  | 'io'
  /** A peer could not be reached, or refused. */
  | 'unreachable'
  /** The caller is not allowed to use the api (an IPC sender that is not our window). */
  | 'forbidden'
  /** Anything else: a defect. */
  | 'internal';

export interface ApiErrorData {
  code: ApiErrorCode;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toData(): ApiErrorData {
    const data: ApiErrorData = { code: this.code, message: this.message };
    if (this.details !== undefined) data.details = this.details;
    return data;
  }

  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.details);
  }
}

/** What a transport carries back for one call. */
export type ApiResponse<T> = { ok: true; result: T } | { ok: false; error: ApiErrorData };
