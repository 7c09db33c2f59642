/**
 * The file `npm run new` writes: every field present, today's Kabul date, and
 * `TODO:` placeholders where only the editor knows the answer. The file is a
 * draft, so it passes `npm run check` at once and shows in `npm run dev`; the
 * checker refuses any `TODO:` left in an article that is no longer a draft.
 */
import { languages, sectionKeys, sections, type Lang, type Section } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/ui.ts';
import { slugify, slugProblems } from '../validation/slugs.ts';
import { toMarkdownFile } from './frontmatter.ts';
import { PLACEHOLDER } from '../schemas/article.ts';

export interface NewArticleOptions {
  readonly section: Section;
  /** Another language of the section (`lang:` in the file); absent: the section's own. */
  readonly lang?: Lang;
  readonly title: string;
  readonly slug?: string;
  /** `YYYY-MM-DD`, today in Kabul. */
  readonly today: string;
}

const scriptOf = (s: Section) => languages[sections[s].lang].script;

/**
 * The sections a piece's translation would go to, those in another script
 * first (a Dari piece is most often paired with its English version).
 * @example translationSections(fa) // [en, ps]
 */
export function translationSections(section: Section): Section[] {
  const others = sectionKeys.filter((s) => s !== section);
  return [...others.filter((s) => scriptOf(s) !== scriptOf(section)), ...others.filter((s) => scriptOf(s) === scriptOf(section))];
}

export type NewArticle = { ok: true; slug: string; text: string } | { ok: false; error: string };

/**
 * @example newArticle({ section: en, title: 'Wheat prices climb', today: '2024-03-21' }).slug // 'wheat-prices-climb'
 */
export function newArticle({ section, lang, title, slug, today }: NewArticleOptions): NewArticle {
  const cleanTitle = title.trim();
  if (!cleanTitle) return { ok: false, error: '--title must not be empty' };
  const chosen = slug ?? slugify(cleanTitle);
  if (!chosen) {
    return {
      ok: false,
      error: `the title gives no ASCII slug (slugs use a-z, 0-9 and hyphens, also for Dari articles); add one with --slug, e.g. --slug band-salma-herat`,
    };
  }
  const problems = slugProblems(chosen);
  if (problems.length > 0) return { ok: false, error: `--slug ${problems.join('; ')}` };
  // The placeholders are in the article's language, from its UI dictionary.
  const t = useTranslations(lang ?? sections[section].lang);
  const todo = (key: 'new.dek' | 'new.author' | 'new.sourceName' | 'new.body') => `${PLACEHOLDER} ${t(key)}`;
  const text = toMarkdownFile(
    {
      title: cleanTitle,
      dek: todo('new.dek'),
      authors: [todo('new.author')],
      date: today,
      sources: [{ name: todo('new.sourceName'), url: 'https://example.com/TODO:original-url' }],
      tags: [],
      ...(lang && lang !== sections[section].lang ? { lang } : {}),
      // A piece often has a version in another section: its key is offered, commented out
      // (a key named by one file only is an error), under the slug both versions can share.
      suggestTranslation: { key: chosen, folders: translationSections(section).map((s) => `content/articles/${s}/`) },
      draft: true,
    },
    todo('new.body'),
  );
  // The lead picture, commented out: an editor who has one removes the #s (see README, "Pictures").
  const image = [
    `# image:                     # the lead picture; its file goes in the folder ${chosen}/ beside this file`,
    `#   src: ./${chosen}/photo.jpg`,
    `#   alt: "${PLACEHOLDER} ${t('new.imageAlt')}"`,
    `#   caption: ""`,
    `#   credit: "${PLACEHOLDER} ${t('new.imageCredit')}"`,
  ].join('\n');
  return { ok: true, slug: chosen, text: text.replace(/^draft: true$/m, `${image}\ndraft: true`) };
}
