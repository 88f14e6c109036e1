/**
 * Every change a reader makes to annotations, as one class: each action
 * updates the local copy at once (the text redraws in the same frame),
 * queues the put or delete for the host, and records an undoable step.
 */
import { MAX_NOTE_BODY_LENGTH, markdownOf, tagsOf, type Annotation, type HighlightColour, type PassageTarget } from '../../../electron/api/annotation-schema';
import {
  newHighlight,
  newLink,
  newNote,
  withColour,
  withMarkdown,
  withPassageAdded,
  withPassageRemoved,
  withPassageReplaced,
  withTags,
} from './annotation-factory';
import type { AnnotationChange, AnnotationHistory, HistoryEntry } from './annotation-history';
import type { AnnotationStore } from './annotation-store';
import type { AnnotationSync } from './annotation-sync';
import { colourLabel } from './colours';
import type { SelectedPassage, SelectionResult } from './selection-passage';

/** Quiet time before a note being typed is saved. */
export const NOTE_SAVE_DELAY_MS = 500;

/** What the actions need from the window around them. */
export interface ActionHost {
  readSelection: () => SelectionResult;
  clearSelection: () => void;
  /** Shows a short message in the status bar (announced to screen readers). */
  say: (text: string, tone?: 'info' | 'error') => void;
  /** Shows an annotation in the Notes panel (null: none). */
  select: (id: string | null, focusEditor?: boolean) => void;
  linkSource: () => SelectedPassage | null;
  setLinkSource: (passage: SelectedPassage | null) => void;
}

/** Why a note's text was not accepted. */
export type EditResult = { ok: true } | { ok: false; message: string };

/** The message for a note over the size limit. */
export function tooLongMessage(length: number): string {
  const size = new Intl.NumberFormat('en').format(length);
  return `This note is ${size} characters long, over the limit of 1,000,000 (about 1 MB). It is kept in the editor but not saved; shorten it to save.`;
}

/** The reader's annotation actions. */
export class AnnotationActions {
  readonly #store: AnnotationStore;
  readonly #sync: AnnotationSync;
  readonly #history: AnnotationHistory;
  readonly #host: ActionHost;

  constructor(store: AnnotationStore, sync: AnnotationSync, history: AnnotationHistory, host: ActionHost) {
    this.#store = store;
    this.#sync = sync;
    this.#history = history;
    this.#host = host;
  }

