/**
 * The synthetic archive: article `i` of `n` is a pure function of (i, n, seed),
 * so every run of the benchmark builds the same site. Even indexes are Dari,
 * odd ones English; index 0 is the newest. One pair in ten is a translation
 * pair naming each other; about one article in a hundred is a draft.
 *
 * The images variant (`--images`): one article in two carries a lead
 * picture (`image:`, one of four distinct 1800 × 1200 source files) and one
 * in ten an inline picture (a PNG), each file in the folder named after its
 * article, hard-linked from one drawn set so the corpus stays small on disk.
 * With `ownPictures` (`--own-pictures`), each article's files are its own
 * instead: the drawn file with a comment naming the article (a JPEG `COM`
 * segment, a PNG `tEXt` chunk), the same pixels under another content hash,
 * as in an archive whose articles have pictures of their own. The image
 * service then encodes and names every article's picture apart, so the
 * image step's work per file (its copy into `dist/` on every build) shows;
 * the shared files hide it.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { createRandom, type Random } from './random.ts';
import { dari, english, type WordList } from './words.ts';

export type Lang = 'fa' | 'en';

/** Bump when the generated text changes. 2: quotations, apostrophes and dashes. 3: translationKey for pairs. */
export const CORPUS_VERSION = 3;

export interface CorpusArticle {
  /** "fa/slug", as the site's content collection names it. */
  readonly id: string;
  readonly lang: Lang;
  /** The site path it should be published at, or undefined for a draft. */
  readonly path: string | undefined;
  readonly text: string;
  /** Pictures to put in the article's folder (images variant): file name there, and which drawn source. */
  readonly pictures?: readonly { readonly name: string; readonly source: string }[];
}

/** Options of the synthetic archive. */
export interface CorpusOptions {
  /** The images variant (see the file's comment). */
  readonly images?: boolean;
  /** With `images`: a picture file of its own per article (see the file's comment). */
  readonly ownPictures?: boolean;
}

/** The drawn sources of the images variant: four lead pictures and one inline. */
export const PICTURE_SOURCES = ['lead-0.jpg', 'lead-1.jpg', 'lead-2.jpg', 'lead-3.jpg', 'inline.png'] as const;

/**
 * Draws the images variant's source files into `dir` once (sharp, which the
 * site's image service uses too): flat colour fields with shapes, so each
 * lead differs and encodes like an illustration, not a photo.
 */
