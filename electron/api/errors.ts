/**
 * Expected failures cross process boundaries as values, because Electron's
 * `invoke` keeps only an Error's message. Every API answer is an `ApiResult`.
 */

/** Machine-readable reasons an API call can fail. */
export type ApiErrorCode =
  | 'invalid-input'
  | 'unknown-method'
  | 'not-found'
  | 'too-large'
  | 'storage'
  | 'unauthorized'
  /** A PDF is locked: ask the reader for its password and call again with it. */
  | 'password-required'
  | 'internal';

/** A failure the UI can show: what happened, in words a reader understands. */
export interface ApiErrorInfo {
  code: ApiErrorCode;
  message: string;
}

/** The envelope every API call answers with. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorInfo };

/** Thrown inside services for expected failures; `dispatch` turns it into an `ApiResult`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Wraps a value as a successful result. */
export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

/** Wraps an error as a failed result. */
export function fail(code: ApiErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}
