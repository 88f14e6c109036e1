/**
 * The expected ways opening a PDF fails, as one error type with a code the
 * UI can act on (ask for a password, ask again, or say the file is bad) and
 * a message a reader can be shown as it is.
 */

/**
 * - `password-required`: the PDF is encrypted and no password was given;
 * - `password-incorrect`: the password given does not open it;
 * - `damaged`: the bytes are not a readable PDF (empty, truncated, garbage).
 */
export type PdfErrorCode = 'password-required' | 'password-incorrect' | 'damaged';

const MESSAGES: Record<Exclude<PdfErrorCode, 'damaged'>, string> = {
  'password-required': 'This PDF is protected by a password. Enter the password to open it.',
  'password-incorrect': 'That password does not open this PDF. Check it and try again.',
};

/** Thrown by extractPdfText for a PDF that cannot be opened; `message` is for the reader. */
export class PdfError extends Error {
  readonly code: PdfErrorCode;
  /** What pdf.js said, for the log; already part of the message of a damaged file. */
  readonly detail: string | undefined;

  constructor(code: PdfErrorCode, detail?: string) {
    super(code === 'damaged' ? damagedMessage(detail) : MESSAGES[code]);
    this.name = 'PdfError';
    this.code = code;
    this.detail = detail;
  }
}

function damagedMessage(detail: string | undefined): string {
  const reason = detail?.trim().replace(/\.$/, '');
  return reason ? `This file is damaged or is not a PDF (${reason}).` : 'This file is damaged or is not a PDF.';
}

/** pdf.js' PasswordResponses; the class itself is not exported, so its errors are recognised by name. */
const NEED_PASSWORD = 1;
const INCORRECT_PASSWORD = 2;

/**
 * Turns whatever pdf.js threw while opening or reading a document into a
 * PdfError. pdf.js rebuilds its worker's errors on this side of the message
 * port, so they are told apart by `name` rather than by class.
 */
export function toPdfError(error: unknown): PdfError {
  if (error instanceof PdfError) return error;
  const { name, code, message } = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  if (name === 'PasswordException') {
    if (code === INCORRECT_PASSWORD) return new PdfError('password-incorrect');
    if (code === NEED_PASSWORD) return new PdfError('password-required');
  }
  return new PdfError('damaged', typeof message === 'string' ? message : String(error));
}
