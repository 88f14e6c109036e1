/**
 * The main process, start to finish: one instance, the app scheme, the
 * library, IPC, the menu and the window. `electron/main.ts` only calls
 * `startDiptych`; tests call it with a fake `electron` module.
 */
import { BrowserWindow, app, dialog, session } from 'electron';
import { ensureWritableDir } from '../library/data-dir';
import { LibraryService } from '../library/library-service';
import { workerCompareEngine } from '../library/compare-engine';
import { openLogFile, type Logger } from '../library/log-file';
import { dataDirFromArgs, resolveAppPaths } from './app-paths';
import { installApplicationMenu, showAboutBox } from './application-menu';
import { importThroughDialog } from './import-files';
import { registerAppScheme } from './app-scheme';
import { registerApiHandlers, type UnexpectedErrorLogger } from './ipc-handlers';
import { bringToFront, createMainWindow } from './main-window';
import { flushBeforeQuit } from './quit-guard';
import { serveRenderer } from './renderer-protocol';
import { hardenSession } from './session-guards';
import { assertRendererBuilt, failStartup } from './startup-failure';
import { guardWebContents } from './web-contents-guards';

/** A running Diptych, for the entry point and for tests. */
export interface DiptychInstance {
  readonly service: LibraryService;
  /** The reading window, or null after it was closed (macOS keeps the app running). */
  readonly window: BrowserWindow | null;
}

/** How this launch was asked to start. */
export interface StartOptions {
  /** Command-line arguments; `--data DIR` picks another data folder. */
  argv?: readonly string[];
}

/** Writes bugs met while answering the window to the console and the log file, with their stack. */
function unexpectedErrorLogger(logger: Logger): UnexpectedErrorLogger {
  return (error, method) => {
    console.error(`[diptych] ${method} failed unexpectedly`, error);
    logger.error(`${method} failed unexpectedly`, error);
  };
}

/** The last save failed while quitting: say so, since the change is about to be lost. */
function reportSaveFailure(logger: Logger, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  logger.error('quit with changes that could not be saved', error);
  dialog.showErrorBox('Diptych could not save', message);
}

/**
 * Starts Diptych. Resolves to the running instance, or null when this launch
 * handed over to an instance already running or could not start (in which
 * case the reader has been told why and the process is exiting).
 */
export async function startDiptych(options: StartOptions = {}): Promise<DiptychInstance | null> {
  const dataOverride = dataDirFromArgs(options.argv ?? process.argv);
  // Before the lock: the lock lives in the userData folder, so separate data folders may run side by side.
  if (dataOverride !== null) app.setPath('userData', dataOverride);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  let window: BrowserWindow | null = null;
  // Known once startup has succeeded; until then there is nothing to reopen.
  let preloadPath: string | null = null;
  const openWindow = (preload: string): void => {
    const created = createMainWindow(preload);
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
  };
  // A second launch hands over to this one: show the reader the window they already have.
  app.on('second-instance', () => {
    if (window) bringToFront(window);
    else if (preloadPath !== null) openWindow(preloadPath);
  });

  // Before `ready`: privileges and the sandbox switch are only honoured then, and
  // every web contents must be guarded from the moment it exists.
  registerAppScheme();
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    hardenSession(contents.session);
    guardWebContents(contents);
  });

  await app.whenReady();

  let logger: Logger | null = null;
  try {
    const paths = resolveAppPaths({
      userData: app.getPath('userData'),
      appPath: app.getAppPath(),
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
    });
    assertRendererBuilt(paths.rendererDir);
    hardenSession(session.defaultSession);
    serveRenderer(paths.rendererDir);
    // Proven usable before the log goes there, so an unusable folder is reported once, in the dialog.
    await ensureWritableDir(paths.dataDir);
    const log = openLogFile(paths.dataDir);
    logger = log;
    log.info(`Diptych ${app.getVersion()} starting as the desktop app (pid ${process.pid}, Electron ${process.versions.electron ?? 'unknown'}, data folder ${paths.dataDir}).`);
    // Takes the data folder's lock too: a browser-mode host on the same folder would otherwise write beside us.
    const service = await LibraryService.open({
      dataDir: paths.dataDir,
      documentsDir: paths.documentsDir,
      mode: 'electron',
      version: app.getVersion(),
      logger: log,
      compareEngine: workerCompareEngine({ workerFile: paths.compareWorkerFile, vectorsFile: paths.wordVectorsFile }),
    });

    registerApiHandlers(service, unexpectedErrorLogger(log), log.file);
    flushBeforeQuit(
      async () => {
        log.info('quitting.');
        await service.close();
      },
      (error) => reportSaveFailure(log, error),
    );
    installApplicationMenu({
      platform: process.platform,
      isDev: !app.isPackaged,
      appName: app.name,
      onAbout: () => void showAboutBox(app.name, app.getVersion()),
      onImport: () => void importThroughDialog(window).catch((error: unknown) => log.error(`File › Import… failed: ${String(error)}`)),
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow(paths.preloadPath);
    });
    app.on('window-all-closed', () => {
      // macOS apps stay in the Dock with no window; everywhere else closing the last window quits.
      if (process.platform !== 'darwin') app.quit();
    });

    preloadPath = paths.preloadPath;
    openWindow(paths.preloadPath);
    return {
      service,
      get window() {
        return window;
      },
    };
  } catch (error) {
    failStartup(error, logger);
    return null;
  }
}
