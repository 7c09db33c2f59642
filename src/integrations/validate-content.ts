/**
 * Runs the content checker (`src/validation/check.ts`, also `npm run check`)
 * inside Astro, bodies included:
 * - `astro build` prints every warning, and stops before rendering any page
 *   if a file has an error, after listing every problem. The bodies the check
 *   renders are the ones the article loader then reads from its cache, so a
 *   cold build renders each body once and a warm one none, and both print
 *   every warning;
 * - `astro dev` lists problems in the terminal when its server starts and
 *   again whenever a file under `content/` changes, and keeps serving; while
 *   a file has an error, every page the browser asks for is the list of
 *   errors with file, line and message (`problemsPage`), not the last
 *   version that passed, and open pages reload when the check's verdict
 *   changes. A page request made while a check runs waits for it, so a page
 *   loaded right after a save shows that save's verdict.
 *
 * Only a real dev server checks: Vitest loads this config as a `dev` command
 * too (`getViteConfig` in vitest.config.ts), and tests judge their own
 * fixtures, never the editors' `content/`.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent, formatProblem, isError, summarize, type CheckOptions, type Problem } from '../validation/check.ts';
import { problemsPage } from '../validation/problems-page.ts';

/**
 * Whether a dev request is for a page (a browser's navigation), not for a
 * script, style, image or Vite's own modules, which must keep loading.
 * @example wantsPage({ method: 'GET', url: '/fa/', headers: { accept: 'text/html' } }) // true
 */
export function wantsPage(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '/';
  if (/^\/(?:@|__|_astro\/|node_modules\/|src\/)/.test(url)) return false;
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') || req.headers['sec-fetch-dest'] === 'document';
}

export interface ValidateContentOptions {
  /** The content root, relative to the project root. */
  readonly contentDir?: string;
  /** Given the articles a build's check read (see `CheckOptions.onArticles`): the sitemap's `remember`. */
  readonly onArticles?: CheckOptions['onArticles'];
}

export default function validateContent({ contentDir = 'content', onArticles }: ValidateContentOptions = {}): AstroIntegration {
  let root = '';
  let projectRoot = '';
  let hadProblems = false;
  const run = (build = false) => checkContent(root, projectRoot, { projectRoot, ...(build && onArticles ? { onArticles } : {}) });
  /** The line of a problem's file (shown relative to the project root), for the problems page. */
  const lineOf = (file: string, line: number) => {
    try {
      return readFileSync(path.resolve(projectRoot, file), 'utf8').split(/\r?\n/)[line - 1];
    } catch {
      return undefined;
    }
  };
  const print = (problems: readonly Problem[], logger: AstroIntegrationLogger) => {
    for (const problem of problems) (isError(problem) ? logger.error : logger.warn).call(logger, formatProblem(problem));
    const { warnings, warningFiles } = summarize(problems);
    if (warnings > 0) logger.warn(`${warnings} warning(s) in ${warningFiles} file(s), listed above; warnings do not stop the build.`);
  };

  return {
    name: 'validate-content',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        projectRoot = fileURLToPath(config.root);
        root = path.resolve(projectRoot, contentDir);
        if (command !== 'build') return;
        const problems = await run(true);
        print(problems, logger);
        const { errors, errorFiles } = summarize(problems);
        if (errors === 0) return;
        throw new Error(
          `Content check failed: ${errors} problem(s) in ${errorFiles} file(s), listed above. Run \`npm run check\` after fixing them.`,
        );
      },
      'astro:server:setup': async ({ server, logger }) => {
        /** The latest verdict, or the one a check under way (or about to start) will give. */
        let current: Promise<readonly Problem[]> = run();
        const problems = await current;
        print(problems, logger);
        const { errors } = summarize(problems);
        hadProblems = errors > 0;
        if (errors > 0) logger.warn(`${errors} content problem(s); the server keeps running and re-checks when you save.`);

        server.middlewares.use(async (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
          if (!wantsPage(req)) return next();
          const html = problemsPage(await current, lineOf);
          if (!html) return next();
          res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end(req.method === 'HEAD' ? undefined : html);
        });

        let timer: ReturnType<typeof setTimeout> | undefined;
        let settle: ((verdict: Promise<readonly Problem[]>) => void) | undefined;
        const recheck = (file: string) => {
          if (!path.resolve(file).startsWith(root + path.sep)) return;
          // Pages asked for from now on wait for this check.
          if (!settle) current = new Promise((resolve) => (settle = resolve));
          clearTimeout(timer);
          // Editors save in bursts (and editors write temp files): check once things settle.
          timer = setTimeout(() => {
            const done = settle!;
            settle = undefined;
            const verdict = run();
            // A check that fails to run hides no page (it is logged below).
            done(verdict.catch(() => []));
            verdict.then(
              (problems) => {
                print(problems, logger);
                const { errors } = summarize(problems);
                if (errors > 0) logger.warn(`${errors} content problem(s); fix and save to re-check.`);
                else if (hadProblems) logger.info('Content check: all files pass again.');
                // Open pages show the new verdict: the list of problems, or the page again.
                if (errors > 0 || hadProblems) server.ws.send({ type: 'full-reload' });
                hadProblems = errors > 0;
              },
              (error: unknown) => logger.error(`Content check failed to run: ${(error as Error).message}`),
            );
          }, 150);
        };
        server.watcher.add(root);
        server.watcher.on('add', recheck).on('change', recheck).on('unlink', recheck);
      },
    },
  };
}
