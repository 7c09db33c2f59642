/**
 * The content checker behind `npm run check`, the build and the dev server.
 *
 * It applies the frontmatter schema the content layer uses
 * (`src/schemas/article.ts`) to every file, then the rules that need more
 * than one file: where a file may live, duplicate URLs and translation pairs;
 * then the body pass (`bodies.ts`): what the Markdown pipeline reports about
 * each body, and links that lead to no page of the site. Every problem is
 * collected (never just the first) as `path/to/file.md: field: what is wrong`,
 * with `line N: ` for a place in the file and `warning: ` for a warning.
 * Errors stop a build; warnings never do.
 *
 * `checkFiles` is pure (files in, problems out) so tests and the dev server
 * can call it directly; `checkContent` adds the reading of a folder and the
 * body pass.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { isLang, languages, sectionKeys, sectionLanguages, sections, articleLanguage, toolsTag, type Lang, type Section } from '../i18n/locales.ts';
import { articleFields, datesInOrder, PLACEHOLDER } from '../schemas/article.ts';
import { mapLimit } from '../utils/concurrency.ts';
import { articlePath } from '../utils/urls.ts';
import { groupNames, segmentClashes, segmentProblem } from '../utils/slugs.ts';
import { bodyDigest, bodyFile, pipelineFingerprint, readBodyReport, type BodyReport } from '../markdown/rendered-body.ts';
import { checkBodies } from './bodies.ts';
import { articleSectionOf, sectionFolderOf } from './article-path.ts';
import { contentFiles, type FoundFile, type Listing } from './content-walk.ts';
import { checkImages, checkMediaFolders, isMediaPath, leadLine, type ImageCheckInput } from './images.ts';
import { readFrontmatter } from './frontmatter.ts';
import { publicPaths, SitePaths, type SiteArticle } from './site-paths.ts';
import { codePoint, slugProblems } from './slugs.ts';
import { listAsText, valueMistakes } from './yaml-mistakes.ts';
import { checkFingerprint, stampOf, Verdicts, verdictsKey, type Stamp } from './verdicts.ts';

/** An error stops `npm run check` (exit 1) and the build; a warning is printed and nothing more. */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** The file as the editor would type it, relative to the working folder. */
  readonly file: string;
  /** The frontmatter field (`sources[0].url`), or `file`, `slug`, `body`, `url`, `frontmatter`. */
  readonly field: string;
  readonly message: string;
  /** Absent means `error`. */
  readonly severity?: Severity;
  /** 1-based line in the file (frontmatter included), when the problem has a place. */
  readonly line?: number;
}

/**
 * Whether a problem stops the check and the build.
 * @example isError({ file: 'a.md', field: 'body', message: '…', severity: 'warning' }) // false
 */
export function isError(p: Problem): boolean {
  return p.severity !== 'warning';
}

export interface ContentFile {
  /** Path relative to the content root, with forward slashes: `articles/en/slug.md`. */
  readonly rel: string;
  /** Path shown in messages. */
  readonly display: string;
  readonly source: string;
}

/** The schema the checker applies: the content layer's own. */
export const checkerSchema = z.strictObject(articleFields).superRefine(datesInOrder);

const knownFields = Object.keys(checkerSchema.shape);
const knownSourceFields = ['name', 'url', 'title', 'date'];

