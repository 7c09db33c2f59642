/**
 * The article frontmatter schema, shared by Astro's content layer
 * (`src/content.config.ts`) and the standalone checker (`scripts/check.ts`),
 * so both reject exactly the same files with the same messages.
 */
import { z } from 'zod';
import { readDate } from '../utils/date-input.ts';
import { isoDateOrTime } from '../utils/dates.ts';

/**
 * The marker `npm run new` and `npm run import` leave where only an editor
 * knows the answer; the check refuses it in an article that is not a draft.
 */
export const PLACEHOLDER = 'TODO:';

/** Bidirectional controls used in "Trojan Source" spoofing. U+200C (ZWNJ) is not one of them. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** A single line of display text with no bidi-override characters. */
const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .refine((s) => !BIDI_CONTROLS.test(s), {
      message: `${what} contains a bidirectional control character (U+202A–U+202E or U+2066–U+2069); remove it`,
    });

/**
 * A calendar date or date-time, read by `readDate()` (`src/utils/date-input.ts`):
 * `2017-01-13` is 00:00 Kabul time on that day, a time without a zone is
 * Kabul time, impossible dates (2017-02-30) and Solar Hijri dates typed as
 * Gregorian (1399-05-24) are refused with the value to write. Every reader
 * of frontmatter (`readFrontmatter()`) leaves dates as the strings the
 * editor typed, so this rule sees them; a `Date` comes only from code.
 */
export const dateField = (what: string) =>
  z.union([z.date(), z.string()], { error: `${what} must be a date like 2017-01-13` }).transform((value, ctx) => {
    if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) return value;
      ctx.addIssue({ code: 'custom', message: `${what} is not a valid date` });
      return z.NEVER;
    }
    const reading = readDate(value, what);
    if (reading.ok) return reading.date;
    ctx.addIssue({ code: 'custom', message: reading.message });
    return z.NEVER;
  });

/**
 * An absolute http(s) URL. `javascript:`, `data:`, relative and
 * protocol-relative addresses are refused, whatever their letter case.
 */
export const httpUrl = (what: string) =>
  z.string({ error: `${what} must be a URL` }).trim().refine(
    (value) => {
      if (!/^https?:\/\//i.test(value)) return false;
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: `${what} must be an absolute http:// or https:// address` },
  );

export const sourceSchema = z.strictObject({
  /** The outlet that first published the piece, e.g. "The Diplomat". */
  name: text('source name'),
  url: httpUrl('source url'),
  /** The title under which the original appeared, when it differs. */
  title: text('source title').optional(),
  date: dateField('source date').optional(),
});

/**
 * The lead picture: `image: { src, alt, caption?, credit?, decorative? }`.
 * `src` is a path relative to the article file, into the folder named after
 * it (`./wakhan-corridor/valley.jpg`); the content layer passes its own
 * `image()` here so the file is imported and processed, the check a plain
 * string (it looks at the file itself, see `validation/images.ts`). `alt`
 * says what the picture shows; it may be empty only with `decorative: true`.
 * The credit is shown under the picture with the word "Image:" in the
 * article's language.
 * @example z.strictObject({ image: leadImageField(z.string()).optional() })
 */
export function leadImageField<S extends z.ZodType>(src: S) {
  return z
    .strictObject(
      {
        src,
        alt: z.string({ error: 'image.alt must be text: say what the picture shows (or alt: "" with decorative: true)' }).trim(),
        caption: text('image caption').optional(),
        credit: text('image credit').optional(),
        decorative: z.boolean({ error: 'image.decorative must be true or false' }).optional(),
      },
      { error: 'image must be a block with src and alt (and caption, credit), such as image: { src: ./slug/photo.jpg, alt: "…" }' },
    )
    .superRefine((image, ctx) => {
      if (image.alt === '' && image.decorative !== true) {
        ctx.addIssue({
          code: 'custom',
          path: ['alt'],
          message: 'image.alt is empty: say what the picture shows; only a purely decorative picture has alt: "" with decorative: true',
        });
      }
    });
}

/** The lead picture's `src` as the check reads it: a non-empty path or address. */
const imageSrc = z.string({ error: 'image.src must be the path of the picture, such as ./slug/photo.jpg' }).trim().min(1, 'image.src must not be empty');

/** Every frontmatter field: the content layer and the check build their schemas from it. */
export const articleFields = {
  title: text('title'),
  dek: text('dek'),
  authors: z.array(text('author'), { error: 'authors must be a list of names' }).min(1, 'authors must name at least one author'),
  date: dateField('date'),
  updated: dateField('updated').optional(),
  sources: z.array(sourceSchema, { error: 'sources must be a list' }).min(1, 'sources must name at least one original source'),
  tags: z.array(text('tag')).default([]),
  draft: z.boolean({ error: 'draft must be true or false' }).default(false),
  /** The lead picture, above the body and in link previews (see `leadImageField`). */
  image: leadImageField(imageSrc).optional(),
  /**
   * The language of an article written in another of its section's
   * languages (`lang: de` in European Languages); the check refuses one the
   * section does not publish in. Absent: the section's own language.
   */
  lang: z.string({ error: 'lang must be a language code such as de' }).trim().optional(),
  /**
   * The versions of one piece in several languages share a key
   * (`translationKey: wakhan-corridor`), as in Hugo: each version says it is
   * part of the group, and the check makes sure every key names at least two
   * versions, in different languages.
   */
  translationKey: z
    .string({ error: 'translationKey must be a short name such as wakhan-corridor' })
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'translationKey must be lower-case ASCII letters and digits joined by hyphens, such as wakhan-corridor')
    .optional(),
};

/**
 * The rule between fields: `updated` is the last substantive change, so it
 * cannot come before `date` (a typo such as 05-01 for 05-11 would otherwise
 * publish a dateModified earlier than datePublished). Both the content layer
 * and the checker apply it to the parsed article.
 * @example z.object(articleFields).superRefine(datesInOrder)
 */
export function datesInOrder(data: { readonly date: Date; readonly updated?: Date }, ctx: z.RefinementCtx): void {
  if (!data.updated || data.updated.getTime() >= data.date.getTime()) return;
  ctx.addIssue({
    code: 'custom',
    path: ['updated'],
    message:
      `updated (${isoDateOrTime(data.updated)}) is earlier than date (${isoDateOrTime(data.date)}); ` +
      'updated is the day of the last substantive change, on or after date: correct it, or remove it',
  });
}

export type Source = z.infer<typeof sourceSchema>;
