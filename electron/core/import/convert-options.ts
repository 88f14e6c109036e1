/**
 * What the format converters share: their options, and how a document that
 * outgrows the model's limits becomes a refusal the reader can understand.
 */
import { DocumentLimitError } from './document-builder';
import { ImportError, displayFileName } from './import-error';

export interface ConvertOptions {
  /** Used only to name the file in error messages. */
  fileName?: string;
}

/**
 * Rethrows `error`, as an `ImportError` when it means the file is too big or
 * too deeply nested to model. A stack overflow counts: the Markdown lexer
 * recurses once per level of nesting, so thousands of nested quotes exhaust it.
 */
export function rethrowAsImportError(error: unknown, options: ConvertOptions): never {
  const name = displayFileName(options.fileName ?? '');
  if (error instanceof DocumentLimitError) {
    throw new ImportError('too-complex', `${name} is too large to import as a formatted document: ${error.message}.`);
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    throw new ImportError('too-complex', `${name} is nested too deeply to read (thousands of lists or quotes inside one another).`);
  }
  if (error instanceof RangeError) {
    throw new ImportError('too-complex', `${name} is too large to import as a formatted document.`);
  }
  throw error;
}