/**
 * One line of output: `path/to/file.md: field: what is wrong`, with the line
 * in the file and the word `warning` when there are.
 * @example formatProblem({ file: 'content/articles/en/x.md', field: 'body', line: 15, severity: 'warning', message: 'removed <form> and its content' })
 * // 'content/articles/en/x.md: body: line 15: warning: removed <form> and its content'
 */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.line ? `line ${p.line}: ` : ''}${isError(p) ? '' : 'warning: '}${p.message}`;
}

/**
 * Counts for a summary line.
 * @example summarize([]) // { errors: 0, warnings: 0, errorFiles: 0, warningFiles: 0 }
 */
export function summarize(problems: readonly Problem[]): { errors: number; warnings: number; errorFiles: number; warningFiles: number } {
  const errors = problems.filter(isError);
  const warnings = problems.filter((p) => !isError(p));
  return {
    errors: errors.length,
    warnings: warnings.length,
    errorFiles: new Set(errors.map((p) => p.file)).size,
    warningFiles: new Set(warnings.map((p) => p.file)).size,
  };
}

/** Problems sorted by file, then line, so output is stable whatever order the disk gives. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

interface Parsed {
  /** As in `ContentFile`. */
  readonly rel: string;
  readonly display: string;
  readonly section: Section;
  /** The article's language (its `lang`, else the section's). */
  readonly lang: Lang;
  readonly slug: string;
  readonly id: string;
  readonly data?: z.infer<typeof checkerSchema>;
  /** The `translationKey` of a file whose other fields fail the schema, so its partners are not told it is missing. */
  readonly translationKey?: string;
}

/**
 * Checks a set of content files against every rule.
 * @param contentDisplay how the content root is shown in messages (`content`)
 * @example checkFiles([{ rel: 'articles/xx/a.md', display: 'content/articles/xx/a.md', source: '' }])[0].field // 'file'
 */
export function checkFiles(files: readonly ContentFile[], contentDisplay = 'content'): Problem[] {
  return sortProblems(checkAll(files, contentDisplay).problems);
}

function checkAll(files: readonly ContentFile[], _contentDisplay: string): { problems: Problem[]; parsed: Parsed[] } {
  return checkAcross(files.map((file) => ({ file, ...checkOne(file) })));
}

/** One file's own verdict: what `checkOne` found in it alone. */
interface FileVerdict {
  /** Its own problems, in the order found. */
  readonly problems: readonly Problem[];
  /** Absent when the file could not be read as an article (outside the folders, no frontmatter, broken YAML). */
  readonly parsed?: Parsed;
}

/**
 * The rules across files, over every file's own verdict (in file order):
 * the files' own problems first, then those between files, as `checkFiles`
 * has always listed them (the sort that follows is stable).
 * Files without a parsed verdict come with their text (`file`): a partner's
 * translation key may still be found in it.
 */
function checkAcross(verdicts: readonly (FileVerdict & { readonly file?: ContentFile })[]): { problems: Problem[]; parsed: Parsed[] } {
  const problems: Problem[] = [];
  const parsed: Parsed[] = [];
  const unreadable: ContentFile[] = [];
  for (const verdict of verdicts) {
    problems.push(...verdict.problems);
    if (verdict.parsed) parsed.push(verdict.parsed);
    else if (verdict.file) unreadable.push(verdict.file);
  }
  checkUrls(parsed, problems);
  checkTranslationGroups(parsed, problems, unreadable);
  checkNamePages(parsed, problems);
  return { problems, parsed };
}

const FOLDERS = sectionKeys.map((s) => `${s}/`).join(', ');
/** Fields that are lists of names: a plain string there, or a Persian comma in an item, is an editor's slip. */
const LIST_FIELDS = ['tags', 'authors'];

function checkOne(file: ContentFile): FileVerdict {
  const problems: Problem[] = [];
  const parsed = readOne(file, problems);
  return parsed ? { problems, parsed } : { problems };
}

function readOne(file: ContentFile, problems: Problem[]): Parsed | undefined {
  const report = (field: string, message: string) => problems.push({ file: file.display, field, message });
  const name = file.rel.split('/').at(-1) ?? '';
  const section = file.rel.startsWith('articles/') ? sectionFolderOf(file.rel.slice('articles/'.length)) : undefined;
  if (section === undefined) {
    report('file', `is outside the section folders; articles live directly in ${sectionKeys.map((s) => `content/articles/${s}/`).join(', ')}`);
    return undefined;
  }
  if (!name.endsWith('.md')) {
    report('file', /\.(md|markdown|mdown)$/i.test(name)
      ? `the site only reads files ending in lower-case ".md"; rename it`
      : `is not a Markdown (.md) file; only articles belong in ${FOLDERS}`);
    return undefined;
  }
  const slug = name.slice(0, -'.md'.length);
  for (const message of slugProblems(slug)) report('slug', message);

  const split = readFrontmatter(file.source);
  if (!split.ok) {
    problems.push({ file: file.display, field: 'frontmatter', message: split.line ? (split.reason ?? split.problem) : split.problem, ...(split.line ? { line: split.line } : {}) });
    return undefined;
  }
  const raw = split.data;
  if (split.body.replace(/<!--[\s\S]*?-->/g, '').trim() === '') {
    report('body', 'is empty; write the article below the closing ---');
  }
  // Slips that YAML reads without complaint into a wrong value (curly quotes, a Persian comma in a list).
  const slipped = new Set<string>();
  for (const { field, message } of valueMistakes(raw, LIST_FIELDS)) {
    slipped.add(field);
    report(field, message);
  }
  const result = checkerSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (slipped.has(fieldName(issue.path))) continue;
      if (issue.code === 'unrecognized_keys') {
        const known = issue.path.length === 0 ? knownFields : knownSourceFields;
        for (const key of issue.keys) {
          if (issue.path.length === 0 && key === 'translation') {
            report('translation', 'is replaced by translationKey: give every version of the piece the same key (translationKey: wakhan-corridor) and remove this line');
            continue;
          }
          const near = closest(key, known);
          report(fieldName([...issue.path, key]), `unknown field${near ? ` (did you mean "${near}"?)` : ''}; allowed: ${known.join(', ')}`);
        }
        continue;
      }
      const value = valueAt(raw, issue.path);
      const field = fieldName(issue.path);
      if (value === undefined) {
        report(field, `is missing${issue.path.length === 1 ? `; every article needs ${field === 'authors' ? 'a list of authors' : `a ${field}`}` : ''}`);
      } else if (typeof value === 'string' && issue.path.length === 1 && LIST_FIELDS.includes(field)) {
        report(field, listAsText(field, value));
      } else {
        const shown = typeof value === 'string' && !issue.message.includes(value) ? ` (found "${truncate(value)}")` : '';
        report(field, issue.message + shown);
      }
    }
    const key = typeof raw.translationKey === 'string' ? { translationKey: raw.translationKey } : {};
    return { rel: file.rel, display: file.display, section, lang: sections[section].lang, slug, id: `${section}/${slug}`, ...key };
  }
  const offered = sectionLanguages(section);
  if (result.data.lang !== undefined && !(offered as readonly string[]).includes(result.data.lang)) {
    const known = isLang(result.data.lang) ? `${inEnglish(result.data.lang)} (${result.data.lang}) is not published in ${section}/` : `"${result.data.lang}" is not a language code of this site`;
    const choices = offered.map((l, i) => (i === 0 ? `${inEnglish(l)} (leave lang out)` : `${inEnglish(l)} (lang: ${l})`));
    report('lang', `${known}; articles in ${section}/ are in ${choices.join(' or ')}`);
  }
  const lang = articleLanguage(section, result.data.lang);
  if (!result.data.draft) {
    for (const field of placeholderFields(raw, split.body, split.yamlText)) {
      report(field, `still holds a "${PLACEHOLDER}" placeholder from \`npm run new\`; fill it in (or keep draft: true)`);
    }
  }
  return { rel: file.rel, display: file.display, section, lang, slug, id: `${section}/${slug}`, data: result.data };
}