export async function drawPictureSources(dir: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  mkdirSync(dir, { recursive: true });
  const colours = ['#4a6a8a', '#8a6a4a', '#6a8a4a', '#8a4a6a'];
  for (const [k, name] of PICTURE_SOURCES.entries()) {
    const file = join(dir, name);
    if (existsSync(file)) continue;
    const [w, h] = name.endsWith('.png') ? [1200, 800] : [1800, 1200];
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="${colours[k % 4]}"/>${Array.from({ length: 24 }, (_, j) => `<circle cx="${(j * 97 * (k + 1)) % w}" cy="${(j * 61 * (k + 2)) % h}" r="${40 + ((j * 13) % 90)}" fill="#fff" fill-opacity="0.${(j % 7) + 2}"/>`).join('')}</svg>`;
    const image = sharp(Buffer.from(svg));
    await (name.endsWith('.png') ? image.png() : image.jpeg({ quality: 84 })).toFile(file);
  }
}

/**
 * `bytes` (a JPEG or PNG file) with `comment` in it: a JPEG comment segment
 * after the start marker, or a PNG text chunk after the header; the picture
 * is unchanged.
 */
export function withComment(bytes: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment, 'latin1');
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(text.length + 2);
    return Buffer.concat([bytes.subarray(0, 2), Buffer.from([0xff, 0xfe]), length, text, bytes.subarray(2)]);
  }
  // PNG: 8-byte signature, then IHDR (4 length + 4 type + 13 data + 4 CRC).
  const body = Buffer.concat([Buffer.from('tEXtComment\0', 'latin1'), text]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  return Buffer.concat([bytes.subarray(0, 33), chunk, bytes.subarray(33)]);
}

/**
 * Puts an article's pictures in its folder, hard-linked from `sourceDir`
 * (copied where links are not allowed), or with `own`, each a copy of its
 * own (`withComment`, the article's id).
 */
export function placePictures(articlesDir: string, article: Pick<CorpusArticle, 'id' | 'pictures'>, sourceDir: string, own = false): void {
  if (!article.pictures?.length) return;
  const folder = join(articlesDir, article.id);
  mkdirSync(folder, { recursive: true });
  for (const { name, source } of article.pictures) {
    const target = join(folder, name);
    if (existsSync(target)) continue;
    if (own) {
      writeFileSync(target, withComment(readFileSync(join(sourceDir, source)), article.id));
      continue;
    }
    try {
      linkSync(join(sourceDir, source), target);
    } catch {
      copyFileSync(join(sourceDir, source), target);
    }
  }
}

const DAY = 86_400_000;
/** The newest corpus article; the "added" article comes the day after. */
const NEWEST = Date.UTC(2024, 11, 31);
/** The archive spans up to about 18 years, several articles a day at 50,000. */
const SPAN_DAYS = 6_500;

const slugWords = {
  fa: ['tejarat', 'eqtesad', 'amniyat', 'mohajerin', 'maktab', 'dokhtaran', 'bargh', 'ab', 'rah-ahan', 'sarhad', 'hamsaya', 'zeraat', 'madan', 'solh', 'siasat'],
  en: ['trade', 'economy', 'security', 'refugees', 'schools', 'girls', 'power', 'water', 'railway', 'border', 'neighbours', 'farming', 'mining', 'peace', 'policy'],
} as const;

const langOf = (i: number): Lang => (i % 2 === 0 ? 'fa' : 'en');
const isPaired = (i: number) => Math.floor(i / 2) % 10 === 3;
const isDraft = (i: number) => i % 101 === 57 && !isPaired(i);

function dateOf(i: number, n: number): Date {
  const pairStart = i - (i % 2);
  const days = Math.floor((pairStart * Math.min(SPAN_DAYS, n)) / Math.max(n, 1));
  return new Date(NEWEST - days * DAY);
}

function slugOf(i: number): string {
  const lang = langOf(i);
  const words = slugWords[lang];
  return `${words[i % words.length]}-${words[(i * 7 + 3) % words.length]}-${String(i).padStart(6, '0')}`;
}

function pathOf(lang: Lang, slug: string, date: Date): string {
  return `/${lang}/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${slug}/`;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const yamlString = (s: string) => JSON.stringify(s);

function localDigits(n: number, words: WordList): string {
  return String(n).replace(/\d/g, (d) => words.digits[Number(d)]!);
}

/** Writes prose: sentences, paragraphs and section furniture in one language. */
class Writer {
  readonly r: Random;
  readonly w: WordList;
  words = 0;
  constructor(r: Random, w: WordList) {
    this.r = r;
    this.w = w;
  }

  phrase(length: number): string {
    const { r, w } = this;
    const out: string[] = [];
    for (let k = 0; k < length; k++) {
      const roll = r.next();
      if (roll < 0.3) out.push(r.pickSkewed(w.nouns));
      else if (roll < 0.55) out.push(r.pick(w.glue));
      else if (roll < 0.68) out.push(r.pick(w.adjectives));
      else if (roll < 0.8) out.push(r.pick(w.plurals));
      else if (roll < 0.97) out.push(r.pick(w.verbs));
      else out.push(localDigits(r.int(3, 2024), w));
    }
    return out.join(' ');
  }

  sentence(): string {
    const { r, w } = this;
    const length = r.int(8, 22);
    this.words += length;
    let s = this.phrase(length);
    if (r.chance(0.3)) {
      const cut = s.indexOf(' ', Math.floor(s.length / 2));
      if (cut > 0) s = `${s.slice(0, cut)}${w.comma}${s.slice(cut)}`;
    }
    if (r.chance(0.12)) {
      // A quoted phrase, and in English an apostrophe or a dash: the
      // characters SmartyPants rewrites, as real copy has them.
      const [open, close] = w.quotes;
      s = s.replace(/ (\S+ \S+) /, ` ${open}$1${close} `);
      if (w === english && r.chance(0.5)) s = s.replace(/ (\w+) /, r.chance(0.5) ? " $1's " : ' $1 -- ');
    }
    if (r.chance(0.05)) s = s.replace(/^(\S+) (\S+)/, '**$1 $2**');
    if (r.chance(0.03)) s = s.replace(/ (\S+)$/, ' *$1*');
    return s + r.pick(w.stops);
  }

  paragraph(extra: { link?: string; footnote?: number }): string {
    const parts = Array.from({ length: this.r.int(2, 6) }, () => this.sentence());
    if (extra.link) {
      const i = this.r.int(0, parts.length - 1);
      parts[i] = `${parts[i]} [${this.phrase(this.r.int(2, 4))}](${extra.link})`;
    }
    if (extra.footnote !== undefined) parts[parts.length - 1] += `[^${extra.footnote}]`;
    return parts.join(' ');
  }

  heading(): string {
    this.words += 3;
    return this.phrase(this.r.int(2, 5));
  }

  table(): string {
    const { r, w } = this;
    const cols = r.int(3, 4);
    const rows = r.int(3, 6);
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const lines = [row(Array.from({ length: cols }, () => r.pickSkewed(w.nouns))), row(Array.from({ length: cols }, () => '---'))];
    for (let k = 0; k < rows; k++) {
      lines.push(row(Array.from({ length: cols }, (_, c) => (c === 0 ? r.pick(w.nouns) : localDigits(r.int(1, 99_999), w)))));
    }
    this.words += cols * (rows + 1);
    return lines.join('\n');
  }

  list(): string {
    return Array.from({ length: this.r.int(3, 5) }, () => `- ${this.phrase(this.r.int(4, 10))}`).join('\n');
  }
}

/** Article `i` of an archive of `n` (i may equal n: the article the benchmark adds). */
export function corpusArticle(i: number, n: number, seed = 1, dated?: Date, options: CorpusOptions = {}): CorpusArticle {
  const lang = langOf(i);
  const r = createRandom((seed * 0x9e3779b1) ^ (i * 0x85ebca6b));
  const w = lang === 'fa' ? dari : english;
  const writer = new Writer(r, w);
  const slug = slugOf(i);
  const date = dated ?? (i >= n ? new Date(NEWEST + DAY * (1 + i - n)) : dateOf(i, n));
  const draft = isDraft(i);
  const partner = isPaired(i) && (i ^ 1) < n ? i ^ 1 : undefined;

  const target = r.normal(1080, 320, 280, 2800);
  const footnotes = r.chance(0.6) ? r.int(1, 3) : 0;
  let footnoteNo = 0;
  const blocks: string[] = [];
  const link = () => {
    if (r.chance(0.12) && i + 2 < n) {
      const other = i + 2 * r.int(1, 20);
      if (other < n && !isDraft(other)) return pathOf(langOf(other), slugOf(other), dateOf(other, n));
    }
    return r.chance(0.3) ? `https://example.org/${lang}/${r.int(1, 9999)}` : undefined;
  };
  const para = () => {
    const note = footnoteNo < footnotes && r.chance(0.3) ? ++footnoteNo : undefined;
    const href = link();
    return writer.paragraph({ ...(href ? { link: href } : {}), ...(note ? { footnote: note } : {}) });
  };

  blocks.push(para(), para());
  const pictures: { name: string; source: string }[] = [];
  if (options.images && i % 10 === 5) {
    blocks.push(`![${writer.phrase(6)}](./${slug}/inline.png)\n*${writer.phrase(5)}*`);
    pictures.push({ name: 'inline.png', source: 'inline.png' });
  }
  while (writer.words < target) {
    blocks.push(`## ${writer.heading()}`, para());
    const furniture = r.next();
    if (furniture < 0.35) blocks.push(writer.table());
    else if (furniture < 0.5) blocks.push(writer.list());
    else if (furniture < 0.6) blocks.push(`> ${writer.sentence()}`);
    if (r.chance(0.3)) blocks.push(`### ${writer.heading()}`);
    for (let k = r.int(1, 4); k > 0 && writer.words < target; k--) blocks.push(para());
  }
  while (footnoteNo < footnotes) blocks.push(writer.paragraph({ footnote: ++footnoteNo }));
  for (let k = 1; k <= footnotes; k++) blocks.push(`[^${k}]: ${writer.sentence()}`);

  const title = writer.phrase(r.int(5, 10));
  const dek = writer.phrase(r.int(15, 30)) + w.stops[0];
  const authors = Array.from({ length: r.chance(0.15) ? 2 : 1 }, () => r.pickSkewed(w.people));
  const tags = [...new Set(Array.from({ length: r.int(2, 5) }, () => r.pickSkewed(w.nouns)))];
  const outlet = r.pickSkewed(w.outlets);
  const frontmatter = [
    '---',
    `title: ${yamlString(title.charAt(0).toUpperCase() + title.slice(1))}`,
    `dek: ${yamlString(dek.charAt(0).toUpperCase() + dek.slice(1))}`,
    `authors: [${[...new Set(authors)].map(yamlString).join(', ')}]`,
    `date: ${isoDay(date)}`,
    ...(r.chance(0.1) ? [`updated: ${isoDay(new Date(date.getTime() + DAY * r.int(1, 20)))}`] : []),
    'sources:',
    `  - name: ${yamlString(outlet)}`,
    `    url: "https://example.org/${encodeURIComponent(outlet)}/${i}"`,
    ...(r.chance(0.3) ? [`    title: ${yamlString(writer.phrase(r.int(4, 8)))}`, `    date: ${isoDay(date)}`] : []),
    // Both versions of a pair carry the same key (the pair's even index).
    ...(partner !== undefined ? [`translationKey: piece-${i - (i % 2)}`] : []),
    `tags: [${tags.map(yamlString).join(', ')}]`,
    ...(options.images && i % 2 === 0
      ? ['image:', `  src: ./${slug}/lead.jpg`, `  alt: ${yamlString(writer.phrase(8))}`, '  credit: "AA-AA"']
      : []),
    ...(draft ? ['draft: true'] : []),
    '---',
  ];
  return {
    id: `${lang}/${slug}`,
    lang,
    path: draft ? undefined : pathOf(lang, slug, date),
    text: `${frontmatter.join('\n')}\n\n${blocks.join('\n\n')}\n`,
    ...(options.images && i % 2 === 0 ? { pictures: [{ name: 'lead.jpg', source: `lead-${(i / 2) % 4}.jpg` }, ...pictures] } : pictures.length ? { pictures } : {}),
  };
}

