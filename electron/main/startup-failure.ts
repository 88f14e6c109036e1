/**
 * What the reader sees when Diptych cannot start: one dialog that says why,
 * then a non-zero exit (no half-working window).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog } from 'electron';
import { DataFolderInUseError } from '../library/data-lock';
import { DataDirError } from '../library/data-dir';
import { NewerDatabaseError } from '../library/database';
import type { Logger } from '../library/log-file';

/** The renderer build is not where the main process expects it (a development checkout that was not built). */
export class RendererMissingError extends Error {
  constructor(rendererDir: string) {
    super(`The Diptych window's files are missing from ${rendererDir}. Run "npm run build" and start Diptych again.`);
    this.name = 'RendererMissingError';
  }
}

/** Throws `RendererMissingError` unless the renderer build's entry page exists. */
export function assertRendererBuilt(rendererDir: string): void {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new RendererMissingError(rendererDir);
}

/** The dialog text for a startup error; errors written for readers are shown as they are. */
export function describeStartupError(error: unknown, logFile?: string): { title: string; message: string } {
  const title = 'Diptych cannot start';
  if (
    error instanceof DataDirError ||
    error instanceof NewerDatabaseError ||
    error instanceof RendererMissingError ||
    error instanceof DataFolderInUseError
  ) {
    return { title, message: error.message };
  }
  const reason = error instanceof Error ? error.message : String(error);
  const where = logFile ? ` Details were written to ${logFile}.` : '';
  return { title, message: `Diptych could not start: ${reason}${where}` };
}

/** Shows the error and exits with status 1, skipping `before-quit` since nothing was opened to save. */
export function failStartup(error: unknown, logger: Logger | null = null): void {
  console.error('[diptych] startup failed', error);
  logger?.error('could not start', error);
  const { title, message } = describeStartupError(error, logger?.file);
  dialog.showErrorBox(title, message);
  app.exit(1);
}
