/**
 * The Notes panel on the right: a Notes tab (the selected annotation, or
 * every note) and an Annotations tab (everything on the open documents,
 * filterable, with orphans apart, export and import). Collapsible; its
 * contents are only rendered while it is open.
 */
import { useRef, type KeyboardEvent } from 'react';
import { AlertTriangle, RotateCw, X } from 'lucide-react';
import type { DocumentSummary, PaneSide } from '../../../../electron/api/contract';
import { useAnnotationData, useOptionalAnnotationUi, type PanelTab } from '../annotations-context';
import { AnnotationsTab } from './annotations-tab';
import { NotesTab } from './notes-tab';
import { NOTES_PANEL_ID } from './panel-ids';

/** Props of {@link NotesPanel}. */
export interface NotesPanelProps {
  documents: readonly DocumentSummary[];
  openDocuments: Record<PaneSide, string | null>;
}

const TABS: { id: PanelTab; label: string }[] = [
  { id: 'notes', label: 'Notes' },
  { id: 'annotations', label: 'Annotations' },
];

/** The collapsible Notes panel. */
export function NotesPanel({ documents, openDocuments }: NotesPanelProps) {
  const ui = useOptionalAnnotationUi();
  const data = useAnnotationData();
  const tabRefs = useRef<Record<PanelTab, HTMLButtonElement | null>>({ notes: null, annotations: null });
  if (!ui || !data) return null;
  const { tab } = ui;

  // The tabs pattern: arrow keys move between tabs, Tab moves into the panel.
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next: PanelTab = tab === 'notes' ? 'annotations' : 'notes';
    ui.setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <aside id={NOTES_PANEL_ID} className="notes-panel" aria-label="Notes panel" data-testid="notes-panel" hidden={!ui.panelOpen}>
      {ui.panelOpen ? (
        <>
          <div className="notes-panel-header">
            <div className="panel-tabs" role="tablist" aria-label="Notes panel views">
              {TABS.map(({ id, label }) => (
                <button
                  key={id}
                  ref={(element) => {
                    tabRefs.current[id] = element;
                  }}
                  type="button"
                  role="tab"
                  id={`panel-tab-${id}`}
                  className="panel-tab"
                  aria-selected={tab === id}
                  aria-controls={`panel-view-${id}`}
                  tabIndex={tab === id ? 0 : -1}
                  onClick={() => ui.setTab(id)}
                  onKeyDown={onTabKey}
                >
                  {label}
                </button>
              ))}
            </div>
            <button type="button" className="icon-button" aria-label="Close notes panel" title="Close (Ctrl+.)" onClick={() => ui.setPanelOpen(false)}>
              <X aria-hidden="true" />
            </button>
          </div>
          {data.load.status === 'error' ? (
            <div className="panel-error" role="alert">
              <AlertTriangle aria-hidden="true" />
              <p>{data.load.message}</p>
              <p className="panel-muted">Your texts are unaffected. Nothing is lost: annotations stay on disk.</p>
              <button type="button" className="button button-small" onClick={ui.retryLoad}>
                <RotateCw aria-hidden="true" />
                Try again
              </button>
            </div>
          ) : null}
          {data.load.status === 'loading' || data.load.status === 'partial' ? (
            <p className="panel-muted panel-loading" role="status" data-testid="annotations-loading">
              {data.load.status === 'loading' ? 'Loading your annotations…' : 'Loading the rest of your annotations: those near your reading positions are here.'}
            </p>
          ) : null}
          <div className="panel-view" role="tabpanel" id={`panel-view-${tab}`} aria-labelledby={`panel-tab-${tab}`}>
            {tab === 'notes' ? <NotesTab documents={documents} /> : <AnnotationsTab documents={documents} openDocuments={openDocuments} />}
          </div>
        </>
      ) : null}
    </aside>
  );
}
