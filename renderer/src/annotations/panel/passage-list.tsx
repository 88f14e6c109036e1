/**
 * The passages of an annotation, each with its document and quote, and
 * the ways on: show it (follow it, for a link), remove it, or re-attach it
 * to the selection when its text could not be found.
 */
import { ArrowUpRight, Crosshair, Link2Off, Unlink } from 'lucide-react';
import { documentIdOfUri, NOTEBOOK_URI, type Annotation } from '../../../../electron/api/annotation-schema';
import type { DocumentSummary } from '../../../../electron/api/contract';
import { peekDocument } from '../../panes/document-cache';
import { canRemovePassage } from '../annotation-factory';
import { useAnnotationData, useAnnotationUi } from '../annotations-context';
import { documentTitle, excerpt } from './format';

/** Why a passage could not be placed, when its document is loaded and it is an orphan. */
function useOrphanReason(annotation: Annotation, index: number, documentId: string): string | null {
  const data = useAnnotationData();
  const text = peekDocument(documentId)?.text;
  if (!data || text === undefined) return null;
  return data.anchorsOf(documentId, text).orphans.find((o) => o.annotation.id === annotation.id && o.targetIndex === index)?.reason ?? null;
}

function PassageItem({ annotation, index, documents }: { annotation: Annotation; index: number; documents: readonly DocumentSummary[] }) {
  const { actions, reveal } = useAnnotationUi();
  const target = annotation.target[index]!;
  const documentId = typeof target === 'string' ? '' : documentIdOfUri(target.source);
  const orphanReason = useOrphanReason(annotation, index, documentId);
  if (typeof target === 'string') return <li className="passage-item passage-notebook">In the notebook, on no passage.</li>;
  const title = documentTitle(documents, documentId);
  const isLink = annotation.motivation === 'linking';
  return (
    <li className="passage-item" data-testid="passage-item" data-orphaned={orphanReason ? 'true' : undefined}>
      <p className="passage-document">{title}</p>
      <blockquote className="passage-quote">{excerpt(target.selector[0].exact, 220)}</blockquote>
      {orphanReason ? (
        <p className="passage-orphan">
          <Link2Off aria-hidden="true" /> Not found in the current text: {orphanReason}.
        </p>
      ) : null}
      <div className="passage-actions">
        {orphanReason ? (
          <button
            type="button"
            className="button button-small"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => actions.reattach(annotation.id, index)}
          >
            <Crosshair aria-hidden="true" />
            Re-attach to selection
          </button>
        ) : (
          <button type="button" className="button button-small" aria-label={`${isLink ? 'Follow' : 'Show'} passage in ${title}`} onClick={() => reveal(annotation.id, index)}>
            <ArrowUpRight aria-hidden="true" />
            {isLink ? 'Follow' : 'Show'}
          </button>
        )}
        {canRemovePassage(annotation) ? (
          <button type="button" className="button button-small" aria-label={`Remove passage in ${title}`} onClick={() => actions.removePassage(annotation.id, index)}>
            <Unlink aria-hidden="true" />
            Remove
          </button>
        ) : null}
      </div>
    </li>
  );
}

/** Every passage of an annotation. */
export function PassageList({ annotation, documents }: { annotation: Annotation; documents: readonly DocumentSummary[] }) {
  if (annotation.target.length === 1 && annotation.target[0] === NOTEBOOK_URI) {
    return <p className="panel-muted">In the notebook, on no passage. Select a passage and choose Attach selection to tie it to the text.</p>;
  }
  return (
    <ul className="passage-list" aria-label="Passages">
      {annotation.target.map((_, index) => (
        <PassageItem key={index} annotation={annotation} index={index} documents={documents} />
      ))}
    </ul>
  );
}
