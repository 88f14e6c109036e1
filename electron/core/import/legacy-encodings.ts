/**
 * How to guess which single-byte encoding (legacy-encoding-list.ts) a file
 * that is not UTF-8 is in.
 */
import { analyse } from 'chardet';
import { LEGACY_ENCODINGS } from './legacy-encoding-list';

export { LEGACY_ENCODINGS, type LegacyEncoding } from './legacy-encoding-list';

const BY_NAME = new Map(LEGACY_ENCODINGS.map((encoding) => [encoding.name, encoding]));

/** What chardet calls an encoding, as the WHATWG names it; Latin-1 is read as its superset windows-1252. */
const FROM_CHARDET: Readonly<Record<string, string>> = {
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  'ISO-8859-9': 'windows-1254',
  'KOI8-R': 'koi8-r',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  'windows-874': 'windows-874',
};

/** The encoding assumed when detection has nothing better: the commonest legacy encoding of all. */
export const FALLBACK_LEGACY_ENCODING = 'windows-1252';

// Detection reads statistics of letters and letter pairs; 64 KB of evidence is plenty, and keeps a 200 MB file fast.
const SAMPLE_LENGTH = 64 * 1024;
// Bytes kept either side of a non-ASCII byte: enough for the words around it.
const CONTEXT = 32;

/**
 * The passages around the file's non-ASCII bytes, joined by spaces. Only
 * those bytes tell single-byte encodings apart; pages of plain ASCII around
 * a few accented words would drown them out.
 */
function sampleOf(bytes: Uint8Array): Uint8Array {
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (let i = 0; i < bytes.length && size < SAMPLE_LENGTH; i++) {
    if (bytes[i]! < 0x80) continue;
    const start = Math.max(0, i - CONTEXT);
    let end = Math.min(bytes.length, i + CONTEXT);
    for (let j = i + 1; j < end; j++) if (bytes[j]! >= 0x80) end = Math.min(bytes.length, j + CONTEXT);
    pieces.push(bytes.subarray(start, end));
    size += end - start + 1;
    i = end - 1;
  }
  const sample = new Uint8Array(size).fill(0x20);
  let at = 0;
  for (const piece of pieces) {
    sample.set(piece, at);
    at += piece.length + 1;
  }
  return sample;
}

/** Guesses the single-byte encoding of bytes that are not UTF-8; answers a WHATWG name. */
export function detectLegacyEncoding(bytes: Uint8Array): string {
  for (const match of analyse(sampleOf(bytes))) {
    const name = FROM_CHARDET[match.name];
    if (name) return name;
  }
  return FALLBACK_LEGACY_ENCODING;
}

/** "windows-1251 (Cyrillic)", for messages. */
export function describeEncoding(name: string): string {
  const known = BY_NAME.get(name);
  return known ? `${name} (${known.description})` : name;
}
