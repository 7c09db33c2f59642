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
  'front.today': 'Today',
  'section.all': 'All articles in this section',
  'section.index.title': 'Articles',
  'article.by': 'By',
  'article.and': 'and',
  'article.published': 'Published',
  'article.updated': 'Updated',
  'article.source': 'First published by',
  'article.sourceHeading': 'Source',
  'article.originalTitle': 'Original title',
  'article.versions': 'This article in other languages',
  'article.prev': 'Previous article',
  'article.next': 'Next article',
  'article.tags': 'Tags',
  'article.readingTime': '{n} min read',
  'article.toc': 'Contents',
  /** The id of a heading that has no letter or digit to make one from ("؟", "…"). */
  'article.sectionId': 'section',
  'article.footnotes': 'Footnotes',
  'article.footnoteBack': 'Back to reference {n}',
  /** The label before a picture's credit ("Image: AA-AA"). */
  'image.credit': 'Image: {credit}',
  /** Words that open a credit line under a picture (`*Photo: …*`), | between them; any language's are recognised in every article. */
  'image.creditWords': 'Photo|Image|Picture|Chart|Map|Illustration|Credit',
  /** The banner on a draft in `npm run dev` (never built): its label, and what it means; {field} is `draft: false`. */
  'article.draft': 'Draft',
  'article.draftNote': 'Only npm run dev shows this article; readers see it once {field} is set.',
  'pagination.label': 'Pages',
  'pagination.prev': 'Newer articles',
  'pagination.next': 'Older articles',
  'pagination.page': 'Page {n} of {total}',
  'nav.archive': 'Archive',
  'nav.search': 'Search',
  'nav.tags': 'Tags',
  'nav.label': 'Site',
  'tag.title': 'Tag: {tag}',
  'author.title': 'Articles by {name}',
  'archive.title': 'Archive',
  'archive.intro': 'Every article in this section, by month of publication.',
  'archive.byTag': 'Articles by subject are listed under {tags}.',
  'list.count.one': '{n} article',
  'list.count.other': '{n} articles',
  /** A tag's or an author's articles of one year (section calendar): "Tag: Herat, 2017". */
  'list.year': '{list}, {year}',
  /** Heading of the list of years on a tag's or an author's front page. */
  'list.years': 'By year',
  'search.title': 'Search',
  'search.label': 'Search the articles of this section',
  'search.button': 'Search',
  'search.results.one': '{n} result for “{q}”',
  'search.results.other': '{n} results for “{q}”',
  'search.none': 'Nothing found for “{q}”.',
  'search.loading': 'Searching…',
  'search.more': 'More results',
  'search.noscript': 'Search needs JavaScript. You can browse the {archive} or the {tags} instead.',
  'search.unavailable': 'The search index is missing: it is written by the production build.',
  'lang.versions': 'Other languages',
  '404.title': 'Page not found',
  '404.body': 'The page you asked for is not here. It may have moved, or the address may be mistyped.',
  '404.back': 'Go to the front page',
  'footer.rights': 'Articles republished here link to their original source.',
  'breadcrumbs.label': 'Breadcrumbs',
  // What `npm run new` writes where only the editor knows the answer (after "TODO: ").
  'new.dek': 'one or two sentences under the title',
  'new.author': "author's name",
  'new.sourceName': 'outlet that first published it',
  'new.body': 'write the article here, then set draft: false.',
  'new.imageAlt': 'what the picture shows',
  'new.imageCredit': 'who made the picture',
  /** The example `npm run new` prints with its usage: a title in this language, and its ASCII slug. */
  'new.exampleTitle': 'Wheat prices climb in Herat',
  'new.exampleSlug': 'wheat-prices-herat',
} as const;

export type UIKey = keyof typeof en;
export type UIDictionary = Record<UIKey, string>;
