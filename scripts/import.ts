/**
 * `npm run import -- FILE… [--content DIR] [--slug slug]`
 * Converts plain-text exports from the legacy site into content files
 * (see src/editor/legacy.ts). Whatever it doubts is written as a `TODO:` in a
 * draft and printed. A piece the archive already holds (src/editor/archive.ts)
 * is named and not written again. Never overwrites a file.
 *
 * Exit code: 0 when every export is now in the archive (imported now, or
 * already there); 1 when any export could not be read, would fail the check,
 * or its file name is taken by another article. A piece already held is not a
 * failure, so an import can be run again over the same folder.
 * The command itself is `runImport` (src/editor/run-import.ts).
 */
import { runImport } from '../src/editor/run-import.ts';
import { runAsScript } from '../src/utils/command.ts';

await runAsScript(runImport);
