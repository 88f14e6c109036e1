/**
 * Backlinks: what points at an annotation. A passage is pointed at by the
 * links and notes (and highlights) on an overlapping passage of the same
 * document; a note is also pointed at by every note or link whose Markdown
 * mentions its title as `[[Title]]`.
 */
import { documentIdOfUri, markdownOf, noteTitle, type Annotation, type PassageTarget } from '../../../electron/api/annotation-schema';
import { mentionsIn, titleKey } from './mentions';

/** Why an annotation is listed as a backlink. */
export type BacklinkReason = 'link' | 'note' | 'highlight' | 'mention';

/** One annotation pointing at the subject. */
export interface Backlink {
  annotation: Annotation;
  reason: BacklinkReason;
}

/** A passage located in its document's current text (or at its stored offsets). */
export interface LocatedPassage {
  documentId: string;
  start: number;
  end: number;
}

/** Where a passage of an annotation is now; by default its stored offsets. */
export type PassageLocator = (annotation: Annotation, targetIndex: number, target: PassageTarget) => LocatedPassage | null;

/** The stored offsets of a passage. */
export const storedLocation: PassageLocator = (_annotation, _index, target) => ({
  documentId: documentIdOfUri(target.source),
  start: target.selector[1].start,
  end: target.selector[1].end,
});

function locatedPassages(annotation: Annotation, locate: PassageLocator): LocatedPassage[] {
  const found: LocatedPassage[] = [];
  annotation.target.forEach((target, index) => {
    if (typeof target === 'string') return;
    const located = locate(annotation, index, target);
    if (located) found.push(located);
  });
  return found;
}

/** Notes and links by the title keys they mention; build once per set of annotations. */
export function mentionIndex(annotations: Iterable<Annotation>): Map<string, Annotation[]> {
  const index = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const markdown = markdownOf(annotation);
    if (!markdown.includes('[[')) continue;
    for (const title of mentionsIn(markdown)) {
      const key = titleKey(title);
      const list = index.get(key);
      if (list) list.push(annotation);
      else index.set(key, [annotation]);
    }
  }
  return index;
}

const REASON_ORDER: Record<BacklinkReason, number> = { link: 0, note: 1, mention: 2, highlight: 3 };

/** Options of {@link backlinksOf}. */
export interface BacklinkOptions {
  all: Iterable<Annotation>;
  locate?: PassageLocator;
  /** From {@link mentionIndex} over the same annotations. */
  mentions?: ReadonlyMap<string, readonly Annotation[]>;
}

/** Everything pointing at `subject`, links first, then notes, mentions and highlights. */
export function backlinksOf(subject: Annotation, options: BacklinkOptions): Backlink[] {
  const locate = options.locate ?? storedLocation;
  const found = new Map<string, Backlink>();
  const add = (annotation: Annotation, reason: BacklinkReason) => {
    if (annotation.id === subject.id) return;
    const current = found.get(annotation.id);
    if (!current || REASON_ORDER[reason] < REASON_ORDER[current.reason]) found.set(annotation.id, { annotation, reason });
  };

  const mine = locatedPassages(subject, locate);
  if (mine.length > 0) {
    for (const other of options.all) {
      if (other.id === subject.id) continue;
      const overlaps = locatedPassages(other, locate).some((p) => mine.some((m) => m.documentId === p.documentId && m.start < p.end && p.start < m.end));
      if (!overlaps) continue;
      add(other, other.motivation === 'linking' ? 'link' : other.motivation === 'commenting' ? 'note' : 'highlight');
    }
  }

  if (subject.motivation === 'commenting') {
    const key = titleKey(noteTitle(markdownOf(subject)));
    const mentioning = options.mentions ? (options.mentions.get(key) ?? []) : (mentionIndex(options.all).get(key) ?? []);
    for (const other of mentioning) add(other, 'mention');
  }

  return [...found.values()].sort((a, b) => REASON_ORDER[a.reason] - REASON_ORDER[b.reason] || a.annotation.created.localeCompare(b.annotation.created));
}
