/**
 * Annotations as a W3C AnnotationCollection (Web Annotation Data Model,
 * section 5): one collection with a single embedded page holding every
 * annotation. Embedded pages and annotations carry no `@context` of their
 * own; they inherit the collection's, as the model's examples do.
 */
import { ANNOTATION_CONTEXT, type Annotation, type AnnotationBody, type AnnotationTarget } from '../../api/annotation-schema';
import { slugOf, W3C_MEDIA_TYPE, type ExportDocument, type ExportFile } from './export-file';

/**
 * An annotation as exported. Diptych stores `body` and `target` as arrays
 * always; the export leaves out an empty `body` and writes a lone URI
 * target as a plain string. Both are the same JSON-LD, and the W3C test
 * suite rejects the array forms (`body: []`, `target: ["urn:…"]`).
 */
export type W3cAnnotation = Omit<Annotation, 'body' | 'target'> & { body?: AnnotationBody[]; target: AnnotationTarget[] | string };

/** Stored form to exported form; `fromW3cAnnotation` in read-annotation-export undoes it. */
export function toW3cAnnotation(a: Annotation): W3cAnnotation {
  const { body, target, ...rest } = a;
  const only = target.length === 1 ? target[0] : undefined;
  return { ...rest, ...(body.length > 0 ? { body } : {}), target: typeof only === 'string' ? only : target };
}

/** The embedded first (and only) page of an exported collection. */
export interface W3cAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  /** The collection's id: a page says which collection it belongs to. */
  partOf: string;
  startIndex: number;
  items: W3cAnnotation[];
}

/** An exported AnnotationCollection, ready for JSON.stringify. */
export interface W3cAnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  /** Absent when the collection is empty: the model requires `first` only when `total` > 0. */
  first?: W3cAnnotationPage;
}

export interface W3cCollectionIds {
  /** The collection's IRI, a urn:uuid; the caller makes it, so this function stays deterministic. */
  collectionId: string;
  /** The embedded page's IRI: the model requires every page to have one. */
  pageId: string;
}

/** The collection's human label: which document it covers, if only one. */
export function collectionLabel(document?: ExportDocument): string {
  return document ? `Diptych annotations on ${document.title}` : 'Diptych annotations';
}

/** Builds the collection; `annotations` keep the order given. */
export function toW3cCollection(annotations: readonly Annotation[], ids: W3cCollectionIds, label: string): W3cAnnotationCollection {
  const collection: W3cAnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    id: ids.collectionId,
    type: 'AnnotationCollection',
    label,
    total: annotations.length,
  };
  if (annotations.length > 0) {
    collection.first = { id: ids.pageId, type: 'AnnotationPage', partOf: ids.collectionId, startIndex: 0, items: annotations.map(toW3cAnnotation) };
  }
  return collection;
}

/** The name of the export file: `diptych-annotations.jsonld`, or with the document's title slug when it covers one. */
export function w3cFileName(document?: ExportDocument): string {
  return document ? `diptych-annotations-${slugOf(document.title)}.jsonld` : 'diptych-annotations.jsonld';
}

/** The whole export as one file (indented JSON, so a reader can look inside it). */
export function toW3cExportFile(annotations: readonly Annotation[], ids: W3cCollectionIds, document?: ExportDocument): ExportFile {
  const collection = toW3cCollection(annotations, ids, collectionLabel(document));
  return { name: w3cFileName(document), mediaType: W3C_MEDIA_TYPE, content: `${JSON.stringify(collection, null, 2)}\n` };
}
