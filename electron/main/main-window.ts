/**
 * The reading window: sandboxed, context-isolated, no Node in the page,
 * loading the renderer from the app scheme.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-scheme';

/** The light theme's paper colour, so the window does not flash white before React paints. */
export const WINDOW_BACKGROUND = '#f7f3ea';

/** The options every Diptych window is created with. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    title: 'Diptych',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The spellchecker downloads dictionaries on Windows and Linux; a reader has nothing to correct.
      spellcheck: false,
      // Middle-clicks would reach the window-open handler, which denies them anyway; this also
      // answers Electronegativity's AUXCLICK check.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** Creates the window, shows it once its first frame is ready, and loads the renderer. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`[diptych] the window could not load ${APP_ENTRY_URL}`, error);
  });
  return window;
}

/** Brings an existing window back in front of the reader (after a second launch, for instance). */
export function bringToFront(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
