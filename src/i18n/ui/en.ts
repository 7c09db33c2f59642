/**
 * English UI strings. This dictionary defines the keys: every other locale
 * is typed against it (see `fa.ts`), so a missing translation fails `astro check`.
 */
export const en = {
  'site.home': 'Front page',
  'site.skipToContent': 'Skip to content',
  'masthead.motto': 'Motto',
  'masthead.contact': 'Contact',
  'section.latest': 'Latest',
  'section.all': 'All articles in this section',
  'section.index.title': 'Articles',
  'article.by': 'By',
  'article.and': 'and',
  'article.published': 'Published',
  'article.updated': 'Updated',
  'article.source': 'First published by',
  'article.sourceHeading': 'Source',
  'article.originalTitle': 'Original title',
  'article.translation': 'Read this article in Dari',
  'article.prev': 'Previous article',
  'article.next': 'Next article',
  'article.tags': 'Tags',
  'article.readingTime': '{n} min read',
  'article.toc': 'Contents',
  'article.footnotes': 'Footnotes',
  'article.footnoteBack': 'Back to reference {n}',
  'pagination.label': 'Pages',
  'pagination.prev': 'Newer articles',
  'pagination.next': 'Older articles',
  'pagination.page': 'Page {n} of {total}',
  'lang.switch': 'دری',
  'lang.switchLabel': 'Read in Dari',
  '404.title': 'Page not found',
  '404.body': 'The page you asked for is not here. It may have moved, or the address may be mistyped.',
  '404.back': 'Go to the front page',
  'footer.rights': 'Articles republished here link to their original source.',
  'breadcrumbs.label': 'Breadcrumbs',
} as const;

export type UIKey = keyof typeof en;
export type UIDictionary = Record<UIKey, string>;
