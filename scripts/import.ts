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
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { archivedPiece, findHeld, readSection, type ArchivedPiece } from '../src/editor/archive.ts';
import { candidateOf, parseLegacyExport, toContentFile } from '../src/editor/legacy.ts';
import type { Section } from '../src/i18n/locales.ts';
import { isoDay } from '../src/utils/dates.ts';
import { checkFiles, formatProblem } from '../src/validation/check.ts';

const usage = 'usage: npm run import -- FILE… [--slug slug (one file only)]';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { content: { type: 'string' }, slug: { type: 'string' } } });
} catch (error) {
  console.error(`import: ${(error as Error).message}\n${usage}`);
  process.exit(1);
}
const { values, positionals: files } = parsed;
if (files.length === 0 || (values.slug && files.length > 1)) {
  console.error(`import: ${files.length === 0 ? 'name at least one exported file' : '--slug works with one file only'}\n${usage}`);
  process.exit(1);
}

const contentRoot = values.content ?? 'content';
const decoder = new TextDecoder('utf-8', { fatal: true });
const archive = new Map<Section, ArchivedPiece[]>();
const section = async (lang: Section) => archive.get(lang) ?? archive.set(lang, await readSection(contentRoot, lang)).get(lang)!;
const count = { imported: 0, drafts: 0, held: 0, failed: 0 };

for (const input of files) {
  let text: string;
  try {
    text = decoder.decode(await readFile(input));
  } catch (error) {
    const reason = error instanceof TypeError ? 'it is not UTF-8 text' : (error as Error).message;
    console.error(`${input}: cannot read: ${reason}`);
    count.failed++;
    continue;
  }
  const article = parseLegacyExport(text);
  const result = toContentFile(article, { slug: values.slug, today: isoDay(new Date()) });
  const pieces = await section(result.lang);
  const held = findHeld(candidateOf(article, result.lang), pieces);
  if (held) {
    console.log(`${input}: not imported; the archive already holds it as ${held.file} (${held.reason})`);
    count.held++;
    continue;
  }
  const rel = `articles/${result.lang}/${result.slug}.md`;
  const target = path.join(contentRoot, rel);
  // The same rules as `npm run check`, before anything touches the disk.
  const problems = checkFiles([{ rel, display: target, source: result.text }]);
  if (problems.length > 0) {
    console.error(`${input}: not imported; the result would fail the check:`);
    for (const p of problems) console.error(`  ${formatProblem(p)}`);
    count.failed++;
    continue;
  }
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, result.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    console.error(`${input}: not imported; ${target} already exists and was left unchanged (use --slug for another name)`);
    count.failed++;
    continue;
  }
  // A second export of the same piece in this run is held too.
  const written = archivedPiece(target, result.lang, result.text);
  if (written) pieces.push(written);
  count.imported++;
  if (result.draft) count.drafts++;
  const doubts = result.doubts.length;
  console.log(`${input} → ${target}${result.draft ? ` (draft: ${doubts} TODO${doubts === 1 ? '' : 's'} to resolve)` : ''}`);
  for (const d of result.doubts) console.log(`  TODO ${d.field}: ${d.message}`);
  for (const note of result.notes) console.log(`  ${note}`);
}

if (files.length > 1) {
  console.log(`\n${count.imported} imported (${count.drafts} as drafts), ${count.held} already in the archive, ${count.failed} not imported.`);
}
process.exitCode = count.failed > 0 ? 1 : 0;
