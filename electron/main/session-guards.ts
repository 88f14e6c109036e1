/**
 * Session-wide refusals: Diptych reads text, so it never needs the camera,
 * notifications, USB devices or any other permission a page can ask for.
 */
import type { Session } from 'electron';
import { withContentSecurityPolicy } from './content-security-policy';

const hardened = new WeakSet<Session>();

/**
 * Denies every permission request and check, and stamps our CSP on any
 * response that reaches the session's network stack. The app-scheme handler
 * already sends the CSP; this is the backstop for anything else.
 * Safe to call again for the same session.
 */
export function hardenSession(session: Session): void {
  if (hardened.has(session)) return;
  hardened.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}
