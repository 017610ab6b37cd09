/**
 * Worker threads that encode chunks of a fixture file (load-worker.ts), taken in turn. Each chunk's
 * bytes are moved to the thread and its result moved back, so nothing large is copied.
 *
 * Under tsx (the mock runs from its TypeScript sources), Node 20 does not apply tsx's loader to
 * a worker's entry file (privatenumber/tsx#354): the thread starts from a one-line bootstrap that
 * registers tsx first. Compiled to JavaScript, the thread starts from load-worker.js itself.
 *
 * @example
 * const threads = new LoaderThreads(2);
 * const chunk = await threads.encode(bytes);
 * await threads.close();
 */
import { Worker } from 'node:worker_threads';
import type { EncodedChunk } from './encode-chunk.ts';

export interface ChunkRequest {
  id: number;
  bytes: Uint8Array;
}

export type ChunkReply = { id: number; chunk: EncodedChunk; error?: undefined } | { id: number; chunk?: undefined; error: string };

interface Pending {
  resolve(chunk: EncodedChunk): void;
  reject(error: Error): void;
}

export class LoaderThreads {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #failure: Error | undefined;

  constructor(count: number) {
    this.#workers = Array.from({ length: count }, () => this.#start());
  }

  /** Encodes `bytes` (whole lines) on the next thread in turn; `bytes` is moved there, unusable here. */
  encode(bytes: Uint8Array): Promise<EncodedChunk> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    const worker = this.#workers[id % this.#workers.length]!;
    const request: ChunkRequest = { id, bytes };
    return new Promise<EncodedChunk>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
    });
  }

  /** Stops every thread; chunks still being encoded are dropped. */
  async close(): Promise<void> {
    this.#fail(new Error('the loader threads were closed'));
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }

  #start(): Worker {
    const worker = startWorker();
    worker.on('message', (reply: ChunkReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.chunk) pending?.resolve(reply.chunk);
      else pending?.reject(new Error(`a loader thread failed: ${reply.error}`));
    });
    worker.on('error', (error) => this.#fail(new Error(`a loader thread failed: ${error.stack ?? error.message}`)));
    worker.on('exit', (code) => {
      if (this.#pending.size > 0) this.#fail(new Error(`a loader thread stopped (exit code ${code}) with chunks to encode`));
    });
    return worker;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

function startWorker(): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './load-worker.ts' : './load-worker.js', import.meta.url);
  if (entry.pathname.endsWith('.js')) return new Worker(entry);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  // execArgv is cleared: a `--import tsx` inherited from the mock's own command line is what fails.
  return new Worker(bootstrap, { eval: true, execArgv: [] });
}
