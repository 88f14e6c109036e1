/**
 * Inside the palette: the field, the list (commands, documents, then the
 * search results grouped by document, then notes), a line saying what the
 * search found or why it failed, and a footer with the keys and the
 * "Open in right pane" action for the chosen row.
 */
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Command } from 'cmdk';
import {
  ArrowLeftRight,
  CornerDownLeft,
  Download,
  FileText,
  Keyboard,
  LoaderCircle,
  Maximize2,
  PanelLeft,
  PanelLeftOpen,
  PanelRight,
  PanelRightOpen,
  Search,
  SearchX,
  Settings2,
  StickyNote,
  SunMoon,
  TriangleAlert,
  Upload,
  type LucideIcon,
  ChevronDown,
  ChevronUp,
  Columns2,
  Rows2,
  TextSearch,
} from 'lucide-react';
import type { DocumentSummary, PaneSide, ThemeName } from '../../../electron/api/contract';
import { MarkedText } from './marked-text';
import { commandsFor, documentEntries, rankEntries, type PaletteCommandId } from './palette-commands';
import { MAX_QUERY_LENGTH, useLibrarySearch, type DocumentHit, type LibrarySearchOptions, type NoteHit, type SearchResults, type SearchState } from './use-library-search';

/** What choosing a row does (the palette closes first). */
export interface PaletteActions {
  runCommand: (id: PaletteCommandId) => void;
  openDocument: (side: PaneSide, documentId: string) => void;
  openHit: (side: PaneSide, hit: DocumentHit) => void;
  showNote: (hit: NoteHit) => void;
}

/** Props of {@link PaletteBody}. */
export interface PaletteBodyProps {
  documents: readonly DocumentSummary[];
  openDocuments: Record<PaneSide, string | null>;
  mod: string;
  theme: ThemeName;
  canImport: boolean;
  /** Compare mode's state, for its commands (offered when both panes show a document). */
  compare?: { on: boolean; aligned: boolean };
  /** Whether note results can be shown (the Notes panel is there). */
  canShowNotes: boolean;
  actions: PaletteActions;
  /** How to search (tests pass their own host call and delay). */
  searchOptions?: LibrarySearchOptions;
}

const COMMAND_ICONS: Record<PaletteCommandId, LucideIcon> = {
  swap: ArrowLeftRight,
  'toggle-theme': SunMoon,
  'theme-light': SunMoon,
  'theme-sepia': SunMoon,
  'theme-dark': SunMoon,
  'export-w3c': Download,
  'export-markdown': Download,
  import: Upload,
  help: Keyboard,
  settings: Settings2,
  'toggle-notes': PanelRightOpen,
  'toggle-library': PanelLeftOpen,
  'focus-left': PanelLeft,
  'focus-right': PanelRight,
  'toggle-maximise': Maximize2,
  'toggle-compare': Columns2,
  'toggle-aligned-scroll': Rows2,
  'next-suggestion': ChevronDown,
  'previous-suggestion': ChevronUp,
  'related-passages': TextSearch,
};

/** A row of the list, for the footer and Alt+Enter: what Enter does, and what Alt+Enter does when it opens something. */
interface Row {
  secondary?: () => void;
  /** What Enter does, for the footer: "open in the left pane", "run"… */
  verb: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The results to draw: the answer to the query, or the last answer while the next is on its way. */
function shownResults(state: SearchState): SearchResults | null {
  if (state.status === 'done') return state.results;
  if (state.status === 'searching') return state.previous;
  return null;
}

/** "12 passages in 3 documents and 1 note", for the status line. */
export function describeResults(results: SearchResults): string {
  let passages = 0;
  let documents = 0;
  let notes = 0;
  for (const group of results.groups) {
    if (group.kind === 'note') notes += group.total;
    else {
      passages += group.total;
      documents += 1;
    }
  }
  const parts: string[] = [];
  if (passages > 0) parts.push(`${plural(passages, 'passage')} in ${plural(documents, 'document')}`);
  if (notes > 0) parts.push(plural(notes, 'note'));
  return parts.join(' and ');
}

/** Keys shown after a command (not read out: the label is, and the shortcut with it). */
function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <>
      <span className="palette-keys" aria-hidden="true">
        {keys.map((key) => (
          <kbd key={key}>{key}</kbd>
        ))}
      </span>
      <span className="visually-hidden">, shortcut {keys.join('+')}</span>
    </>
  );
}

