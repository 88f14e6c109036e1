/** Calls the host's API directly, as the renderer does, to set up test data. */
import { readApiAnswer } from '../../../electron/api/http-answer';
import type { HostProcess } from './host';

export async function callApi<T>(host: HostProcess, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Diptych-Token': host.token },
    body: JSON.stringify(input),
  });
  // A document's text comes as UTF-8 after a line of fields, a file as its bytes: read as the renderer reads them.
  const result = await readApiAnswer(response);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

/** A large plain text built from the source texts, with offsets that are easy to check. */
export function bigText(sourceTexts: string[], targetLength: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < targetLength; i++) {
    const chunk = `§${i} ${sourceTexts[i % sourceTexts.length]!.trim()}\n\n`;
    parts.push(chunk);
    length += chunk.length;
  }
  return parts.join('');
}

/** What importing a file answers: the new document, or the one already holding the same content. */
export type ImportAnswer =
  | { status: 'imported'; document: { id: string; title: string; kind: string; length: number }; warning: string | null }
  | { status: 'duplicate'; existing: { id: string; title: string; kind: string } };

/**
 * Imports a file as the renderer does over HTTP: the bytes as the body,
 * the other fields as URI-encoded JSON in a header.
 */
export async function importFile(host: HostProcess, fileName: string, content: string | Uint8Array, fields: Record<string, unknown> = {}): Promise<ImportAnswer> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const response = await fetch(`${host.origin}/api/importDocument`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/octet-stream',
      'X-Diptych-Input': encodeURIComponent(JSON.stringify({ fileName, ...fields })),
      'X-Diptych-Token': host.token,
    },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  const result = (await response.json()) as { ok: boolean; value?: ImportAnswer; error?: { message: string } };
  if (!result.ok) throw new Error(`importDocument failed: ${result.error?.message}`);
  return result.value!;
}
