/**
 * One annotation in full: its passages (to show, follow, remove or
 * re-attach), its colour, its Markdown, its tags, and its backlinks.
 */
import { useId } from 'react';
import { Paperclip, Trash2 } from 'lucide-react';
import { type Annotation } from '../../../../electron/api/annotation-schema';
import type { DocumentSummary } from '../../../../electron/api/contract';
import { useAnnotationUi } from '../annotations-context';
import { colourLabel, HIGHLIGHT_COLOURS } from '../colours';
import { BacklinksList } from './backlinks-list';
import { annotationName, kindLabel } from './format';
import { NoteEditor } from './note-editor';
import { PassageList } from './passage-list';
import { TagEditor } from './tag-editor';

function ColourPicker({ annotation }: { annotation: Annotation }) {
  const { actions } = useAnnotationUi();
  const current = annotation['diptych:colour'];
  return (
    <div className="colour-picker" role="group" aria-label="Highlight colour">
      {HIGHLIGHT_COLOURS.map((colour) => (
        <button
          key={colour}
          type="button"
          className="colour-choice"
          aria-pressed={current === colour}
          onClick={() => actions.recolour(annotation.id, colour)}
        >
          <span className="swatch" data-colour={colour} aria-hidden="true" />
          {colourLabel(colour)}
        </button>
      ))}
    </div>
  );
}

/** The detail view of one annotation. */
export function AnnotationDetail({ annotation, documents }: { annotation: Annotation; documents: readonly DocumentSummary[] }) {
  const { actions } = useAnnotationUi();
  const headingId = useId();
  const kind = kindLabel(annotation);
  const hasText = annotation.motivation !== 'highlighting';
  return (
    <section className="annotation-detail" aria-labelledby={headingId} data-testid="annotation-detail" data-annotation-id={annotation.id} data-motivation={annotation.motivation}>
      <div className="detail-header">
        <h2 id={headingId} className="detail-title">
          <span className="detail-kind">{kind}</span>
          <span className="detail-name">{annotationName(annotation)}</span>
        </h2>
        <button type="button" className="icon-button detail-delete" aria-label={`Delete ${kind.toLowerCase()}`} title={`Delete ${kind.toLowerCase()} (undo with Ctrl+Z)`} onClick={() => actions.remove(annotation.id)}>
          <Trash2 aria-hidden="true" />
        </button>
      </div>
      {annotation['diptych:colour'] ? <ColourPicker annotation={annotation} /> : null}
      <PassageList annotation={annotation} documents={documents} />
      {hasText ? (
        <button
          type="button"
          className="button button-small"
          // The selection in the text is what gets attached; pressing the button must not clear it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => actions.attachSelection(annotation.id)}
        >
          <Paperclip aria-hidden="true" />
          Attach selection
        </button>
      ) : null}
      {hasText ? <NoteEditor annotation={annotation} /> : null}
      <TagEditor annotation={annotation} />
      <BacklinksList annotation={annotation} documents={documents} />
    </section>
  );
}
