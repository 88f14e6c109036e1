/**
 * Backlinks of an annotation: the links and notes on its passages, the
 * notes that mention it by title, and the highlights it overlaps. A link
 * can be followed from here straight to its other passage.
 */
import { useMemo } from 'react';
import { ArrowUpRight } from 'lucide-react';
import { documentIdOfUri, type Annotation } from '../../../../electron/api/annotation-schema';
import type { DocumentSummary } from '../../../../electron/api/contract';
import { peekDocument } from '../../panes/document-cache';
import { mentionsOf } from '../annotation-store';
import { useAnnotationData, useAnnotationUi } from '../annotations-context';
import { backlinksOf, storedLocation, type Backlink, type PassageLocator } from '../backlinks';
import { annotationName, documentTitle } from './format';

const REASONS: Record<Backlink['reason'], string> = {
  link: 'Linked here',
  note: 'Note on this passage',
  mention: 'Mentions this note',
  highlight: 'Highlight here',
};

/** The index of the passage of `link` that is not one of `subject`'s, to follow to. */
function otherPassage(link: Annotation, subject: Annotation): number {
  const mine = new Set(subject.target.map((t) => (typeof t === 'string' ? t : `${t.source}#${t.selector[1].start}`)));
  const index = link.target.findIndex((t) => typeof t !== 'string' && !mine.has(`${t.source}#${t.selector[1].start}`));
  return index >= 0 ? index : 0;
}

/** The backlinks section. */
export function BacklinksList({ annotation, documents }: { annotation: Annotation; documents: readonly DocumentSummary[] }) {
  const ui = useAnnotationUi();
  const data = useAnnotationData()!;
  const { snapshot, anchorsOf } = data;
  const backlinks = useMemo(() => {
    // Overlaps are judged where passages are now in loaded texts, and at their stored offsets elsewhere.
    const locate: PassageLocator = (a, index, target) => {
      const documentId = documentIdOfUri(target.source);
      const text = peekDocument(documentId)?.text;
      if (text === undefined) return storedLocation(a, index, target);
      const ref = anchorsOf(documentId, text).passages.get(a.id)?.find((p) => p.targetIndex === index);
      return ref ? { documentId, start: ref.start, end: ref.end } : null;
    };
    return backlinksOf(annotation, { all: snapshot.byId.values(), locate, mentions: mentionsOf(snapshot) });
  }, [annotation, snapshot, anchorsOf]);

  return (
    <div className="backlinks" data-testid="backlinks">
      <h3 className="panel-subheading">Backlinks</h3>
      {backlinks.length === 0 ? (
        <p className="panel-muted">Nothing points here yet: no link, other note or [[mention]].</p>
      ) : (
        <ul className="panel-list" aria-label="Backlinks">
          {backlinks.map(({ annotation: other, reason }) => {
            const follow = reason === 'link' ? otherPassage(other, annotation) : -1;
            const target = follow >= 0 ? other.target[follow] : undefined;
            return (
              <li key={other.id} className="backlink" data-testid="backlink" data-reason={reason}>
                <button type="button" className="panel-item" onClick={() => ui.select(other.id)}>
                  <span className="panel-item-meta">{REASONS[reason]}</span>
                  <span className="panel-item-title">{annotationName(other)}</span>
                </button>
                {target && typeof target !== 'string' ? (
                  <button
                    type="button"
                    className="button button-small backlink-follow"
                    aria-label={`Follow link to ${documentTitle(documents, documentIdOfUri(target.source))}`}
                    onClick={() => ui.reveal(other.id, follow)}
                  >
                    <ArrowUpRight aria-hidden="true" />
                    Follow
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
