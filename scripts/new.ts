/**
 * `npm run new -- --lang fa|en --title "…" [--slug ascii-slug] [--content DIR]`
 * Creates content/articles/<lang>/<slug>.md as a draft with every field.
 * Never overwrites: an existing file is left alone and the command fails.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { newArticle } from '../src/editor/new-article.ts';
import { isLang, langs } from '../src/i18n/locales.ts';
import { isoDay } from '../src/utils/dates.ts';

const usage = `usage: npm run new -- --lang ${langs.join('|')} --title "Title" [--slug ascii-slug]`;

function fail(message: string): never {
  console.error(`new: ${message}\n${usage}`);
  process.exit(1);
}

let values: { lang?: string; title?: string; slug?: string; content?: string };
try {
  ({ values } = parseArgs({
    options: { lang: { type: 'string' }, title: { type: 'string' }, slug: { type: 'string' }, content: { type: 'string' } },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (!values.lang || !isLang(values.lang)) fail(`--lang must be one of ${langs.join(', ')}`);
if (values.title === undefined) fail('--title is required');

const result = newArticle({ lang: values.lang, title: values.title, slug: values.slug, today: isoDay(new Date()) });
if (!result.ok) fail(result.error);

const dir = path.join(values.content ?? 'content', 'articles', values.lang);
const file = path.join(dir, `${result.slug}.md`);
await mkdir(dir, { recursive: true });
try {
  // 'wx': create only; fails if the file exists, even if it appeared a moment ago.
  await writeFile(file, result.text, { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') fail(`${file} already exists; it was not changed. Choose another --slug.`);
  throw error;
}
console.log(`Created ${file} (a draft).
Next: fill in every TODO: field and the body, run \`npm run check\`, then set draft: false.`);
