/**
 * Bounded concurrency, the one way the site limits parallel work (file reads,
 * hashing, Pagefind processes), built on `p-limit`.
 */
import pLimit from 'p-limit';

/**
 * Runs `fn` over `items` with at most `limit` calls in flight; results keep
 * the input order. Use it wherever thousands of files would otherwise be
 * opened at once.
 * @example await mapLimit(files, 64, (f) => readFile(f, 'utf8'))
 */
export function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const run = pLimit(limit);
  return Promise.all(items.map((item, i) => run(() => fn(item, i))));
}

/**
 * A semaphore of `count` places for work whose end is not one function's
 * return (a Pagefind bundle stays open while pages are added to it):
 * `acquire()` waits for a place and resolves to the function that gives it back.
 * @example const acquire = slots(2); const release = await acquire(); try { … } finally { release(); }
 */
export function slots(count: number): () => Promise<() => void> {
  const run = pLimit(count);
  return () =>
    new Promise((acquired) => {
      void run(() => new Promise<void>((release) => acquired(() => release())));
    });
}
