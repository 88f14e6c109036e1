/**
 * The Annotations tab: every highlight, note and link on the open
 * documents, filterable; clicking one scrolls its pane to it. Orphans (not
 * found in the current text) are listed apart with their quotes and can be
 * re-attached to the selection. Export and import sit at the bottom.
 */
import { useId, useMemo, useState } from 'react';
import { ChevronRight, Crosshair, Highlighter, Link2, StickyNote } from 'lucide-react';
import type { Annotation } from '../../../../electron/api/annotation-schema';
import type { DocumentSummary, PaneSide } from '../../../../electron/api/contract';
import { peekDocument, useLoadedVersion } from '../../panes/document-cache';
import { useAnnotationData, useAnnotationUi } from '../annotations-context';
import { colourLabel, HIGHLIGHT_COLOURS } from '../colours';
import type { DocumentAnchors } from '../document-anchors';
import { ANY, filterOrphans, filterRows, tagsIn, type AnnotationFilter } from './annotation-filter';
import { annotationName, documentTitle, excerpt, kindLabel } from './format';
import { TransferSection } from './transfer-section';

/** Rows shown at most: a filter narrows the rest. */
const MAX_ROWS = 200;

function KindIcon({ annotation }: { annotation: Annotation }) {
  if (annotation.motivation === 'linking') return <Link2 aria-hidden="true" />;
  if (annotation.motivation === 'commenting') return <StickyNote aria-hidden="true" />;
  return <Highlighter aria-hidden="true" />;
}

function FilterBar({ filter, onChange, tags, documentIds, documents }: { filter: AnnotationFilter; onChange: (f: AnnotationFilter) => void; tags: string[]; documentIds: string[]; documents: readonly DocumentSummary[] }) {
  const id = useId();
  return (
    <div className="filter-bar" role="search" aria-label="Filter annotations">
      <div className="filter-field filter-text">
        <label className="filter-label" htmlFor={`${id}-text`}>
          Words
        </label>
        <input id={`${id}-text`} className="text-input" type="search" value={filter.text} placeholder="In quotes, notes and tags" onChange={(e) => onChange({ ...filter, text: e.currentTarget.value })} />
      </div>
      <div className="filter-field">
        <label className="filter-label" htmlFor={`${id}-colour`}>
          Colour
        </label>
        <select id={`${id}-colour`} className="select-input" value={filter.colour} onChange={(e) => onChange({ ...filter, colour: e.currentTarget.value as AnnotationFilter['colour'] })}>
          <option value="">Any colour</option>
          {HIGHLIGHT_COLOURS.map((c) => (
            <option key={c} value={c}>
              {colourLabel(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label className="filter-label" htmlFor={`${id}-tag`}>
          Tag
        </label>
        <select id={`${id}-tag`} className="select-input" value={filter.tag} onChange={(e) => onChange({ ...filter, tag: e.currentTarget.value })}>
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field filter-document">
        <label className="filter-label" htmlFor={`${id}-document`}>
          Document
        </label>
        <select id={`${id}-document`} className="select-input" value={filter.documentId} onChange={(e) => onChange({ ...filter, documentId: e.currentTarget.value })}>
          <option value="">Both open documents</option>
          {documentIds.map((d) => (
            <option key={d} value={d}>
              {documentTitle(documents, d)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The Annotations tab. */
export function AnnotationsTab({ documents, openDocuments }: { documents: readonly DocumentSummary[]; openDocuments: Record<PaneSide, string | null> }) {
  const ui = useAnnotationUi();
  const { snapshot, anchorsOf } = useAnnotationData()!;
  const [filter, setFilter] = useState<AnnotationFilter>(ANY);
  const documentIds = [...new Set([openDocuments.left, openDocuments.right].filter((d): d is string => d !== null))];
  const key = documentIds.join('|');
  const loaded = useLoadedVersion();
  const anchors = useMemo(() => {
    void loaded;
    const found: DocumentAnchors[] = [];
    for (const id of key ? key.split('|') : []) {
      const text = peekDocument(id)?.text;
      if (text !== undefined) found.push(anchorsOf(id, text));
    }
    return found;
  }, [key, anchorsOf, loaded]);
  const rows = useMemo(() => filterRows(anchors, snapshot.byId, filter), [anchors, snapshot, filter]);
  const orphans = useMemo(() => filterOrphans(anchors, filter), [anchors, filter]);
  const tags = useMemo(() => tagsIn(anchors, snapshot.byId), [anchors, snapshot]);

  return (
    <div className="annotations-tab">
      <FilterBar filter={filter} onChange={setFilter} tags={tags} documentIds={documentIds} documents={documents} />
      <section aria-labelledby="orphans-heading" className="orphans" data-testid="orphans">
        <h2 id="orphans-heading" className="panel-heading">
          Not found in the text <span className="count">({orphans.length})</span>
        </h2>
        {orphans.length === 0 ? (
          <p className="panel-muted">Every annotation on the open documents was found in its text.</p>
        ) : (
          <ul className="panel-list">
            {orphans.map((orphan) => (
              <li key={`${orphan.annotation.id}#${orphan.targetIndex}`} className="orphan" data-testid="orphan-item">
                <p className="panel-item-meta">
                  {kindLabel(orphan.annotation)} · {excerpt(orphan.reason, 140)}
                </p>
                <blockquote className="passage-quote">{excerpt(orphan.quote, 220)}</blockquote>
                <div className="passage-actions">
                  <button type="button" className="button button-small" onMouseDown={(e) => e.preventDefault()} onClick={() => ui.actions.reattach(orphan.annotation.id, orphan.targetIndex)}>
                    <Crosshair aria-hidden="true" />
                    Re-attach to selection
                  </button>
                  <button type="button" className="button button-small" onClick={() => ui.select(orphan.annotation.id)}>
                    Details
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="panel-heading">
          On the open documents <span className="count">({rows.length})</span>
        </h2>
        {rows.length === 0 ? (
          <p className="panel-empty">{anchors.length === 0 ? 'Open a document to see its annotations.' : 'No annotation matches. Select text and choose a colour, Note or Link to add one.'}</p>
        ) : (
          <ul className="panel-list" aria-label="Annotations">
            {rows.slice(0, MAX_ROWS).map((row) => {
              const colour = row.annotation['diptych:colour'];
              return (
                <li key={`${row.annotation.id}#${row.targetIndex}`} className="annotation-row" data-testid="annotation-row" data-motivation={row.annotation.motivation}>
                  <button type="button" className="panel-item" onClick={() => ui.reveal(row.annotation.id, row.targetIndex)}>
                    <span className="panel-item-meta">
                      <KindIcon annotation={row.annotation} /> {kindLabel(row.annotation)}
                      {colour ? (
                        <>
                          {' · '}
                          <span className="swatch swatch-small" data-colour={colour} aria-hidden="true" /> {colourLabel(colour)}
                        </>
                      ) : null}
                      {' · '}
                      {documentTitle(documents, row.documentId)}
                    </span>
                    <span className="panel-item-title">{annotationName(row.annotation)}</span>
                  </button>
                  <button
                    type="button"
                    className="icon-button row-details"
                    aria-label={`Details of ${kindLabel(row.annotation).toLowerCase()} ${annotationName(row.annotation)}`}
                    title="Details"
                    onClick={() => ui.select(row.annotation.id)}
                  >
                    <ChevronRight aria-hidden="true" />
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {rows.length > MAX_ROWS ? <p className="panel-muted">Showing the first {MAX_ROWS} of {rows.length}; filter to narrow them down.</p> : null}
      </section>
      <TransferSection documents={documents} />
    </div>
  );
}
