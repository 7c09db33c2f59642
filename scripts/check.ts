/**
 * `npm run check [-- CONTENT_DIR]`: validates every content file without a
 * build. Prints one line per problem and exits 1 if there are any.
 */
import { performance } from 'node:perf_hooks';
import { checkContent, formatProblem } from '../src/validation/check.ts';

const root = process.argv[2] ?? 'content';
const started = performance.now();
const problems = await checkContent(root);
const took = `${Math.round(performance.now() - started)} ms`;

if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  const files = new Set(problems.map((p) => p.file)).size;
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${took}).`);
  process.exitCode = 1;
} else {
  console.log(`${root}: all files pass (${took}).`);
}
