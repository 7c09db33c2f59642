/**
 * The feed of both sections: the newest articles of either, newest first.
 */
import type { APIRoute } from 'astro';
import { getArticleIndex } from '../utils/articles.ts';
import { feedResponse } from '../utils/feeds.ts';
import { siteOrigin } from '../utils/urls.ts';

export const GET: APIRoute = async () => feedResponse((await getArticleIndex()).all, undefined, siteOrigin());
