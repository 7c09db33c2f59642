/**
 * The browser tests' static server: the benchmark's (`scripts/bench/static-server.ts`),
 * over the test site's output unless another build's output is given.
 */
import { serveStatic, type StaticServer } from '../../scripts/bench/static-server.ts';
import { distDir } from './paths.ts';

export type { StaticServer };

/** Serves `root` (the test site's output, paths.ts `distDir`, unless another build's output is given) on a free local port. */
export function startStaticServer(root = distDir): Promise<StaticServer> {
  return serveStatic(root);
}
