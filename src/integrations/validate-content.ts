/**
 * Runs the content checker (`src/validation/check.ts`, also `npm run check`)
 * inside Astro, bodies included:
 * - `astro build` prints every warning, and stops before rendering any page
 *   if a file has an error, after listing every problem. The bodies the check
 *   renders are the ones the article loader then reads from its cache, so a
 *   cold build renders each body once and a warm one none, and both print
 *   every warning;
 * - `astro dev` lists problems in the terminal when its server starts and
 *   again whenever a file under `content/` changes, and keeps serving.
 *
 * Only a real dev server checks: Vitest loads this config as a `dev` command
 * too (`getViteConfig` in vitest.config.ts), and tests judge their own
 * fixtures, never the editors' `content/`.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent, formatProblem, isError, summarize, type Problem } from '../validation/check.ts';

export interface ValidateContentOptions {
  /** The content root, relative to the project root. */
  readonly contentDir?: string;
}

export default function validateContent({ contentDir = 'content' }: ValidateContentOptions = {}): AstroIntegration {
  let root = '';
  let projectRoot = '';
  let hadProblems = false;
  const run = () => checkContent(root, projectRoot, { projectRoot });
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
        const problems = await run();
        print(problems, logger);
        const { errors, errorFiles } = summarize(problems);
        if (errors === 0) return;
        throw new Error(
          `Content check failed: ${errors} problem(s) in ${errorFiles} file(s), listed above. Run \`npm run check\` after fixing them.`,
        );
      },
      'astro:server:setup': async ({ server, logger }) => {
        const problems = await run();
        print(problems, logger);
        const { errors } = summarize(problems);
        hadProblems = errors > 0;
        if (errors > 0) logger.warn(`${errors} content problem(s); the server keeps running and re-checks when you save.`);

        let timer: ReturnType<typeof setTimeout> | undefined;
        const recheck = (file: string) => {
          if (!path.resolve(file).startsWith(root + path.sep)) return;
          clearTimeout(timer);
          // Editors save in bursts (and editors write temp files): check once things settle.
          timer = setTimeout(async () => {
            const problems = await run();
            print(problems, logger);
            const { errors } = summarize(problems);
            if (errors > 0) logger.warn(`${errors} content problem(s); fix and save to re-check.`);
            else if (hadProblems) logger.info('Content check: all files pass again.');
            hadProblems = errors > 0;
          }, 150);
        };
        server.watcher.add(root);
        server.watcher.on('add', recheck).on('change', recheck).on('unlink', recheck);
      },
    },
  };
}
