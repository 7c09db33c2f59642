/**
 * A section's search index built in full: pages go in, numbered bundles of
 * at most `SHARD_PAGES` come out. A bundle is written as soon as it is full,
 * while the next one fills (as far as free Pagefind slots allow), so both
 * cores stay busy and no Pagefind process holds more than one bundle.
 */
import { join } from 'node:path';
import { BundleWriter } from './bundle.ts';
import { SHARD_PAGES } from './plan.ts';
import type { IndexedPage } from './index-worker.ts';

interface OpenBundle {
  readonly writer: BundleWriter;
  readonly release: () => void;
  readonly name: string;
}

export class FullIndex {
  readonly #dir: string;
  readonly #workerUrl: URL;
  readonly #language: string;
  readonly #acquire: () => Promise<() => void>;
  readonly #written: Promise<Record<string, IndexedPage>>[] = [];
  #opened = 0;
  #open: OpenBundle | undefined;
  /** Serializes adds, so a page waiting for a free slot keeps its place. */
  #queue: Promise<void> = Promise.resolve();

  /**
   * @param dir the section's folder; bundles go to `0/`, `1/`, …
   * @param language the tag the section's pages are indexed under (see `BundleWriter`)
   * @param acquire waits for a free Pagefind slot (see `slots()` in `utils/concurrency.ts`)
   */
  constructor(dir: string, workerUrl: URL, language: string, acquire: () => Promise<() => void>) {
    this.#dir = dir;
    this.#workerUrl = workerUrl;
    this.#language = language;
    this.#acquire = acquire;
  }

  /** Adds a built page; resolves once it is handed to a bundle (which may wait for a free slot). */
  add(url: string, file: string): Promise<void> {
    this.#queue = this.#queue.then(async () => {
      if (this.#open && this.#open.writer.pages >= SHARD_PAGES) this.#close();
      if (!this.#open) {
        const release = await this.#acquire();
        this.#open = { writer: new BundleWriter(this.#workerUrl, this.#language), release, name: String(this.#opened++) };
      }
      this.#open.writer.add(url, file);
    });
    return this.#queue;
  }

  #close(): void {
    const { writer, release, name } = this.#open!;
    this.#open = undefined;
    const written = writer.write(join(this.#dir, name)).finally(release);
    written.catch(() => {}); // reported by finish(), not as an unhandled rejection meanwhile
    this.#written.push(written);
  }

  /** Writes the last bundle and waits for all; returns the bundles' folder names and what they hold. */
  async finish(): Promise<{ shards: string[]; pages: Record<string, IndexedPage> }> {
    await this.#queue;
    if (this.#open) this.#close();
    const written = await Promise.all(this.#written);
    return {
      shards: Array.from({ length: this.#opened }, (_, i) => String(i)),
      pages: Object.assign({}, ...written) as Record<string, IndexedPage>,
    };
  }
}
