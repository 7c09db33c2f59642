/**
 * Slug rules. The slug is the file name without `.md` and becomes the last
 * part of the article's URL, so it is held to plain lower-case ASCII words
 * joined by single hyphens. Nothing is silently fixed: each problem gets its
 * own message, and the message suggests the fixed name.
 */
import { BIDI_CONTROLS } from '../schemas/article.ts';

/** A valid slug: `azerbaijan-pakistan`, `kabul-2021`. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Characters that render as nothing (or as blank space that is not a plain
 * space): zero-width spaces and joiners, bidi marks and controls, soft
 * hyphen, word joiner, BOM, Hangul fillers, variation selectors.
 */
const INVISIBLE = /[\u00A0\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202F\u205F-\u206F\u3000\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/u;

/** `U+200B`: the code point of a character, as editors see it in a character map. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A slug made from free text: lower case, ASCII letters and digits, single
 * hyphens. Accents are dropped (é → e); other scripts give nothing, so a Dari
 * title yields '' and the caller must ask for a slug.
 * @example slugify("Azerbaijan's Growing Military Cooperation") // 'azerbaijans-growing-military-cooperation'
 */
export function slugify(text: string, maxWords = 8): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

/**
 * Every problem with a slug, as messages (empty when the slug is fine).
 * @example slugProblems('Kabul News') // ['contains a space …', 'has upper-case letters …']
 */
export function slugProblems(slug: string): string[] {
  if (SLUG.test(slug)) return [];
  const problems: string[] = [];
  const suggestion = slugify(slug, 100);
  const rename = suggestion ? `; rename the file to ${suggestion}.md` : '';
  const bidi = [...slug].find((c) => BIDI_CONTROLS.test(c));
  if (bidi) problems.push(`contains a bidirectional control character (${codePoint(bidi)}), which can disguise the name${rename}`);
  const invisible = [...slug].find((c) => INVISIBLE.test(c) && !BIDI_CONTROLS.test(c));
  if (invisible) problems.push(`contains an invisible character (${codePoint(invisible)}) at position ${[...slug].indexOf(invisible) + 1}${rename}`);
  if (/[ \t]/.test(slug)) problems.push(`"${slug}" contains a space; use hyphens between words${rename}`);
  if (/\p{Lu}/u.test(slug)) problems.push(`"${slug}" has upper-case letters; slugs are lower case${rename}`);
  if (problems.length === 0) {
    problems.push(`"${slug}" must be lower-case ASCII letters and digits joined by single hyphens${rename}`);
  }
  return problems;
}
