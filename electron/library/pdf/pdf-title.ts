/**
 * A PDF's title from its metadata, chosen as pdf.js' own viewer chooses it:
 * the XMP dc:title when there is a real one, else the Info dictionary's
 * Title. The caller falls back to the file name when there is neither.
 */

/** What pdf.js' getMetadata() resolves to, reduced to what is read here. */
export interface PdfMetadataLike {
  info?: unknown;
  metadata?: { get(name: string): unknown } | null;
}

/** Collapses runs of blanks and line breaks, trims, and drops an empty result. */
function cleanTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/g, ' ').trim();
  return title === '' ? undefined : title;
}

/**
 * The document's title, or undefined. A dc:title of "Untitled" or one
 * holding Unicode specials (U+FFF0–U+FFFF, the mark of a badly decoded
 * string) is passed over, as pdf.js' viewer does.
 */
export function pdfTitle(metadata: PdfMetadataLike | undefined): string | undefined {
  const xmpTitle = cleanTitle(metadata?.metadata?.get('dc:title'));
  if (xmpTitle !== undefined && xmpTitle !== 'Untitled' && !/[\uFFF0-\uFFFF]/.test(xmpTitle)) return xmpTitle;
  const info = metadata?.info;
  return typeof info === 'object' && info !== null ? cleanTitle((info as { Title?: unknown }).Title) : undefined;
}