/** Fields (and `body`) that still contain the `TODO:` marker `npm run new` writes. */
function placeholderFields(raw: Record<string, unknown>, body: string, yamlText: string): string[] {
  const found: string[] = [];
  // A TODO left in a comment, such as next to a date the import tool could not find.
  for (const line of yamlText.split('\n')) {
    const comment = line.indexOf('#');
    if (comment >= 0 && line.slice(comment).includes(PLACEHOLDER)) found.push(/^\s*(?:-\s*)?([\w]+)\s*:/.exec(line)?.[1] ?? 'frontmatter');
  }
  const visit = (value: unknown, parts: PropertyKey[]) => {
    if (typeof value === 'string') {
      if (value.includes(PLACEHOLDER)) found.push(fieldName(parts));
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...parts, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...parts, k]);
  };
  visit(raw, []);
  if (body.includes(PLACEHOLDER)) found.push('body');
  return found;
}

/** Two files whose pages would land on one URL (or on one folder of a case-insensitive disk). */
function checkUrls(parsed: readonly Parsed[], problems: Problem[]): void {
  const byKey = new Map<string, Parsed[]>();
  for (const p of parsed) {
    if (!p.data) continue;
    const url = articlePath(p.section, p.slug, p.data.date);
    const key = url.normalize('NFKC').toLowerCase().replace(/[\s\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '');
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const p of group) {
      const others = group.filter((o) => o !== p).map((o) => o.display);
      problems.push({
        file: p.display,
        field: 'url',
        message: `${articlePath(p.section, p.slug, p.data!.date)} would also be the URL of ${others.join(', ')}; give one of them another slug`,
      });
    }
  }
}

/**
 * Translation groups: the versions of one piece share a `translationKey`.
 * Each version states its own membership, so a stray edit cannot re-pair
 * other articles; the check makes sure a key names at least two versions
 * (a key used once is most likely misspelt: the nearest key in use is
 * suggested) and at most one per language (two Dari versions of one piece
 * would give search engines two pages for one hreflang).
 */
