/**
 * `npm run import -- FILE… [--content DIR] [--slug slug]`
 * Converts plain-text exports from the legacy site into content files
 * (see src/editor/legacy.ts). Prints what it could not determine. Never
 * overwrites a file; exits 1 if any export could not be read or written.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseLegacyExport, toContentFile } from '../src/editor/legacy.ts';
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
let failed = 0;

for (const input of files) {
  let text: string;
  try {
    text = decoder.decode(await readFile(input));
  } catch (error) {
    const reason = error instanceof TypeError ? 'it is not UTF-8 text' : (error as Error).message;
    console.error(`${input}: cannot read: ${reason}`);
    failed++;
    continue;
  }
  const result = toContentFile(parseLegacyExport(text), { slug: values.slug, today: isoDay(new Date()) });
  const rel = `articles/${result.lang}/${result.slug}.md`;
  const target = path.join(contentRoot, rel);
  // The same rules as `npm run check`, before anything touches the disk.
  const problems = checkFiles([{ rel, display: target, source: result.text }]);
  if (problems.length > 0) {
    console.error(`${input}: not imported; the result would fail the check:`);
    for (const p of problems) console.error(`  ${formatProblem(p)}`);
    failed++;
    continue;
  }
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(target, result.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    console.error(`${input}: not imported; ${target} already exists and was left unchanged (use --slug for another name)`);
    failed++;
    continue;
  }
  console.log(`${input} → ${target}${result.draft ? ' (draft)' : ''}`);
  for (const note of result.notes) console.log(`  ${note}`);
}
process.exitCode = failed > 0 ? 1 : 0;
