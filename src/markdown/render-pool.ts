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
 * A pool of Markdown workers, at most one per core by default; jobs queue
 * until a worker is free. A worker starts only when a job finds none free,
 * so a pool that finds everything cached costs nothing and one body starts
 * one worker. Idle workers do not keep the process alive, so a pool may be
 * kept between uses (the check's is, see `validation/bodies.ts`); `close()`
 * ends it. A worker that dies is replaced for the jobs still queued, unless
 * it died before finishing any job: then the pipeline cannot load, and every
 * queued job fails with its error instead of starting worker after worker.
 * @example const pool = new RenderPool(renderWorkerUrl(srcDir)); await pool.run(job); await pool.close();
 */
export class RenderPool {
  readonly #script: URL;
  readonly #size: number;
  readonly #workers = new Set<Worker>();
  readonly #idle: Worker[] = [];
  readonly #queue: Task[] = [];
  /** The job each busy worker is rendering. */
  readonly #busy = new Map<Worker, Task>();
  /** Workers that have finished a job (so the pipeline loads). */
  readonly #proven = new WeakSet<Worker>();
  #seq = 0;

  constructor(script: URL, size = Math.max(1, availableParallelism())) {
    this.#script = script;
    this.#size = size;
  }

  /**
   * Renders one body into the cache; rejects with the worker's error. The
   * pool numbers jobs itself, so callers sharing a pool may reuse `seq`.
   */
  run(job: RenderJob): Promise<void> {
    return new Promise((resolve, reject) => {
      const task: Task = { job: { ...job, seq: ++this.#seq }, done: (error) => (error ? reject(new Error(error)) : resolve()) };
      const worker = this.#idle.pop() ?? (this.#workers.size < this.#size ? this.#start() : undefined);
      if (worker) this.#send(worker, task);
      else this.#queue.push(task);
    });
  }

  #start(): Worker {
    // A larger young generation: rendering allocates many short-lived nodes.
    const worker = new Worker(this.#script, { resourceLimits: { maxYoungGenerationSizeMb: 48 } });
    worker.on('message', (reply: RenderReply) => {
      const task = this.#busy.get(worker);
      this.#busy.delete(worker);
      this.#proven.add(worker);
      task?.done(reply.error);
      this.#next(worker);
    });
    worker.on('error', (error) => this.#lose(worker, String(error.stack ?? error)));
    worker.on('exit', (code) => this.#lose(worker, `the Markdown worker stopped (exit code ${code})`));
    this.#workers.add(worker);
    return worker;
  }

  #send(worker: Worker, task: Task) {
    this.#busy.set(worker, task);
    worker.ref();
    worker.postMessage(task.job);
  }

  #next(worker: Worker) {
    const task = this.#queue.shift();
    if (task) return this.#send(worker, task);
    // Idle: nothing to wait for, so nothing to keep the process alive for.
    worker.unref();
    this.#idle.push(worker);
  }

  /** A worker failed or ended: its job fails; the queue goes to a new worker, or fails too if no worker can load. */
  #lose(worker: Worker, reason: string) {
    if (!this.#workers.delete(worker)) return;
    const idle = this.#idle.indexOf(worker);
    if (idle >= 0) this.#idle.splice(idle, 1);
    const task = this.#busy.get(worker);
    this.#busy.delete(worker);
    task?.done(reason);
    if (!this.#proven.has(worker)) {
      for (const queued of this.#queue.splice(0)) queued.done(reason);
    } else if (this.#queue.length > 0) {
      this.#send(this.#start(), this.#queue.shift()!);
    }
  }

  /** Ends every worker; jobs not yet rendered fail. */
  async close() {
    const workers = [...this.#workers];
    this.#workers.clear();
    this.#idle.length = 0;
    for (const task of [...this.#busy.values(), ...this.#queue.splice(0)]) task.done('the Markdown pool was closed');
    this.#busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

interface Task {
  readonly job: RenderJob;
  readonly done: (error?: string) => void;
}
