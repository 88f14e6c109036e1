/**
 * The soak test's workload: a seeded stream of creates, updates and deletes
 * of highlights, notes and links on the two bundled texts, with quotes that
 * are really in the texts, and a model of what the library must hold.
 */
import type { Annotation, HighlightColour, PassageTarget } from '../../../electron/api/annotation-schema';
import { HIGHLIGHT_COLOURS, NOTEBOOK_URI } from '../../../electron/api/annotation-schema';
import { LONDON, SOVIET } from '../../fixtures/annotations/factory';
import { readSourceText } from '../../support/paths';
import { seededRandom } from '../../support/seeded-random';

export { seededRandom };


/** One change sent to the API: `after` is the annotation it stores, or null for a delete. */
export interface Operation {
  kind: 'create' | 'update' | 'delete';
  id: string;
  after: Annotation | null;
}

const TEXTS: Record<string, string> = {
  [SOVIET]: readSourceText('000_f1b498f6176dc71c.txt'),
  [LONDON]: readSourceText('001_50dbc8cc9f109cf8.txt'),
};
const DOCUMENTS = [SOVIET, LONDON] as const;

export class Workload {
  readonly #random: () => number;
  #clock = Date.UTC(2026, 0, 1);
  #ids = 0;

  constructor(seed: number) {
    this.#random = seededRandom(seed);
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#random() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.#random() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#random() * items.length)]!;
  }

  /** Strictly increasing times, so the newest `modified` is always the last change sent. */
  #stamp(): string {
    this.#clock += 1000;
    return new Date(this.#clock).toISOString();
  }

  #id(): string {
    this.#ids += 1;
    const hex = this.#ids.toString(16).padStart(12, '0');
    return `urn:uuid:50a50a50-0000-4000-8000-${hex}`;
  }

  /** A passage of a bundled text, with its exact words and 32 characters of context each side. */
  passage(documentId: string = this.pick(DOCUMENTS)): PassageTarget {
    const text = TEXTS[documentId]!;
    for (;;) {
      const start = this.int(0, text.length - 80);
      const end = start + this.int(5, 60);
      const exact = text.slice(start, end);
      if (exact.trim() === '' || /[\uD800-\uDFFF]/.test(exact.at(0)! + exact.at(-1)!)) continue;
      return {
        type: 'SpecificResource',
        source: `urn:diptych:document:${documentId}`,
        selector: [
          { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
          { type: 'TextPositionSelector', start, end },
        ],
      };
    }
  }

  #markdown(): string {
    const words = ['pact', 'Moscow', 'guarantee', 'Poland', 'distrust', 'delay', '**why**', '- a list item', '# heading', '[[London]]'];
    return Array.from({ length: this.int(1, 12) }, () => this.pick(words)).join(' ');
  }

  #colour(): HighlightColour {
    return this.pick(HIGHLIGHT_COLOURS);
  }

  /** A new highlight, note (on passages or in the notebook) or link. */
  create(): Operation {
    const now = this.#stamp();
    const base = { id: this.#id(), type: 'Annotation' as const, created: now, modified: now };
    const roll = this.#random();
    let annotation: Annotation;
    if (roll < 0.45) {
      annotation = { ...base, motivation: 'highlighting', body: this.chance(0.3) ? [{ type: 'TextualBody', purpose: 'tagging', value: 'soak' }] : [], target: [this.passage()], 'diptych:colour': this.#colour() };
    } else if (roll < 0.75) {
      const targets: Annotation['target'] = this.chance(0.2) ? [NOTEBOOK_URI] : Array.from({ length: this.int(1, 2) }, () => this.passage());
      annotation = { ...base, motivation: 'commenting', body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: this.#markdown() }], target: targets };
    } else {
      const body = this.chance(0.5) ? [{ type: 'TextualBody' as const, purpose: 'commenting' as const, format: 'text/markdown' as const, value: this.#markdown() }] : [];
      annotation = { ...base, motivation: 'linking', body, target: [this.passage(SOVIET), this.passage(LONDON)] };
    }
    return { kind: 'create', id: annotation.id, after: annotation };
  }

  /** A change to an existing annotation; about a third move it to the other text's file. */
  update(current: Annotation): Operation {
    const next: Annotation = structuredClone(current);
    next.modified = this.#stamp();
    const moves = this.chance(0.3);
    if (next.motivation === 'highlighting') {
      next['diptych:colour'] = this.#colour();
      if (moves) next.target = [this.passage()];
    } else if (next.motivation === 'commenting') {
      next.body = [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: this.#markdown() }];
      if (moves) next.target = this.chance(0.2) ? [NOTEBOOK_URI] : [this.passage()];
    } else {
      next.body = this.chance(0.5) ? [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: this.#markdown() }] : [];
      if (moves) next.target = [...next.target].reverse();
    }
    return { kind: 'update', id: next.id, after: next };
  }

  delete(current: Annotation): Operation {
    return { kind: 'delete', id: current.id, after: null };
  }
}
