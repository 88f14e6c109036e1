/**
 * Compare mode's API methods: the matching itself runs in a worker thread
 * (the `CompareEngine`); this module decides what can be compared, keeps the
 * reader's rejections in the database and turns matches into suggestions
 * with ids that stay the same whichever pane each document is in.
 */
import { createHash } from 'node:crypto';
import type { ApiInput, ApiOutput, CompareSuggestion } from '../api/contract';
import { ApiError } from '../api/errors';
import type { CompareOptions, CompareOutcome, PassageMatch, RelatedPassage } from '../core/compare/types';
import type { DatabaseData, DocumentRecord, RejectedSuggestion } from './database';

export interface CompareTextInput {
  /** Changes whenever the text does: the engine caches its preparation of a text under it. */
  key: string;
  text: string;
}

/** Where the matching runs: `CompareWorkerClient` in the hosts, anything with the same shape in tests. */
export interface CompareEngine {
  compare(left: CompareTextInput, right: CompareTextInput, options?: CompareOptions): Promise<CompareOutcome>;
  related(queryText: string, other: CompareTextInput, options?: { limit?: number }): Promise<RelatedPassage[]>;
  close(): Promise<void>;
}

/** More than this many suggestions would be noise in a gutter a reader scans by eye. */
export const MAX_SUGGESTIONS = 400;
/** Past this ratio of lengths the reader is told most of the longer text will have no partner. */
const VERY_DIFFERENT_SIZES = 20;
/** Compare results kept for pairs the reader toggles back to. */
const CACHED_RESULTS = 4;

interface CompareHost {
  record(id: string): DocumentRecord;
  text(id: string): Promise<string>;
  contentKey(record: DocumentRecord): string;
  data(): DatabaseData;
  save(what: string): Promise<void>;
  /** The engine, or why there is none (the word vectors were not built). */
  engine(): CompareEngine;
}

function pairKey(a: string, b: string): string {
  return [a, b].sort().join('|');
}

/** The same two passages of the same two documents get the same id, whichever side each is on. */
export function suggestionId(leftId: string, left: { start: number; end: number }, rightId: string, right: { start: number; end: number }): string {
  const ends = [`${leftId}:${left.start}-${left.end}`, `${rightId}:${right.start}-${right.end}`].sort();
  return createHash('sha256').update(ends.join('|')).digest('hex').slice(0, 20);
}

function noTextReason(record: DocumentRecord): string {
  return record.kind === 'pdf'
    ? `"${record.title}" is a PDF without a text layer (a scanned PDF?), so there is no text to compare. Open a document with text in that pane.`
    : `"${record.title}" is empty, so there is nothing to compare. Open a document with text in that pane.`;
}

export class CompareMethods {
  readonly #host: CompareHost;
  readonly #results = new Map<string, CompareOutcome>();

  constructor(host: CompareHost) {
    this.#host = host;
  }

