import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/core/import/decode-text';
import { LEGACY_ENCODINGS } from '../../../electron/core/import/legacy-encodings';
import { repoRoot } from '../../support/paths';
import { refusal } from './document-assertions';

const fixture = (name: string) => new Uint8Array(readFileSync(join(repoRoot, 'tests/unit/import/fixtures', name)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);
const concat = (...arrays: Uint8Array[]) => Uint8Array.from(arrays.flatMap((a) => Array.from(a)));

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (endian === 'le') out.push(unit & 0xff, unit >> 8);
    else out.push(unit >> 8, unit & 0xff);
  }
  return Uint8Array.from(out);
}

/** Cyrillic in windows-1251: А–я sit in order at 0xC0–0xFF, Ё and ё apart. */
function windows1251(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text, (c) => {
    const u = c.codePointAt(0)!;
    if (u < 0x80) return u;
    if (u >= 0x410 && u <= 0x44f) return u - 0x410 + 0xc0;
    if (u === 0x401) return 0xa8;
    if (u === 0x451) return 0xb8;
    throw new Error(`no windows-1251 byte for ${c}`);
  }));
}

const WINDOWS_1252: Record<string, number> = { 'é': 0xe9, 'è': 0xe8, 'à': 0xe0, 'û': 0xfb, '€': 0x80, '’': 0x92, '—': 0x97, 'œ': 0x9c };
const windows1252 = (text: string) => Uint8Array.from(Array.from(text, (c) => WINDOWS_1252[c] ?? c.charCodeAt(0)));

describe('decodeText: Unicode', () => {
  it('reads UTF-8 without a BOM, keeping CRLF line endings as they are', () => {
    const text = 'Résumé — naïve “quotes” 😀\r\nline two';
    expect(decodeText(utf8(text))).toEqual({ text, encoding: 'utf-8', bom: false });
  });

  it('reads UTF-8 with a BOM and removes the BOM from the text', () => {
    const result = decodeText(concat(bytes(0xef, 0xbb, 0xbf), utf8('Été')));
    expect(result).toEqual({ text: 'Été', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 little-endian and big-endian by their BOMs', () => {
    const text = 'Ωμέγα 😀 end';
    expect(decodeText(concat(bytes(0xff, 0xfe), utf16(text, 'le')))).toEqual({ text, encoding: 'utf-16le', bom: true });
    expect(decodeText(concat(bytes(0xfe, 0xff), utf16(text, 'be')))).toEqual({ text, encoding: 'utf-16be', bom: true });
  });

  it('reads an empty file as empty UTF-8', () => {
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });

  it('keeps a UTF-8 file whose BOM promises more than its bytes keep, with a warning about the replaced bytes', () => {
    const result = decodeText(concat(bytes(0xef, 0xbb, 0xbf), utf8('ok '), bytes(0xc3, 0x28)));
    expect(result.encoding).toBe('utf-8');
    expect(result.text).toBe('ok \ufffd(');
    expect(result.warning).toMatch(/not valid utf-8/);
  });

  it('refuses UTF-32, which no TextDecoder reads', () => {
    expect(refusal(() => decodeText(bytes(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0))).reason).toBe('unknown-encoding');
  });
});

describe('decodeText: legacy single-byte files', () => {
  it('reads windows-1252 text with é and €, and warns that it guessed', () => {
    const text = 'Le café coûte 3 € à Paris, où l’été est très chaud — c’est la vie, mon cœur.';
    const result = decodeText(windows1252(text));
    expect(result.text).toBe(text);
    expect(result.encoding).toBe('windows-1252');
    expect(result.warning).toBe(
      'This file is not UTF-8; it was read as windows-1252 (Western European). If letters look wrong, import it again and choose its encoding.',
    );
  });

  it('detects Cyrillic in windows-1251', () => {
    const text = 'Мороз и солнце; день чудесный! Ещё ты дремлешь, друг прелестный. Пора, красавица, проснись: открой сомкнуты негой взоры.';
    const result = decodeText(windows1251(text));
    expect(result.encoding).toBe('windows-1251');
    expect(result.text).toBe(text);
    expect(result.warning).toContain('windows-1251 (Cyrillic)');
  });

  it('detects Cyrillic in KOI8-R and Polish in windows-1250', () => {
    const pushkin = decodeText(fixture('pushkin.koi8-r.txt'));
    expect(pushkin.encoding).toBe('koi8-r');
    expect(pushkin.text).toMatch(/^Мороз и солнце; день чудесный!\nЕщё ты дремлешь/);
    const pangram = decodeText(fixture('pangram.windows-1250.txt'));
    expect(pangram.encoding).toBe('windows-1250');
    expect(pangram.text).toMatch(/^Zażółć gęślą jaźń\.\n\nPchnąć/);
  });

  it('finds the evidence in a long file whose first non-ASCII byte comes late', () => {
    const text = 'plain English words. '.repeat(20_000) + 'Привет, мир! Как дела у тебя сегодня, друг мой? Всё хорошо.';
    const result = decodeText(windows1251(text));
    expect(result.encoding).toBe('windows-1251');
    expect(result.text.endsWith('Всё хорошо.')).toBe(true);
  });

  it('offers only encodings this runtime can decode', () => {
    for (const { name } of LEGACY_ENCODINGS) expect(new TextDecoder(name).encoding).toBe(name);
  });
});

describe('decodeText: the encoding the reader chose', () => {
  it('uses it even when the bytes are valid UTF-8', () => {
    // "Ð©" is what UTF-8 "Щ" looks like read as windows-1252: the reader asked for exactly that.
    expect(decodeText(utf8('Щ'), { encoding: 'windows-1252' })).toEqual({ text: 'Ð©', encoding: 'windows-1252', bom: false });
  });

  it('accepts any label TextDecoder knows and reports its canonical name', () => {
    expect(decodeText(windows1251('Да'), { encoding: 'CP1251' }).encoding).toBe('windows-1251');
    expect(decodeText(bytes(0xe9), { encoding: ' latin1 ' })).toEqual({ text: 'é', encoding: 'windows-1252', bom: false });
  });

  it('reads UTF-16 without a BOM when chosen, NUL bytes and all', () => {
    expect(decodeText(utf16('Hi', 'le'), { encoding: 'utf-16le' })).toEqual({ text: 'Hi', encoding: 'utf-16le', bom: false });
  });

  it('refuses an encoding it does not know, naming it', () => {
    const error = refusal(() => decodeText(utf8('x'), { encoding: 'klingon-8' }));
    expect(error.reason).toBe('unknown-encoding');
    expect(error.message).toContain('“klingon-8”');
    expect(refusal(() => decodeText(utf8('x'), { encoding: 'iso-2022-kr' })).reason).toBe('unknown-encoding');
  });
});

describe('decodeText: binary files', () => {
  it('refuses bytes with NUL in them as binary, naming the file', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
    const error = refusal(() => decodeText(png, { fileName: '/tmp/photo.txt' }));
    expect(error.reason).toBe('binary');
    expect(error.message).toMatch(/^“photo\.txt” looks like a binary file, not text/);
  });

  it('refuses a NUL in otherwise valid UTF-8 text', () => {
    expect(refusal(() => decodeText(utf8('one\u0000two'))).reason).toBe('binary');
  });

  it('refuses UTF-16 text that decodes to NUL characters', () => {
    expect(refusal(() => decodeText(concat(bytes(0xff, 0xfe), bytes(0x41, 0, 0, 0)))).reason).toBe('binary');
  });
});
