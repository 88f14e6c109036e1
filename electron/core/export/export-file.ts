/**
 * What the export functions share: the shape of a produced file, the bits
 * of a library document they need, and readable file names made from titles.
 */

/** One file an export produces; the UI offers it for download or saving. */
export interface ExportFile {
  name: string;
  mediaType: string;
  content: string;
}

/** What an export needs to know about a library document. */
export interface ExportDocument {
  id: string;
  title: string;
}

export const W3C_MEDIA_TYPE = 'application/ld+json';
export const MARKDOWN_MEDIA_TYPE = 'text/markdown';

const LONGEST_SLUG = 80;

/**
 * A file-name-safe form of a title: lower case ASCII letters, digits and
 * dashes. Apostrophes vanish rather than become dashes, so "London's" reads
 * "londons", and accents are dropped rather than the letters they sit on.
 */
export function slugOf(title: string, fallback = 'untitled'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LONGEST_SLUG)
    .replace(/-+$/, '');
  return slug || fallback;
}

/**
 * Makes names unique in the order given by adding -2, -3… before the
 * extension: two documents may share a title, and the files must not
 * overwrite each other when saved into one folder.
 */
export function uniqueFileName(base: string, extension: string, taken: Set<string>): string {
  let name = `${base}${extension}`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}${extension}`;
  taken.add(name);
  return name;
}
