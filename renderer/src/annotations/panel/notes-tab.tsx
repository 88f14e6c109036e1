/**
 * The Notes tab: the annotation the reader picked (in the text, a list or
 * a backlink) in full, or else every note, newest first, with "New note".
 */
import { ArrowLeft, Plus } from 'lucide-react';
import { markdownOf, noteTitle, passagesOf } from '../../../../electron/api/annotation-schema';
import type { DocumentSummary } from '../../../../electron/api/contract';
import { allNotes } from '../annotation-store';
import { useAnnotationData, useAnnotationUi } from '../annotations-context';
import { AnnotationDetail } from './annotation-detail';
import { excerpt } from './format';

/** Notes listed at most; the Annotations tab filters the rest. */
const MAX_LISTED = 200;

/** The Notes tab. */
export function NotesTab({ documents }: { documents: readonly DocumentSummary[] }) {
  const ui = useAnnotationUi();
  const { snapshot } = useAnnotationData()!;
  const selected = ui.selectedId ? snapshot.byId.get(ui.selectedId) : undefined;

  if (selected) {
    return (
      <div className="notes-tab">
        <button type="button" className="button button-small panel-back" onClick={() => ui.select(null)}>
          <ArrowLeft aria-hidden="true" />
          All notes
        </button>
        <AnnotationDetail key={selected.id} annotation={selected} documents={documents} />
      </div>
    );
  }

  const notes = allNotes(snapshot);
  return (
    <div className="notes-tab">
      <div className="panel-toolbar">
        <h2 className="panel-heading">Notes</h2>
        <button type="button" className="button button-small" onClick={() => ui.actions.newNote()}>
          <Plus aria-hidden="true" />
          New note
        </button>
      </div>
      {notes.length === 0 ? (
        <p className="panel-empty">
          No notes yet. Select a passage and choose <strong>Note</strong> (or press N) to write about it, or start a <strong>New note</strong> of your own.
          Click a highlight in the text to see it here.
        </p>
      ) : (
        <ul className="panel-list" aria-label="Notes">
          {notes.slice(0, MAX_LISTED).map((note) => {
            const markdown = markdownOf(note);
            const passages = passagesOf(note).length;
            const body = markdown.split('\n').slice(1).join(' ');
            return (
              <li key={note.id}>
                <button type="button" className="panel-item" data-testid="note-item" onClick={() => ui.select(note.id)}>
                  <span className="panel-item-title">{noteTitle(markdown)}</span>
                  {body.trim() ? <span className="panel-item-excerpt">{excerpt(body, 100)}</span> : null}
                  <span className="panel-item-meta">{passages === 0 ? 'In the notebook' : passages === 1 ? 'On 1 passage' : `On ${passages} passages`}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {notes.length > MAX_LISTED ? <p className="panel-muted">Showing the {MAX_LISTED} most recent of {notes.length} notes.</p> : null}
    </div>
  );
}
