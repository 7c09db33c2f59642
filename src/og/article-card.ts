/**
 * Which articles get a generated link-preview card, what it shows, and where
 * it is published. The drawing is `card.ts`.
 *
 * An article's card is at `<article path>card.png` (beside its page, so it
 * moves with nothing), and Open Graph points at it with `?v=<digest>`: a
 * changed title gets a new address, so Facebook, WhatsApp and Telegram,
 * which cache a preview image by its address, fetch the new card.
 */
import { site, siteName } from '../config/site.ts';
import { languages, sectionLabel } from '../i18n/locales.ts';
import type { Article } from '../utils/articles.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardDigest, type CardContent } from './card.ts';

/** The file name of every card, in its article's folder. */
export const CARD_FILE = 'card.png';

/** An `og:image` with what Open Graph says about it. */
export interface PreviewImage {
  /** Site path (`/fa/2024/03/qimat-gandom/card.png?v=…`); make it absolute for `og:image`. */
  readonly path: string;
  readonly width: number;
  readonly height: number;
  /** `og:image:alt`: what the image shows, for screen readers in the app that shows the preview. */
  readonly alt: string;
  readonly type: string;
}

/**
 * Whether the article brings its own picture for link previews (a lead
 * `image:` in the frontmatter); only articles without one get a card.
 * @example needsCard(article) // true for an article with no `image:`
 */
export function needsCard(article: Article): boolean {
  // `image` is the lead-image field (issue 12's pictures); read loosely so the card does not depend on its shape.
  return (article.data as { image?: unknown }).image == null;
}

/**
 * What the article's card shows, in the article's own language and script.
 * @example cardContent(article).section // 'دری'
 */
export function cardContent(article: Article): CardContent {
  const language = languages[article.lang];
  return {
    title: article.data.title,
    section: sectionLabel(article.section, article.lang),
    siteName: siteName(article.lang),
    address: site.webAddress,
    script: language.script,
    dir: language.dir,
  };
}

/**
 * The card as an `og:image`, for an article that needs one (else undefined).
 * @example articleCard(article)?.path // '/en/2017/01/azerbaijan-pakistan/card.png?v=3f1c0a9b2e7d4c18'
 */
export function articleCard(article: Article): PreviewImage | undefined {
  if (!needsCard(article)) return undefined;
  const content = cardContent(article);
  return {
    path: `${article.path}${CARD_FILE}?v=${cardDigest(content)}`,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    alt: `${content.title} – ${content.siteName}`,
    type: 'image/png',
  };
}
