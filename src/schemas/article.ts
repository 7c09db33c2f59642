/**
 * The article frontmatter schema, shared by Astro's content layer
 * (`src/content.config.ts`) and the standalone checker (`scripts/check.ts`),
 * so both reject exactly the same files with the same messages.
 */
import { z } from 'zod';

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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A calendar date or date-time. Strings are checked part by part, so an
 * impossible date such as 2017-02-30 is refused instead of rolling over into
 * March. Astro's YAML parser (js-yaml) does roll such dates over before the
 * schema sees them, so the content check (`src/validation/`), which runs at
 * the start of every build, reads dates as strings and applies this rule.
 */
export const dateField = (what: string) =>
  z.union([z.date(), z.string()], { error: `${what} must be a date like 2017-01-13` }).transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: `${what} is not a valid date` });
        return z.NEVER;
      }
      return value;
    }
    const m = ISO_DATE.exec(value.trim());
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `${what} "${value}" is not a date like 2017-01-13` });
      return z.NEVER;
    }
    const [, y, mo, d] = m.map(Number) as [number, number, number, number];
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
      ctx.addIssue({ code: 'custom', message: `${what} "${value}" does not exist in the calendar` });
      return z.NEVER;
    }
    // A date without a zone is a Kabul calendar day: keep it at UTC midnight
    // like YAML's own dates, which is the same day in Asia/Kabul (UTC+4:30).
    const parsed = new Date(m[4] ? (m[7] ? value.trim() : `${value.trim()}Z`) : `${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime())) {
      ctx.addIssue({ code: 'custom', message: `${what} "${value}" is not a valid date-time` });
      return z.NEVER;
    }
    return parsed;
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

/** Every frontmatter field except `translation`, whose type depends on the caller. */
export const articleFields = {
  title: text('title'),
  dek: text('dek'),
  authors: z.array(text('author'), { error: 'authors must be a list of names' }).min(1, 'authors must name at least one author'),
  date: dateField('date'),
  updated: dateField('updated').optional(),
  sources: z.array(sourceSchema, { error: 'sources must be a list' }).min(1, 'sources must name at least one original source'),
  tags: z.array(text('tag')).default([]),
  draft: z.boolean({ error: 'draft must be true or false' }).default(false),
};

export type Source = z.infer<typeof sourceSchema>;
