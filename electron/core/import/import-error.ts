/**
 * The one error an import raises for a file it refuses. It is an `ApiError`,
 * so a service can let it propagate and `dispatch` hands the reader its
 * message; `reason` lets the library and the tests tell refusals apart.
 */
import { ApiError } from '../../api/errors';

/** Why a file was refused. */
export type ImportErrorReason =
  | 'too-large'
  | 'empty'
  | 'unsupported-type'
  | 'binary'
  | 'unknown-encoding'
  | 'no-text'
  | 'too-complex';

/** A file Diptych will not import, with a message a reader can act on. */
export class ImportError extends ApiError {
  readonly reason: ImportErrorReason;

  constructor(reason: ImportErrorReason, message: string) {
    super(reason === 'too-large' ? 'too-large' : 'invalid-input', message);
    this.name = 'ImportError';
    this.reason = reason;
  }
}

// Bidi controls would let a crafted name read differently from what it is ("txt.exe" shown as "exe.txt").
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const MAX_SHOWN_NAME_LENGTH = 80;

/**
 * A file name as it may appear in a message: the last path component only,
 * without control or bidi-override characters, and shortened if very long.
 */
export function displayFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(UNSAFE_NAME_CHARACTERS, '').trim();
  if (clean === '') return 'This file';
  const chars = Array.from(clean);
  const shown = chars.length > MAX_SHOWN_NAME_LENGTH ? `${chars.slice(0, MAX_SHOWN_NAME_LENGTH - 1).join('')}…` : clean;
  return `“${shown}”`;
}
