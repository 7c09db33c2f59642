/**
 * `npm run new -- --lang <section or language> --title "…" [--slug ascii-slug] [--content DIR]`
 * Creates content/articles/<section>/<slug>.md as a draft with every field.
 * `--lang` names a section (`fa`, `en`) or a language one section publishes
 * in besides its own (`de` → European Languages, with `lang: de`).
 * Never overwrites: an existing file is left alone and the command fails.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { newArticle } from '../src/editor/new-article.ts';
import { isLang, isSection, sectionKeys, sectionLanguages, type Lang, type Section } from '../src/i18n/locales.ts';
import { isoDay } from '../src/utils/dates.ts';

/** Every value --lang takes: the sections, then the further languages each offers. */
const choices = [...sectionKeys, ...sectionKeys.flatMap((s) => sectionLanguages(s).slice(1))];
const usage = `usage: npm run new -- --lang ${choices.join('|')} --title "Title" [--slug ascii-slug]`;

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
const target = ((): { section: Section; lang?: Lang } | undefined => {
  const value = values.lang ?? '';
  if (isSection(value)) return { section: value };
  const section = isLang(value) ? sectionKeys.find((s) => sectionLanguages(s).includes(value)) : undefined;
  return section && isLang(value) ? { section, lang: value } : undefined;
})();
if (!target) fail(`--lang must be one of ${choices.join(', ')}`);
if (values.title === undefined) fail('--title is required');

const result = newArticle({ ...target, title: values.title, slug: values.slug, today: isoDay(new Date()) });
if (!result.ok) fail(result.error);

const dir = path.join(values.content ?? 'content', 'articles', target.section);
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
