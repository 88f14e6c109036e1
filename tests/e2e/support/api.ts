/** Calls the host's API directly, as the renderer does, to set up test data. */
import type { HostProcess } from './host';

export async function callApi<T>(host: HostProcess, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Diptych-Token': host.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message}`);
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
