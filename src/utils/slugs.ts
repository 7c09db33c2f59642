/**
 * Slugs for the tag and author segments of URLs. (Heading ids come from
 * rehype-slug: see `integrations/rehype-heading-ids.ts`.)
 *
 * Dari words are often built with the zero-width non-joiner (ZWNJ, U+200C):
 * "پرسش‌های" is one word whose letters do not join across the ZWNJ. GitHub's
 * slugger deletes the ZWNJ, which silently joins the letters into a different
 * looking word ("پرسشهای").
 */
import { slug } from 'github-slugger';

const ZWNJ = '\u200c';

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
