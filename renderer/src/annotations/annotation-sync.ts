/**
 * Sends annotation changes to the host, one annotation at a time in the
 * order they were made, and says whether everything is on disk. Changes to
 * the same annotation that have not gone out yet replace each other (only
 * the newest state matters); a note being typed waits for a quiet moment.
 */
import type { Annotation } from '../../../electron/api/annotation-schema';
import type { SaveStatus } from '../app/save-queue';

/** What the sync needs from the API. */
export interface AnnotationSender {
  put: (annotation: Annotation) => Promise<unknown>;
  delete: (id: string) => Promise<unknown>;
}

type Operation = { kind: 'put'; annotation: Annotation } | { kind: 'delete'; id: string };

interface Slot {
  pending: Operation | null;
  timer: ReturnType<typeof setTimeout> | null;
  inFlight: boolean;
  failed: { operation: Operation; message: string } | null;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'the host did not say why';
}

/** A deletion of something the host never had (created and removed before it was sent) is already done. */
function isAbsent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'not-found';
}

/** Ordered, per-annotation saving with an observable status. */
export class AnnotationSync {
  readonly #send: AnnotationSender;
  readonly #slots = new Map<string, Slot>();
  readonly #listeners = new Set<() => void>();
  #status: SaveStatus = { state: 'saved' };

  constructor(send: AnnotationSender) {
    this.#send = send;
  }

  /** Saves `annotation`, after `delayMs` of quiet when given (typing). */
  put(annotation: Annotation, delayMs = 0): void {
    this.#schedule(annotation.id, { kind: 'put', annotation }, delayMs);
  }

  /** Deletes annotation `id`. */
  delete(id: string): void {
    this.#schedule(id, { kind: 'delete', id }, 0);
  }

  /** Sends everything waiting for a quiet moment now (the editor lost focus, the page is hidden). */
  flush(): void {
    for (const [id, slot] of this.#slots) {
      if (slot.timer === null) continue;
      clearTimeout(slot.timer);
      slot.timer = null;
      this.#drain(id);
    }
  }

  /** Sends every failed change again, unless a newer one for the same annotation is waiting. */
  retry(): void {
    for (const [id, slot] of this.#slots) {
      if (!slot.failed) continue;
      if (!slot.pending) slot.pending = slot.failed.operation;
      slot.failed = null;
      this.#drain(id);
    }
    this.#update();
  }

  /** Whether a change to `id` has not reached the disk yet. */
  isPending(id: string): boolean {
    const slot = this.#slots.get(id);
    return slot !== undefined && (slot.pending !== null || slot.inFlight);
  }

  status(): SaveStatus {
    return this.#status;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #slot(id: string): Slot {
    let slot = this.#slots.get(id);
    if (!slot) {
      slot = { pending: null, timer: null, inFlight: false, failed: null };
      this.#slots.set(id, slot);
    }
    return slot;
  }

  #schedule(id: string, operation: Operation, delayMs: number): void {
    const slot = this.#slot(id);
    slot.pending = operation;
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    if (delayMs > 0) {
      slot.timer = setTimeout(() => {
        slot.timer = null;
        this.#drain(id);
      }, delayMs);
    } else {
      this.#drain(id);
    }
    this.#update();
  }

  #drain(id: string): void {
    const slot = this.#slots.get(id);
    if (!slot || slot.inFlight || !slot.pending || slot.timer !== null) return;
    const operation = slot.pending;
    slot.pending = null;
    slot.inFlight = true;
    let request: Promise<unknown>;
    try {
      request = operation.kind === 'put' ? this.#send.put(operation.annotation) : this.#send.delete(operation.id);
    } catch (error) {
      request = Promise.reject(error);
    }
    request
      .then(
        () => {
          slot.failed = null;
        },
        (error: unknown) => {
          if (operation.kind === 'delete' && isAbsent(error)) slot.failed = null;
          else slot.failed = { operation, message: messageOf(error) };
        },
      )
      .finally(() => {
        slot.inFlight = false;
        this.#drain(id);
        if (!slot.pending && !slot.inFlight && !slot.failed && slot.timer === null) this.#slots.delete(id);
        this.#update();
      });
  }

  #update(): void {
    let busy = false;
    let error: string | null = null;
    for (const slot of this.#slots.values()) {
      if (slot.pending || slot.inFlight) busy = true;
      if (slot.failed) error = slot.failed.message;
    }
    const next: SaveStatus = busy ? { state: 'saving' } : error !== null ? { state: 'error', message: error } : { state: 'saved' };
    const current = this.#status;
    if (current.state === next.state && (current.state !== 'error' || (next.state === 'error' && current.message === next.message))) return;
    this.#status = next;
    for (const listener of this.#listeners) listener();
  }
}
