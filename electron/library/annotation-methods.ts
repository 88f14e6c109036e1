/**
 * The five annotation methods of the contract, over the annotation store
 * and the library's documents. LibraryService delegates to this, so the
 * service file stays about documents, layout and settings.
 */
import { randomUUID } from 'node:crypto';
import { documentIdOfUri, passagesOf, type Annotation } from '../api/annotation-schema';
import type { ApiInput, ApiOutput } from '../api/contract';
import { ApiError } from '../api/errors';
import { byCreated } from '../core/export/annotation-order';
import type { ExportDocument } from '../core/export/export-file';
import { itemLabel, readAnnotationExport } from '../core/export/read-annotation-export';
import { toMarkdownFiles } from '../core/export/to-markdown';
import { toW3cExportFile } from '../core/export/to-w3c-collection';
import { homeDocumentOf } from './annotation-file';
import { passageProblem, type KnownDocument } from './annotation-rules';
import type { AnnotationStore } from './annotation-store';
import { saveFailureMessage } from './save-status';

/** Whether a passage of `a` in `documentId` overlaps `range` by its stored position (an empty range touches a passage around it). */
function hasPassageIn(a: Annotation, documentId: string, range: { start: number; end: number }): boolean {
  return passagesOf(a).some((p) => {
    const { start, end } = p.selector[1];
    return documentIdOfUri(p.source) === documentId && start <= range.end && end >= range.start;
  });
}

/** A library document as these methods see it. */
export type LibraryDocument = ExportDocument & KnownDocument;

export class AnnotationMethods {
  readonly #store: AnnotationStore;
  readonly #documents: () => readonly LibraryDocument[];
  readonly #onSaveFailure: (message: string) => void;

  /** `onSaveFailure` hears of every change kept in memory because its file could not be written. */
  constructor(store: AnnotationStore, documents: () => readonly LibraryDocument[], onSaveFailure: (message: string) => void = () => {}) {
    this.#store = store;
    this.#documents = documents;
    this.#onSaveFailure = onSaveFailure;
  }

  /** The change is in memory but not on disk: report it, and answer with a `storage` error that says it is kept. */
  #keptInMemory(what: string, path: string, error: unknown): ApiError {
    const message = saveFailureMessage(what, path, error);
    this.#onSaveFailure(message);
    return new ApiError('storage', message);
  }

  #known(): Map<string, LibraryDocument> {
    return new Map(this.#documents().map((d) => [d.id, d]));
  }

  /**
   * Annotations with a passage in any of `documentIds` (all, notebook notes included, when omitted), of the given
   * motivations; with `range`, only those with a passage there whose stored position overlaps it.
   */
  list({ documentIds, motivations, range }: ApiInput<'listAnnotations'>): ApiOutput<'listAnnotations'> {
    let found: Annotation[];
    if (documentIds) {
      const byId = new Map<string, Annotation>();
      for (const documentId of documentIds) {
        for (const a of this.#store.touching(documentId)) if (!range || hasPassageIn(a, documentId, range)) byId.set(a.id, a);
      }
      found = [...byId.values()];
    } else {
      found = this.#store.all();
    }
    if (motivations) found = found.filter((a) => motivations.includes(a.motivation));
    return found.sort(byCreated);
  }

  async put({ annotation }: ApiInput<'putAnnotation'>): Promise<ApiOutput<'putAnnotation'>> {
    const problem = passageProblem(annotation, this.#known());
    if (problem) throw new ApiError(problem.code, `The annotation ${problem.reason}.`);
    // A copy, so a caller in the same process cannot change the stored annotation behind the store's back.
    const stored = structuredClone(annotation);
    try {
      await this.#store.put(stored);
    } catch (error) {
      throw this.#keptInMemory('the annotation', this.#store.pathOfHome(homeDocumentOf(stored)), error);
    }
    return annotation;
  }

  async delete({ id }: ApiInput<'deleteAnnotation'>): Promise<null> {
    let deleted: boolean;
    try {
      deleted = await this.#store.delete(id);
    } catch (error) {
      throw this.#keptInMemory(`the deletion of annotation "${id}"`, this.#store.folder, error);
    }
    if (!deleted) throw new ApiError('not-found', `There is no annotation "${id}".`);
    return null;
  }

  export({ documentId, format }: ApiInput<'exportAnnotations'>): ApiOutput<'exportAnnotations'> {
    const library = this.#documents();
    const document = documentId === undefined ? undefined : library.find((d) => d.id === documentId);
    if (documentId !== undefined && !document) throw new ApiError('not-found', `There is no document "${documentId}" in the library.`);
    const annotations = (document ? this.#store.touching(document.id) : this.#store.all()).sort(byCreated);
    if (format === 'w3c') {
      const ids = { collectionId: `urn:uuid:${randomUUID()}`, pageId: `urn:uuid:${randomUUID()}` };
      return { files: [toW3cExportFile(annotations, ids, document && { id: document.id, title: document.title })] };
    }
    const documents = document ? [document] : library.filter((d) => this.#store.touching(d.id).length > 0);
    return { files: toMarkdownFiles({ annotations, documents, library, includeNotebook: !document }) };
  }

  async import({ content, fileName }: ApiInput<'importAnnotations'>): Promise<ApiOutput<'importAnnotations'>> {
    const read = readAnnotationExport(content);
    if (!read.ok) {
      // A Markdown export is for reading; say so rather than leave the reader puzzling over a JSON error.
      const hint = fileName?.toLowerCase().endsWith('.md') ? ' Markdown exports are for reading; import the .jsonld export instead.' : '';
      throw new ApiError('invalid-input', hint ? read.message.replace(/ Nothing was imported\.$/, `${hint} Nothing was imported.`) : read.message);
    }
    const known = this.#known();
    for (const [index, a] of read.annotations.entries()) {
      const problem = passageProblem(a, known);
      if (problem) throw new ApiError(problem.code, `${itemLabel(index, a)} ${problem.reason}; nothing was imported.`);
    }
    try {
      return await this.#store.putAll(read.annotations);
    } catch (error) {
      throw this.#keptInMemory('the imported annotations', this.#store.folder, error);
    }
  }
}
