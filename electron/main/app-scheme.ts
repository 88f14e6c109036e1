/**
 * The privileged `app://diptych/` scheme the renderer is served from, in
 * place of file:// (which would give the page read access to the whole disk).
 */
import { protocol } from 'electron';

/** The URL scheme the renderer is served on. */
export const APP_SCHEME = 'app';
/** The one host on that scheme; anything else is refused. */
export const APP_HOST = 'diptych';
/** Written out by hand because Node's URL gives non-special schemes the origin "null". */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page every Diptych window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Declares the scheme standard (real origin, relative URLs, storage) and
 * secure (a secure context, like https). Must run before the app is ready.
 * `corsEnabled` and `bypassCSP` are left off on purpose: other origins cannot
 * read our files and our own CSP applies.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Tells whether a URL belongs to the Diptych app origin (and nothing that merely looks like it). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
