/**
 * What the archive already holds, for `npm run import`: a piece is already
 * there when an article in the same section names the same original (source
 * address), or has the same title and date. Only the same section counts:
 * a Dari translation of an English piece shares its source on purpose.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Section } from '../i18n/locales.ts';
import { parseYaml, splitFrontmatter } from '../validation/frontmatter.ts';

export interface ArchivedPiece {
  /** The file as messages show it: `content/articles/en/slug.md`. */
  readonly file: string;
  readonly section: Section;
  readonly title?: string;
  /** `YYYY-MM-DD` */
  readonly date?: string;
  readonly sources: ReadonlyArray<{ readonly url?: string; readonly title?: string; readonly date?: string }>;
}

/** A piece about to be imported. */
export interface Candidate {
  readonly section: Section;
  readonly title?: string;
  /** `YYYY-MM-DD` */
  readonly date?: string;
  /** The original's address, and any reading of it worth trying (a corrected domain). */
  readonly urls: readonly string[];
}

export interface Held {
  readonly file: string;
  /** Why it counts as the same piece, for the message. */
  readonly reason: string;
}

/** Arabic-script and typographic variants that do not make another title. */
function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[\u200B-\u200F\u2060\uFEFF]/g, '')
    .replace(/[‘’ʼ′]/g, "'")
    .replace(/[“”″]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * One spelling for the addresses of one page: no scheme, no `www.`, no
 * trailing slash, fragment or tracking parameters, and one percent-encoding.
 * Undefined for what is not an absolute http(s) URL.
 * @example sourceKey('https://www.TheDiplomat.com/2017/01/x/?utm_source=rss') // 'thediplomat.com/2017/01/x'
 */
export function sourceKey(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const host = u.hostname.toLowerCase().replace(/^(www\d?|m|amp)\./, '');
  let pathname = u.pathname;
  try {
    pathname = encodeURI(decodeURI(pathname));
  } catch {
    // a stray % that is not an escape: compare it as it stands
  }
  for (const name of [...u.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$)/i.test(name)) u.searchParams.delete(name);
  u.searchParams.sort();
  return `${host}${pathname.replace(/\/+$/, '')}${u.search}`;
}

const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The piece described by one content file, or undefined when its frontmatter
 * cannot be read (the check reports that; it cannot be compared).
 */
export function archivedPiece(file: string, section: Section, source: string): ArchivedPiece | undefined {
  const split = splitFrontmatter(source);
  if (split.yamlText === undefined) return undefined;
  const yaml = parseYaml(split.yamlText, split.yamlStartLine);
  if (!yaml.ok || !yaml.data || typeof yaml.data !== 'object') return undefined;
  const data = yaml.data as Record<string, unknown>;
  const sources = Array.isArray(data.sources) ? data.sources : [];
  return {
    file,
    section,
    title: text(data.title),
    date: day(data.date),
    sources: sources.map((s: Record<string, unknown> | null) => ({ url: text(s?.url), title: text(s?.title), date: day(s?.date) })),
  };
}

/**
 * Every article of `section` under `contentRoot` (`content`), read from
 * disk; a missing folder is an empty section.
 */
export async function readSection(contentRoot: string, section: Section): Promise<ArchivedPiece[]> {
  const dir = path.join(contentRoot, 'articles', section);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const pieces = await Promise.all(names.map(async (n) => archivedPiece(path.join(dir, n), section, await readFile(path.join(dir, n), 'utf8'))));
  return pieces.filter((p) => p !== undefined);
}

/**
 * The archived piece `candidate` repeats, if any: the same source address
 * (see `sourceKey`) or the same title and date, the title compared with the
 * article's and with each source's own title and date (a republished piece
 * often has a new title, while its source keeps the original's).
 * @example findHeld({ section: en, title: 'X', date: '2017-01-13', urls: [] }, archive)?.reason // 'same title and date, "X" of 2017-01-13'
 */
export function findHeld(candidate: Candidate, archive: readonly ArchivedPiece[]): Held | undefined {
  const wanted = new Set(candidate.urls.map(sourceKey).filter((k) => k !== undefined));
  const title = candidate.title && candidate.date ? `${titleKey(candidate.title)}\n${candidate.date}` : undefined;
  for (const piece of archive) {
    if (piece.section !== candidate.section) continue;
    for (const s of piece.sources) {
      const key = s.url && sourceKey(s.url);
      if (key && wanted.has(key)) {
        const exact = sourceKey(candidate.urls[0] ?? '') === key;
        return { file: piece.file, reason: exact ? `same source, ${s.url}` : `same source once corrected, ${s.url}` };
      }
    }
    if (!title) continue;
    const titles = [
      piece.title && piece.date ? `${titleKey(piece.title)}\n${piece.date}` : undefined,
      ...piece.sources.map((s) => (s.title && (s.date ?? piece.date) ? `${titleKey(s.title)}\n${s.date ?? piece.date}` : undefined)),
    ];
    if (titles.includes(title)) return { file: piece.file, reason: `same title and date, "${candidate.title}" of ${candidate.date}` };
  }
  return undefined;
}
