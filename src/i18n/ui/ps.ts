import type { UIDictionary } from './en.ts';

/**
 * Pashto UI strings (ps-AF), typed against the English keys: a missing key is
 * a type error.
 *
 * Written in Afghan standard orthography, as BBC Pashto and Azadi Radio print
 * it: ی ends a masculine -ay (لومړی), ي an -i (اصلي), ې an -e (لیکنې), ۍ a
 * feminine -əi (وروستۍ), ئ the verb ending of polite address (ولولئ); ی is
 * used inside words. Word choices follow those newsrooms rather than Dari
 * spelled in Pashto letters: لیکنه for an article, لټون for search, کورپاڼه
 * for the front page, سرچینه for a source, ټګ for a tag (the word Pashto web
 * interfaces use for this exact feature; نښه would also read as "sign").
 * Quotation marks are «…», as in Dari.
 */
export const ps: UIDictionary = {
  'site.home': 'کورپاڼه',
  'site.skipToContent': 'اصلي متن ته ورشئ',
  'masthead.motto': 'شعار',
  'masthead.contact': 'اړیکه',
  'section.latest': 'تازه لیکنې',
  'front.today': 'نن',
  'section.all': 'د دې برخې ټولې لیکنې',
  'section.index.title': 'لیکنې',
  // "Written by": a label before any number of names, as Pashto bylines print it.
  'article.by': 'لیکنه:',
  'article.and': 'او',
  'article.published': 'د خپرېدو نېټه',
  'article.updated': 'د تازه کېدو نېټه',
  // "Original publication:" before the outlet; Pashto's "په … کې" cannot wrap a name that follows.
  'article.source': 'لومړنۍ خپرونه:',
  'article.sourceHeading': 'سرچینه',
  'article.originalTitle': 'اصلي سرلیک',
  // Followed by the titles of the other versions, whatever their languages.
  'article.versions': 'دا لیکنه په نورو ژبو',
  'article.prev': 'مخکینۍ لیکنه',
  'article.next': 'راتلونکې لیکنه',
  'article.tags': 'ټګونه',
  'article.readingTime': 'د {n} دقیقو لوست',
  'article.toc': 'منځپانګه',
  'article.sectionId': 'برخه',
  'article.footnotes': 'لمنلیکونه',
  'article.footnoteBack': 'بېرته {n} حوالې ته',
  'image.credit': 'انځور: {credit}',
  'image.creditWords': 'انځور|عکس|تصویر|نقشه|ګراف',
  'article.draft': 'مسوده',
  'article.draftNote': 'دا لیکنه یوازې npm run dev ښيي؛ لوستونکي یې له {field} وروسته ویني.',
  'pagination.label': 'پاڼې',
  'pagination.prev': 'نوې لیکنې',
  'pagination.next': 'پخوانۍ لیکنې',
  'pagination.page': 'پاڼه {n} له {total} څخه',
  'nav.archive': 'آرشیف',
  'nav.search': 'لټون',
  'nav.tags': 'ټګونه',
  'nav.label': 'وېبپاڼه',
  'tag.title': 'ټګ: {tag}',
  'author.title': 'د {name} لیکنې',
  'archive.title': 'آرشیف',
  'archive.intro': 'د دې برخې ټولې لیکنې، د خپرېدو د میاشتې له مخې.',
  'archive.byTag': 'لیکنې د موضوع له مخې په {tags} کې راغلې دي.',
  'list.count.one': '{n} لیکنه',
  'list.count.other': '{n} لیکنې',
  'list.year': '{list}، کال {year}',
  'list.years': 'د کال له مخې',
  'search.title': 'لټون',
  'search.label': 'د دې برخې په لیکنو کې لټون',
  'search.button': 'لټون',
  'search.results.one': 'د «{q}» لپاره {n} پایله',
  'search.results.other': 'د «{q}» لپاره {n} پایلې',
  'search.none': 'د «{q}» لپاره هېڅ پایله ونه موندل شوه.',
  'search.loading': 'لټون روان دی…',
  'search.more': 'نورې پایلې',
  'search.noscript': 'لټون جاواسکرېپټ ته اړتیا لري. تاسو کولای شئ {archive} یا {tags} وګورئ.',
  'search.unavailable': 'د لټون لړلیک نشته: دا لړلیک د وېبپاڼې په وروستي جوړښت کې لیکل کېږي.',
  'lang.versions': 'نورې ژبې',
  '404.title': 'پاڼه ونه موندل شوه',
  '404.body': 'هغه پاڼه چې تاسو غوښتله دلته نشته. کېدای شي بل ځای ته وړل شوې وي، یا یې پته ناسمه لیکل شوې وي.',
  '404.back': 'کورپاڼې ته ورشئ',
  'footer.rights': 'هغه لیکنې چې دلته بیا خپرېږي، له خپلې اصلي سرچینې سره تړلې دي.',
  'breadcrumbs.label': 'د پاڼې لاره',
  'new.dek': 'د سرلیک لاندې یوه یا دوه جملې',
  'new.author': 'د لیکوال نوم',
  'new.sourceName': 'هغه خپرونه چې لومړی یې خپره کړه',
  'new.body': 'د لیکنې متن دلته ولیکئ، بیا draft په false بدل کړئ.',
  'new.imageAlt': 'انځور څه ښيي',
  'new.imageCredit': 'د انځور جوړونکی',
  'new.exampleTitle': 'د هرات د غنمو بیې لوړېږي',
  'new.exampleSlug': 'herat-ghanam-bei',
};
