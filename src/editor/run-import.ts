/**
 * `npm run import -- FILE… [--content DIR] [--slug slug]` (scripts/import.ts
 * is a shell over this). Converts plain-text exports from the legacy site
 * into content files (see legacy.ts). Whatever it doubts is written as a
 * `TODO:` in a draft and printed. A piece the archive already holds
 * (archive.ts) is named and not written again. Never overwrites a file.
 *
 * Exit code: 0 when every export is now in the archive (imported now, or
 * already there); 1 when any export could not be read, would fail the check,
 * or its file name is taken by another article. A piece already held is not a
 * failure, so an import can be run again over the same folder.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Section } from '../i18n/locales.ts';
import { CommandOutput, resolveArg, type CommandOptions, type CommandResult } from '../utils/command.ts';
import { isoDay } from '../utils/dates.ts';
import { checkFiles, formatProblem } from '../validation/check.ts';
import { archivedPiece, findHeld, readSection, type ArchivedPiece } from './archive.ts';
import { candidateOf, parseLegacyExport, toContentFile } from './legacy.ts';

const usage = 'usage: npm run import -- FILE… [--slug slug (one file only)]';

export interface ImportOptions extends CommandOptions {
  /** The moment of the import (a draft's date is that day in Kabul); now by default. */
  readonly now?: Date;
}

/**
 * The import command: `args` as the script gets them (files and options,
 * paths relative to `options.cwd`). Writes the content files and returns
 * the exit code and the text the terminal shows, which names paths as typed.
 * Throws only on a failure to write other than an existing file (a full disk).
 * @example const { exitCode, stdout } = await runImport(['export.txt', '--content', dir])
 * // exitCode 0; stdout 'export.txt → <dir>/articles/en/some-slug.md\n'
 */
export async function runImport(args: readonly string[], options: ImportOptions = {}): Promise<CommandResult> {
  const out = new CommandOutput(options);
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { content: { type: 'string' }, slug: { type: 'string' } } });
  } catch (error) {
    out.error(`import: ${(error as Error).message}\n${usage}`);
    return out.result(1);
  }
  const { values, positionals: files } = parsed;
  if (files.length === 0 || (values.slug && files.length > 1)) {
    out.error(`import: ${files.length === 0 ? 'name at least one exported file' : '--slug works with one file only'}\n${usage}`);
    return out.result(1);
  }

  const contentRoot = values.content ?? 'content';
  const contentDir = resolveArg(contentRoot, options);
  const today = isoDay(options.now ?? new Date());
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const archive = new Map<Section, ArchivedPiece[]>();
  // Pieces name their files as typed (`content/articles/…`), whatever folder the files are read from.
  const typed = (piece: ArchivedPiece): ArchivedPiece => ({ ...piece, file: path.join(contentRoot, path.relative(contentDir, piece.file)) });
  const piecesOf = async (section: Section) => archive.get(section) ?? archive.set(section, (await readSection(contentDir, section)).map(typed)).get(section)!;
  const count = { imported: 0, drafts: 0, held: 0, failed: 0 };

  for (const input of files) {
    let text: string;
    const file = resolveArg(input, options);
    try {
      text = decoder.decode(await readFile(file));
    } catch (error) {
      // Node's message names the path it opened; the editor typed `input`.
      const reason = error instanceof TypeError ? 'it is not UTF-8 text' : (error as Error).message.replace(`'${file}'`, `'${input}'`);
      out.error(`${input}: cannot read: ${reason}`);
      count.failed++;
      continue;
    }
    const article = parseLegacyExport(text);
    const result = toContentFile(article, { slug: values.slug, today });
    const pieces = await piecesOf(result.section);
    const held = findHeld(candidateOf(article, result.section), pieces);
    if (held) {
      out.log(`${input}: not imported; the archive already holds it as ${held.file} (${held.reason})`);
      count.held++;
      continue;
    }
    const rel = `articles/${result.section}/${result.slug}.md`;
    const target = path.join(contentRoot, rel);
    // The same rules as `npm run check`, before anything touches the disk.
    const problems = checkFiles([{ rel, display: target, source: result.text }]);
    if (problems.length > 0) {
      out.error(`${input}: not imported; the result would fail the check:`);
      for (const p of problems) out.error(`  ${formatProblem(p)}`);
      count.failed++;
      continue;
    }
    const written = resolveArg(target, options);
    await mkdir(path.dirname(written), { recursive: true });
    try {
      await writeFile(written, result.text, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      out.error(`${input}: not imported; ${target} already exists and was left unchanged (use --slug for another name)`);
      count.failed++;
      continue;
    }
    // A second export of the same piece in this run is held too.
    const piece = archivedPiece(target, result.section, result.text);
    if (piece) pieces.push(piece);
    count.imported++;
    if (result.draft) count.drafts++;
    const doubts = result.doubts.length;
    out.log(`${input} → ${target}${result.draft ? ` (draft: ${doubts} TODO${doubts === 1 ? '' : 's'} to resolve)` : ''}`);
    for (const d of result.doubts) out.log(`  TODO ${d.field}: ${d.message}`);
    for (const note of result.notes) out.log(`  ${note}`);
  }

  if (files.length > 1) {
    out.log(`\n${count.imported} imported (${count.drafts} as drafts), ${count.held} already in the archive, ${count.failed} not imported.`);
  }
  return out.result(count.failed > 0 ? 1 : 0);
}
