/**
 * The PDF's outline (its bookmarks) as a list beside the pages: each entry
 * goes to its place in the document; nested entries are indented.
 */
import type { OutlineEntry } from './use-pdf-document';

/** Props of {@link PdfOutline}. */
export interface PdfOutlineProps {
  entries: readonly OutlineEntry[];
  onChoose: (entry: OutlineEntry) => void;
}

function Entries({ entries, onChoose, depth }: PdfOutlineProps & { depth: number }) {
  return (
    <ul className="pdf-outline-list" data-depth={depth}>
      {entries.map((entry, index) => (
        <li key={`${index}:${entry.title}`}>
          <button type="button" className="pdf-outline-entry" onClick={() => onChoose(entry)} title={entry.title}>
            {entry.title}
          </button>
          {entry.items.length > 0 ? <Entries entries={entry.items} onChoose={onChoose} depth={depth + 1} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The outline panel. */
export function PdfOutline({ entries, onChoose }: PdfOutlineProps) {
  return (
    <nav className="pdf-outline" aria-label="Outline" data-testid="pdf-outline">
      <Entries entries={entries} onChoose={onChoose} depth={0} />
    </nav>
  );
}
