/**
 * The pool of Markdown worker threads (`render-worker.ts`) shared by the
 * article loader and the content check: whichever meets a body version
 * first renders it, once, and both then read the cached result.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderReply } from './rendered-body.ts';

/**
 * The worker script, `src/markdown/render-worker.ts`, found from the source
 * folder: callers inside Astro run from a bundled copy of this module, where
 * `import.meta.url` is not under `src/`. Plain Node runs the worker (type
 * stripping), outside Vite.
 * @example renderWorkerUrl(new URL('file:///site/src/')).pathname // '/site/src/markdown/render-worker.ts'
 */
export function renderWorkerUrl(srcDir: URL): URL {
  return new URL('markdown/render-worker.ts', srcDir);
}

/**
 * A fixed pool of Markdown workers, one per core by default; jobs queue until
 * a worker is free. Workers start on the first job, so a pool that finds
 * everything cached costs nothing. Call `close()` when done.
 * @example const pool = new RenderPool(renderWorkerUrl(srcDir)); await pool.run(job); await pool.close();
 */
export class RenderPool {
  readonly #script: URL;
  readonly #size: number;
  readonly #workers: Worker[] = [];
  readonly #idle: Worker[] = [];
  readonly #queue: { job: RenderJob; done: (error?: string) => void }[] = [];
  readonly #pending = new Map<number, (error?: string) => void>();

  constructor(script: URL, size = Math.max(1, availableParallelism())) {
    this.#script = script;
    this.#size = size;
  }

  #start() {
    for (let i = 0; i < this.#size; i++) {
      // A larger young generation: rendering allocates many short-lived nodes.
      const worker = new Worker(this.#script, { resourceLimits: { maxYoungGenerationSizeMb: 48 } });
      worker.on('message', (reply: RenderReply) => {
        this.#pending.get(reply.seq)?.(reply.error);
        this.#pending.delete(reply.seq);
        this.#next(worker);
      });
      worker.on('error', (error) => {
        for (const done of this.#pending.values()) done(String(error.stack ?? error));
        this.#pending.clear();
      });
      this.#workers.push(worker);
      this.#idle.push(worker);
    }
  }

  /** Renders one body into the cache; rejects with the worker's error. */
  run(job: RenderJob): Promise<void> {
    if (this.#workers.length === 0) this.#start();
    return new Promise((resolve, reject) => {
      const done = (error?: string) => (error ? reject(new Error(error)) : resolve());
      const worker = this.#idle.pop();
      if (worker) this.#send(worker, job, done);
      else this.#queue.push({ job, done });
    });
  }

  #send(worker: Worker, job: RenderJob, done: (error?: string) => void) {
    this.#pending.set(job.seq, done);
    worker.postMessage(job);
  }

  #next(worker: Worker) {
    const item = this.#queue.shift();
    if (item) this.#send(worker, item.job, item.done);
    else this.#idle.push(worker);
  }

  async close() {
    const workers = this.#workers.splice(0);
    this.#idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
