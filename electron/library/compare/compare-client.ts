/**
 * Runs compare mode's matching in a worker thread. Requests are correlated by
 * id; if the worker dies, every pending call fails with a clear Error and the
 * next call starts a fresh worker.
 */
import { Worker } from 'node:worker_threads';
import type { CompareOptions, CompareOutcome, RelatedPassage } from '../../core/compare/types';
import type { CompareRequest, CompareResponse, CompareTextInput, CompareWorkerData } from './worker-protocol';

export type { CompareTextInput } from './worker-protocol';

/** Distributes a request without its id (TypeScript's Omit would merge the union's members). */
type RequestBody = CompareRequest extends infer R ? (R extends CompareRequest ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve: (value: CompareOutcome | RelatedPassage[]) => void;
  reject: (error: Error) => void;
}

/** The host's handle on the compare worker. */
export class CompareWorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  /** `workerFile`: the bundled compare-worker.mjs; `vectorsFile`: word-vectors.bin. Nothing starts until the first call. */
  constructor(private readonly options: { workerFile: string; vectorsFile: string }) {}

  /** Suggested correspondences between two texts (see compareTexts). */
  compare(left: CompareTextInput, right: CompareTextInput, options?: CompareOptions): Promise<CompareOutcome> {
    return this.send({ kind: 'compare', left, right, ...(options ? { options } : {}) }) as Promise<CompareOutcome>;
  }

  /** Passages of `other` related to the query text, most related first (see findRelatedPassages). */
  related(queryText: string, other: CompareTextInput, options?: { limit?: number }): Promise<RelatedPassage[]> {
    return this.send({ kind: 'related', queryText, other, ...(options ? { options } : {}) }) as Promise<RelatedPassage[]>;
  }

  /** Test hook: makes the worker die mid-request, as a crash would. */
  crashForTesting(): Promise<unknown> {
    return this.send({ kind: 'crash' });
  }

  /** Stops the worker; pending and later calls fail. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('The compare worker was closed.'));
    if (worker) await worker.terminate();
  }

  private send(body: RequestBody): Promise<CompareOutcome | RelatedPassage[]> {
    if (this.closed) return Promise.reject(new Error('The compare worker was closed.'));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...body, id } as CompareRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const workerData: CompareWorkerData = { vectorsFile: this.options.vectorsFile };
    const worker = new Worker(this.options.workerFile, { workerData });
    worker.on('message', (response: CompareResponse) => {
      const pending = this.pending.get(response.id);
      if (!pending) return;
      this.pending.delete(response.id);
      if (response.ok) pending.resolve(response.value);
      else pending.reject(new Error(`Compare failed: ${response.message}`));
      // An idle worker must not keep the host process alive.
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => this.lose(worker, `The compare worker failed: ${error.message}`));
    worker.on('exit', (code) => this.lose(worker, `The compare worker stopped unexpectedly (exit code ${code}); the next request starts a new one.`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Forgets a dead worker and fails what it was doing. */
  private lose(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(new Error(message));
    void worker.terminate();
  }

  private failAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }
}
