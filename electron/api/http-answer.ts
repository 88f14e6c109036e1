/**
 * How browser mode's host puts an answer on the wire, and how a client reads
 * it back. Most answers are the JSON of an `ApiResult`. Two kinds are not:
 *
 * - a file (`getDocumentFile`): its raw bytes as the body, the answer's
 *   other fields as URI-encoded JSON in the `X-Diptych-Output` header (base64
 *   would make a 200 MB file 267 MB, twice);
 * - a document's text (`getDocumentText`): a first line holding the JSON of
 *   the answer's other fields, then the text itself as UTF-8, so a 5 MB text
 *   is neither escaped by the host nor parsed by the window as JSON.
 *
 * Plain fetch types, no Node and no DOM: the renderer and the tests share it.
 */
import type { ApiResult } from './errors';

/** The header carrying the rest of an answer whose body is a file's raw bytes. */
export const BINARY_OUTPUT_HEADER = 'x-diptych-output';
/** The media type of an answer whose body is its text after a first line of JSON. */
export const TEXT_ANSWER_TYPE = 'application/vnd.diptych.text-answer';
/** Methods answered as a text after a line of JSON. */
export const TEXT_ANSWER_METHODS: ReadonlySet<string> = new Set(['getDocumentText']);

/** Splits a text answer's body into its fields and its text. */
export function parseTextAnswer(body: string): Record<string, unknown> {
  const newline = body.indexOf('\n');
  if (newline < 0) throw new Error('A text answer has no line of fields.');
  const fields = JSON.parse(body.slice(0, newline)) as unknown;
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) throw new Error('A text answer’s first line is not a JSON object.');
  return { ...fields, text: body.slice(newline + 1) };
}

/** Reads one API answer, whichever way it came; throws when the body cannot be read. */
export async function readApiAnswer(response: Response): Promise<ApiResult<unknown>> {
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (response.ok && type === TEXT_ANSWER_TYPE) return { ok: true, value: parseTextAnswer(await response.text()) };
  const rest = response.headers.get(BINARY_OUTPUT_HEADER);
  if (response.ok && rest !== null) {
    const fields = JSON.parse(decodeURIComponent(rest)) as Record<string, unknown>;
    return { ok: true, value: { ...fields, bytes: new Uint8Array(await response.arrayBuffer()) } };
  }
  return (await response.json()) as ApiResult<unknown>;
}
