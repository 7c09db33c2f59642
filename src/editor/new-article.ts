/**
 * The file `npm run new` writes: every field present, today's Kabul date, and
 * `TODO:` placeholders where only the editor knows the answer. The file is a
 * draft, so it passes `npm run check` at once and shows in `npm run dev`; the
 * checker refuses any `TODO:` left in an article that is no longer a draft.
 */
import type { Lang } from '../i18n/locales.ts';
import { slugify, slugProblems } from '../validation/slugs.ts';
import { toMarkdownFile } from './frontmatter.ts';
import { PLACEHOLDER } from '../schemas/article.ts';


const placeholders = {
  en: {
    dek: `${PLACEHOLDER} one or two sentences under the title`,
    author: `${PLACEHOLDER} author's name`,
    sourceName: `${PLACEHOLDER} outlet that first published it`,
    body: `${PLACEHOLDER} write the article here, then set draft: false.`,
  },
  fa: {
    dek: `${PLACEHOLDER} یک یا دو جمله زیر عنوان`,
    author: `${PLACEHOLDER} نام نویسنده`,
    sourceName: `${PLACEHOLDER} نام نشریه‌ای که نخست آن را نشر کرد`,
    body: `${PLACEHOLDER} متن مقاله را اینجا بنویسید و سپس draft را false کنید.`,
  },
} as const;

export interface NewArticleOptions {
  readonly lang: Lang;
  readonly title: string;
  readonly slug?: string;
  /** `YYYY-MM-DD`, today in Kabul. */
  readonly today: string;
}

export type NewArticle = { ok: true; slug: string; text: string } | { ok: false; error: string };

/**
 * @example newArticle({ lang: 'en', title: 'Wheat prices climb', today: '2024-03-21' }).slug // 'wheat-prices-climb'
 */
export function newArticle({ lang, title, slug, today }: NewArticleOptions): NewArticle {
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
  const p = placeholders[lang];
  const text = toMarkdownFile(
    {
      title: cleanTitle,
      dek: p.dek,
      authors: [p.author],
      date: today,
      sources: [{ name: p.sourceName, url: 'https://example.com/TODO:original-url' }],
      tags: [],
      draft: true,
    },
    p.body,
  );
  return { ok: true, slug: chosen, text };
}
