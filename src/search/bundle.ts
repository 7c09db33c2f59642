/**
 * The main-thread side of `index-worker.ts`: one Pagefind bundle being
 * written by a worker thread (a Pagefind process holding its bundle in
 * memory; `build-index.ts` limits how many are open at once with `slots()`).
 */
import { Worker } from 'node:worker_threads';
import type { BundleMessage, BundleReply, IndexedPage, WorkerOptions } from './index-worker.ts';

export class BundleWriter {
  readonly #worker: Worker;
  readonly #reply: Promise<Record<string, IndexedPage>>;
  #pages = 0;

  /**
   * @param language the BCP 47 tag every page of the bundle is indexed under:
   *   the section's language (see `WorkerOptions`)
   */
  constructor(workerUrl: URL, language: string) {
    this.#worker = new Worker(workerUrl, { workerData: { language } satisfies WorkerOptions });
    this.#reply = new Promise((resolve, reject) => {
      this.#worker.once('message', (reply: BundleReply) => {
        void this.#worker.terminate();
        if (reply.pages) resolve(reply.pages);
        else reject(new Error(`Pagefind: ${reply.error}`));
      });
      this.#worker.once('error', reject);
    });
    // Observed by write(); this keeps an early failure from being reported as unhandled.
    this.#reply.catch(() => {});
  }

  get pages(): number {
    return this.#pages;
  }

  /** Queues a built page (its file in dist/) for the bundle. */
  add(url: string, file: string): void {
    this.#pages++;
    this.#worker.postMessage({ kind: 'add', url, file } satisfies BundleMessage);
  }

  /** Writes the bundle to `outputPath`; resolves to what it holds for each page. */
  async write(outputPath: string): Promise<Record<string, IndexedPage>> {
    this.#worker.postMessage({ kind: 'write', outputPath } satisfies BundleMessage);
    try {
      return await this.#reply;
    } catch (error) {
      throw new Error(`${outputPath}: ${(error as Error).message}`);
    }
  }
}
