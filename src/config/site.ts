/**
 * Site settings: the one place for everything that names the publication.
 * Templates, feeds, structured data and tests read from here; nothing else
 * hard-codes the masthead, the site URL or a section label.
 */
import { languages, type Lang } from '../i18n/locales.ts';

export interface Couplet {
  /** The first and second hemistich (misra) of one line (bayt). */
  readonly hemistichs: readonly [string, string];
}

export interface SiteSettings {
  /** The publication's name in Persian script, as on the masthead. */
  readonly nameFa: string;
  /** The same name in Latin script. */
  readonly nameLatin: string;
  /** The short form the publication signs with. */
  readonly shortName: string;
  /** The motto: a couplet of two lines, each of two hemistichs (Ferdowsi). */
  readonly motto: readonly Couplet[];
  /** The public web address shown on the masthead (no scheme). */
  readonly webAddress: string;
  readonly email: string;
  /** Absolute origin the built site is served from; `SITE_URL` overrides it for staging. */
  readonly url: string;
  /** Entries per page on section, tag, author and archive indexes. */
  readonly pageSize: number;
  /**
   * Pages of a section's index, newest first; its last page goes on to the
   * archive by month, where every older article is. Each new article shifts
   * every page of a newest-first list, so a section paginated to its end
   * (620 pages at 10,000 articles) had all of them rebuilt and recrawled for
   * each article published; the archive's month pages do not move when an
   * article is added today. Tag and author pages: `namePages`.
   */
  readonly sectionPages: number;
  /**
   * Pages of a tag's or an author's front page, newest first; past them the
   * tag (or author) is listed by year of the section's calendar, each year
   * paginated newest first and its last page going on to the year before.
   * Paginated to its end, a tag of 320 articles had 40 pages, and each new
   * article in it shifted all of them (about 144 pages rebuilt for one
   * article at 10,000); a year's pages move only when that year gains one.
   */
  readonly namePages: number;
  /** Entries per section on the front page. */
  readonly frontPageCount: number;
  /** Items in each RSS feed: the newest, so a feed stays small at any archive size. */
  readonly feedItems: number;
  /** Time zone the newsroom works in: dates are formatted and "today" is reckoned here. */
  readonly timeZone: string;
  /**
   * The publisher logo in `public/`, for structured data and link previews.
   * Raster, because Google ignores SVG publisher logos.
   */
  readonly logo: { readonly path: string; readonly width: number; readonly height: number };
}

export const site: SiteSettings = {
  nameFa: 'افغانستان آزاد – آزاد افغانستان',
  nameLatin: 'Afghanistan Azad – Azad Afghanistan',
  shortName: 'AA-AA',
  motto: [
    { hemistichs: ['چو کشور نباشد تن من مباد', 'بدین بوم و بر زنده یک تن مباد'] },
    { hemistichs: ['همه سر به سر تن به کشتن دهیم', 'از آن به که کشور به دشمن دهیم'] },
  ],
  webAddress: 'www.afgazad.com',
  email: 'afgazad@gmail.com',
  url: 'https://www.afgazad.com',
  pageSize: 8,
  sectionPages: 10,
  namePages: 1,
  frontPageCount: 6,
  feedItems: 50,
  timeZone: 'Asia/Kabul',
  logo: { path: '/logo.png', width: 512, height: 512 },
};

/**
 * The publication's name as a page in `lang` writes it: in Persian script on
 * pages in an Arabic-script language, in Latin script elsewhere.
 * @example siteName(en) // 'Afghanistan Azad – Azad Afghanistan'
 */
export function siteName(lang: Lang): string {
  return languages[lang].script === 'Arab' ? site.nameFa : site.nameLatin;
}
