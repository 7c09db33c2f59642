/**
 * `npm run new -- --lang fa|en --title "…" [--slug ascii-slug] [--content DIR]`
 * Creates content/articles/<lang>/<slug>.md as a draft with every field.
 * Never overwrites: an existing file is left alone and the command fails.
 * The command itself is `runNew` (src/editor/run-new.ts).
 */
import { runNew } from '../src/editor/run-new.ts';
import { runAsScript } from '../src/utils/command.ts';

await runAsScript(runNew);
