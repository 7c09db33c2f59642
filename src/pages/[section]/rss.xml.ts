/**
 * One section's feed: `/fa/rss.xml`, `/en/rss.xml`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Section } from '../../i18n/locales.ts';
import { getArticleIndex } from '../../utils/articles.ts';
import { feedResponse } from '../../utils/feeds.ts';
import { sectionPaths } from '../../utils/list-paths.ts';
import { siteOrigin } from '../../utils/urls.ts';

export const getStaticPaths = (() => sectionPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { section } = props as { section: Section };
  return feedResponse((await getArticleIndex()).bySection[section], section, siteOrigin());
};
