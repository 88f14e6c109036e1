/**
 * Writing a note (or a link's explanation): a Markdown field saved after
 * half a second of quiet and when it loses focus, with a rendered view.
 * Text that cannot be saved (over 1 MB) stays in the field with an error.
 */
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Eye, PencilLine } from 'lucide-react';
import { markdownOf, noteTitle, type Annotation } from '../../../../electron/api/annotation-schema';
import { allNotes } from '../annotation-store';
import { useAnnotationData, useAnnotationUi } from '../annotations-context';
import { MentionTextarea } from './mention-textarea';

// Markdown and its sanitiser load with the first rendered note, not with the window: the first screen does not need them.
const MarkdownView = lazy(() => import('./markdown-view').then((module) => ({ default: module.MarkdownView })));

/** The Markdown editor of one annotation. */
export function NoteEditor({ annotation }: { annotation: Annotation }) {
  const ui = useAnnotationUi();
  const { snapshot } = useAnnotationData()!;
  const stored = markdownOf(annotation);
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const focusRequest = ui.editorFocus?.annotationId === annotation.id ? ui.editorFocus.request : null;
  const [writing, setWriting] = useState(stored.trim() === '' || focusRequest !== null);
  const [synced, setSynced] = useState(stored);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const fieldId = useId();
  const errorId = useId();
  const isLink = annotation.motivation === 'linking';
  const heading = isLink ? 'Why these passages are linked' : 'Note';

  // Undo, redo or an import changed the stored text: show it, unless the field holds text that could not be saved.
  if (stored !== synced) {
    setSynced(stored);
    if (error === null) setDraft(stored);
  }

  // A note just made (from the toolbar, N, or a link) opens ready for typing.
  const { onEditorFocused } = ui;
  useEffect(() => {
    if (focusRequest === null || !writing) return;
    fieldRef.current?.focus();
    onEditorFocused(focusRequest);
  }, [focusRequest, writing, onEditorFocused]);

  const titles = useMemo(() => allNotes(snapshot).filter((n) => n.id !== annotation.id).map((n) => noteTitle(markdownOf(n))), [snapshot, annotation.id]);

  const onValueChange = (value: string) => {
    setDraft(value);
    const result = ui.actions.editMarkdown(annotation.id, value);
    setError(result.ok ? null : result.message);
  };

  return (
    <div className="note-editor">
      <div className="note-editor-bar">
        <h3 className="panel-subheading">{writing ? <label htmlFor={fieldId}>{heading}</label> : heading}</h3>
        <div className="segmented" role="group" aria-label="Note view">
          <button type="button" className="segmented-button" aria-pressed={writing} onClick={() => setWriting(true)}>
            <PencilLine aria-hidden="true" />
            Write
          </button>
          <button type="button" className="segmented-button" aria-pressed={!writing} onClick={() => setWriting(false)}>
            <Eye aria-hidden="true" />
            Preview
          </button>
        </div>
      </div>
      {writing ? (
        <MentionTextarea
          ref={fieldRef}
          id={fieldId}
          className="note-field"
          data-testid="note-field"
          value={draft}
          titles={titles}
          rows={isLink ? 4 : 9}
          placeholder={isLink ? 'Optional: what connects these passages? Markdown works.' : 'Write in Markdown. The first line is the title; [[Title]] mentions another note.'}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onValueChange={onValueChange}
          onBlur={() => ui.actions.endEditing()}
        />
      ) : (
        <div>
          {draft.trim() ? (
            <Suspense fallback={<p className="panel-muted">Rendering…</p>}>
              <MarkdownView markdown={draft} className="note-rendered" />
            </Suspense>
          ) : (
            <p className="panel-muted">{isLink ? 'No explanation yet.' : 'This note is empty.'}</p>
          )}
        </div>
      )}
      {error ? (
        <p className="field-error" id={errorId} role="alert" data-testid="note-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
