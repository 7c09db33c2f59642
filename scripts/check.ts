/**
 * `npm run check [-- CONTENT_DIR]`: validates every content file without a
 * build, bodies included. Prints one line per problem (errors and warnings),
 * then a summary; exits 1 if there is any error. Warnings alone exit 0.
 * The command itself is `runCheck` (src/validation/run-check.ts).
 */
import { runAsScript } from '../src/utils/command.ts';
import { runCheck } from '../src/validation/run-check.ts';

await runAsScript(runCheck);
