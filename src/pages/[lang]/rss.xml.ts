/**
 * One section's feed: `/fa/rss.xml`, `/en/rss.xml`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { langs, type Lang } from '../../i18n/locales.ts';
import { getArticleIndex } from '../../utils/articles.ts';
import { feedResponse } from '../../utils/feeds.ts';
import { siteOrigin } from '../../utils/urls.ts';

export const getStaticPaths = (() => langs.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = params.lang as Lang;
  return feedResponse((await getArticleIndex()).bySection[lang], lang, siteOrigin());
};
