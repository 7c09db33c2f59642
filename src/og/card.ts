/**
 * The generated link-preview card: a 1200×630 PNG with the article's title,
 * its section and the publication's name, for articles without a lead image.
 *
 * Drawn with sharp's text input: libvips lays the text out with Pango, which
 * shapes with HarfBuzz and orders with FriBidi, so Dari and Pashto come out
 * joined and right to left (Satori, the usual tool, draws Arabic script
 * reversed and unjoined: vercel/satori#74). sharp is the image library Astro
 * itself uses; its prebuilt libvips carries Pango, HarfBuzz and FreeType, and
 * loads our font files by path (`fontfile`), so the build needs no network,
 * no system font and no browser. FreeType in that build reads TrueType, not
 * WOFF2, so the faces come from the font projects' own npm packages:
 * Vazirmatn (the site's Persian-script face) and Source Serif 4 (a serif for
 * Latin-script languages, close to the site's Charter stack).
 *
 * Cards are cached by digest (`cardDigest`) in `node_modules/.astro/og-cards/`,
 * like the rendered bodies, so a warm build draws nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';

/** The card's size in CSS pixels: what Facebook, WhatsApp and X ask for (1.91:1). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Bump when the layout changes, so every cached card is drawn again. */
const LAYOUT_VERSION = 1;

/** Relative to the project root, where `astro build` runs (as `BODIES_DIR`). */
export const CARDS_DIR = join('node_modules', '.astro', 'og-cards');

/** What is drawn on a card: everything that makes one card differ from another. */
export interface CardContent {
  /** The article's title, as the page shows it. */
  readonly title: string;
  /** The section's name in the article's language ("دری", "European Languages"). */
  readonly section: string;
  /** The publication's name in the article's script (`siteName`). */
  readonly siteName: string;
  /** The web address printed in the corner ("www.afgazad.com"). */
  readonly address: string;
  /** Writing system of the article's language: picks the face (registry `script`). */
  readonly script: 'Arab' | 'Latn';
  /** Base direction of the title (registry `dir`): a Dari title that starts with a Latin name is still right to left. */
  readonly dir: 'rtl' | 'ltr';
}

const COLORS = { bg: '#fdfcf9', text: '#1d1b18', muted: '#5a554c', rule: '#d9d3c7', accent: '#8a1c1c' };
const MARGIN = 72;
/** The title's box: from below the section line to above the footer rule. */
const TITLE_TOP = 150;
const TITLE_HEIGHT = 330;
/** Title sizes tried, largest first (px); the first at which the title fits three lines is used. */
const TITLE_SIZES = [76, 68, 60, 54, 48] as const;

const require = createRequire(join(process.cwd(), 'package.json'));