  async #outcome(left: DocumentRecord, leftText: string, right: DocumentRecord, rightText: string): Promise<CompareOutcome> {
    const key = `${this.#host.contentKey(left)}|${this.#host.contentKey(right)}`;
    const cached = this.#results.get(key);
    if (cached) {
      this.#results.delete(key);
      this.#results.set(key, cached);
      return cached;
    }
    const outcome = await this.#host
      .engine()
      .compare({ key: this.#host.contentKey(left), text: leftText }, { key: this.#host.contentKey(right), text: rightText }, { limit: MAX_SUGGESTIONS * 2 });
    this.#results.set(key, outcome);
    while (this.#results.size > CACHED_RESULTS) this.#results.delete(this.#results.keys().next().value!);
    return outcome;
  }

  #rejections(leftId: string, rightId: string): RejectedSuggestion[] {
    const pair = pairKey(leftId, rightId);
    return (this.#host.data().rejectedSuggestions ?? []).filter((r) => r.pair === pair);
  }

  async compareDocuments({ leftId, rightId }: ApiInput<'compareDocuments'>): Promise<ApiOutput<'compareDocuments'>> {
    const left = this.#host.record(leftId);
    const right = this.#host.record(rightId);
    if (leftId === rightId) {
      return { status: 'nothing', message: `Both panes show "${left.title}": a text corresponds to itself everywhere. Open another document in one pane to compare.` };
    }
    const [leftText, rightText] = await Promise.all([this.#host.text(leftId), this.#host.text(rightId)]);
    if (leftText.trim() === '') return { status: 'nothing', message: noTextReason(left) };
    if (rightText.trim() === '') return { status: 'nothing', message: noTextReason(right) };
    const outcome = await this.#outcome(left, leftText, right, rightText);
    const rejected = this.#rejections(leftId, rightId);
    const isRejected = (id: string, match: PassageMatch): boolean =>
      rejected.some((r) => r.id === id && r.passages[leftId]?.quote === match.left.quote && r.passages[rightId]?.quote === match.right.quote);
    const suggestions: CompareSuggestion[] = [];
    let hidden = 0;
    for (const match of outcome.matches) {
      const id = suggestionId(leftId, match.left, rightId, match.right);
      if (isRejected(id, match)) {
        hidden += 1;
        continue;
      }
      if (suggestions.length < MAX_SUGGESTIONS) suggestions.push({ id, rank: suggestions.length + 1, ...match });
    }
    const [shorter, longer] = leftText.length <= rightText.length ? [left, right] : [right, left];
    const ratio = Math.max(leftText.length, rightText.length) / Math.max(1, Math.min(leftText.length, rightText.length));
    const message =
      ratio >= VERY_DIFFERENT_SIZES
        ? `"${longer.title}" is about ${Math.round(ratio)} times as long as "${shorter.title}": most of it has no partner, and the suggestions show where the two meet.`
        : null;
    return { status: 'ready', suggestions, rejected: hidden, passages: { left: outcome.leftPassages, right: outcome.rightPassages }, message };
  }

  async relatedPassages({ documentId, start, end, otherId, limit }: ApiInput<'relatedPassages'>): Promise<ApiOutput<'relatedPassages'>> {
    const source = this.#host.record(documentId);
    const other = this.#host.record(otherId);
    const text = await this.#host.text(documentId);
    if (end > text.length) throw new ApiError('invalid-input', `The selection ends at ${end}, past the end of "${source.title}" (${text.length} characters).`);
    const query = text.slice(start, end);
    if (query.trim() === '') return { passages: [], message: 'Select some words first: the selection is only spaces.' };
    const otherText = await this.#host.text(otherId);
    if (otherText.trim() === '') return { passages: [], message: noTextReason(other) };
    const found = await this.#host.engine().related(query, { key: this.#host.contentKey(other), text: otherText }, { limit: limit ?? 10 });
    const passages = documentId === otherId ? found.filter((p) => p.passage.end <= start || p.passage.start >= end) : found;
    return {
      passages: passages.map(({ passage, score, sharedTerms, relatedTerms, lexical, semantic }) => ({ passage, score, sharedTerms, relatedTerms, lexical, semantic })),
      message: passages.length === 0 ? `Nothing in "${other.title}" seems to speak of this passage.` : null,
    };
  }

  async rejectSuggestion({ leftId, rightId, suggestion }: ApiInput<'rejectSuggestion'>): Promise<null> {
    if (leftId === rightId) throw new ApiError('invalid-input', 'A suggestion joins two different documents.');
    const ends = [
      [leftId, suggestion.left],
      [rightId, suggestion.right],
    ] as const;
    for (const [id, passage] of ends) {
      const record = this.#host.record(id);
      const text = await this.#host.text(id);
      if (passage.end <= passage.start || text.slice(passage.start, passage.end) !== passage.quote) {
        throw new ApiError('invalid-input', `That suggestion no longer matches the text of "${record.title}" (was it replaced by a new version?). Compare again.`);
      }
    }
    if (suggestion.id !== suggestionId(leftId, suggestion.left, rightId, suggestion.right)) {
      throw new ApiError('invalid-input', 'That is not the id compareDocuments gave this suggestion.');
    }
    const data = this.#host.data();
    const list = (data.rejectedSuggestions ??= []);
    const pair = pairKey(leftId, rightId);
    if (list.some((r) => r.pair === pair && r.id === suggestion.id)) return null;
    const record: RejectedSuggestion = {
      pair,
      id: suggestion.id,
      passages: { [leftId]: suggestion.left, [rightId]: suggestion.right },
      rejectedAt: new Date().toISOString(),
    };
    list.push(record);
    try {
      await this.#host.save('the rejected suggestion');
    } catch (error) {
      list.splice(list.indexOf(record), 1);
      throw error;
    }
    return null;
  }

  async restoreSuggestion({ leftId, rightId, id }: ApiInput<'restoreSuggestion'>): Promise<null> {
    const list = this.#host.data().rejectedSuggestions ?? [];
    const pair = pairKey(leftId, rightId);
    const index = list.findIndex((r) => r.pair === pair && r.id === id);
    if (index === -1) return null;
    const [removed] = list.splice(index, 1);
    try {
      await this.#host.save('the restored suggestion');
    } catch (error) {
      list.splice(index, 0, removed!);
      throw error;
    }
    return null;
  }

  /** A document has a new version: what was computed from the old one no longer applies. */
  forget(): void {
    this.#results.clear();
  }
}
