/**
 * One IPC handler per API method, all answering through `dispatch`, and only
 * to frames of our own origin.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { apiMethods, IPC_PREFIX, type DiptychApi } from '../api/contract';
import { dispatch } from '../api/dispatch';
import { fail, type ApiResult } from '../api/errors';
import { pointToLog } from '../library/log-file';
import { isAppUrl } from './app-scheme';

/** Called with errors that are bugs rather than expected failures. */
export type UnexpectedErrorLogger = (error: unknown, method: string) => void;

/**
 * Whether the call came from a frame showing our app origin. A frame that
 * has navigated elsewhere, or is gone, is not trusted.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && isAppUrl(frame.url);
  } catch {
    return false;
  }
}

/**
 * Registers `diptych:<method>` for every method in the contract. Handlers
 * answer `ApiResult`s and never throw; an `internal` answer names `logFile`,
 * where `onUnexpected` wrote the details.
 */
export function registerApiHandlers(service: DiptychApi, onUnexpected: UnexpectedErrorLogger, logFile = ''): void {
  for (const method of apiMethods) {
    ipcMain.handle(IPC_PREFIX + method, async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return fail('unauthorized', `${method} may only be called by the Diptych window.`);
      }
      return pointToLog(await dispatch(service, method, input, onUnexpected), logFile);
    });
  }
}
