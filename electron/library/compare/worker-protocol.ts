/** Messages between CompareWorkerClient and the compare worker thread. */
import type { CompareOptions, CompareOutcome, RelatedPassage } from '../../core/compare/types';

/** A document for comparison: `key` names its content, so the worker prepares each text once. */
export interface CompareTextInput {
  key: string;
  text: string;
}

/** A request to the worker; `id` correlates the answer. */
export type CompareRequest =
  | { id: number; kind: 'compare'; left: CompareTextInput; right: CompareTextInput; options?: CompareOptions }
  | { id: number; kind: 'related'; queryText: string; other: CompareTextInput; options?: { limit?: number } }
  /** Test hook: makes the worker exit as a crash would. */
  | { id: number; kind: 'crash' };

/** The worker's answer to one request. */
export type CompareResponse =
  | { id: number; ok: true; value: CompareOutcome | RelatedPassage[] }
  | { id: number; ok: false; message: string };

/** Data the worker is started with. */
export interface CompareWorkerData {
  vectorsFile: string;
}
