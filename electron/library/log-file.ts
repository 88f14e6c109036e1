/**
 * Diptych's log: `<data>/logs/diptych.log`, rotated at about 1 MB with five
 * older files kept. It records startup, shutdown, repairs and unexpected
 * errors with their stack, so a reader can send it when something breaks.
 * It never records note contents or the browser-mode token: callers log
 * their own sentences, and anything that looks like a token is masked.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fail, type ApiResult } from '../api/errors';

export const LOGS_FOLDER = 'logs';
export const LOG_FILE = 'diptych.log';
export const MAX_LOG_BYTES = 1024 * 1024;
/** Rotated files kept besides the current one: diptych.log.1 (newest) … diptych.log.5. */
export const KEPT_LOG_FILES = 5;
/** One record is cut at this length, so one huge error cannot push everything else out. */
const MAX_RECORD_CHARS = 16 * 1024;

/** Where the library writes what happened. */
export interface Logger {
  /** The current log file, for messages that send the reader there. */
  readonly file: string;
  info(message: string): void;
  warn(message: string): void;
  /** Records the message, and the error's stack when there is one. */
  error(message: string, error?: unknown): void;
}

export interface LogFileOptions {
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
}

/** Masks `token=…` and the token header, wherever a URL or request found its way into a message. */
export function maskSecrets(text: string): string {
  return text.replace(/(token=|x-diptych-token:\s*)[A-Za-z0-9_-]+/gi, '$1[hidden]');
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Opens the log in `<dataDir>/logs`. Writing is synchronous (a few records
 * a session, and none is lost when the process dies right after) and never
 * throws: a log that cannot be written must not stop the app.
 */
export function openLogFile(dataDir: string, options: LogFileOptions = {}): Logger {
  const folder = join(dataDir, LOGS_FOLDER);
  const file = join(folder, LOG_FILE);
  const maxBytes = options.maxBytes ?? MAX_LOG_BYTES;
  const keep = options.keep ?? KEPT_LOG_FILES;
  const now = options.now ?? (() => new Date());
  let size: number | null = null;
  let broken = false;

  const rotate = (): void => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${file}.${i}`, `${file}.${i + 1}`);
      } catch {
        /* that generation does not exist yet */
      }
    }
    renameSync(file, `${file}.1`);
    size = 0;
  };

  const write = (level: string, message: string): void => {
    let record = maskSecrets(`${now().toISOString()} ${level} ${message}`);
    if (record.length > MAX_RECORD_CHARS) record = `${record.slice(0, MAX_RECORD_CHARS)} … (cut)`;
    record = `${record.replace(/\n/g, '\n    ')}\n`;
    try {
      if (size === null) {
        mkdirSync(folder, { recursive: true });
        size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      }
      const bytes = Buffer.byteLength(record);
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, record);
      size += bytes;
      broken = false;
    } catch (error) {
      // Say once that the log is unusable, then keep quiet until it works again.
      if (!broken) console.error(`Diptych: could not write the log ${file}: ${error instanceof Error ? error.message : String(error)}`);
      broken = true;
      size = null;
    }
  };

  return {
    file,
    info: (message) => write('INFO', message),
    warn: (message) => write('WARN', message),
    error: (message, error) => write('ERROR', error === undefined ? message : `${message}\n${describeError(error)}`),
  };
}

/** A logger that writes nowhere, for code paths that are given none. */
export const silentLogger: Logger = { file: '', info: () => {}, warn: () => {}, error: () => {} };

/**
 * Points an `internal` answer at the log, which holds the stack the answer
 * leaves out. Other answers are returned as they are.
 */
export function pointToLog(result: ApiResult<unknown>, logFile: string): ApiResult<unknown> {
  if (result.ok || result.error.code !== 'internal' || logFile === '') return result;
  const message = result.error.message.replace(/\.?$/, '.');
  return fail('internal', `${message} Details were written to ${logFile}.`);
}