/** The open-left / open-right hint of a selected row, the right one clickable (keyboard: Alt+Enter or the footer button). */
function SideHints({ alt, onRight }: { alt: string; onRight: () => void }) {
  return (
    <span className="palette-sides" aria-hidden="true">
      <span className="palette-side">
        <CornerDownLeft /> Left
      </span>
      <span
        className="palette-side palette-side-right"
        title={`Open in right pane (${alt}+Enter)`}
        onPointerDown={(event) => event.preventDefault()}
        onClick={(event) => {
          event.stopPropagation();
          onRight();
        }}
      >
        {alt} <CornerDownLeft /> Right
      </span>
    </span>
  );
}

/** The palette's contents. */
export function PaletteBody({ documents, openDocuments, mod, theme, canImport, compare, canShowNotes, actions, searchOptions }: PaletteBodyProps) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState('');
  const state = useLibrarySearch(query, searchOptions);
  const alt = mod === '⌘' ? '⌥' : 'Alt';

  const bothOpen = openDocuments.left !== null && openDocuments.right !== null;
  const compareOn = compare?.on ?? false;
  const aligned = compare?.aligned ?? false;
  const commands = useMemo(
    () => commandsFor(query, { mod, theme, canImport, compare: { available: bothOpen, on: compareOn, aligned } }),
    [mod, theme, canImport, query, bothOpen, compareOn, aligned],
  );
  const docs = useMemo(() => rankEntries(documentEntries(documents, openDocuments), query), [documents, openDocuments, query]);
  const results = shownResults(state);
  const groups = (results?.groups ?? []).filter((group) => group.kind === 'document' || canShowNotes);

  const rows = new Map<string, Row>();
  const items: ReactNode[] = [];

  if (commands.length > 0) {
    items.push(
      <Command.Group key="commands" value="group:commands" heading="Commands">
        {commands.map((command) => {
          const value = `command:${command.id}`;
          rows.set(value, { verb: 'run' });
          const Icon = COMMAND_ICONS[command.id];
          return (
            <Command.Item key={value} value={value} className="palette-item" onSelect={() => actions.runCommand(command.id)} data-testid="palette-command">
              <Icon className="palette-icon" aria-hidden="true" />
              <span className="palette-label">{command.label}</span>
              {command.detail ? <span className="palette-detail">{command.detail}</span> : null}
              {command.keys ? <Keys keys={command.keys} /> : null}
            </Command.Item>
          );
        })}
      </Command.Group>,
    );
  }

  if (docs.length > 0) {
    items.push(
      <Command.Group key="documents" value="group:documents" heading="Open a document">
        {docs.map((entry) => {
          const value = `document:${entry.id}`;
          const right = () => actions.openDocument('right', entry.id);
          rows.set(value, { secondary: right, verb: 'open in the left pane' });
          return (
            <Command.Item key={value} value={value} className="palette-item" onSelect={() => actions.openDocument('left', entry.id)} data-testid="palette-document" data-document-id={entry.id}>
              <FileText className="palette-icon" aria-hidden="true" />
              <span className="palette-label">{entry.label}</span>
              <span className="palette-detail">{entry.detail}</span>
              <SideHints alt={alt} onRight={right} />
            </Command.Item>
          );
        })}
      </Command.Group>,
    );
  }

  for (const group of groups) {
    if (group.kind === 'document') {
      const more = group.total > group.hits.length ? ` · ${group.hits.length} of ${group.total} passages` : ` · ${plural(group.total, 'passage')}`;
      items.push(
        <Command.Group
          key={`doc:${group.documentId}`}
          value={`group:doc:${group.documentId}`}
          className="palette-results"
          data-testid="palette-group"
          data-document-id={group.documentId}
          heading={
            <>
              <FileText className="palette-heading-icon" aria-hidden="true" />
              <span className="palette-heading-title">
                <MarkedText text={group.title} marks={group.titleMarks} />
              </span>
              <span className="palette-heading-count">{more}</span>
            </>
          }
        >
          {group.hits.map((hit) => {
            const value = `hit:${hit.id}`;
            const right = () => actions.openHit('right', hit);
            rows.set(value, { secondary: right, verb: 'open in the left pane' });
            return (
              <Command.Item key={value} value={value} className="palette-item palette-hit" onSelect={() => actions.openHit('left', hit)} data-testid="palette-hit">
                <span className="palette-snippet">
                  <MarkedText text={hit.snippet} marks={hit.marks} />
                </span>
                <SideHints alt={alt} onRight={right} />
              </Command.Item>
            );
          })}
        </Command.Group>,
      );
    } else {
      items.push(
        <Command.Group
          key="notes"
          value="group:notes"
          className="palette-results"
          data-testid="palette-group"
          data-kind="notes"
          heading={
            <>
              <StickyNote className="palette-heading-icon" aria-hidden="true" />
              <span className="palette-heading-title">Notes</span>
              <span className="palette-heading-count"> · {group.total > group.hits.length ? `${group.hits.length} of ${group.total}` : plural(group.total, 'note')}</span>
            </>
          }
        >
          {group.hits.map((hit) => {
            const value = `note:${hit.noteId}`;
            rows.set(value, { verb: 'show the note' });
            return (
              <Command.Item key={value} value={value} className="palette-item palette-hit palette-note" onSelect={() => actions.showNote(hit)} data-testid="palette-note">
                <span className="palette-note-title">
                  <MarkedText text={hit.title} marks={hit.titleMarks} />
                </span>
                <span className="palette-snippet">
                  <MarkedText text={hit.snippet} marks={hit.marks} />
                </span>
              </Command.Item>
            );
          })}
        </Command.Group>,
      );
    }
  }

  const current = rows.get(selected);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Alt+Enter: the right pane. Handled before cmdk, which would take it for a plain Enter.
    if (event.key === 'Enter' && event.altKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      current?.secondary?.();
    }
  };

  return (
    <Command label="Search documents and notes, or type a command" shouldFilter={false} loop vimBindings={false} value={selected} onValueChange={setSelected} onKeyDown={onKeyDown} className="palette-command">
      <div className="palette-field">
        <Search className="palette-field-icon" aria-hidden="true" />
        <Command.Input
          className="palette-input"
          value={query}
          onValueChange={setQuery}
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Search documents and notes, or type a command…"
        />
        {state.status === 'searching' ? <LoaderCircle className="palette-busy spin" aria-hidden="true" /> : null}
      </div>
      <StatusLine state={state} results={results} hasResults={groups.length > 0} hasCommands={commands.length + docs.length > 0} />
      <Command.List className="palette-list" label="Commands, documents and search results">
        {items}
      </Command.List>
      <div className="palette-footer">
        <span className="palette-footer-keys" aria-hidden="true">
          <kbd>↑</kbd>
          <kbd>↓</kbd> move <kbd>↵</kbd> {current?.verb ?? 'choose'}
          {current?.secondary ? (
            <>
              {' '}
              <kbd>{alt}</kbd>+<kbd>↵</kbd> right pane
            </>
          ) : null}{' '}
          <kbd>Esc</kbd> close
        </span>
        <button
          type="button"
          className="button button-small"
          disabled={!current?.secondary}
          onClick={() => current?.secondary?.()}
          data-testid="palette-open-right"
          title={`Open the chosen document or passage in the right pane (${alt}+Enter)`}
        >
          <PanelRight aria-hidden="true" />
          Open in right pane
        </button>
      </div>
    </Command>
  );
}

