/**
 * Reading an article exported from the legacy site as plain text (see
 * `tests/fixtures/legacy/` for the shape) and turning it into a content file.
 *
 * The export is a masthead (site name, motto, address, e-mail), the section
 * label, the original's URL, a `##` title, a bold standfirst, an author line,
 * a date line and the body. Everything before the title is only mined for
 * the section and the source URL; the rest of it is masthead and is dropped.
 *
 * What cannot be found, or had to be guessed, is a `Doubt`: the content file
 * carries a `TODO:` naming it and is written as a draft, so `npm run check`
 * keeps it unpublished until an editor decides. Repairs made on a firm rule
 * (rejoined paragraphs, removed control characters) are only reported, as
 * `notes`.
 */
import { site } from '../config/site.ts';
import { defaultSection, languages, sectionKeys, sections, type Section } from '../i18n/locales.ts';
import { BIDI_CONTROLS } from '../schemas/article.ts';
import {
  afghanMonths, dariGregorianMonths, englishMonths, fromSolarHijri, iranianMonths, isoDay, toAsciiDigits,
} from '../utils/dates.ts';
import { slugify } from '../validation/slugs.ts';
import type { Candidate } from './archive.ts';
import { toMarkdownFile, type ArticleFields } from './frontmatter.ts';
import { PLACEHOLDER } from '../schemas/article.ts';
import { outletOf } from './outlets.ts';

/** Something the importer could not determine or had to guess. */
export interface Doubt {
  /**
   * The frontmatter field it concerns, as the checker names it (`date`,
   * `sources[0].url`), or `section` (the language folder) or `slug` (the file name).
   */
  readonly field: string;
  /** What is in doubt and what to do about it, in one line. */
  readonly message: string;
}

export interface LegacyArticle {
  section?: Section;
  title?: string;
  dek?: string;
  authors: string[];
  /** `YYYY-MM-DD` */
  date?: string;
  /** `misspelt`: a known outlet's domain one or two letters off, which the export probably mistyped. */
  source?: { name: string; url: string; knownOutlet: boolean; misspelt?: { domain: string; name: string } };
  body: string;
  /** Repairs made on a firm rule, reported for the editor to see: one line each. */
  notes: string[];
  /** What could not be determined or was guessed: each becomes a `TODO:` in a draft. */
  doubts: Doubt[];
}

const siteHost = new URL(site.url).hostname.replace(/^www\./, '');

/** Arabic-script spellings vary (ي/ی, ك/ک, ZWNJ or space): compare a folded form. */
function fold(s: string): string {
  // A ZWNJ counts as a space: «زبان‌های اروپایی» is often typed «زبان های اروپایی».
  return s.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/[\u200F\u200E]/g, '').replace(/\u200C/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Markdown backslash escapes, undone for plain-text fields. */
function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Strip `**bold**`/`__bold__`/`*em*` wrappers and escapes from a one-line field. */
function plainText(s: string): string {
  let out = s.trim().replace(/\s+/g, ' ');
  for (;;) {
    const m = /^(\*\*|__|\*|_)([\s\S]+)\1$/.exec(out);
    if (!m) break;
    out = m[2]!.trim();
  }
  return unescapeMarkdown(out);
}

/** Markdown hard breaks (two trailing spaces or a backslash) become plain line ends. */
function lines(block: string): string[] {
  return block.split('\n').map((l) => l.replace(/(?: {2,}|\\)$/, '').trimEnd()).filter((l) => l.trim() !== '');
}

/** Every section's label in every language (the old site printed one above each piece), folded, with its section. */
const sectionLabels: Array<[string, Section]> = sectionKeys.flatMap((section) =>
  Object.values(sections[section].labels as Readonly<Record<string, string>>).map((label): [string, Section] => [fold(label), section]),
);

/** The first http(s) URL in a line that does not point at this site itself. */
function externalUrl(line: string): string | undefined {
  for (const m of line.matchAll(/<(https?:\/\/[^>\s]+)>|\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s)>\]]+)/gi)) {
    const url = m[1] ?? m[2] ?? m[3]!;
    try {
      const host = new URL(url).hostname.replace(/^www\./, '');
      if (host !== siteHost) return url;
    } catch {
      // not a URL after all
    }
  }
  return undefined;
}

