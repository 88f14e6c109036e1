/**
 * The compare worker thread: loads the word vectors once, keeps the last few
 * prepared texts by key, and answers CompareWorkerClient's requests one at a
 * time, so matching never runs on the thread that serves the UI.
 * Bundled to dist/host/compare-worker.mjs and dist/electron/compare-worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { comparePrepared, findRelatedPrepared } from '../../core/compare/index';
import { prepareText, type PreparedText } from '../../core/compare/prepare';
import type { CompareRequest, CompareResponse, CompareTextInput, CompareWorkerData } from './worker-protocol';
import { readWordVectorsFile } from './word-vectors-file';

/** Prepared texts kept: the two open documents and a few recent ones. */
const CACHE_SIZE = 4;

const { vectorsFile } = workerData as CompareWorkerData;
const vectors = readWordVectorsFile(vectorsFile);
const prepared = new Map<string, PreparedText>();

/** The prepared text for a key, most recently used last (a small LRU). */
function preparedFor(input: CompareTextInput): PreparedText {
  const cached = prepared.get(input.key);
  if (cached) {
    prepared.delete(input.key);
    prepared.set(input.key, cached);
    return cached;
  }
  const fresh = prepareText(input.text, vectors);
  prepared.set(input.key, fresh);
  while (prepared.size > CACHE_SIZE) prepared.delete(prepared.keys().next().value!);
  return fresh;
}

function answer(request: CompareRequest): CompareResponse {
  try {
    switch (request.kind) {
      case 'compare':
        return { id: request.id, ok: true, value: comparePrepared(preparedFor(request.left), preparedFor(request.right), vectors, request.options) };
      case 'related':
        return { id: request.id, ok: true, value: findRelatedPrepared(request.queryText, preparedFor(request.other), vectors, request.options) };
      case 'crash':
        process.exit(70);
    }
  } catch (error) {
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort!.on('message', (request: CompareRequest) => parentPort!.postMessage(answer(request)));
