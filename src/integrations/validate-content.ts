/**
 * Runs the content checker (`src/validation/check.ts`, also `npm run check`)
 * inside Astro:
 * - `astro build` stops before rendering anything if a file breaks a rule,
 *   after listing every problem;
 * - `astro dev` lists problems in the terminal at start and again whenever a
 *   file under `content/` changes, and keeps serving.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent, formatProblem, type Problem } from '../validation/check.ts';

export interface ValidateContentOptions {
  /** The content root, relative to the project root. */
  readonly contentDir?: string;
}

export default function validateContent({ contentDir = 'content' }: ValidateContentOptions = {}): AstroIntegration {
  let root = '';
  let projectRoot = '';
  let hadProblems = false;
  const run = () => checkContent(root, projectRoot);
  const print = (problems: readonly Problem[], logger: AstroIntegrationLogger) => {
    for (const problem of problems) logger.error(formatProblem(problem));
  };

  return {
    name: 'validate-content',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        projectRoot = fileURLToPath(config.root);
        root = path.resolve(projectRoot, contentDir);
        if (command !== 'build' && command !== 'dev') return;
        const problems = await run();
        print(problems, logger);
        hadProblems = problems.length > 0;
        if (problems.length === 0) return;
        if (command === 'build') {
          const files = new Set(problems.map((p) => p.file)).size;
          throw new Error(
            `Content check failed: ${problems.length} problem(s) in ${files} file(s), listed above. Run \`npm run check\` after fixing them.`,
          );
        }
        logger.warn(`${problems.length} content problem(s); the server keeps running and re-checks when you save.`);
      },
      'astro:server:setup': ({ server, logger }) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const recheck = (file: string) => {
          if (!path.resolve(file).startsWith(root + path.sep)) return;
          clearTimeout(timer);
          // Editors save in bursts (and editors write temp files): check once things settle.
          timer = setTimeout(async () => {
            const problems = await run();
            print(problems, logger);
            if (problems.length > 0) logger.warn(`${problems.length} content problem(s); fix and save to re-check.`);
            else if (hadProblems) logger.info('Content check: all files pass again.');
            hadProblems = problems.length > 0;
          }, 150);
        };
        server.watcher.add(root);
        server.watcher.on('add', recheck).on('change', recheck).on('unlink', recheck);
      },
    },
  };
}
