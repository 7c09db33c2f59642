/**
 * Link-preview cards: `/{section}/{yyyy}/{mm}/{slug}/card.png`, one for each
 * article without a lead image (see `src/og/`). Drawn once per title and
 * kept in `node_modules/.astro/og-cards/`, so a warm build draws nothing.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardContent, needsCard } from '../../../../../og/article-card.ts';
import { cachedCard, cardDigest } from '../../../../../og/card.ts';
import { getArticleIndex, pageCacheKey, type Article } from '../../../../../utils/articles.ts';
import { splitId } from '../../../../../utils/urls.ts';

export const getStaticPaths = (async () => {
  const index = await getArticleIndex();
  return index.all.filter(needsCard).map((article) => {
    const [, section, year, month] = article.path.split('/');
    return {
      params: { section, year, month, slug: splitId(article.id).slug },
      props: { article },
      // Unchanged cards are copied from the last build (experimental.incrementalBuild).
      cacheKey: pageCacheKey([article], 'card', cardDigest(cardContent(article))),
    };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = async ({ props }) => {
  const { png } = await cachedCard(cardContent(props.article));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
