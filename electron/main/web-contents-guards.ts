/**
 * Guards applied to every web contents the app creates: the page may not
 * navigate away from the app origin, open windows, or embed webviews. Web
 * links go to the system browser, and only after the reader agrees.
 */
import { BrowserWindow, dialog, shell, type WebContents } from 'electron';
import { isAppUrl } from './app-scheme';

/** The normalised URL if it is an http(s) link worth offering to the browser, otherwise null. */
export function externalWebUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

const MAX_SHOWN_URL = 300;

/**
 * Asks before handing a link to the system browser, so a hostile text cannot
 * open pages by itself. Resolves to whether the link was opened; never rejects.
 */
export async function openExternalWithConsent(url: string, owner: BrowserWindow | null): Promise<boolean> {
  const href = externalWebUrl(url);
  if (href === null) return false;
  const shown = href.length > MAX_SHOWN_URL ? `${href.slice(0, MAX_SHOWN_URL)}…` : href;
  const options: Electron.MessageBoxOptions = {
    type: 'question',
    title: 'Open link',
    message: 'Open this link in your web browser?',
    detail: shown,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  try {
    const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
    if (response !== 0) return false;
    await shell.openExternal(href);
    return true;
  } catch (error) {
    console.error('[diptych] could not open an external link', error);
    return false;
  }
}

/** Contents with a link dialog already up: a page firing links in a loop gets one dialog, not a stack. */
const asking = new WeakSet<WebContents>();

function offerExternally(contents: WebContents, url: string): void {
  if (externalWebUrl(url) === null || asking.has(contents)) return;
  asking.add(contents);
  void openExternalWithConsent(url, BrowserWindow.fromWebContents(contents)).finally(() => asking.delete(contents));
}

/** Locks one web contents to the app origin. Registered for all contents through `web-contents-created`. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    offerExternally(contents, event.url);
  });
  // Also fires for subframes, which `will-navigate` no longer covers.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    offerExternally(contents, url);
    return { action: 'deny' };
  });
}