/** What the search found, or why it did not: above the list, and read out. */
function StatusLine({ state, results, hasResults, hasCommands }: { state: SearchState; results: SearchResults | null; hasResults: boolean; hasCommands: boolean }) {
  if (state.status === 'error') {
    return (
      <p className="palette-status palette-error" role="alert" data-testid="palette-status" data-state="error">
        <TriangleAlert aria-hidden="true" />
        <span>
          The search failed: {state.message}. Nothing in your library changed, and the commands still work. Try again, or restart Diptych if it keeps failing.
        </span>
      </p>
    );
  }
  let content: ReactNode;
  let kind: string;
  if (state.status === 'idle') {
    kind = 'idle';
    content = <span>Type to search every document and note (small typos are forgiven), or pick a command.</span>;
  } else if (results === null) {
    kind = 'searching';
    content = <span>Searching…</span>;
  } else if (!hasResults) {
    kind = 'empty';
    content = (
      <>
        <SearchX aria-hidden="true" />
        <span>
          No passage or note matches “{results.query}”.{hasCommands ? '' : ' Try fewer words, or another spelling.'}
        </span>
      </>
    );
  } else {
    // While the next answer is on its way, the last one stays described: no flicker, nothing new read out.
    kind = 'results';
    const found = describeResults(results);
    content = <span>{results.combinedWith === 'OR' ? `No passage holds every word; ${found} hold some of them.` : `Found ${found}.`}</span>;
  }
  return (
    <p className="palette-status" role="status" data-testid="palette-status" data-state={kind}>
      {content}
    </p>
  );
}
