/**
 * `/news-sitemap.xml`, reckoned from the moment of the build: rebuild at
 * least daily for it to stay current.
 */
import type { APIRoute } from 'astro';
import { getArticleIndex } from '../utils/articles.ts';
import { newsSitemap } from '../utils/news-sitemap.ts';
import { siteOrigin } from '../utils/urls.ts';

export const GET: APIRoute = async () =>
  new Response(newsSitemap((await getArticleIndex()).all, new Date(), siteOrigin()), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
