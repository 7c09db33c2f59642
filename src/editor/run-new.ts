/**
 * `npm run new -- --lang <section or language> --title "…" [--slug ascii-slug] [--content DIR]`
 * (scripts/new.ts is a shell over this). Creates
 * content/articles/<section>/<slug>.md as a draft with every field.
 * `--lang` names a section (`fa`, `en`) or a language one section publishes
 * in besides its own (`de` → European Languages, with `lang: de`). Never
 * overwrites: an existing file is left alone and the command fails.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultSection, isLang, isSection, sections, sectionKeys, sectionLanguages, type Lang, type Section } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/ui.ts';
import { CommandOutput, resolveArg, type CommandOptions, type CommandResult } from '../utils/command.ts';
import { isoDay } from '../utils/dates.ts';
import { newArticle, translationSections } from './new-article.ts';

/** Every value --lang takes: the sections, then the further languages each offers. */
const choices = [...sectionKeys, ...sectionKeys.flatMap((s) => sectionLanguages(s).slice(1))];

/** The section folder and (for a further language) the `lang:` that a --lang value means. */
function targetOf(value: string): { section: Section; lang?: Lang } | undefined {
  if (isSection(value)) return { section: value };
  if (!isLang(value)) return undefined;
  const section = sectionKeys.find((s) => sectionLanguages(s).includes(value));
  return section && { section, lang: value };
}

/**
 * Two example commands for the usage text: the first section (a non-Latin
 * title needs --slug) and one in another script, titles from the UI dictionaries.
 */
function examples(): string {
  const lines = [defaultSection, translationSections(defaultSection)[0]]
    .filter((s): s is Section => s !== undefined)
    .map((s) => {
      const t = useTranslations(sections[s].lang);
      return `npm run new -- --lang ${s} --title "${t('new.exampleTitle')}" --slug ${t('new.exampleSlug')}`;
    });
  return lines.map((l, i) => `${i === 0 ? 'example: ' : '         '}${l}`).join('\n');
}

export interface NewOptions extends CommandOptions {
  /** The moment the article is created (its date is that day in Kabul); now by default. */
  readonly now?: Date;
}

/**
 * The new-article command: `args` as the script gets them. Writes the draft
 * and returns the exit code and the text the terminal shows: where the file
 * is and what to do next, or (exit 1) what is wrong with the arguments and
 * the usage line.
 * @example const { exitCode, stdout } = await runNew(['--lang', en, '--title', 'Wheat prices', '--content', dir])
 * // exitCode 0; stdout 'Created <dir>/articles/en/wheat-prices.md (a draft).\nNext: …\n'
 */
export async function runNew(args: readonly string[], options: NewOptions = {}): Promise<CommandResult> {
  const out = new CommandOutput(options);
  const usage = `usage: npm run new -- --lang ${choices.join('|')} --title "Title" [--slug ascii-slug]\n${examples()}`;
  const fail = (message: string) => {
    out.error(`new: ${message}\n${usage}`);
    return out.result(1);
  };

  let values: { lang?: string; title?: string; slug?: string; content?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { lang: { type: 'string' }, title: { type: 'string' }, slug: { type: 'string' }, content: { type: 'string' } },
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  const { title } = values;
  const missing = [
    values.lang === undefined && `--lang (the section or language: ${choices.join(', ')})`,
    title === undefined && '--title (the title, in quotes)',
  ].filter(Boolean);
  if (missing.length > 0 || title === undefined) return fail(`missing ${missing.join(' and ')}`);
  const target = targetOf(values.lang ?? '');
  if (!target) return fail(`--lang must be one of ${choices.join(', ')}`);

  const result = newArticle({ ...target, title, slug: values.slug, today: isoDay(options.now ?? new Date()) });
  if (!result.ok) return fail(result.error);

  const dir = path.join(values.content ?? 'content', 'articles', target.section);
  const file = path.join(dir, `${result.slug}.md`);
  await mkdir(resolveArg(dir, options), { recursive: true });
  try {
    // 'wx': create only; fails if the file exists, even if it appeared a moment ago.
    await writeFile(resolveArg(file, options), result.text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fail(`${file} already exists; it was not changed. Choose another --slug.`);
    throw error;
  }
  const other = translationSections(target.section)[0]!;
  out.log(`Created ${file} (a draft).
Next: fill in every TODO: field and the body, run \`npm run check\`, then set draft: false.
A version in another section: npm run new -- --lang ${other} --title "…" --slug ${result.slug}, then remove the # before translationKey in both files.`);
  return out.result(0);
}
