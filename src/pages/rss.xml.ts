/**
 * The feed of both sections, newest first.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArticleIndex } from '../utils/articles.ts';
import { feedOptions } from '../utils/feeds.ts';
import { siteOrigin } from '../utils/urls.ts';

export const GET: APIRoute = async () => rss(feedOptions((await getArticleIndex()).all, undefined, siteOrigin()));
