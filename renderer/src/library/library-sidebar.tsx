/**
 * The library: every document with its kind and length, a way to open it in
 * either pane, and to organise the collection (import, filter and sort,
 * edit details, a new version, remove to the trash and restore).
 */
import { memo, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { FilePlus2, MoreHorizontal, PanelLeft, PanelRight, RotateCcw, Trash2 } from 'lucide-react';
import type { DocumentSummary, Layout, PaneSide } from '../../../electron/api/contract';
import { formatWords, kindLabel, sideLabel } from './format';
import { EmptyTrashDialog } from './empty-trash-dialog';
import { collectionsOf, filterDocuments, inCollection, sortDocuments, type LibrarySort } from './library-order';

/** What the file pickers accept: the formats Diptych imports. */
export const IMPORT_ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf';

/** Props of {@link LibrarySidebar}. */
export interface LibrarySidebarProps {
  open: boolean;
  documents: readonly DocumentSummary[];
  /** Which document each pane shows, to mark them in the list. */
  left: Layout['left']['documentId'];
  right: Layout['right']['documentId'];
  onOpen: (side: PaneSide, documentId: string) => void;
  /** Files chosen in the import picker (or, with a document id, as its new version). */
  onImport?: (files: File[], replaceDocumentId?: string) => void;
  onEditDetails?: (document: DocumentSummary) => void;
  onRemove?: (document: DocumentSummary) => void;
  trash?: readonly DocumentSummary[];
  onShowTrash?: () => void;
  onRestore?: (id: string) => void;
  /** Deletes what is in the trash for good (after the sidebar asked). */
  onEmptyTrash?: () => void;
  /** The import picker, for commands that open it from elsewhere (a shortcut, the palette). */
  importInputRef?: RefObject<HTMLInputElement | null>;
}

/** The element id the library toggle controls. */
export const LIBRARY_ID = 'library';

interface ItemProps {
  document: DocumentSummary;
  shownIn: PaneSide[];
  onOpen: LibrarySidebarProps['onOpen'];
  onNewVersion?: () => void;
  onEditDetails?: () => void;
  onRemove?: () => void;
}

function LibraryItem({ document, shownIn, onOpen, onNewVersion, onEditDetails, onRemove }: ItemProps) {
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();
  const hasMore = Boolean(onNewVersion || onEditDetails || onRemove);
  const byline = [document.author, document.date].filter(Boolean).join(', ');
  // An action closes the disclosure it was chosen from.
  const choose = (action: () => void) => () => {
    setMoreOpen(false);
    action();
  };
  return (
    <li className="library-item" data-testid="library-item" data-document-id={document.id} data-open={shownIn.length > 0 ? 'true' : undefined}>
      <p className="library-item-title">{document.title}</p>
      {byline ? <p className="library-item-byline">{byline}</p> : null}
      <p className="library-item-meta">
        {kindLabel(document.kind)} · {formatWords(document.words)}
        {shownIn.length > 0 ? <span className="library-item-shown"> · in {shownIn.join(' and ')} pane</span> : null}
      </p>
      {document.tags.length > 0 ? (
        <ul className="library-item-tags" aria-label="Tags">
          {document.tags.map((tag) => (
            <li key={tag} className="tag-chip">
              {tag}
            </li>
          ))}
        </ul>
      ) : null}
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
        {hasMore ? (
          <button
            type="button"
            className="icon-button library-item-more"
            aria-label={`More for ${document.title}`}
            aria-expanded={moreOpen}
            aria-controls={moreId}
            onClick={() => setMoreOpen((value) => !value)}
          >
            <MoreHorizontal aria-hidden="true" />
          </button>
        ) : null}
      </div>
      {hasMore && moreOpen ? (
        <div id={moreId} className="library-item-more-actions">
          {onEditDetails ? (
            <button type="button" className="button button-small" onClick={choose(onEditDetails)}>
              Edit details…
            </button>
          ) : null}
          {onNewVersion ? (
            <button type="button" className="button button-small" onClick={choose(onNewVersion)}>
              New version…
            </button>
          ) : null}
          {onRemove ? (
            <button type="button" className="button button-small button-danger" onClick={choose(onRemove)}>
              <Trash2 aria-hidden="true" />
              Remove…
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function TrashList({ trash, onRestore, onEmptyTrash }: { trash: readonly DocumentSummary[]; onRestore?: (id: string) => void; onEmptyTrash?: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (trash.length === 0) return <p className="library-empty">The trash is empty.</p>;
  const deletable = trash.some((d) => d.origin === 'imported');
  return (
    <>
      {onEmptyTrash && deletable ? (
        <>
          <button type="button" className="button button-small button-danger library-empty-trash" onClick={() => setConfirming(true)}>
            <Trash2 aria-hidden="true" />
            Empty the trash…
          </button>
          <EmptyTrashDialog
            trash={trash}
            open={confirming}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              onEmptyTrash();
            }}
          />
        </>
      ) : null}
      <ul className="library-list library-trash-list" aria-label="Trash">
        {trash.map((document) => (
          <li key={document.id} className="library-item" data-testid="trash-item">
            <p className="library-item-title">{document.title}</p>
            <p className="library-item-meta">
              {kindLabel(document.kind)} · removed {document.trashedAt ? new Date(document.trashedAt).toLocaleString() : ''}
            </p>
            {onRestore ? (
              <div className="library-item-actions">
                <button type="button" className="button button-small" aria-label={`Restore ${document.title}`} onClick={() => onRestore(document.id)}>
                  <RotateCcw aria-hidden="true" />
                  Restore
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The collapsible library sidebar. */
export const LibrarySidebar = memo(function LibrarySidebar({
  open,
  documents,
  left,
  right,
  onOpen,
  onImport,
  onEditDetails,
  onRemove,
  trash = [],
  onShowTrash,
  onRestore,
  onEmptyTrash,
  importInputRef,
}: LibrarySidebarProps) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<LibrarySort>('library');
  const [collection, setCollection] = useState<string | null>(null);
  const collections = useMemo(() => collectionsOf(documents), [documents]);
  // A collection that no longer exists (its last document left it) shows everything again.
  const activeCollection = collection !== null && collections.includes(collection) ? collection : null;
  const collectionId = useId();
  const [showTrash, setShowTrash] = useState(false);
  const ownPicker = useRef<HTMLInputElement>(null);
  const picker = importInputRef ?? ownPicker;
  const versionOf = useRef<string | undefined>(undefined);
  const filterId = useId();
  const sortId = useId();
  const shown = useMemo(() => sortDocuments(filterDocuments(inCollection(documents, activeCollection), filter), sort), [documents, activeCollection, filter, sort]);

  const choose = (replaceDocumentId?: string) => {
    versionOf.current = replaceDocumentId;
    picker.current?.click();
  };

  return (
    <nav id={LIBRARY_ID} className="library" aria-label="Library" data-testid="library" hidden={!open}>
      <div className="library-header">
        <h2 className="library-title">Library</h2>
        <span className="library-count">{documents.length === 1 ? '1 document' : `${documents.length} documents`}</span>
      </div>
      {onImport ? (
        <div className="library-tools">
          <button type="button" className="button button-small" onClick={() => choose()}>
            <FilePlus2 aria-hidden="true" />
            Import…
          </button>
          <input
            ref={picker}
            type="file"
            multiple
            accept={IMPORT_ACCEPT}
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="import-input"
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])];
              event.currentTarget.value = '';
              if (files.length > 0) onImport(versionOf.current ? files.slice(0, 1) : files, versionOf.current);
            }}
          />
        </div>
      ) : null}
      {documents.length > 1 ? (
        <div className="library-filter">
          <label htmlFor={filterId} className="visually-hidden">
            Filter the library
          </label>
          <input
            id={filterId}
            type="search"
            className="text-input"
            placeholder="Filter…" title="Filter by title, author, date, tag or kind"
            value={filter}
            onChange={(event) => setFilter(event.currentTarget.value)}
          />
          <label htmlFor={sortId} className="visually-hidden">
            Sort the library
          </label>
          <select id={sortId} value={sort} onChange={(event) => setSort(event.currentTarget.value as LibrarySort)}>
            <option value="library">Library order</option>
            <option value="title">Title</option>
            <option value="added">Newest first</option>
            <option value="kind">Kind</option>
          </select>
        </div>
      ) : null}
      {collections.length > 0 ? (
        <div className="library-collections">
          <label htmlFor={collectionId} className="library-collections-label">
            Collection
          </label>
          <select id={collectionId} value={activeCollection ?? ''} onChange={(event) => setCollection(event.currentTarget.value || null)}>
            <option value="">All documents</option>
            {collections.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {documents.length === 0 ? (
        <p className="library-empty">The library is empty. Import a text, Markdown, HTML or PDF file to read it here.</p>
      ) : shown.length === 0 ? (
        <p className="library-empty">{filter ? `No document matches “${filter}”.` : 'No document in this collection.'}</p>
      ) : (
        <ul className="library-list">
          {shown.map((document) => {
            const shownIn: PaneSide[] = [];
            if (left === document.id) shownIn.push('left');
            if (right === document.id) shownIn.push('right');
            return (
              <LibraryItem
                key={document.id}
                document={document}
                shownIn={shownIn}
                onOpen={onOpen}
                onEditDetails={onEditDetails ? () => onEditDetails(document) : undefined}
                onNewVersion={onImport && document.origin === 'imported' ? () => choose(document.id) : undefined}
                onRemove={onRemove ? () => onRemove(document) : undefined}
              />
            );
          })}
        </ul>
      )}
      {onShowTrash ? (
        <div className="library-trash">
          <button
            type="button"
            className="button button-small library-trash-toggle"
            aria-expanded={showTrash}
            onClick={() => {
              if (!showTrash) onShowTrash();
              setShowTrash((value) => !value);
            }}
          >
            <Trash2 aria-hidden="true" />
            {showTrash ? 'Hide the trash' : 'Trash'}
          </button>
          {showTrash ? <TrashList trash={trash} onRestore={onRestore} onEmptyTrash={onEmptyTrash} /> : null}
        </div>
      ) : null}
    </nav>
  );
});