/** Font files and the family names Pango knows them by, per script. */
function faces(script: CardContent['script']): { file: string; family: string; titleWeight: string; version: string } {
  if (script === 'Arab') {
    const root = dirname(require.resolve('vazirmatn/package.json'));
    return { file: join(root, 'fonts', 'ttf', 'Vazirmatn-Bold.ttf'), family: 'Vazirmatn', titleWeight: 'Bold', version: packageVersion('vazirmatn') };
  }
  const root = dirname(require.resolve('source-serif/package.json'));
  return { file: join(root, 'TTF', 'SourceSerif4-Bold.ttf'), family: 'Source Serif 4', titleWeight: 'Bold', version: packageVersion('source-serif') };
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

/**
 * What draws the cards: sharp, libvips, Pango, HarfBuzz, both font packages
 * and the layout. Part of every card's digest, so upgrading any of them
 * redraws the cards.
 * @example rendererVersion() // 'card1 sharp0.35.5 vips8.18.7 pango1.58.2 harfbuzz14.5.0 vazirmatn33.0.3 source-serif4.5.1'
 */
export function rendererVersion(): string {
  // Asked once per card (every article page's preview): the package files are read once per build.
  return (rendererVersionMemo ??= readRendererVersion());
}

let rendererVersionMemo: string | undefined;

function readRendererVersion(): string {
  const v = sharp.versions as Record<string, string | undefined>;
  return [
    `card${LAYOUT_VERSION}`, `sharp${v.sharp}`, `vips${v.vips}`, `pango${v.pango}`, `harfbuzz${v.harfbuzz}`,
    `vazirmatn${faces('Arab').version}`, `source-serif${faces('Latn').version}`,
  ].join(' ');
}

/**
 * The card's cache key and URL version: SHA-256 (hex, 16 characters) of what
 * is drawn and what draws it.
 * @example cardDigest({ title: 'Wheat prices climb', section: 'European Languages', siteName: '…', address: 'www.afgazad.com', script: 'Latn', dir: 'ltr' }) // '3f1c…' (16 hex digits)
 */
export function cardDigest(content: CardContent): string {
  const { title, section, siteName, address, script, dir } = content;
  return createHash('sha256').update(JSON.stringify([title, section, siteName, address, script, dir, rendererVersion()])).digest('hex').slice(0, 16);
}

/** Pango markup is XML: the title is text, never markup. */
function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A mark that fixes the paragraph's base direction. Pango otherwise takes it
 * from the first strong letter, so «Herat در …» would be laid out left to
 * right. With auto-direction on, Pango mirrors the alignment of a
 * right-to-left paragraph, so `align: 'left'` is the start side in both.
 */
function directed(text: string, dir: CardContent['dir']): string {
  return (dir === 'rtl' ? '\u200f' : '\u200e') + escapeMarkup(text);
}

/** Text drawn by Pango: raw RGBA pixels, trimmed to the ink. */
export interface TextImage {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/**
 * Raw pixels, not an encoded image: they go straight into the card's
 * composite (a PNG per piece would be encoded and decoded again for nothing).
 */
async function drawText(text: string, font: string, fontfile: string, color: string, width: number, dir: CardContent['dir'], lineSpacing?: number): Promise<TextImage> {
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${color}">${directed(text, dir)}</span>`,
      font, fontfile, width, rgba: true, align: 'left', wrap: 'word', dpi: 72,
      ...(lineSpacing === undefined ? {} : { spacing: lineSpacing }),
    },
  }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Composite input for a `TextImage`. */
function placed(image: TextImage, left: number, top: number): OverlayOptions {
  return { input: image.data, raw: { width: image.width, height: image.height, channels: 4 }, left, top };
}

/**
 * The lines every card of a section shares (its name, the publication's
 * name and address), drawn once per build process.
 */
const shared = new Map<string, Promise<TextImage>>();
function drawShared(...args: Parameters<typeof drawText>): Promise<TextImage> {
  const key = JSON.stringify(args);
  let image = shared.get(key);
  if (!image) shared.set(key, (image = drawText(...args)));
  return image;
}

/** `left` of an image `width` wide set against the start margin. */
function startX(width: number, dir: CardContent['dir']): number {
  return dir === 'rtl' ? CARD_WIDTH - MARGIN - width : MARGIN;
}

/** `left` of an image set against the end margin. */
function endX(width: number, dir: CardContent['dir']): number {
  return dir === 'rtl' ? MARGIN : CARD_WIDTH - MARGIN - width;
}

/**
 * The title at the largest size that fits three lines in the title box;
 * a title too long even at the smallest size loses whole words from its
 * end, with an ellipsis (the page itself carries the full title).
 */
async function drawTitle(content: CardContent): Promise<TextImage> {
  const face = faces(content.script);
  const boxWidth = CARD_WIDTH - 2 * MARGIN;
  const draw = (text: string, size: number) => drawText(text, `${face.family} ${face.titleWeight} ${size}`, face.file, COLORS.text, boxWidth, content.dir, lineGap(size));
  const firstWord = content.title.trim().split(/\s+/)[0] ?? '…';
  /**
   * At most three lines. sharp trims the image to the ink, so a line's pitch
   * is measured: the first word on two lines, less the word on one.
   */
  const fits = async (image: TextImage, size: number) => {
    const one = (await draw(firstWord, size)).height;
    const pitch = (await draw(`${firstWord}\n${firstWord}`, size)).height - one;
    return image.height <= Math.min(TITLE_HEIGHT, one + 2.5 * pitch);
  };
  for (const size of TITLE_SIZES) {
    const image = await draw(content.title, size);
    if (await fits(image, size)) return image;
  }
  const size: number = TITLE_SIZES[TITLE_SIZES.length - 1]!;
  const words = content.title.split(/\s+/);
  for (let n = words.length - 1; n > 0; n--) {
    const image = await draw(`${words.slice(0, n).join(' ')}…`, size);
    if (await fits(image, size)) return image;
  }
  return draw('…', size);
}

/** Extra space between title lines (pt at 72 dpi = px): tighter than body text, as headlines are. */
function lineGap(size: number): number {
  return Math.round(size * 0.25);
}

/**
 * Draws one card as PNG: the section in the accent colour at the top, the
 * title in the article's face, start-aligned (right for Dari and Pashto),
 * and a rule with the publication's name and address at the foot.
 * @example const png = await renderCard({ title: 'قیمت گندم در هرات', section: 'دری', siteName: 'افغانستان آزاد – آزاد افغانستان', address: 'www.afgazad.com', script: 'Arab', dir: 'rtl' })
 */
export async function renderCard(content: CardContent): Promise<Buffer> {
  const face = faces(content.script);
  const { dir } = content;
  const [title, section, name, address] = await Promise.all([
    drawTitle(content),
    drawShared(content.section, `${face.family} Bold 34`, face.file, COLORS.accent, 700, dir),
    drawShared(content.siteName, `${face.family} Bold 30`, face.file, COLORS.text, 760, dir),
    drawShared(content.address, `${faces('Latn').family} 26`, faces('Latn').file, COLORS.muted, 360, 'ltr'),
  ]);
  const footerY = 540;
  return sharp({ create: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3, background: COLORS.bg } })
    .composite([
      { input: { create: { width: CARD_WIDTH, height: 14, channels: 3, background: COLORS.accent } }, left: 0, top: 0 },
      placed(section, startX(section.width, dir), 64),
      placed(title, startX(title.width, dir), TITLE_TOP),
      { input: { create: { width: CARD_WIDTH - 2 * MARGIN, height: 2, channels: 3, background: COLORS.rule } }, left: MARGIN, top: footerY - 24 },
      placed(name, startX(name.width, dir), footerY),
      placed(address, endX(address.width, dir), footerY + 4),
    ])
    // Full-colour PNG: a card is flat colour and text, 15–20 KB this way; a
    // palette PNG is a third smaller but its quantisation took 0.5 s a card
    // (40× the rest of the drawing: hours of a cold build at 10,000 articles).
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/**
 * The card for `content`, from the cache or drawn and cached. `drawn` says
 * which, for the build log and the tests ("a warm build draws nothing").
 * @example const { png, drawn } = await cachedCard(content) // drawn: false on a warm build
 */
export async function cachedCard(content: CardContent, cacheDir: string = CARDS_DIR): Promise<{ png: Buffer; digest: string; drawn: boolean }> {
  const digest = cardDigest(content);
  const file = join(cacheDir, `${digest}.png`);
  try {
    return { png: readFileSync(file), digest, drawn: false };
  } catch {
    const png = await renderCard(content);
    mkdirSync(cacheDir, { recursive: true });
    // Written whole, then renamed: a build stopped half-way never leaves half a card.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, png);
    renameSync(partial, file);
    return { png, digest, drawn: true };
  }
}

/**
 * One text drawn as the card draws its title (same face, weight, direction
 * and line breaking), black on transparent, trimmed to the text, as PNG:
 * what the shaping test compares with Chromium's drawing of the same text.
 * @example const { data, width } = await drawTitleText('قیمت گندم', 'Arab', 'rtl', 64, 1056)
 */
export async function drawTitleText(text: string, script: CardContent['script'], dir: CardContent['dir'], size: number, width: number): Promise<TextImage> {
  const face = faces(script);
  const image = await drawText(text, `${face.family} ${face.titleWeight} ${size}`, face.file, '#000000', width, dir, lineGap(size));
  const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } }).png().toBuffer();
  return { data, width: image.width, height: image.height };
}

/**
 * The font file the card uses for a script (absolute path), so a reference
 * drawing can load the very same face.
 * @example cardFontFile('Arab') // '/…/node_modules/vazirmatn/fonts/ttf/Vazirmatn-Bold.ttf'
 */
export function cardFontFile(script: CardContent['script']): string {
  return faces(script).file;
}