/** A language's English name from CLDR ("German", "Dari"): the check speaks English to every editor. */
const englishNames = new Intl.DisplayNames([toolsTag], { type: 'language' });
const inEnglish = (lang: Lang) => englishNames.of(languages[lang].tag) ?? languages[lang].name;

function checkTranslationGroups(parsed: readonly Parsed[], problems: Problem[], unreadable: readonly ContentFile[]): void {
  const groups = new Map<string, Parsed[]>();
  for (const p of parsed) {
    const key = p.data?.translationKey ?? p.translationKey;
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const keys = [...groups.keys()];
  // A partner whose frontmatter cannot be read is already reported; its key
  // may still be in its text, and then this file is not alone, only waiting.
  const mentioned = (key: string) => {
    const word = new RegExp(`(^|[^\\w-])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`, 'mu');
    return unreadable.some((f) => word.test(f.source));
  };
  for (const [key, members] of groups) {
    const report = (p: Parsed, message: string) => problems.push({ file: p.display, field: 'translationKey', message });
    if (members.length === 1) {
      if (mentioned(key)) continue;
      const near = closest(key, keys.filter((k) => k !== key));
      report(
        members[0]!,
        `"${key}" is the key of no other article${near ? ` (did you mean "${near}"?)` : ''}; give the other versions of this piece the same translationKey, or remove it until they exist`,
      );
      continue;
    }
    const byLang = new Map<Lang, Parsed[]>();
    // A version that fails the schema may not have the language it means to (its `lang` unread).
    for (const p of members) if (p.data) byLang.set(p.lang, [...(byLang.get(p.lang) ?? []), p]);
    for (const [lang, same] of byLang) {
      if (same.length < 2) continue;
      for (const p of same) {
        const others = same.filter((o) => o !== p).map((o) => o.display);
        report(p, `"${key}" already has a version in ${inEnglish(lang)} (${others.join(', ')}); a piece has one version per language, so give one of them another key`);
      }
    }
  }
}

/**
 * Tags and authors each get a page, so each needs a web address: a name with
 * nothing to make one from (only punctuation or invisible characters) or
 * one too long for a file name is refused, naming file and name. Spellings
 * of one name share a page by design (`utils/slugs.ts`); two different names
 * that would share one are refused, naming both files. The groups are the
 * ones the site builds (`groupNames`), so what passes here gets its pages.
 */
function checkNamePages(parsed: readonly Parsed[], problems: Problem[]): void {
  const kinds = [
    ['tags', 'tag'],
    ['authors', 'author'],
  ] as const;
  for (const [kind, what] of kinds) {
    for (const section of sectionKeys) {
      const lang = sections[section].lang;
      const names: [string, { p: Parsed; field: string }][] = [];
      // A name repeats across an archive: judged once.
      const judged = new Map<string, string | undefined>();
      for (const p of parsed) {
        if (p.section !== section || !p.data) continue;
        p.data[kind].forEach((name, i) => {
          const field = `${kind}[${i}]`;
          if (!judged.has(name)) judged.set(name, segmentProblem(name, lang));
          const problem = judged.get(name);
          if (problem) problems.push({ file: p.display, field, message: `${what} "${truncate(visible(name))}" ${problem}` });
          else names.push([name, { p, field }]);
        });
      }
      for (const clash of segmentClashes(groupNames(names, lang).values())) {
        const first = (g: (typeof clash)[number]) => g.members[0]!;
        for (const group of clash) {
          const others = clash.filter((o) => o !== group).map((o) => `"${o.label}" (${first(o).p.display})`);
          for (const { p, field } of group.members) {
            problems.push({
              file: p.display,
              field,
              message: `${what} "${group.label}" would share its page with the different ${what} ${others.join(', ')}; rename one of them`,
            });
          }
        }
      }
    }
  }
}

/** A name without letters or digits, with its invisible characters spelt out so the editor sees what to delete: "<U+200C>". */
function visible(name: string): string {
  if (/[\p{L}\p{N}]/u.test(name)) return name;
  return name.replace(/[\p{Cc}\p{Cf}\p{Z}]/gu, (c) => (c === ' ' ? c : `<${codePoint(c)}>`));
}

function fieldName(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const part of parts) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || 'frontmatter';
}

function valueAt(data: unknown, parts: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of parts) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function truncate(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** The known name within edit distance 2, for "did you mean" hints. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}


