/**
 * What becomes of annotations when documents leave the trash for good.
 * Nothing the reader wrote is dropped without a trace: a highlight of a
 * deleted document goes with it, but a note keeps its text (in the notebook
 * if it had no other passage) plus a line naming the passages that went,
 * and a link that loses its other end becomes a note on the passage that
 * is left, saying what it was linked to.
 */
import { annotation as annotationSchema, documentIdOfUri, markdownOf, NOTEBOOK_URI, passagesOf, type Annotation, type PassageTarget } from '../api/annotation-schema';

export interface TrashEmptyingPlan {
  /** Annotations that lived only in deleted documents and said nothing of their own (highlights, bare links). */
  deletions: string[];
  /** Annotations kept with fewer passages, or turned into notes. */
  updates: Annotation[];
  /** How many notes and links lost a passage but were kept. */
  kept: number;
}

function describePassage(passage: PassageTarget, titleOf: (documentId: string) => string): string {
  const quote = passage.selector[0].exact.replace(/\s+/g, ' ').trim();
  const short = quote.length > 120 ? `${quote.slice(0, 119)}…` : quote;
  return `“${short}” in “${titleOf(documentIdOfUri(passage.source))}”`;
}

function withBody(a: Annotation, markdown: string): Annotation['body'] {
  const others = a.body.filter((b) => b.purpose !== 'commenting');
  return [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: markdown }, ...others];
}

/** Plans the changes to `annotations` when the documents in `deleted` are deleted for good. */
export function planTrashEmptying(
  annotations: readonly Annotation[],
  deleted: ReadonlySet<string>,
  titleOf: (documentId: string) => string,
  now: string = new Date().toISOString(),
): TrashEmptyingPlan {
  const plan: TrashEmptyingPlan = { deletions: [], updates: [], kept: 0 };
  for (const a of annotations) {
    const passages = passagesOf(a);
    const lost = passages.filter((p) => deleted.has(documentIdOfUri(p.source)));
    if (lost.length === 0) continue;
    const left = passages.filter((p) => !deleted.has(documentIdOfUri(p.source)));
    const markdown = markdownOf(a);
    if (a.motivation === 'highlighting' || (left.length === 0 && a.motivation === 'linking' && markdown.trim() === '')) {
      plan.deletions.push(a.id);
      continue;
    }
    // The passages that go are written into the text, so the note still says where it pointed.
    const ends = lost.map((p) => `- ${describePassage(p, titleOf)}`).join('\n');
    const trace = `${a.motivation === 'linking' ? 'Linked to' : 'Was also on'} a passage of a document deleted from the library:\n${ends}`;
    const body = withBody(a, markdown.trim() === '' ? trace : `${markdown.trimEnd()}\n\n${trace}`);
    const target: Annotation['target'] = left.length > 0 ? left : [NOTEBOOK_URI];
    // A link needs two ends: with one left it becomes a note on that passage.
    const motivation = a.motivation === 'linking' && left.length < 2 ? 'commenting' : a.motivation;
    const updated: Annotation = { ...a, motivation, body, target, modified: now };
    plan.updates.push(annotationSchema.parse(updated));
    plan.kept += 1;
  }
  return plan;
}
