/**
 * `npm run check [-- CONTENT_DIR]` (scripts/check.ts is a shell over this):
 * validates every content file without a build, bodies included. Prints one
 * line per problem (errors and warnings) to standard error, then a summary;
 * exits 1 if there is any error. Warnings alone exit 0.
 */
import { performance } from 'node:perf_hooks';
import { CommandOutput, resolveArg, type CommandOptions, type CommandResult } from '../utils/command.ts';
import { checkContent, formatProblem, summarize } from './check.ts';

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * The check command: `args` are the script's arguments (the first, if any,
 * is the content folder, `content` by default, relative to `options.cwd`).
 * Returns the exit code and the text the terminal shows; the summary names
 * the folder as typed and how long the check took (`(412 ms)`).
 * @example const { exitCode, stderr } = await runCheck(['tests/fixtures/invalid/missing-title'], { cwd: projectRoot })
 * // exitCode 1; stderr 'tests/fixtures/invalid/missing-title/articles/en/missing-title.md: title: is missing\n…'
 */
export async function runCheck(args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
  const out = new CommandOutput(options);
  const root = args[0] ?? 'content';
  const started = performance.now();
  const problems = await checkContent(resolveArg(root, options), options.cwd ?? process.cwd());
  const took = `${Math.round(performance.now() - started)} ms`;
  const { errors, warnings, errorFiles, warningFiles } = summarize(problems);

  for (const problem of problems) out.error(formatProblem(problem));
  if (errors > 0) {
    const also = warnings > 0 ? ` and ${count(warnings, 'warning')}` : '';
    out.error(`\n${count(errors, 'problem')} in ${count(errorFiles, 'file')}${also} (${took}).`);
    return out.result(1);
  }
  if (warnings > 0) {
    out.log(`\n${root}: all files pass, with ${count(warnings, 'warning')} in ${count(warningFiles, 'file')} (${took}).`);
  } else {
    out.log(`${root}: all files pass (${took}).`);
  }
  return out.result(0);
}