const enMonth = new Map<string, number>(
  englishMonths.flatMap((name, i) => [[name.toLowerCase(), i + 1], [name.slice(0, 3).toLowerCase(), i + 1]] as Array<[string, number]>),
);
enMonth.set('sept', 9);
const shMonth = new Map<string, number>([
  ...afghanMonths.map((n, i) => [fold(n), i + 1] as [string, number]),
  ...iranianMonths.map((n, i) => [fold(n), i + 1] as [string, number]),
]);
const dariGregorianMonth = new Map<string, number>(dariGregorianMonths.map((n, i) => [fold(n), i + 1]));

const weekdays = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:یک|دو|سه|چهار|پنج)?\s?شنبه|جمعه|آدینه)[,،]?\s+/i;

type DateResult = { iso: string } | { invalid: string };

function gregorian(y: number, m: number, d: number): DateResult {
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return { invalid: `${y}-${m}-${d} does not exist` };
  }
  return { iso: probe.toISOString().slice(0, 10) };
}

function solarHijri(y: number, m: number, d: number, shown: string): DateResult {
  const date = fromSolarHijri(y, m, d);
  return date ? { iso: isoDay(date) } : { invalid: `"${shown}" is not a day of the Solar Hijri calendar` };
}

/**
 * A date line in any of the legacy site's forms, as `YYYY-MM-DD`: English
 * month names ("January 13, 2017", "13 Jan 2017"), Solar Hijri with Afghan or
 * Iranian month names in either digit set ("۲۴ جدی ۱۳۹۵", "24 دی 1395"),
 * Dari Gregorian month names ("۱۳ جنوری ۲۰۱۷") and numeric "1395/10/24".
 * @example parseLegacyDate('۲۴ جدی ۱۳۹۵') // { iso: '2017-01-13' }
 */
