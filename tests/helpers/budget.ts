/**
 * Page-weight checks on built HTML: what a reader's browser would download
 * for one page (HTML, the stylesheets it links, the web fonts its text
 * needs), whether any of it executes, and whether any of it comes from
 * another host. Pure functions over HTML/CSS text, so the tests can show
 * each check failing on a bad fixture as well as passing on the site.
 */
import { parseHTML } from 'linkedom';

export interface Resource {
  /** Where the reference was found, for error messages. */
  readonly where: string;
  readonly url: string;
}

/** `<link rel>` values that make the browser fetch the `href`. */
const FETCHING_RELS = new Set(['stylesheet', 'preload', 'modulepreload', 'prefetch', 'preconnect', 'dns-prefetch', 'icon', 'shortcut', 'apple-touch-icon', 'manifest', 'mask-icon']);
/** Element attributes that load something. */
const LOADING_ATTRS: readonly [string, string][] = [
  ['script', 'src'],
  ['img', 'src'],
  ['img', 'srcset'],
  ['source', 'src'],
  ['source', 'srcset'],
  ['iframe', 'src'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['track', 'src'],
  ['embed', 'src'],
  ['object', 'data'],
  ['input', 'src'],
];

export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** The `url(…)` and `@import` targets of a stylesheet. */
export function cssUrls(css: string): string[] {
  const urls: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) urls.push((m[1] ?? m[2] ?? m[3])!);
  for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) urls.push((m[1] ?? m[2])!);
  return urls;
}

/** Every URL the page makes the browser request (before CSS it links, which the caller adds). */
export function pageResources(doc: Document): Resource[] {
  const found: Resource[] = [];
  for (const link of doc.querySelectorAll('link[href]')) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rels.some((r) => FETCHING_RELS.has(r))) found.push({ where: `<link rel="${link.getAttribute('rel')}">`, url: link.getAttribute('href')! });
  }
  for (const [tag, attr] of LOADING_ATTRS) {
    for (const el of doc.querySelectorAll(`${tag}[${attr}]`)) {
      const value = el.getAttribute(attr)!;
      const urls = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]!) : [value];
      for (const url of urls) found.push({ where: `<${tag} ${attr}>`, url });
    }
  }
  for (const style of doc.querySelectorAll('style')) for (const url of cssUrls(style.textContent ?? '')) found.push({ where: '<style>', url });
  for (const el of doc.querySelectorAll('[style]')) for (const url of cssUrls(el.getAttribute('style')!)) found.push({ where: 'style attribute', url });
  return found;
}

/** Whether a URL, requested from a page of `origin`, goes to another host. */
export function isOtherHost(url: string, origin: string): boolean {
  if (/^data:/i.test(url)) return false;
  const resolved = new URL(url, origin);
  return resolved.origin !== new URL(origin).origin;
}

/**
 * What on a page would run as JavaScript: script elements other than JSON-LD
 * data, event-handler attributes, `javascript:` URLs, module preloads.
 */
export function executableScripts(doc: Document): string[] {
  const found: string[] = [];
  for (const script of doc.querySelectorAll('script')) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (type !== 'application/ld+json') found.push(`<script${type ? ` type="${type}"` : ''}${script.hasAttribute('src') ? ` src="${script.getAttribute('src')}"` : ''}>`);
  }
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${attr.name}= on <${el.tagName.toLowerCase()}>`);
      if (/^\s*javascript:/i.test(attr.value)) found.push(`javascript: URL in ${attr.name} on <${el.tagName.toLowerCase()}>`);
    }
  }
  for (const link of doc.querySelectorAll('link[rel~="modulepreload"]')) found.push(`<link rel="modulepreload" href="${link.getAttribute('href')}">`);
  return found;
}

/** The site paths of the stylesheets a page links. */
export function stylesheetHrefs(doc: Document): string[] {
  return [...doc.querySelectorAll('link[rel~="stylesheet"][href]')].map((l) => l.getAttribute('href')!);
}

export interface FontFace {
  readonly family: string;
  readonly urls: readonly string[];
  /** Inclusive code point ranges; all of Unicode when the rule has none. */
  readonly ranges: readonly [number, number][];
}

function parseUnicodeRange(value: string): [number, number][] {
  return value.split(',').map((part): [number, number] => {
    const spec = part.trim().replace(/^u\+/i, '');
    if (spec.includes('?')) return [parseInt(spec.replaceAll('?', '0'), 16), parseInt(spec.replaceAll('?', 'F'), 16)];
    const [from, to] = spec.split('-');
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
  });
}

const unquote = (s: string) => s.trim().replace(/^["']|["']$/g, '');

/** The `@font-face` rules of a stylesheet. */
export function fontFaces(css: string): FontFace[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => {
    const body = m[1]!;
    const prop = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`, 'i').exec(body)?.[1];
    const range = prop('unicode-range');
    return {
      family: unquote(prop('font-family') ?? ''),
      urls: cssUrls(prop('src') ?? ''),
      ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]],
    };
  });
}

/**
 * The families a stylesheet applies: every face family named anywhere outside
 * the `@font-face` rules (in `font-family`, `font`, or a custom property a
 * declaration reads with `var()`).
 */
export function usedFamilies(css: string, faces: readonly FontFace[]): Set<string> {
  const withoutFaces = css.replace(/@font-face\s*\{[^}]*\}/g, '');
  return new Set(faces.map((f) => f.family).filter((family) => withoutFaces.includes(family)));
}

/** The text a reader sees on the page, as a set of code points. */
export function pageCodePoints(doc: Document): Set<number> {
  const body = doc.querySelector('body');
  if (!body) return new Set();
  const clone = body.cloneNode(true) as HTMLElement;
  for (const el of clone.querySelectorAll('script, style, template')) el.remove();
  return new Set([...(clone.textContent ?? '')].map((c) => c.codePointAt(0)!));
}

/**
 * The font files a page downloads: faces of an applied family whose
 * unicode-range covers some character of the page's text.
 */
export function neededFontUrls(faces: readonly FontFace[], used: Set<string>, codePoints: Set<number>): string[] {
  const urls = new Set<string>();
  const points = [...codePoints];
  for (const face of faces) {
    if (!used.has(face.family)) continue;
    if (points.some((cp) => face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi))) {
      // The browser takes the first source it supports; we serve woff2 first.
      if (face.urls[0]) urls.add(face.urls[0]);
    }
  }
  return [...urls];
}