  /** Applies states locally and queues them for the host. */
  #apply(states: ReadonlyArray<readonly [string, Annotation | null]>, delayMs = 0): void {
    this.#store.apply(states);
    for (const [id, state] of states) {
      if (state) this.#sync.put(state, delayMs);
      else this.#sync.delete(id);
    }
  }

  #commit(label: string, changes: AnnotationChange[], options: { mergeKey?: string; delayMs?: number } = {}): void {
    this.#apply(changes.map((c) => [c.id, c.after] as const), options.delayMs);
    const entry: HistoryEntry = { label, changes };
    if (options.mergeKey !== undefined) entry.mergeKey = options.mergeKey;
    this.#history.record(entry);
  }

  #replace(label: string, next: Annotation, options: { mergeKey?: string; delayMs?: number } = {}): void {
    const before = this.#store.get(next.id) ?? null;
    this.#commit(label, [{ id: next.id, before, after: next }], options);
  }

  #selection(): SelectedPassage | null {
    const result = this.#host.readSelection();
    if (!result.ok) {
      this.#host.say(result.message, 'error');
      return null;
    }
    return result.passage;
  }

  /** Highlights the selection in `colour`. */
  highlight(colour: HighlightColour): Annotation | null {
    const passage = this.#selection();
    if (!passage) return null;
    const created = newHighlight(passage.target, colour);
    this.#commit(`Highlight ${colour}`, [{ id: created.id, before: null, after: created }]);
    this.#host.clearSelection();
    this.#host.say(`Highlighted in ${colourLabel(colour).toLowerCase()}.`);
    return created;
  }

  recolour(id: string, colour: HighlightColour): void {
    const current = this.#store.get(id);
    if (!current || current['diptych:colour'] === colour) return;
    this.#replace(`Recolour ${colour}`, withColour(current, colour));
  }

  setTags(id: string, tags: readonly string[]): void {
    const current = this.#store.get(id);
    if (!current) return;
    const next = withTags(current, tags);
    if (tagsOf(next).join('\n') === tagsOf(current).join('\n')) return;
    this.#replace('Change tags', next);
  }

  remove(id: string): void {
    const current = this.#store.get(id);
    if (!current) return;
    this.#commit(`Delete ${current.motivation === 'highlighting' ? 'highlight' : current.motivation === 'linking' ? 'link' : 'note'}`, [{ id, before: current, after: null }]);
    this.#host.select(null);
    this.#host.say('Deleted. Press Ctrl+Z to bring it back.');
  }

  /** A new note on the selected passage, opened in the editor. */
  noteOnSelection(): Annotation | null {
    const passage = this.#selection();
    if (!passage) return null;
    const created = newNote('', [passage.target]);
    this.#commit('New note', [{ id: created.id, before: null, after: created }]);
    this.#host.clearSelection();
    this.#host.select(created.id, true);
    return created;
  }

  /** A new note in the notebook (on no passage), opened in the editor. */
  newNote(markdown = ''): Annotation {
    const created = newNote(markdown, []);
    this.#commit('New note', [{ id: created.id, before: null, after: created }]);
    this.#host.select(created.id, true);
    return created;
  }

  /** Sets a note's (or link's) Markdown; saved after a quiet moment, one undo step per editing run. */
  editMarkdown(id: string, markdown: string): EditResult {
    const current = this.#store.get(id);
    if (!current) return { ok: false, message: 'This annotation no longer exists; your text is kept in the editor.' };
    if (markdown.length > MAX_NOTE_BODY_LENGTH) return { ok: false, message: tooLongMessage(markdown.length) };
    if (markdownOf(current) === markdown) return { ok: true };
    this.#replace(current.motivation === 'linking' ? 'Edit link note' : 'Edit note', withMarkdown(current, markdown), {
      mergeKey: `edit:${id}`,
      delayMs: NOTE_SAVE_DELAY_MS,
    });
    return { ok: true };
  }

  /** The editor lost focus: save now, and make the next edit a step of its own. */
  endEditing(): void {
    this.#sync.flush();
    this.#history.seal();
  }

  /** Adds the selected passage to an annotation (a note or a link). */
  attachSelection(id: string): void {
    const current = this.#store.get(id);
    const passage = current ? this.#selection() : null;
    if (!current || !passage) return;
    this.#replace('Attach passage', withPassageAdded(current, passage.target));
    this.#host.clearSelection();
    this.#host.say('Passage attached.');
  }

  removePassage(id: string, index: number): void {
    const current = this.#store.get(id);
    if (!current) return;
    this.#replace('Remove passage', withPassageRemoved(current, index));
  }

  /** Moves an annotation's passage to the selection (an orphan re-attached where it belongs now). */
  reattach(id: string, index: number): void {
    const current = this.#store.get(id);
    const passage = current ? this.#selection() : null;
    if (!current || !passage) return;
    this.#replace('Re-attach passage', withPassageReplaced(current, index, passage.target));
    this.#host.clearSelection();
    this.#host.say('Re-attached to the selected passage.');
  }

  /** Starts a link from the selection; the next passage selected completes it. */
  startLink(): boolean {
    const passage = this.#selection();
    if (!passage) return false;
    this.#host.setLinkSource(passage);
    this.#host.clearSelection();
    return true;
  }

  cancelLink(): void {
    if (!this.#host.linkSource()) return;
    this.#host.setLinkSource(null);
    this.#host.say('Linking cancelled; nothing was created.');
  }

  /** Links the passage chosen with startLink to the selection. */
  completeLink(): Annotation | null {
    const source = this.#host.linkSource();
    if (!source) return null;
    const passage = this.#selection();
    if (!passage) return null;
    if (passage.documentId === source.documentId && passage.start < source.end && source.start < passage.end) {
      this.#host.say('A passage cannot be linked to itself. Select another passage, or press Esc to cancel.', 'error');
      return null;
    }
    const created = newLink([source.target, passage.target]);
    this.#commit('Link passages', [{ id: created.id, before: null, after: created }]);
    this.#host.setLinkSource(null);
    this.#host.clearSelection();
    this.#host.select(created.id, true);
    this.#host.say('Linked. Add a note to explain the link, if you like.');
    return created;
  }

  /** Links passages chosen elsewhere than by selection (an accepted compare suggestion), with an optional note: one undo step. */
  linkPassages(targets: readonly PassageTarget[], markdown = ''): Annotation {
    const created = newLink(targets, markdown.slice(0, MAX_NOTE_BODY_LENGTH));
    this.#commit('Link passages', [{ id: created.id, before: null, after: created }]);
    return created;
  }

  undo(): void {
    this.#sync.flush();
    const entry = this.#history.undo();
    if (!entry) {
      this.#host.say('Nothing to undo.');
      return;
    }
    this.#apply(entry.changes.map((c) => [c.id, c.before] as const));
    this.#host.say(`Undone: ${entry.label.toLowerCase()}.`);
  }

  redo(): void {
    this.#sync.flush();
    const entry = this.#history.redo();
    if (!entry) {
      this.#host.say('Nothing to redo.');
      return;
    }
    this.#apply(entry.changes.map((c) => [c.id, c.after] as const));
    this.#host.say(`Redone: ${entry.label.toLowerCase()}.`);
  }
}
