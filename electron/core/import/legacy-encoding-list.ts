/**
 * The single-byte encodings a file that is not UTF-8 may be in. Only
 * encodings every `TextDecoder` supports are offered, so a file imported
 * in the desktop app reads the same in browser mode. Kept apart from the
 * detection (legacy-encodings.ts) so the renderer can offer the list
 * without loading the detector's tables.
 */
/** A legacy encoding Diptych can read: its WHATWG name and the scripts it was used for. */
export interface LegacyEncoding {
  name: string;
  description: string;
}

/** Single-byte encodings, by WHATWG name (what `TextDecoder.encoding` reports). */
export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = [
  { name: 'windows-1252', description: 'Western European' },
  { name: 'iso-8859-15', description: 'Western European, with €' },
  { name: 'windows-1250', description: 'Central European' },
  { name: 'iso-8859-2', description: 'Central European, ISO' },
  { name: 'windows-1251', description: 'Cyrillic' },
  { name: 'koi8-r', description: 'Cyrillic, KOI8-R' },
  { name: 'koi8-u', description: 'Cyrillic, KOI8-U' },
  { name: 'iso-8859-5', description: 'Cyrillic, ISO' },
  { name: 'ibm866', description: 'Cyrillic, DOS' },
  { name: 'windows-1253', description: 'Greek' },
  { name: 'iso-8859-7', description: 'Greek, ISO' },
  { name: 'windows-1254', description: 'Turkish' },
  { name: 'windows-1255', description: 'Hebrew' },
  { name: 'iso-8859-8', description: 'Hebrew, ISO' },
  { name: 'windows-1256', description: 'Arabic' },
  { name: 'iso-8859-6', description: 'Arabic, ISO' },
  { name: 'windows-1257', description: 'Baltic' },
  { name: 'iso-8859-13', description: 'Baltic, ISO' },
  { name: 'windows-1258', description: 'Vietnamese' },
  { name: 'windows-874', description: 'Thai' },
  { name: 'macintosh', description: 'Western European, classic Mac OS' },
];
