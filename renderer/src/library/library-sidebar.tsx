/**
 * The library: every document with its kind and length, and a way to open
 * it in either pane.
 */
import { memo } from 'react';
import { PanelLeft, PanelRight } from 'lucide-react';
import type { DocumentSummary, Layout, PaneSide } from '../../../electron/api/contract';
import { formatWords, kindLabel, sideLabel } from './format';

/** Props of {@link LibrarySidebar}. */
export interface LibrarySidebarProps {
  open: boolean;
  documents: readonly DocumentSummary[];
  /** Which document each pane shows, to mark them in the list. */
  left: Layout['left']['documentId'];
  right: Layout['right']['documentId'];
  onOpen: (side: PaneSide, documentId: string) => void;
}

/** The element id the library toggle controls. */
export const LIBRARY_ID = 'library';

function LibraryItem({ document, shownIn, onOpen }: { document: DocumentSummary; shownIn: PaneSide[]; onOpen: LibrarySidebarProps['onOpen'] }) {
  return (
    <li className="library-item" data-testid="library-item" data-document-id={document.id} data-open={shownIn.length > 0 ? 'true' : undefined}>
      <p className="library-item-title">{document.title}</p>
      <p className="library-item-meta">
        {kindLabel(document.kind)} · {formatWords(document.words)}
        {shownIn.length > 0 ? <span className="library-item-shown"> · in {shownIn.join(' and ')} pane</span> : null}
      </p>
      {document.description ? <p className="library-item-description">{document.description}</p> : null}
      <div className="library-item-actions">
        {/* The visible words stay a part of each button's full name ("Open … in left pane"), as WCAG 2.5.3 asks. */}
        <span className="library-item-open" aria-hidden="true">
          Open in
        </span>
        {(['left', 'right'] as const).map((side) => (
          <button
            key={side}
            type="button"
            className="button button-small"
            aria-label={`Open ${document.title} in ${side} pane`}
            onClick={() => onOpen(side, document.id)}
          >
            {side === 'left' ? <PanelLeft aria-hidden="true" /> : <PanelRight aria-hidden="true" />}
            {sideLabel(side)}
          </button>
        ))}
      </div>
    </li>
  );
}

/** The collapsible library sidebar. */
export const LibrarySidebar = memo(function LibrarySidebar({ open, documents, left, right, onOpen }: LibrarySidebarProps) {
  return (
    <nav id={LIBRARY_ID} className="library" aria-label="Library" data-testid="library" hidden={!open}>
      <div className="library-header">
        <h2 className="library-title">Library</h2>
        <span className="library-count">{documents.length === 1 ? '1 document' : `${documents.length} documents`}</span>
      </div>
      {documents.length === 0 ? (
        <p className="library-empty">
          The library is empty. Documents added to Diptych will be listed here, ready to open in either pane.
        </p>
      ) : (
        <ul className="library-list">
          {documents.map((document) => {
            const shownIn: PaneSide[] = [];
            if (left === document.id) shownIn.push('left');
            if (right === document.id) shownIn.push('right');
            return <LibraryItem key={document.id} document={document} shownIn={shownIn} onOpen={onOpen} />;
          })}
        </ul>
      )}
    </nav>
  );
});
