/**
 * Reads a W3C annotation export back: an AnnotationCollection (its pages
 * embedded through `first` and `next`), a single AnnotationPage, a plain
 * JSON array of annotations, or one annotation. Every item must be a valid
 * Diptych annotation, or nothing is accepted: a half-imported file is worse
 * than a refused one, because the reader cannot tell which half arrived.
 */
import { annotation, type Annotation } from '../../api/annotation-schema';
import { describeIssues } from '../../api/dispatch';

export type ReadExportResult = { ok: true; annotations: Annotation[] } | { ok: false; message: string };

const NOTHING = 'Nothing was imported.';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON-LD allows `type` to be one string or several. */
function hasType(value: JsonObject, type: string): boolean {
  const t = value.type;
  return t === type || (Array.isArray(t) && t.includes(type));
}

function shorten(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (!isObject(value)) return `a ${typeof value}`;
  if (typeof value.type === 'string') return `an object of type "${shorten(value.type, 60)}"`;
  return 'an object without a type';
}

type Collected = { ok: true; items: unknown[] } | { ok: false; message: string };

/** Follows a chain of embedded pages; pages only named by address cannot be fetched here. */
function itemsOfPages(first: JsonObject): Collected {
  const items: unknown[] = [];
  let page: unknown = first;
  for (let n = 1; page !== undefined; n++) {
    if (!isObject(page)) return { ok: false, message: `Page ${n} of the collection is ${describeValue(page)}, not an AnnotationPage. ${NOTHING}` };
    if (!Array.isArray(page.items)) return { ok: false, message: `Page ${n} of the collection has no "items" list. ${NOTHING}` };
    items.push(...(page.items as unknown[]));
    if (typeof page.next === 'string') {
      return { ok: false, message: `Page ${n} names its next page by address (${shorten(page.next)}) instead of including it; Diptych imports only files that hold every page. ${NOTHING}` };
    }
    page = page.next;
  }
  return { ok: true, items };
}

function collectItems(root: unknown): Collected {
  if (Array.isArray(root)) return { ok: true, items: root };
  const expected = `This file is not a W3C annotation export: Diptych expects an AnnotationCollection, an AnnotationPage or a JSON array of annotations, and this is ${describeValue(root)}. ${NOTHING}`;
  if (!isObject(root)) return { ok: false, message: expected };
  if (hasType(root, 'AnnotationCollection')) {
    const { first, total } = root;
    if (first === undefined) {
      if (typeof total === 'number' && total > 0) {
        return { ok: false, message: `The collection says it holds ${total} annotations but includes no page of them ("first" is missing). ${NOTHING}` };
      }
      return { ok: true, items: [] };
    }
    if (typeof first === 'string') {
      return { ok: false, message: `The collection names its first page by address (${shorten(first)}) instead of including it; Diptych imports only files that hold every page. ${NOTHING}` };
    }
    if (!isObject(first)) return { ok: false, message: `The collection's "first" page is ${describeValue(first)}, not an AnnotationPage. ${NOTHING}` };
    return itemsOfPages(first);
  }
  if (hasType(root, 'AnnotationPage')) return itemsOfPages(root);
  if (hasType(root, 'Annotation')) return { ok: true, items: [root] };
  return { ok: false, message: expected };
}

/** An exported annotation back to the stored form: `body` and `target` as arrays, whether one value or none was written. */
export function fromW3cAnnotation(item: JsonObject): JsonObject {
  // Exported items inherit the collection's context; a stand-alone annotation carries its own. Neither is stored.
  const { '@context': _context, ...stored } = item;
  const asArray = (value: unknown): unknown => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  return { ...stored, body: asArray(stored.body), target: asArray(stored.target) };
}

/** "Item 3 (urn:uuid:…)": which item, counted from 1 in file order, and its id when it has one. */
export function itemLabel(index: number, item: unknown): string {
  const id = isObject(item) && typeof item.id === 'string' ? item.id : null;
  return id === null ? `Item ${index + 1}` : `Item ${index + 1} (${shorten(id)})`;
}

/** Parses and validates an export; the message of a refusal names the item and the reason. */
export function readAnnotationExport(content: string): ReadExportResult {
  let root: unknown;
  try {
    root = JSON.parse(content);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    return { ok: false, message: `This file is not JSON: ${reason}. ${NOTHING}` };
  }
  const collected = collectItems(root);
  if (!collected.ok) return collected;
  const annotations: Annotation[] = [];
  const firstIndexOfId = new Map<string, number>();
  for (const [index, item] of collected.items.entries()) {
    const label = itemLabel(index, item);
    if (typeof item === 'string') return { ok: false, message: `${label} is a reference (${shorten(item)}), not an annotation; nothing was imported.` };
    if (!isObject(item)) return { ok: false, message: `${label} is ${describeValue(item)}, not an annotation; nothing was imported.` };
    const parsed = annotation.safeParse(fromW3cAnnotation(item));
    if (!parsed.success) return { ok: false, message: `${label} is not a valid Diptych annotation (${describeIssues(parsed.error)}); nothing was imported.` };
    const earlier = firstIndexOfId.get(parsed.data.id);
    if (earlier !== undefined) return { ok: false, message: `${label} has the same id as item ${earlier + 1}; nothing was imported.` };
    firstIndexOfId.set(parsed.data.id, index);
    annotations.push(parsed.data);
  }
  return { ok: true, annotations };
}
