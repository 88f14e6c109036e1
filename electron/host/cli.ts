/**
 * Entry of browser mode (`npm run web`): opens the library, serves it on
 * 127.0.0.1 with a per-run token, prints one ready line, and on Ctrl+C
 * stops cleanly with everything saved.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataDirError, defaultDataDir } from '../library/data-dir';
import { NewerDatabaseError } from '../library/database';
import { LibraryService } from '../library/library-service';
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

function fatal(message: string, code = 1): never {
  console.error(`Diptych: ${message}`);
  process.exit(code);
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
  let service: LibraryService;
  try {
    service = await LibraryService.open({
      dataDir,
      documentsDir: options.documentsDir ?? join(appRoot, 'documents'),
      mode: 'browser',
      version: appVersion(),
    });
  } catch (error) {
    if (error instanceof DataDirError || error instanceof NewerDatabaseError) fatal(error.message);
    throw error;
  }
  const onUnexpected = (error: unknown, where: string): void => {
    console.error(`Diptych: unexpected failure in ${where}:`, error);
  };
  let host;
  try {
    host = await startHost({ service, rendererDir: join(appRoot, 'dist', 'renderer'), port: options.port, onUnexpected });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fatal(`port ${options.port} on 127.0.0.1 is already in use. Choose another with --port N, or leave it out to take a free one.`);
    if (code === 'EACCES') fatal(`port ${options.port} needs privileges this user does not have. Choose a port above 1024.`);
    throw error;
  }
  console.log(`Diptych ready at ${host.url}`);
  if (options.open && canOpenBrowser()) openBrowser(host.url);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await host.close();
    try {
      await service.flush();
      console.log(`Diptych stopped (${signal}); everything is saved.`);
      process.exit(0);
    } catch (error) {
      console.error(`Diptych stopped (${signal}) but the last changes could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('Ctrl+C'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  fatal(`could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
