/**
 * Arbitraries for the API fuzz tests: values an attacker or a buggy client
 * would send (path-like ids, NUL bytes, prototype keys, huge and deeply
 * nested values, lone surrogates), and a valid call of every method to
 * mutate, so the fuzzing reaches past the first schema check.
 */
import fc from 'fast-check';
import type { ApiMethod } from '../../../electron/api/contract';
import { highlight, link, LONDON, newId, note, passage, SOVIET } from '../../fixtures/annotations/factory';

/** Nested `depth` levels of arrays or objects around a value. */
export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** An object with an own `__proto__` key, as JSON.parse makes one. */
export const protoKeyed = (): unknown => JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');

const BIG = 'x'.repeat(2_000_000);

/** Single values that break naive code. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '../../etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    '/etc/passwd',
    '....//....//etc/passwd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'file:///etc/passwd',
    'a\0b',
    '\0',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'CON',
    'nul.json',
    '\uD800',
    '\uDFFF\uD800',
    '😀'.repeat(50),
    'ｆｕｌｌ',
    '\u202Eevil',
    '',
    ' ',
    BIG,
    '2026-01-01T00-00-00-000Z',
    'before-restore-2026-01-01T00-00-00-000Z/../../x',
    'urn:uuid:00000000-0000-0000-0000-000000000000',
    'urn:diptych:document:../../etc/passwd',
    -1,
    -0,
    1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    true,
    null,
    [],
    {},
  ),
  fc.constant(null).map(protoKeyed),
  fc.constantFrom(10, 1000, 3000).chain((depth) => fc.constantFrom('array' as const, 'object' as const).map((kind) => nested(depth, kind))),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 4 }),
);

const layout = {
  left: { documentId: SOVIET, position: 0 },
  right: { documentId: LONDON, position: 10 },
  split: 0.5,
  sidebarOpen: true,
  maximised: null,
  focusedPane: 'left',
};

/** A valid call of every method; the record type makes a new method fail to compile until it is fuzzed too. */
export function validCalls(): Record<ApiMethod, Record<string, unknown>> {
  return {
    getAppInfo: {},
    listDocuments: {},
    getDocumentText: { id: SOVIET },
    getDocumentFile: { id: 'chronology-1939' },
    importDocument: { fileName: 'fuzzed.md', bytes: new TextEncoder().encode('# A fuzzed note\n\nSome *words*.') },
    updateDocument: { id: SOVIET, details: { author: 'A. Fuzzer', tags: ['fuzz'] } },
    removeDocument: { id: SOVIET },
    restoreDocument: { id: SOVIET },
    listTrash: {},
    emptyTrash: { ids: ['not-in-the-trash'] },
    searchLibrary: { query: 'pact' },
    addTextDocument: { title: 'A fuzzed text', text: 'Some words to read.', description: 'fuzz' },
    getSession: {},
    saveLayout: { layout },
    saveSettings: { settings: { theme: 'dark', fontSize: 18, fontFamily: 'serif', lineWidth: 66 } },
    dismissNotice: { id: 'no-such-notice' },
    listAnnotations: { documentIds: [SOVIET, LONDON], motivations: ['highlighting', 'linking'] },
    putAnnotation: { annotation: highlight(passage(SOVIET, 0, 5, 'Share')) },
    deleteAnnotation: { id: newId() },
    exportAnnotations: { documentId: SOVIET, format: 'markdown' },
    importAnnotations: { content: JSON.stringify([note('Imported', [passage(LONDON, 0, 4, 'The ')]), link([passage(SOVIET, 0, 5), passage(LONDON, 0, 4)])]), fileName: 'x.jsonld' },
    listBackups: {},
    restoreBackup: { id: '2026-01-01T00-00-00-000Z' },
    getSaveStatus: {},
    getDiagnostics: {},
    compareDocuments: { leftId: SOVIET, rightId: LONDON },
    relatedPassages: { documentId: LONDON, start: 0, end: 60, otherId: SOVIET, limit: 5 },
    rejectSuggestion: {
      leftId: SOVIET,
      rightId: LONDON,
      suggestion: { id: 'not-the-id-compare-gave', left: { start: 0, end: 5, quote: 'Share' }, right: { start: 0, end: 5, quote: 'After' } },
    },
    restoreSuggestion: { leftId: SOVIET, rightId: LONDON, id: 'not-the-id-compare-gave' },
  };
}

/** Every path to a value inside `value` (objects and arrays), the root included. */
function pathsOf(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

/** `base` with the value at one path replaced, or one key added next to it. */
export function mutationOf(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  return fc.tuple(fc.nat({ max: paths.length - 1 }), nastyValue, fc.boolean(), fc.constantFrom('__proto__', 'constructor', 'extra', 'id', '')).map(
    ([index, value, addKey, key]) => {
      const copy = structuredClone(base) as Record<string, unknown>;
      const path = paths[index]!;
      if (path.length === 0) return addKey ? { ...copy, [key]: value } : value;
      let parent: Record<string | number, unknown> = copy;
      for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
      const last = path[path.length - 1]!;
      if (addKey && parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last])) {
        // defineProperty, so "__proto__" becomes an own key as it would arrive through JSON or IPC.
        Object.defineProperty(parent[last], key, { value, enumerable: true, configurable: true, writable: true });
      } else {
        parent[last] = value;
      }
      return copy;
    },
  );
}

/** Any argument for `method`: arbitrary values, nasty ones, and mutations of a valid call. */
export function argumentFor(method: ApiMethod, calls: Record<ApiMethod, Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: mutationOf(calls[method]), weight: 5 },
    { arbitrary: nastyValue, weight: 1 },
    { arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, withBigInt: true, withTypedArray: true, withSparseArray: true, withObjectString: true }), weight: 2 },
    { arbitrary: fc.constant(calls[method]), weight: 1 },
  );
}