export function parseLegacyDate(line: string): DateResult | undefined {
  const text = toAsciiDigits(fold(plainText(line)))
    .replace(/^(?:date|تاریخ(?: نشر)?)\s*[:：]\s*/, '')
    .replace(weekdays, '')
    .replace(/\s*(?:هجری شمسی|هجری خورشیدی|خورشیدی|شمسی|ه\.? ?ش\.?|هـ ?ش)\s*$/, '')
    .replace(/[,،.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let m = /^([a-z]+) (\d{1,2}) (\d{4})$/.exec(text);
  if (m && enMonth.has(m[1]!)) return gregorian(Number(m[3]), enMonth.get(m[1]!)!, Number(m[2]));
  m = /^(\d{1,2}) ([^\d ]+) (\d{4})$/.exec(text);
  if (m) {
    const [day, name, year] = [Number(m[1]), m[2]!, Number(m[3])];
    if (enMonth.has(name)) return gregorian(year, enMonth.get(name)!, day);
    if (shMonth.has(name)) return solarHijri(year, shMonth.get(name)!, day, line.trim());
    if (dariGregorianMonth.has(name)) return gregorian(year, dariGregorianMonth.get(name)!, day);
  }
  m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return y < 1700 ? solarHijri(y, mo, d, line.trim()) : gregorian(y, mo, d);
  }
  return undefined;
}

const AUTHOR = /^(?:by|written by|نوشته|نوشتهٔ|نوشته‌ی|نوشته ی|نویسنده|نگارش|از)\s*[:：]?\s+(.+)$/i;
const AUTHOR_WITH_COLON_ONLY = /^از\s/;
const TRANSLATOR = /^(?:translated by|translation by|ترجمه|ترجمهٔ|برگردان|مترجم)\s*[:：]?\s+(.+)$/i;

function names(list: string): string[] {
  return plainText(list)
    .split(/\s*(?:,|،|&|\band\b|\sو\s)\s*/i)
    .map((n) => n.replace(/[.;:]+$/, '').trim())
    .filter(Boolean);
}

function authorLine(line: string): { authors?: string[]; translators?: string[] } | undefined {
  const text = plainText(line);
  const t = TRANSLATOR.exec(text);
  if (t) return { translators: names(t[1]!) };
  const a = AUTHOR.exec(text);
  if (a && !(AUTHOR_WITH_COLON_ONLY.test(text) && !/^از\s*[:：]/.test(text))) {
    // An author line is short; a body sentence starting with "By" is not one.
    if (a[1]!.split(/\s+/).length <= 12) return { authors: names(a[1]!) };
  }
  return undefined;
}

const isHeading = (block: string) => /^#{1,6}\s/.test(block);
const isBold = (block: string) => /^(\*\*|__)[\s\S]+\1$/.test(block.trim());
const mastheadLines = new Set(
  [site.nameFa, site.nameLatin, site.shortName, site.webAddress, site.email, ...site.motto.flatMap((c) => c.hemistichs)].map(fold),
);

/** A body block that is only the site's own masthead or address, repeated as boilerplate. */
function isBoilerplate(block: string): boolean {
  return lines(block).every((l) => {
    const text = fold(plainText(l.replace(/^#+\s*/, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')));
    return mastheadLines.has(text) || [...mastheadLines].some((m) => m.length > 8 && text.includes(m) && text.length < m.length * 2 + 10);
  });
}

/** Plain paragraph text, as opposed to a heading, list, quote, table, code or HTML block. */
const isParagraph = (block: string) => !/^(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|\||```|~~~|<|\[\^)/.test(block.trim());

/** Paragraph ends that close a sentence (or a quote or bracket after one). */
const CLOSED = /[.!?؟…:;»"”'’)\]۔*_]$/;

/**
 * Paragraphs the export split in mid-sentence: the first does not end a
 * sentence, is long enough not to be a subheading, and the second does not
 * begin with a capital letter.
 */
function rejoin(blocks: string[]): { blocks: string[]; joined: string[] } {
  const out: string[] = [];
  const joined: string[] = [];
  const words = (text: string) => text.trim().split(/\s+/);
  for (const block of blocks) {
    const prev = out.at(-1);
    if (prev !== undefined && isParagraph(prev) && isParagraph(block) && !CLOSED.test(prev.trimEnd()) && prev.length >= 40 && !/^\p{Lu}/u.test(block.trim())) {
      out[out.length - 1] = `${prev.trimEnd()} ${block.trimStart()}`;
      // Where, in a few words either side, so the editor can find the seam.
      joined.push(`"…${words(prev).slice(-3).join(' ')} / ${words(block).slice(0, 3).join(' ')}…"`);
    } else {
      out.push(block);
    }
  }
  return { blocks: out, joined };
}

function stripBidi(value: string, field: string, notes: string[]): string {
  if (!BIDI_CONTROLS.test(value)) return value;
  notes.push(`${field}: removed bidirectional control characters (U+202A–U+202E, U+2066–U+2069)`);
  return value.replace(new RegExp(BIDI_CONTROLS.source, 'g'), '');
}

/**
 * Reads one legacy export.
 * @example parseLegacyExport(text).title // "Herat's Wheat Markets Brace for a Dry Spring"
 */
export function parseLegacyExport(input: string): LegacyArticle {
  const notes: string[] = [];
  const doubts: Doubt[] = [];
  const doubt = (field: string, message: string) => doubts.push({ field, message });
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const blocks = text.split(/\n[ \t]*\n/).map((b) => b.replace(/^\n+|\s+$/g, '')).filter((b) => b.trim() !== '');

  const titleAt = blocks.findIndex((b) => isHeading(b) && !mastheadLines.has(fold(plainText(b.replace(/^#+\s*/, '')))));
  const header = titleAt >= 0 ? blocks.slice(0, titleAt) : [];
  let section: Section | undefined;
  let sourceUrl: string | undefined;
  for (const line of header.flatMap(lines)) {
    const label = sectionLabels.find(([l]) => l === fold(plainText(line)));
    if (label && !section) section = label[1];
    sourceUrl ??= externalUrl(line);
  }

  const article: LegacyArticle = { authors: [], body: '', notes, doubts };
  if (titleAt < 0) {
    doubt('title', 'the export has no ## title line; write the title');
    doubt('sources', 'the export names no address of the original before a title; write the outlet and its address');
    article.body = blocks.filter((b) => !isBoilerplate(b)).join('\n\n');
    return missingFields(article);
  }
  article.title = stripBidi(plainText(blocks[titleAt]!.replace(/^#+\s*/, '').replace(/\s+#+$/, '')), 'title', notes);

  // The standfirst, author and date lines follow the title, in some order.
  let i = titleAt + 1;
  const translators: string[] = [];
  for (; i < blocks.length && i <= titleAt + 4; i++) {
    const block = blocks[i]!;
    if (!article.dek && isBold(block)) {
      article.dek = stripBidi(plainText(block), 'dek', notes);
      continue;
    }
    const found = lines(block).map((line) => ({ line, author: authorLine(line), date: parseLegacyDate(line) }));
    if (!found.every((f) => f.author || f.date)) break;
    for (const f of found) {
      if (f.author?.authors) article.authors.push(...f.author.authors);
      if (f.author?.translators) translators.push(...f.author.translators);
      if (f.date && !article.date) {
        if ('iso' in f.date) article.date = f.date.iso;
        else doubt('date', `the export's date line "${plainText(f.line)}" is not a real day (${f.date.invalid}); set the real date`);
      }
    }
  }
  article.authors = article.authors.map((a) => stripBidi(a, 'authors', notes));
  if (translators.length > 0) {
    if (article.authors.length === 0) {
      doubt('authors', `the export names only the translator (${translators.join(', ')}), no author; add the author's name first`);
    }
    article.authors.push(...translators.map((a) => stripBidi(a, 'authors', notes)));
    notes.push(`authors: translator(s) ${translators.join(', ')} listed after the author(s); there is no separate translator field`);
  }

  if (sourceUrl) {
    const outlet = outletOf(sourceUrl);
    article.source = { name: outlet.name, url: sourceUrl, knownOutlet: outlet.known, ...(outlet.nearest && { misspelt: outlet.nearest }) };
    if (outlet.nearest) {
      doubt('sources[0].url', `${outlet.name} looks like a misspelling of ${outlet.nearest.domain} (${outlet.nearest.name}); open the address, correct it`);
      doubt('sources[0].name', `"${outlet.name}" is only the domain; write the outlet's name (${outlet.nearest.name}, if the address is theirs)`);
    } else if (!outlet.known) {
      doubt('sources[0].name', `"${outlet.name}" is only the domain of the address; write the outlet's name`);
    }
  } else {
    doubt('sources', 'the export names no address of the original before the title; write the outlet and its address');
  }

  section ??= (() => {
    // The first section written in the title's script.
    const script = /[\u0600-\u06FF]/.test(article.title ?? '') ? 'Arab' : 'Latn';
    const guess: Section = sectionKeys.find((s) => languages[sections[s].lang].script === script) ?? defaultSection;
    doubt('section', `the export has no section label; the file went to ${guess}/ by the title's script, move it if that is wrong`);
    return guess;
  })();
  article.section = section;

  const body = rejoin(blocks.slice(i).filter((b) => !isBoilerplate(b)));
  if (body.joined.length > 0) notes.push(`body: rejoined paragraphs the export had split mid-sentence: ${body.joined.join(', ')}`);
  // Escapes the export added where Markdown needs none (\$15 → $15).
  article.body = body.blocks.join('\n\n').replace(/\\([$'"%@,;=/])/g, '$1');
  return missingFields(article);
}

/** A doubt for each required field the export did not give. */
function missingFields(article: LegacyArticle): LegacyArticle {
  const doubt = (field: string, message: string) => article.doubts.push({ field, message });
  if (!article.dek) doubt('dek', 'the export has no bold standfirst after the title; write one or two sentences');
  if (article.authors.length === 0) doubt('authors', 'the export has no author line (By …, «نوشته: …»); write the author\'s name');
  if (!article.date && !article.doubts.some((d) => d.field === 'date')) doubt('date', 'the export has no date line; set the real date');
  if (!article.body.trim()) doubt('body', 'the export has no text after the header; paste the article');
  return article;
}

export interface ImportResult {
  readonly section: Section;
  readonly slug: string;
  readonly text: string;
  /** True when anything is in doubt: the file is then a draft with a `TODO:` for each doubt. */
  readonly draft: boolean;
  /** Every doubt, each also written into the file as a `TODO:`. */
  readonly doubts: readonly Doubt[];
  /** Repairs made on a firm rule, for the editor to see. */
  readonly notes: readonly string[];
}

/** Fields with a frontmatter line of their own, where a doubt about a value that is there becomes a comment. */
const LINE_FIELDS = new Set(['title', 'dek', 'authors', 'date', 'sources[0].name', 'sources[0].url']);

/**
 * The content file for a parsed export. Whatever the importer doubts is
 * written as a `TODO:` naming the doubt (in the field's value when there is
 * none, else as a comment on the field's line, or at the top of the
 * frontmatter for the folder and file name) and the file becomes a draft, so
 * it passes `npm run check` and shows in `npm run dev`, while the checker
 * refuses to publish it until every `TODO:` is resolved.
 * @example toContentFile(parseLegacyExport(text), { today: '2024-03-21' }).draft // true for a source on thediomat.com
 */
export function toContentFile(article: LegacyArticle, { slug, today }: { slug?: string; today: string }): ImportResult {
  const doubts = [...article.doubts];
  const section = article.section ?? defaultSection;
  // A Latin-script title makes a slug; an Arabic-script one gives none (see below).
  let chosen = slug ?? (languages[sections[section].lang].script === 'Latn' && article.title ? slugify(article.title) : '');
  if (!chosen && article.source) {
    // A Dari piece: the original's URL usually carries English words.
    const segments = new URL(article.source.url).pathname.split('/').map((s) => slugify(decodeURIComponent(s)));
    chosen = segments.reverse().find((s) => /[a-z]{3,}/.test(s) && s.includes('-')) ?? '';
  }
  if (!chosen && article.title) chosen = slugify(article.title);
  if (!chosen) {
    chosen = `article-${article.date ?? today}`;
    doubts.push({ field: 'slug', message: `neither the title nor the source address gives an ASCII slug; the file is named ${chosen}.md, rename it (the file name is the end of the article's URL)` });
  }

  const todo = (field: string, fallback: string) =>
    `${PLACEHOLDER} ${doubts.find((d) => d.field === field)?.message ?? fallback}`;
  const fields: ArticleFields = {
    title: article.title ?? todo('title', 'title'),
    dek: article.dek ?? todo('dek', 'standfirst'),
    authors: article.authors.length > 0 ? article.authors : [todo('authors', 'author')],
    date: article.date ?? today,
    sources: [article.source
      ? { name: article.source.name, url: article.source.url }
      : { name: todo('sources', 'outlet'), url: 'https://example.com/TODO:original-url' }],
    tags: [],
    draft: doubts.length > 0,
  };
  const body = article.body.trim() || todo('body', 'the export had no body text.');
  // A missing value already holds its TODO: (the date must stay a date, so it takes a comment).
  const inValue = new Set([
    ...(article.title ? [] : ['title']),
    ...(article.dek ? [] : ['dek']),
    ...(article.authors.length > 0 ? [] : ['authors']),
    ...(article.source ? [] : ['sources']),
    ...(article.body.trim() ? [] : ['body']),
  ]);
  const onLine: Record<string, string> = {};
  const top: string[] = [];
  for (const d of doubts) {
    if (inValue.has(d.field)) continue;
    if (!LINE_FIELDS.has(d.field)) top.push(`${PLACEHOLDER} ${d.field}: ${d.message}`);
    else onLine[d.field] = onLine[d.field] ? `${onLine[d.field]}; ${d.message}` : `${PLACEHOLDER} ${d.message}`;
  }
  // No "TODO:" here: this comment may stay when the editor sets draft: false.
  if (fields.draft) onLine.draft = 'npm run import: a draft until every TODO above is resolved and deleted';
  const text = toMarkdownFile(fields, body, { top, fields: onLine });
  return { section, slug: chosen, text, draft: fields.draft, doubts, notes: article.notes };
}

/**
 * What `findHeld` compares to tell whether the archive already holds this
 * piece: section, title, date and the source address, also read with a
 * misspelt outlet domain corrected (the archive has the right spelling).
 * @example candidateOf(article, en).urls // ['http://thediomat.com/2017/01/x/', 'http://thediplomat.com/2017/01/x/']
 */
export function candidateOf(article: LegacyArticle, section: Section): Candidate {
  const urls: string[] = [];
  if (article.source) {
    urls.push(article.source.url);
    if (article.source.misspelt) {
      const corrected = new URL(article.source.url);
      corrected.hostname = article.source.misspelt.domain;
      urls.push(corrected.href);
    }
  }
  return { section, title: article.title, date: article.date, urls };
}
