/**
 * Entry of browser mode (`npm run web`): opens the library, serves it on
 * 127.0.0.1 with a per-run token, prints one ready line, and on Ctrl+C
 * stops cleanly with everything saved and the data folder's lock given back.
 * Startup, shutdown and unexpected errors go to `<data>/logs/diptych.log`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFolderInUseError, releaseAllLocksSync } from '../library/data-lock';
import { DataDirError, defaultDataDir, ensureWritableDir } from '../library/data-dir';
import { NewerDatabaseError } from '../library/database';
import { LibraryService } from '../library/library-service';
import { workerCompareEngine } from '../library/compare-engine';
import { openLogFile, type Logger } from '../library/log-file';
import { parseHostArgs, USAGE, UsageError } from './cli-options';
import { canOpenBrowser, openBrowser } from './open-browser';
import { startHost } from './server';

/** The project root: this file runs bundled as dist/host/host.mjs. */
const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

let logger: Logger | null = null;

function fatal(message: string, code = 1): never {
  logger?.error(`stopped: ${message}`);
  console.error(`Diptych: ${message}`);
  process.exit(code);
}

/** A bug escaped every handler: record it with its stack, give the lock back, and stop rather than run on in an unknown state. */
function crash(kind: string, error: unknown): void {
  logger?.error(`${kind}; stopping`, error);
  releaseAllLocksSync();
  const where = logger ? ` Details were written to ${logger.file}.` : '';
  console.error(`Diptych: an unexpected error stopped the host: ${error instanceof Error ? error.message : String(error)}.${where}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseHostArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) fatal(`${error.message}\n${USAGE}`, 2);
    throw error;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = options.dataDir ?? defaultDataDir();
  const version = appVersion();
  // The log lives in the data folder: prove the folder usable first, so an unusable one gets one clear message.
  try {
    await ensureWritableDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirError) fatal(error.message);
    throw error;
  }
  const log = openLogFile(dataDir);
  logger = log;
  process.on('uncaughtException', (error) => crash('uncaught exception', error));
  process.on('unhandledRejection', (reason) => crash('unhandled promise rejection', reason));
  log.info(`Diptych ${version} starting in browser mode (pid ${process.pid}, Node ${process.version}, data folder ${dataDir}).`);
  let service: LibraryService;
  try {
    service = await LibraryService.open({
      dataDir,
      documentsDir: options.documentsDir ?? join(appRoot, 'documents'),
      mode: 'browser',
      version,
      logger: log,
      compareEngine: workerCompareEngine({
        workerFile: join(appRoot, 'dist', 'host', 'compare-worker.mjs'),
        vectorsFile: join(appRoot, 'dist', 'data', 'word-vectors.bin'),
      }),
    });
  } catch (error) {
    if (error instanceof DataDirError || error instanceof NewerDatabaseError || error instanceof DataFolderInUseError) fatal(error.message);
    throw error;
  }
  const onUnexpected = (error: unknown, where: string): void => {
    log.error(`unexpected failure in ${where}`, error);
    console.error(`Diptych: unexpected failure in ${where} (details in ${log.file}):`, error);
  };
  let host;
  try {
    host = await startHost({ service, rendererDir: join(appRoot, 'dist', 'renderer'), port: options.port, onUnexpected, logFile: log.file });
  } catch (error) {
    await service.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fatal(`port ${options.port} on 127.0.0.1 is already in use. Choose another with --port N, or leave it out to take a free one.`);
    if (code === 'EACCES') fatal(`port ${options.port} needs privileges this user does not have. Choose a port above 1024.`);
    throw error;
  }
  // The address without its token: the log is a file other programs may read.
  log.info(`serving on http://127.0.0.1:${host.port}/`);
  console.log(`Diptych ready at ${host.url}`);
  if (options.open && canOpenBrowser()) openBrowser(host.url);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info(`stopping (${signal}).`);
    await host.close();
    try {
      await service.close();
      log.info('stopped; everything is saved.');
      console.log(`Diptych stopped (${signal}); everything is saved.`);
      process.exit(0);
    } catch (error) {
      log.error('stopped, but the last changes could not be saved', error);
      console.error(`Diptych stopped (${signal}) but the last changes could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('Ctrl+C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  logger?.error('could not start', error);
  fatal(`could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