export interface CheckOptions {
  /**
   * Run the body pass (render through the site's pipeline, report what it
   * says, check links). On by default; off only where bodies do not matter.
   */
  readonly bodies?: boolean;
  /** The project whose pipeline, cache and `public/` are used: this checkout by default. */
  readonly projectRoot?: string;
  /**
   * Given every article whose frontmatter passed the schema, as the check
   * read it, so later steps of the same build (the sitemap) need not read
   * and parse every file again. Called once, before the body pass.
   */
  readonly onArticles?: (articles: readonly CheckedArticle[]) => void;
}

/** An article as the check read it: its content-layer id, its parsed frontmatter, and whether it may show pictures. */
export interface CheckedArticle {
  /** `section/slug`, as the content layer names the entry. */
  readonly id: string;
  readonly data: z.infer<typeof checkerSchema>;
  /** `mayShowPictures` of its text. */
  readonly pictures: boolean;
}

/** A lead image in the frontmatter, or an image in the body (Markdown or HTML). */
const MAY_SHOW_PICTURES = /^image\s*:|!\[[^\]]*\]\(|<img\b/im;

/**
 * Whether an article's text may put a picture on its page (a lead image,
 * or an image in the body): the sitemap reads the built page of such an
 * article for its image entries, and no other.
 * @example mayShowPictures('---\ntitle: A\n---\n![map](./a/map.png)\n') // true
 */
export function mayShowPictures(source: string): boolean {
  return MAY_SHOW_PICTURES.test(source);
}

/** What the check keeps of one article file between runs (`verdicts.ts`), beside its digest. */
interface KeptVerdict extends FileVerdict {
  readonly parsed: Parsed;
  readonly pictures: boolean;
  /** The line of the lead picture, for the picture pass. */
  readonly leadLine?: number;
  /** The body's render report (bodies checked only). */
  readonly report?: BodyReport;
}

/** One file on its way through `checkContent`: kept from an earlier run, or read now (`file`). */
type Item = FileVerdict & {
  readonly rel: string;
  readonly file?: ContentFile;
  readonly digest?: string;
  readonly pictures?: boolean;
  readonly leadLine?: number;
  readonly report?: BodyReport;
  /** Set when read now: the stamp to keep its verdict under. */
  readonly stamp?: Stamp;
};

/** The section of an article file (`articles/<section>/<name>.md`), the only files whose verdicts are kept. */
function articleSection(rel: string): Section | undefined {
  return rel.startsWith('articles/') ? articleSectionOf(rel.slice('articles/'.length)) : undefined;
}

const THIS_PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Reads every file under a content root (hidden files aside) and checks it,
 * bodies included. Files that cannot be read as UTF-8 text are problems too.
 * Each article file's own verdict is kept between runs (`verdicts.ts`): an
 * unchanged file costs a `stat`; the rules across files, the links and the
 * pictures are judged again on every run, over every file.
 * @example await checkContent('content') // [] when all is well
 */
export async function checkContent(root: string, cwd = process.cwd(), options: CheckOptions = {}): Promise<Problem[]> {
  const { bodies = true, projectRoot = THIS_PROJECT } = options;
  const display = (p: string) => path.relative(cwd, p).split(path.sep).join('/') || '.';
  const contentDisplay = display(root);
  // The body pass finds each body's cached render by the digest of the file's bytes; the kept verdicts too.
  const fingerprint = bodies ? pipelineFingerprint(projectRoot, path.join(projectRoot, 'src')) : '';
  const checkPrint = checkFingerprint(projectRoot, `${bodies}\0${fingerprint}`);
  let entries: FoundFile[];
  try {
    // Synchronous: the promise version walks the tree one folder per round
    // trip through the thread pool, 0.35 s against 0.11 s for an archive
    // whose 6,000 articles have a folder of pictures each (BENCHMARKS.md
    // "Session 21"); every build starts with this walk.
    const listings = new Verdicts<Listing>(projectRoot, `${path.resolve(root)}\0folders`, checkPrint);
    entries = contentFiles(path.resolve(root), listings);
    listings.save();
  } catch (error) {
    // No content folder yet (a fresh clone before the first article) is not an error.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    return [{ file: contentDisplay, field: 'file', message: `cannot read the content folder: ${(error as Error).message}` }];
  }
  // ignoreBOM keeps a byte-order mark in the text, as the loader's readFile does, so both get one digest.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const problems: Problem[] = [];
  const verdicts = new Verdicts<KeptVerdict>(projectRoot, verdictsKey(root, cwd, bodies), checkPrint);
  const items: Item[] = [];
  // A bounded number at once: thousands of files at once would exhaust file handles.
  // Pictures and other media in an article's own folder are not text; the picture pass looks at them.
  const media: string[] = [];
  // First what is known by stat alone: one synchronous `stat` per article
  // (the inodes are in memory after the readdir; 10,000 promises through the
  // thread pool cost more than the stats), then the rest read at once.
  const toRead: { abs: string; rel: string; section?: Section; stamp?: Stamp }[] = [];
  for (const { abs, rel } of entries) {
    if (isMediaPath(rel)) {
      media.push(rel);
      continue;
    }
    const section = articleSection(rel);
    const info = section ? statSync(abs, { throwIfNoEntry: false }) : undefined;
    const stamp = info ? stampOf(info) : undefined;
    const kept = stamp && verdicts.byStamp(rel, stamp);
    if (kept) items.push({ rel, digest: kept.digest, ...kept.verdict });
    else toRead.push({ abs, rel, ...(section ? { section } : {}), ...(stamp ? { stamp } : {}) });
  }
  await mapLimit(toRead, 256, async ({ abs, rel, section, stamp }) => {
    try {
      const bytes = await readFile(abs);
      const source = decoder.decode(bytes);
      const digest = section ? bodyDigest(fingerprint, section, bytes) : undefined;
      const same = stamp && digest ? verdicts.byDigest(rel, stamp, digest) : undefined;
      if (same) {
        items.push({ rel, digest, ...same });
        return;
      }
      const file = { rel, display: display(abs), source };
      const image = /^image\s*:/m.test(source) ? { leadLine: leadLine(source) } : {};
      items.push({ rel, file, digest, stamp, pictures: mayShowPictures(source), ...image, ...checkOne(file) });
    } catch (error) {
      const message = error instanceof TypeError ? 'is not UTF-8 text; save it as UTF-8' : `cannot be read: ${(error as Error).message}`;
      problems.push({ file: display(abs), field: 'file', message });
    }
  });
  items.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  const checked = checkAcross(items);
  problems.push(...checked.problems);
  const articles = items.filter((item): item is Item & { parsed: Parsed } => item.parsed !== undefined);
  options.onArticles?.(articles.flatMap(({ parsed: p, pictures }) => (p.data ? [{ id: p.id, data: p.data, pictures: pictures ?? false }] : [])));
  if (bodies) {
    const urls = new Map(articles.map(({ parsed: p }) => [p, p.data ? articlePath(p.section, p.slug, p.data.date) : undefined]));
    const siteArticles: SiteArticle[] = articles.flatMap(({ parsed: p }) =>
      p.data ? [{ section: p.section, slug: p.slug, url: urls.get(p)!, date: p.data.date, draft: p.data.draft, tags: p.data.tags, authors: p.data.authors, display: p.display }] : [],
    );
    const paths = new SitePaths(siteArticles, publicPaths(path.join(projectRoot, 'public')));
    const inputs = articles.map(({ parsed: p, file, digest, report }) => ({
      display: p.display,
      abs: path.resolve(root, p.rel),
      section: p.section,
      ...(file ? { source: file.source } : {}),
      ...(report ? { report } : {}),
      digest: digest!,
      ...(urls.get(p) ? { url: urls.get(p)! } : {}),
    }));
    problems.push(...(await checkBodies(inputs, { projectRoot, paths })));
  }
  // A verdict is kept once its body's report is known (a body that failed to render is tried again next time).
  const reports = new Map<Item, BodyReport>();
  for (const item of articles) {
    const report = item.report ?? (bodies && item.digest ? readBodyReport(bodyFile(item.digest, projectRoot)) : undefined);
    if (report) reports.set(item, report);
    if (!item.stamp || !item.digest || (bodies && !report)) continue;
    const { parsed, problems: own, pictures = false, leadLine: line } = item;
    verdicts.keep(item.rel, item.stamp, item.digest, { problems: own, parsed, pictures, ...(line ? { leadLine: line } : {}), ...(report ? { report } : {}) });
  }
  verdicts.save();
  const images = articles.map(
    (item): ImageCheckInput => ({
      display: item.parsed.display,
      abs: path.resolve(root, item.rel),
      leadLine: item.leadLine,
      digest: bodies ? item.digest : undefined,
      report: reports.get(item),
      draft: item.parsed.data?.draft ?? true,
      image: item.parsed.data?.image,
    }),
  );
  problems.push(...(await checkImages(images, projectRoot)));
  problems.push(...checkMediaFolders(media, new Set(items.map((f) => f.rel)), (rel) => display(path.join(root, rel))));
  return sortProblems(problems);
}
