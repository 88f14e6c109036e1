/**
 * Bytes of a text file to a string. UTF-8 and UTF-16 are recognised by
 * their byte-order mark; bytes without one are read as UTF-8 if they are
 * valid UTF-8, and otherwise as the single-byte encoding they most likely
 * are, always with a warning, since a guess can be wrong and the reader
 * must know to choose the encoding instead. Line endings are kept as they
 * are; only the byte-order mark is removed.
 */
import { ImportError, displayFileName } from './import-error';
import { describeEncoding, detectLegacyEncoding } from './legacy-encodings';
import { repairWindows1252 } from './single-byte-fix';

export interface DecodeOptions {
  /** The encoding the reader chose; any label `TextDecoder` knows ("utf-8", "latin1", "windows-1251"). */
  encoding?: string;
  /** Used only to name the file in error messages. */
  fileName?: string;
}

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used ("utf-8", "utf-16le", "windows-1251"). */
  encoding: string;
  /** Whether the file began with a byte-order mark (removed from `text`). */
  bom: boolean;
  /** A sentence for the reader when the text may not be what the file's author wrote. */
  warning?: string;
}

const BOMS: readonly { encoding: string; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

function isUtf16(encoding: string): boolean {
  return encoding === 'utf-16le' || encoding === 'utf-16be';
}

/** A decoder for a label, or an `ImportError` naming it if this runtime cannot decode it. */
function decoderFor(label: string, fatal: boolean): Decoder {
  try {
    // The BOM is never part of the text; TextDecoder removes one that matches its encoding.
    return new TextDecoder(label.trim(), { fatal, ignoreBOM: false });
  } catch {
    throw new ImportError('unknown-encoding', `Diptych cannot read the encoding “${label.trim().slice(0, 40)}”. Choose another, such as UTF-8 or windows-1252.`);
  }
}

type Decoder = InstanceType<typeof TextDecoder>;

function decodeBytes(decoder: Decoder, bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? repairWindows1252(text) : text;
}

/** Decodes strictly, then leniently with a warning if some bytes are not valid in that encoding. */
function decodeWith(bytes: Uint8Array, label: string): { text: string; encoding: string; warning?: string } {
  const strict = decoderFor(label, true);
  try {
    return { text: decodeBytes(strict, bytes), encoding: strict.encoding };
  } catch {
    const text = decodeBytes(decoderFor(label, false), bytes);
    return {
      text,
      encoding: strict.encoding,
      warning: `Some bytes of this file are not valid ${strict.encoding} and are shown as “�”. If much of the text looks wrong, import it again and choose its encoding.`,
    };
  }
}

function binaryFileError(fileName: string | undefined): ImportError {
  return new ImportError(
    'binary',
    `${displayFileName(fileName ?? '')} looks like a binary file, not text: it contains NUL bytes. If it is UTF-16 text without a byte-order mark, import it again and choose its encoding.`,
  );
}

/** Decodes a text file's bytes; throws `ImportError` for binary content or an unknown encoding. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = BOMS.find((candidate) => startsWith(bytes, candidate.bytes));
  // FF FE 00 00 is UTF-32's mark, which no TextDecoder reads.
  if (bom?.encoding === 'utf-16le' && startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) {
    throw new ImportError('unknown-encoding', `${displayFileName(options.fileName ?? '')} is in UTF-32, which Diptych cannot read. Save it as UTF-8 and import it again.`);
  }
  const chosen = options.encoding ?? bom?.encoding;

  // A NUL byte is never in text, except as half of a UTF-16 code unit.
  if (!(chosen && isUtf16(decoderFor(chosen, false).encoding)) && bytes.indexOf(0) !== -1) throw binaryFileError(options.fileName);

  let decoded: { text: string; encoding: string; warning?: string };
  if (chosen !== undefined) {
    decoded = decodeWith(bytes, chosen);
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      const encoding = detectLegacyEncoding(bytes);
      decoded = {
        text: decodeBytes(new TextDecoder(encoding), bytes),
        encoding,
        warning: `This file is not UTF-8; it was read as ${describeEncoding(encoding)}. If letters look wrong, import it again and choose its encoding.`,
      };
    }
  }
  if (isUtf16(decoded.encoding) && decoded.text.includes('\u0000')) throw binaryFileError(options.fileName);

  const hasBom = bom !== undefined && bom.encoding === decoded.encoding;
  return decoded.warning === undefined
    ? { text: decoded.text, encoding: decoded.encoding, bom: hasBom }
    : { text: decoded.text, encoding: decoded.encoding, bom: hasBom, warning: decoded.warning };
}
