/**
 * Slugs for heading ids and for the tag and author segments of URLs.
 *
 * Dari words are often built with the zero-width non-joiner (ZWNJ, U+200C):
 * "پرسش‌های" is one word whose letters do not join across the ZWNJ. GitHub's
 * slugger deletes the ZWNJ, which silently joins the letters into a different
 * looking word ("پرسشهای"), so we slug around it.
 */
import { slug } from 'github-slugger';

const ZWNJ = '\u200c';

/**
 * A heading id: GitHub-style (lowercase, spaces to hyphens, punctuation
 * dropped) but keeping each ZWNJ, so the id reads exactly like the heading.
 * @example headingSlug('پرسش‌های پایین‌دست') // 'پرسش‌های-پایین‌دست' (ZWNJs kept)
 * @example headingSlug('Why it matters') // 'why-it-matters'
 */
export function headingSlug(text: string): string {
  return text
    .normalize('NFC')
    .split(ZWNJ)
    .map((part) => slug(part))
    .filter(Boolean)
    .join(ZWNJ);
}

/**
 * Hands out unique heading ids within one document, the way GitHub does:
 * the second "Background" becomes "background-1".
 * @example const ids = headingIds(); ids('Notes'); ids('Notes') // 'notes-1'
 */
export function headingIds(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = headingSlug(text) || 'section';
    const n = seen.get(base);
    seen.set(base, (n ?? -1) + 1);
    return n === undefined ? base : `${base}-${n + 1}`;
  };
}

/**
 * A URL path segment for a tag or an author's name. A ZWNJ becomes a hyphen
 * here: URLs get typed, pasted and read aloud, and an invisible character in
 * one is a trap.
 * @example pathSegment('Fuad Shahbazov') // 'fuad-shahbazov'
 * @example pathSegment('مهاجرت‌ها') // 'مهاجرت-ها'
 */
export function pathSegment(text: string): string {
  return slug(text.normalize('NFC').replaceAll(ZWNJ, ' '));
}
