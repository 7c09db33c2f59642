/**
 * The files beside articles that an article's video and audio use, as the
 * article loader records them (so the `/media/` route never reads the
 * bodies of ten thousand articles to find the few that have a clip).
 */
import { MEDIA_BASE } from '../markdown/rehype-embeds.ts';
import type { ArticleEntry } from './articles.ts';

/** Where the loader puts an article's media addresses in its data; read with `bodyMediaOf()`. */
export const BODY_MEDIA_FIELD = 'bodyMedia';

const ADDRESS = new RegExp(`\\s(?:src|poster|href)="(${MEDIA_BASE.replace(/\//g, '\\/')}[^"?#]+)`, 'g');

/**
 * The `/media/…` addresses a rendered body points at (`src`, `poster` and
 * fallback links, as `rehype-embeds.ts` writes them), each once, in order.
 * @example mediaAddresses('<video src="/media/en/clip/clip.mp4" poster="/media/en/clip/p.jpg">') // ['/media/en/clip/clip.mp4', '/media/en/clip/p.jpg']
 */
export function mediaAddresses(html: string): string[] {
  return [...new Set([...html.matchAll(ADDRESS)].map((m) => m[1]!))];
}

/**
 * An article's `/media/` addresses as the loader stored them; undefined for
 * an entry stored before the loader recorded them (the loader stores it
 * again on the next sync).
 * @example bodyMediaOf(article.entry) // ['/media/en/clip-kabul-river/clip.mp4']
 */
export function bodyMediaOf(entry: Pick<ArticleEntry, 'data'>): readonly string[] | undefined {
  return (entry.data as Record<string, unknown>)[BODY_MEDIA_FIELD] as readonly string[] | undefined;
}
