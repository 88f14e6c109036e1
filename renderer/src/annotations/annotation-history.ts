/**
 * Undo and redo for annotation changes made in this session: each entry
 * holds, for every annotation it touched, the state before and after
 * (null: it did not exist). Undo puts the before-states back, redo the
 * after-states; both are ordinary puts and deletes through the API.
 */
import type { Annotation } from '../../../electron/api/annotation-schema';

/** One annotation's state before and after a change. */
export interface AnnotationChange {
  id: string;
  before: Annotation | null;
  after: Annotation | null;
}

/** One undoable step. */
export interface HistoryEntry {
  /** What the step did, for "Undid: …" ("Highlight yellow", "Edit note"). */
  label: string;
  changes: AnnotationChange[];
  /**
   * Consecutive entries with the same key merge into one step (typing in a
   * note is one step until the editor loses focus), unless sealed between.
   */
  mergeKey?: string;
}

/** Steps kept: enough for a long session, bounded so a day of typing does not grow memory without end. */
export const MAX_HISTORY = 500;

function merge(into: HistoryEntry, next: HistoryEntry): HistoryEntry {
  const changes = into.changes.map((c) => ({ ...c }));
  for (const change of next.changes) {
    const existing = changes.find((c) => c.id === change.id);
    if (existing) existing.after = change.after;
    else changes.push({ ...change });
  }
  return { ...into, changes };
}

/** The undo and redo stacks. */
export class AnnotationHistory {
  #undo: HistoryEntry[] = [];
  #redo: HistoryEntry[] = [];
  #sealed = true;

  /** Records a step; a new step clears what could be redone. */
  record(entry: HistoryEntry): void {
    if (entry.changes.length === 0) return;
    const top = this.#undo[this.#undo.length - 1];
    if (top && !this.#sealed && entry.mergeKey !== undefined && top.mergeKey === entry.mergeKey) {
      this.#undo[this.#undo.length - 1] = merge(top, entry);
    } else {
      this.#undo.push(entry);
      if (this.#undo.length > MAX_HISTORY) this.#undo.shift();
    }
    this.#sealed = entry.mergeKey === undefined;
    this.#redo = [];
  }

  /** Ends the current merging run, so the next edit is a step of its own. */
  seal(): void {
    this.#sealed = true;
  }

  /** Takes the newest step off the undo stack; apply its before-states. */
  undo(): HistoryEntry | null {
    const entry = this.#undo.pop();
    if (!entry) return null;
    this.#redo.push(entry);
    this.#sealed = true;
    return entry;
  }

  /** Takes the newest undone step back; apply its after-states. */
  redo(): HistoryEntry | null {
    const entry = this.#redo.pop();
    if (!entry) return null;
    this.#undo.push(entry);
    this.#sealed = true;
    return entry;
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  /** Forgets every step (after an import, whose replacements an old step could overwrite). */
  clear(): void {
    this.#undo = [];
    this.#redo = [];
    this.#sealed = true;
  }
}
