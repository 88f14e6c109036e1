/**
 * What the command palette offers besides search: the app's commands and
 * one entry per library document, each ranked against the typed query by
 * cmdk's own scorer (the palette renders them itself, in its own order,
 * next to the search results that the host has already ranked).
 */
import { defaultFilter } from 'cmdk';
import type { DocumentSummary, PaneSide, ThemeName } from '../../../electron/api/contract';
import { formatWords, kindLabel } from '../library/format';

/** Every command the palette runs. */
export type PaletteCommandId =
  | 'swap'
  | 'toggle-theme'
  | 'theme-light'
  | 'theme-sepia'
  | 'theme-dark'
  | 'export-w3c'
  | 'export-markdown'
  | 'import'
  | 'help'
  | 'settings'
  | 'toggle-notes'
  | 'toggle-library'
  | 'focus-left'
  | 'focus-right'
  | 'toggle-maximise'
  | 'toggle-compare'
  | 'toggle-aligned-scroll'
  | 'next-suggestion'
  | 'previous-suggestion'
  | 'related-passages';

/** A command as the palette lists it. */
export interface PaletteCommand {
  id: PaletteCommandId;
  label: string;
  /** Other words it is found by. */
  keywords: readonly string[];
  /** Its keyboard shortcut, keys pressed together (absent when it has none). */
  keys?: readonly string[];
  /** A short note shown after the label (the current theme…). */
  detail?: string;
  /** Listed only once something is typed (the list before that stays short). */
  typedOnly?: boolean;
}

/** A library document, opened left (Enter) or right (Alt+Enter). */
export interface DocumentEntry {
  id: string;
  label: string;
  keywords: readonly string[];
  /** "Text · 1,081 words · open in the right pane" */
  detail: string;
}

const THEME_ORDER: readonly ThemeName[] = ['light', 'sepia', 'dark'];
const THEME_LABELS: Record<ThemeName, string> = { light: 'Light', sepia: 'Sepia', dark: 'Dark' };

/** The theme after `theme` in the cycle light → sepia → dark → light. */
export function nextTheme(theme: ThemeName): ThemeName {
  return THEME_ORDER[(THEME_ORDER.indexOf(theme) + 1) % THEME_ORDER.length]!;
}

/** "Light", "Sepia", "Dark". */
export function themeLabel(theme: ThemeName): string {
  return THEME_LABELS[theme];
}

/** Options of {@link paletteCommands}. */
export interface CommandOptions {
  /** The label of the Ctrl key (⌘ on macOS). */
  mod: string;
  theme: ThemeName;
  /** Whether importing documents is offered (the window passes an import handler). */
  canImport: boolean;
  /** Whether both panes show a document (compare and related passages need two), and whether compare is on. */
  compare?: { available: boolean; on: boolean; aligned: boolean };
}

