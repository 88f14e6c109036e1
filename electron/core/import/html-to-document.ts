/**
 * HTML files to Diptych's document model. The title is the page's `<title>`
 * or else its first heading; see html-writer.ts for what is kept and what
 * is dropped.
 */
import { DocumentBuilder } from './document-builder';
import type { ImportedDocument } from './document-model';
import { cleanTitle, firstHeadingTitle } from './document-title';
import { HtmlWriter } from './html-writer';
import { rethrowAsImportError, type ConvertOptions } from './convert-options';

/** Converts an HTML document or fragment; nothing in it is kept as markup. */
export function htmlToDocument(html: string, options: ConvertOptions = {}): ImportedDocument {
  try {
    const builder = new DocumentBuilder();
    const writer = new HtmlWriter(builder);
    writer.write(html);
    const { text, structure } = builder.finish();
    const title = cleanTitle(writer.title ?? '') ?? firstHeadingTitle({ text, structure });
    return title === undefined ? { text, structure } : { text, structure, title };
  } catch (error) {
    return rethrowAsImportError(error, options);
  }
}
