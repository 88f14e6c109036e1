/**
 * The keyboard shortcuts: one list for the help overlay, one matcher for
 * the key handler, so the two can never disagree.
 */
import { colourForKey, type HighlightColour } from '../annotations/colours';

/** A shortcut as the help overlay shows it. */
export interface ShortcutInfo {
  keys: string[];
  /** Keys pressed together (a chord) rather than alternatives. */
  together?: boolean;
  action: string;
}

/** What a key press asks for. */
export type ShortcutCommand =
  | 'focus-left'
  | 'focus-right'
  | 'toggle-library'
  | 'toggle-maximise'
  | 'swap'
  | 'settings'
  | 'help'
  | `highlight-${HighlightColour}`
  | 'note'
  | 'link'
  | 'undo'
  | 'redo'
  | 'toggle-notes'
  | 'palette'
  | 'import'
  | 'toggle-compare'
  | 'toggle-aligned-scroll'
  | 'next-suggestion'
  | 'previous-suggestion'
  | 'related-passages';

/** True on macOS, where the Command key plays Ctrl's part. */
export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** Every shortcut, in the order the help overlay lists them. */
export function shortcutList(mac: boolean = isMac()): ShortcutInfo[] {
  const mod = mac ? '⌘' : 'Ctrl';
  return [
    { keys: ['['], action: 'Focus the left pane' },
    { keys: [']'], action: 'Focus the right pane' },
    { keys: ['M'], action: 'Maximise or restore the focused pane' },
    { keys: ['S'], action: 'Swap the two panes' },
    { keys: [mod, 'B'], together: true, action: 'Show or hide the library' },
    { keys: [mod, '.'], together: true, action: 'Show or hide the Notes panel' },
    { keys: [mod, ','], together: true, action: 'Open reading settings' },
    { keys: [mod, 'F'], together: true, action: 'Find in the focused text (Enter: next match, Shift+Enter: previous, Esc: close)' },
    { keys: [mod, 'K'], together: true, action: 'Open the command palette: search every document and note, run a command' },
    { keys: [mod, 'O'], together: true, action: 'Import documents into the library (text, Markdown, HTML, PDF)' },
    { keys: ['1', '2', '3', '4', '5'], action: 'Highlight the selection in yellow, green, blue, pink or purple' },
    { keys: ['N'], action: 'Write a note on the selection (with nothing selected, a new note)' },
    { keys: ['L'], action: 'Link the selection to another passage: then select that passage' },
    { keys: ['C'], action: 'Compare the two texts: suggested correspondences in the gutter (again: stop comparing)' },
    { keys: ['J', 'K'], action: 'Next or previous suggestion while comparing (on its number: Enter accepts it as a link, Delete rejects it)' },
    { keys: ['A'], action: 'Aligned scrolling while comparing: the other text follows, corresponding passages level' },
    { keys: ['R'], action: 'Passages related to the selection in the other text' },
    { keys: [mod, 'Z'], together: true, action: 'Undo the last annotation change' },
    { keys: [mod, 'Shift', 'Z'], together: true, action: `Redo (or ${mod}+Y)` },
    { keys: ['?'], action: 'Show these keyboard shortcuts' },
    { keys: ['Esc'], action: 'Close a dialog, or cancel linking' },
    { keys: ['↑', '↓', 'PgUp', 'PgDn', 'Space'], action: 'Scroll the focused text' },
    { keys: ['Shift', '←', '→', '↑', '↓'], action: `Select text in the focused text from its first line on screen (with ${mod}: by words; Shift+Home/End: to the line's ends)` },
    { keys: ['Tab'], action: 'Move to the next control' },
  ];
}

/**
 * Whether a key press asks to find in the focused text (Ctrl+F, ⌘F on a
 * Mac). The pane showing that text answers it, not the app's command list:
 * a text pane opens its find bar, a PDF pane its own.
 */
export function matchFindShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'isComposing'>): boolean {
  if (event.isComposing || event.altKey || event.shiftKey) return false;
  return (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f';
}

/** Where single-key shortcuts must not fire, because the key is text being typed. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, select, textarea')) return true;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  // isContentEditable is missing in some DOMs (jsdom); the attribute says the same.
  return target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/**
 * The command for a key press, or null. `dialogOpen` limits shortcuts to the
 * ones that open settings and the palette, since a modal dialog owns the keyboard.
 */
export function matchShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target' | 'isComposing'>, dialogOpen: boolean): ShortcutCommand | null {
  if (event.isComposing) return null;
  const mod = event.ctrlKey || event.metaKey;
  if (mod && !event.altKey && !event.shiftKey) {
    if (event.key === ',') return 'settings';
    // The palette opens over (or instead of) any dialog, and from a field too.
    if (event.key.toLowerCase() === 'k') return 'palette';
    if (!dialogOpen && event.key.toLowerCase() === 'b') return 'toggle-library';
    if (!dialogOpen && event.key.toLowerCase() === 'o') return 'import';
    if (!dialogOpen && event.key === '.') return 'toggle-notes';
  }
  if (mod && !event.altKey) {
    // A field has its own undo for the text being typed; annotation undo waits until focus leaves it.
    if (dialogOpen || isTypingTarget(event.target)) return null;
    const key = event.key.toLowerCase();
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !event.shiftKey) return 'redo';
    return null;
  }
  if (dialogOpen || mod || event.altKey || isTypingTarget(event.target)) return null;
  const colour = colourForKey(event.key);
  if (colour) return `highlight-${colour}`;
  switch (event.key) {
    case '[':
      return 'focus-left';
    case ']':
      return 'focus-right';
    case 'm':
    case 'M':
      return 'toggle-maximise';
    case 's':
    case 'S':
      return 'swap';
    case '?':
      return 'help';
    case 'n':
    case 'N':
      return 'note';
    case 'l':
    case 'L':
      return 'link';
    case 'c':
    case 'C':
      return 'toggle-compare';
    case 'a':
    case 'A':
      return 'toggle-aligned-scroll';
    case 'j':
    case 'J':
      return 'next-suggestion';
    case 'k':
    case 'K':
      return 'previous-suggestion';
    case 'r':
    case 'R':
      return 'related-passages';
    default:
      return null;
  }
}
