/**
 * `npm run check [-- CONTENT_DIR]`: validates every content file without a
 * build, bodies included. Prints one line per problem (errors and warnings),
 * then a summary; exits 1 if there is any error. Warnings alone exit 0.
 */
import { performance } from 'node:perf_hooks';
import { checkContent, formatProblem, summarize } from '../src/validation/check.ts';

const root = process.argv[2] ?? 'content';
const started = performance.now();
const problems = await checkContent(root);
const took = `${Math.round(performance.now() - started)} ms`;
const { errors, warnings, errorFiles, warningFiles } = summarize(problems);
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

for (const problem of problems) console.error(formatProblem(problem));
if (errors > 0) {
  const also = warnings > 0 ? ` and ${count(warnings, 'warning')}` : '';
  console.error(`\n${count(errors, 'problem')} in ${count(errorFiles, 'file')}${also} (${took}).`);
  process.exitCode = 1;
} else if (warnings > 0) {
  console.log(`\n${root}: all files pass, with ${count(warnings, 'warning')} in ${count(warningFiles, 'file')} (${took}).`);
} else {
  console.log(`${root}: all files pass (${took}).`);
}
