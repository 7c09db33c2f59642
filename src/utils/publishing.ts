/**
 * The publishing rule, free of `astro:content` so that the sitemap
 * integration can apply it at config time, outside the content layer.
 */

/**
 * Whether an entry belongs in this build: drafts and articles dated in the
 * future are left out of production builds, and shown by the dev server so
 * editors can preview them. `date` is an instant: a date-only article is
 * published from 00:00 Kabul time on its day (see `readDate()`), so a build
 * at 01:30 in Kabul includes today's articles. `now` is injectable for tests.
 * @example isPublished({ draft: false, date: new Date('2017-01-13') }, new Date(), true) // true
 */
export function isPublished(
  data: { readonly draft: boolean; readonly date: Date },
  now = new Date(),
  production: boolean = import.meta.env.PROD,
): boolean {
  if (!production) return true;
  return !data.draft && data.date.getTime() <= now.getTime();
}
