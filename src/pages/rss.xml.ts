/**
 * The feed of every section: the newest articles of all, newest first.
 */
import type { APIRoute } from 'astro';
import { getArticleIndex } from '../utils/articles.ts';
import { feedResponse } from '../utils/feeds.ts';
import { siteOrigin } from '../utils/urls.ts';

export const GET: APIRoute = async () => feedResponse((await getArticleIndex()).all, undefined, siteOrigin());
