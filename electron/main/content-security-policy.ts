/**
 * Applies the renderer's Content-Security-Policy (defined once in core, shared
 * with the browser-mode host) to Electron response headers.
 */

import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';

export { CONTENT_SECURITY_POLICY };

const CSP_HEADER = 'Content-Security-Policy';

/**
 * Returns the headers with our policy as the only CSP header. Any other
 * spelling of the header is dropped so a response cannot carry a looser
 * policy beside ours.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === CSP_HEADER.toLowerCase()) continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result[CSP_HEADER] = [CONTENT_SECURITY_POLICY];
  return result;
}