/** The commands, in the order the palette lists them before anything is typed. */
export function paletteCommands({ mod, theme, canImport, compare }: CommandOptions): PaletteCommand[] {
  const commands: PaletteCommand[] = [
    { id: 'swap', label: 'Swap panes', keywords: ['exchange', 'switch', 'left', 'right'], keys: ['S'] },
    { id: 'toggle-theme', label: 'Toggle theme', keywords: ['colour', 'color', 'light', 'sepia', 'dark', 'appearance'], detail: `${themeLabel(theme)} → ${themeLabel(nextTheme(theme))}` },
    ...THEME_ORDER.filter((name) => name !== theme).map(
      (name): PaletteCommand => ({ id: `theme-${name}`, label: `Use the ${themeLabel(name).toLowerCase()} theme`, keywords: ['theme', 'colour', 'color', 'appearance'], typedOnly: true }),
    ),
    { id: 'toggle-library', label: 'Show or hide the library', keywords: ['sidebar', 'documents', 'toggle'], keys: [mod, 'B'] },
    { id: 'toggle-notes', label: 'Show or hide the Notes panel', keywords: ['annotations', 'panel', 'toggle'], keys: [mod, '.'] },
    { id: 'focus-left', label: 'Focus the left pane', keywords: ['pane', 'go'], keys: ['['] },
    { id: 'focus-right', label: 'Focus the right pane', keywords: ['pane', 'go'], keys: [']'] },
    { id: 'toggle-maximise', label: 'Maximise or restore the focused pane', keywords: ['zoom', 'full'], keys: ['M'] },
    { id: 'settings', label: 'Reading settings', keywords: ['font', 'size', 'measure', 'preferences', 'options', 'backup'], keys: [mod, ','] },
    { id: 'help', label: 'Show keyboard shortcuts', keywords: ['help', 'keys', 'shortcuts'], keys: ['?'] },
    { id: 'export-w3c', label: 'Export all annotations (W3C JSON-LD)', keywords: ['download', 'save', 'notes', 'highlights'] },
    { id: 'export-markdown', label: 'Export all annotations (Markdown)', keywords: ['download', 'save', 'notes', 'highlights'] },
  ];
  if (compare?.available) {
    commands.push(
      { id: 'toggle-compare', label: compare.on ? 'Stop comparing the two texts' : 'Compare the two texts', keywords: ['compare', 'correspondences', 'suggestions', 'align', 'parallel'], keys: ['C'] },
      { id: 'related-passages', label: 'Related in the other text', keywords: ['related', 'similar', 'selection', 'passages', 'compare'], keys: ['R'] },
    );
    if (compare.on) {
      commands.push(
        { id: 'toggle-aligned-scroll', label: compare.aligned ? 'Stop aligned scrolling' : 'Aligned scrolling', keywords: ['sync', 'scroll', 'level', 'compare'], keys: ['A'] },
        { id: 'next-suggestion', label: 'Next suggestion', keywords: ['compare', 'correspondence'], keys: ['J'], typedOnly: true },
        { id: 'previous-suggestion', label: 'Previous suggestion', keywords: ['compare', 'correspondence'], keys: ['K'], typedOnly: true },
      );
    }
  }
  if (canImport) commands.push({ id: 'import', label: 'Import documents…', keywords: ['add', 'file', 'open', 'pdf', 'markdown', 'html', 'text'], keys: [mod, 'O'] });
  return commands;
}

/** The documents the palette opens: those not in the trash, with where each is showing. */
export function documentEntries(documents: readonly DocumentSummary[], open: Record<PaneSide, string | null>): DocumentEntry[] {
  return documents
    .filter((document) => document.trashedAt === null)
    .map((document) => {
      const showing = (['left', 'right'] as const).filter((side) => open[side] === document.id);
      const where = showing.length === 2 ? 'open in both panes' : showing.length === 1 ? `open in the ${showing[0]} pane` : null;
      const detail = [kindLabel(document.kind), formatWords(document.words), where].filter(Boolean).join(' · ');
      return { id: document.id, label: document.title, keywords: ['open', 'document', document.author, ...document.tags].filter(Boolean), detail };
    });
}

/** Something listed in the palette and found by its label or keywords. */
export interface Rankable {
  label: string;
  keywords: readonly string[];
}

/**
 * The lowest cmdk score kept. Its scorer multiplies about 0.17 in for each
 * jump inside a word: this keeps a match with one such jump (a letter left
 * out: "sovet") and drops letters picked from all over a label and its
 * keywords, which any long search word would otherwise "match".
 */
export const MIN_COMMAND_SCORE = 0.1;

/**
 * The entries matching `query`, best first (equal scores keep their order),
 * scored by cmdk's filter; all of them, in order, when the query is empty.
 */
export function rankEntries<T extends Rankable>(entries: readonly T[], query: string): T[] {
  const search = query.trim();
  if (search === '') return [...entries];
  return entries
    .map((entry, index) => ({ entry, index, score: defaultFilter(entry.label, search, [...entry.keywords]) }))
    .filter(({ score }) => score >= MIN_COMMAND_SCORE)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The commands for `query`: ranked when something is typed; otherwise all but those listed only when typed for. */
export function commandsFor(query: string, options: CommandOptions): PaletteCommand[] {
  const commands = paletteCommands(options);
  return query.trim() === '' ? commands.filter((command) => !command.typedOnly) : rankEntries(commands, query);
}
