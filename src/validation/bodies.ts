/**
 * The check's body pass: what the Markdown pipeline says about each article
 * body, on every `npm run check` and every build, warm or cold.
 *
 * Bodies are rendered by the site's own pipeline (`markdown/pipeline.ts`)
 * in the loader's worker threads (`markdown/render-pool.ts`), once per version
 * of a file: the render is cached by digest next to its report (see
 * `markdown/rendered-body.ts`), so the build that follows a check renders
 * nothing again, and a check of an unchanged archive only reads reports.
 *
 * The report holds every message a plugin left on the VFile (each becomes a
 * warning, or an error when the plugin set `fatal`), with its line in the
 * file, and the body's links into this site, which are resolved here against
 * every page the site will have (`site-paths.ts`).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RenderPool, renderWorkerUrl } from '../markdown/render-pool.ts';
import { BODIES_DIR, pipelineFingerprint, readBodyReport, type BodyReport, type RenderJob } from '../markdown/rendered-body.ts';
import type { Problem } from './check.ts';
import type { SitePaths } from './site-paths.ts';

/** One article body to check. */
export interface BodyInput {
  /** The file as messages name it. */
  readonly display: string;
  /** Absolute path (plugins read the section folder from it). */
  readonly abs: string;
  /** The section folder. */
  readonly section: string;
  /** The whole file, as read; read again from `abs` if absent and the body must be rendered. */
  readonly source?: string;
  /** Its report, when the caller kept it (`verdicts.ts`): then nothing is read or rendered for it. */
  readonly report?: BodyReport;
  /** `bodyDigest()` of the file's bytes. */
  readonly digest: string;
  /** The article's own path on the site, when its date is valid (to resolve `../x`). */
  readonly url?: string;
}

export interface BodyPassOptions {
  /** The project whose pipeline renders (its `src/`, lockfile and `node_modules/.astro` cache). */
  readonly projectRoot: string;
  /** Every page the site will have, for links; no link check without it. */
  readonly paths?: SitePaths;
}

/**
 * Reports of every body, rendering (in worker threads) the versions never
 * rendered before; then each message and each link that leads nowhere as a
 * problem on the file's `body`, with its line.
 * @example await checkBodies([{ display: 'content/articles/en/x.md', abs, section: en, source, digest }], { projectRoot: '.' })
 */
export async function checkBodies(inputs: readonly BodyInput[], { projectRoot, paths }: BodyPassOptions): Promise<Problem[]> {
  const bodiesDir = join(projectRoot, BODIES_DIR);
  mkdirSync(bodiesDir, { recursive: true });
  const reports = new Map<string, BodyReport | Promise<BodyReport | Error>>();
  const jobs: RenderJob[] = [];

  const outFiles = inputs.map((input) => join(bodiesDir, `${input.digest}.json`));
  inputs.forEach((input, i) => {
    const outFile = outFiles[i]!;
    if (reports.has(outFile)) return;
    const cached = input.report ?? readBodyReport(outFile);
    if (cached) reports.set(outFile, cached);
    else jobs.push({ seq: jobs.length, section: input.section, contents: input.source ?? readFileSync(input.abs, 'utf8'), filePath: input.abs, outFile });
  });
  if (jobs.length > 0) {
    // No more workers than bodies: one edited article (a save in `npm run dev`) starts one.
    const { pool, release } = acquirePool(projectRoot);
    for (const job of jobs) {
      reports.set(job.outFile, pool.run(job).then(
        () => readBodyReport(job.outFile) ?? new Error('the renderer wrote no report'),
        (error: Error) => error,
      ));
    }
    try {
      await Promise.all(reports.values());
    } finally {
      release();
    }
  }

  const problems: Problem[] = [];
  for (const [i, input] of inputs.entries()) {
    const report = await reports.get(outFiles[i]!)!;
    const push = (severity: Problem['severity'], message: string, line?: number) =>
      problems.push({ file: input.display, field: 'body', severity, message, ...(line ? { line } : {}) });
    if (report instanceof Error) {
      push('error', `could not be rendered (${report.message.split('\n')[0]}); the build would stop here too: tell a developer, with this file`);
      continue;
    }
    for (const m of report.messages) push(m.fatal ? 'error' : 'warning', m.reason, m.line);
    // Looked for on every run, not cached with the render: adding the file fixes the article.
    for (const media of report.media ?? []) {
      const target = resolve(dirname(input.abs), safeDecode(media.src.split(/[?#]/)[0] ?? ''));
      if (!existsSync(target)) {
        push('error', `the <${media.tag}> file ${media.src} is not there (looked for ${relative(projectRoot, target)}); put the file beside the article, in its folder, or correct the path`, media.line);
      }
    }
    if (!paths) continue;
    for (const link of report.links) {
      const target = paths.resolve(link.href, input.url);
      const href = readable(link.href);
      if (target.kind === 'draft') {
        push('warning', `the link to ${href} leads to a draft (${target.file}), which has no page until it is published`, link.line);
      } else if (target.kind === 'nowhere') {
        const fix = target.suggestion
          ? `did you mean ${target.suggestion}?`
          : 'link to the page\'s address on this site, or to its full address (https://…) elsewhere';
        push('warning', `the link to ${href} leads to no page of this site; ${fix}`, link.line);
      }
    }
  }
  return problems;
}

/**
 * How long the check's render pool outlives its last use. Starting workers
 * and loading the pipeline in them costs about half a second; rendering a
 * body, milliseconds. Checks that follow each other in one process (the test
 * suite's, re-checks in `npm run dev` as an editor saves) reuse the pool;
 * after this long without a check its workers end and free their memory.
 */
const POOL_IDLE_MS = 2_000;
const pools = new Map<string, { pool: RenderPool; users: number; timer?: ReturnType<typeof setTimeout> }>();

/**
 * The render pool of `projectRoot`'s pipeline, shared by the checks running
 * in this process, and the function to call when this check is done with it.
 * A changed pipeline (another fingerprint) gets new workers: the old ones
 * still run the code they loaded. Idle workers and the closing timer never
 * keep a finished process alive, so `npm run check` exits once it has printed.
 */
function acquirePool(projectRoot: string): { pool: RenderPool; release: () => void } {
  const script = renderWorkerUrl(pathToFileURL(join(projectRoot, 'src/')));
  const key = `${script.href} ${pipelineFingerprint(projectRoot, join(projectRoot, 'src'))}`;
  let entry = pools.get(key);
  if (!entry) pools.set(key, (entry = { pool: new RenderPool(script), users: 0 }));
  clearTimeout(entry.timer);
  entry.users++;
  const held = entry;
  return {
    pool: held.pool,
    release: () => {
      if (--held.users > 0) return;
      held.timer = setTimeout(() => {
        pools.delete(key);
        void held.pool.close();
      }, POOL_IDLE_MS).unref();
    },
  };
}

/** A link as the editor typed it: Dari letters, not `%D9%85…`. */
function readable(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

/** A path as written in HTML, `%20` and all, to the file name on disk; left as written if it is not valid percent-encoding. */
function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