/** Writes articles 0…n-1 under `articlesDir` ({fa,en}/slug.md); returns them without text. */
export function writeCorpus(articlesDir: string, n: number, seed = 1, options: CorpusOptions = {}, pictureDir?: string): Omit<CorpusArticle, 'text'>[] {
  mkdirSync(join(articlesDir, 'fa'), { recursive: true });
  mkdirSync(join(articlesDir, 'en'), { recursive: true });
  const written: Omit<CorpusArticle, 'text'>[] = [];
  for (let i = 0; i < n; i++) {
    const { text, ...meta } = corpusArticle(i, n, seed, undefined, options);
    writeFileSync(join(articlesDir, `${meta.id}.md`), text);
    if (pictureDir) placePictures(articlesDir, meta, pictureDir, options.ownPictures);
    written.push(meta);
  }
  return written;
}

export function articleFile(articlesDir: string, article: Pick<CorpusArticle, 'id'>): string {
  const file = join(articlesDir, `${article.id}.md`);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

/**
 * A new article dated well inside the archive (the date of the article 60 %
 * of the way back), as every article imported from the old site is: every
 * list page from that date on shifts by one. Article `n + 2`: the same
 * language as the newest added one (`corpusArticle(n, n)`), another slug.
 * @example writeFileSync(articleFile(dir, backdatedArticle(n)), backdatedArticle(n).text)
 */
export function backdatedArticle(n: number, seed = 1): CorpusArticle {
  return corpusArticle(n + 2, n, seed, dateOf(Math.floor(n * 0.6), n));
}

/** The article an edit touches: a published one in the middle of the archive. */
export function editedIndex(n: number): number {
  let i = Math.floor(n / 2);
  while (isDraft(i) || isPaired(i)) i++;
  return i;
}

/** An editor's change: one new paragraph at the end, carrying `marker`. */
export function withEdit(text: string, marker: string): string {
  return `${text}\nCorrection (${marker}): an earlier version of this piece gave the wrong figure.\n`;
}
