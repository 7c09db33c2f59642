/**
 * Media that is not a picture, in raw HTML in an article (issue 12):
 *
 * - `<video>` and `<audio>` with files beside the article play on the page:
 *   each relative `src` (on the element, its `<source>`s and `<track>`s) and
 *   `poster` becomes the file's published address under `/media/` (see
 *   `mediaPath`), and is recorded on the file (`file.data.aaMedia`) so the
 *   check can say, on every run, when a file is missing. `controls` is always
 *   on. Their fallback content (a download link, a sentence) stays.
 * - Media and embeds from other hosts become a visible link: pages load
 *   nothing from other hosts (the Content-Security-Policy allows only the
 *   site's own). An `<iframe>` with an http(s) address becomes a link with
 *   the iframe's `title`, to the page on that site (a YouTube or Vimeo
 *   player address becomes the video's own page); a `<video>`/`<audio>` from
 *   another host becomes a link to the file, before its fallback content.
 *
 * Runs after rehype-raw and before the sanitizer and its report; what it
 * does not turn into something else (an iframe with no address, `srcdoc`)
 * is left for the sanitizer, which removes it with a warning.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { VFile } from 'vfile';
import { isSection } from '../i18n/locales.ts';

/** Where files beside articles are published: `/media/<path under content/articles/>`. */
export const MEDIA_BASE = '/media/';

/** A local media file an article refers to, as written, with its line. */
export interface MediaRef {
  /** As written in the article (`./clip-kabul-river/clip.mp4`), relative to the article file. */
  readonly src: string;
  /** The element that names it (`video`, `source`, `track`…), for the message. */
  readonly tag: string;
  readonly line?: number;
}

const MEDIA = new Set(['video', 'audio']);

function isRemote(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url) || url.startsWith('//');
}

/**
 * The page on the other site for an embed's address: a YouTube player
 * (`youtube.com/embed/ID`, `youtube-nocookie.com/embed/ID`) becomes
 * `https://www.youtube.com/watch?v=ID` (a start time kept as `t`), a Vimeo
 * player `https://vimeo.com/ID`; any other http(s) address is kept as it is.
 * Undefined for an address that is not http(s).
 * @example embedPage('https://www.youtube.com/embed/aaaaaaaaaaa?start=30') // 'https://www.youtube.com/watch?v=aaaaaaaaaaa&t=30'
 */
export function embedPage(src: string): string | undefined {
  if (!isHttp(src)) return undefined;
  let url: URL;
  try {
    url = new URL(src, 'https://x.invalid');
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^www\./, '');
  const youtube = /^\/embed\/([\w-]{6,})/.exec(url.pathname);
  if (youtube && (host === 'youtube.com' || host === 'youtube-nocookie.com' || host === 'm.youtube.com')) {
    const start = url.searchParams.get('start');
    return `https://www.youtube.com/watch?v=${youtube[1]}${start && /^\d+$/.test(start) ? `&t=${start}` : ''}`;
  }
  const vimeo = /^\/video\/(\d+)/.exec(url.pathname);
  if (vimeo && host === 'player.vimeo.com') return `https://vimeo.com/${vimeo[1]}`;
  return url.href;
}

/**
 * The published address of a file an article refers to by a relative path:
 * `/media/` and the file's path under the articles folder (the folder that
 * holds the section folders), so it is stable and the same for every article
 * that shows it. Undefined when the path leaves the articles folder.
 * @example mediaPath('./clip-kabul-river/clip.mp4', '/site/content/articles/en/video.md') // '/media/en/clip-kabul-river/clip.mp4'
 */
export function mediaPath(src: string, articleFile: string): string | undefined {
  const root = articlesRoot(articleFile);
  if (!root) return undefined;
  const clean = decodeURIComponentSafe(src.split(/[?#]/)[0] ?? '');
  const target = resolve(dirname(articleFile), clean);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return MEDIA_BASE + rel.split(sep).map(encodeURIComponent).join('/');
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The folder holding the section folder the article is in (`content/articles/`):
 * the parent of the nearest folder named as a section in the registry.
 * @example articlesRoot("/site/content/articles/en/video.md") // "/site/content/articles"
 */
export function articlesRoot(articleFile: string): string | undefined {
  for (let dir = dirname(articleFile); dir !== dirname(dir); dir = dirname(dir)) {
    if (isSection(dir.split(sep).pop() ?? '')) return dirname(dir);
  }
  return undefined;
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function link(href: string, label: string, position: Element['position']): Element {
  return { type: 'element', tagName: 'a', properties: { href }, children: [text(label)], ...(position ? { position } : {}) };
}

/**
 * The plugin: embeds become links, local media files their published
 * addresses (see the file's comment).
 * @example unified().use(rehypeRaw).use(rehypeEmbeds).use(rehypeReportUnsafe, { schema }).use(rehypeSanitize, schema)
 */
export default function rehypeEmbeds() {
  return (tree: Root, file: VFile) => {
    const refs: MediaRef[] = [];
    const publish = (node: Element, attribute: 'src' | 'poster') => {
      const value = node.properties?.[attribute];
      if (typeof value !== 'string' || value.trim() === '' || isRemote(value) || value.startsWith('/')) return;
      refs.push({ src: value.trim(), tag: node.tagName, ...(node.position ? { line: node.position.start.line } : {}) });
      const path = file.path ? mediaPath(value.trim(), file.path) : undefined;
      if (path) node.properties[attribute] = path;
    };
    /** A fallback link to a file beside the article (`<a href="./clip.mp4">`) goes to the published file too. */
    const publishFallbackLinks = (node: Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const href = child.properties?.href;
        if (child.tagName === 'a' && typeof href === 'string' && !isRemote(href) && !href.startsWith('/') && !href.startsWith('#')) {
          const path = file.path ? mediaPath(href.trim(), file.path) : undefined;
          if (path) child.properties.href = path;
        } else {
          publishFallbackLinks(child);
        }
      }
    };

    const replace = (node: Element, parent: Element | Root): RootContent[] | undefined => {
      if (node.tagName === 'iframe') {
        const src = node.properties?.src;
        const page = typeof src === 'string' ? embedPage(src.trim()) : undefined;
        // An iframe with content was never closed and holds the rest of the article: the report's error says so.
        const holds = node.children.some((c) => c.type !== 'text' || c.value.trim() !== '');
        if (!page || holds) return undefined;
        const title = typeof node.properties?.title === 'string' && node.properties.title.trim() !== '' ? node.properties.title.trim() : page;
        const a = link(page, title, node.position);
        const inline = parent.type === 'element' && parent.tagName === 'p';
        return [inline ? a : { type: 'element', tagName: 'p', properties: {}, children: [a], ...(node.position ? { position: node.position } : {}) }];
      }
      if (!MEDIA.has(node.tagName)) return undefined;
      const sources = [node, ...node.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'source' || c.tagName === 'track'))];
      const remote = sources.map((s) => s.properties?.src).find((s): s is string => typeof s === 'string' && isRemote(s.trim()));
      if (remote) {
        // Another host's file cannot play here (CSP); its fallback content stays, after a link to it.
        const fallback = node.children.filter((c) => !(c.type === 'element' && (c.tagName === 'source' || c.tagName === 'track')));
        const page = embedPage(remote.trim());
        const title = typeof node.properties?.title === 'string' && node.properties.title.trim() !== '' ? node.properties.title.trim() : remote.trim();
        const out: RootContent[] = page ? [{ type: 'element', tagName: 'p', properties: {}, children: [link(page, title, node.position)] }] : [];
        return [...out, ...(fallback as RootContent[])];
      }
      const { start, end } = node.position ?? {};
      const own = start?.offset !== undefined && end?.offset !== undefined ? String(file.value ?? '').slice(start.offset, end.offset) : `</${node.tagName}>`;
      if (!new RegExp(`</${node.tagName}\\s*>$`, 'i').test(own)) {
        // Never closed: the rest of the article would be its fallback, which players never show.
        const range = `lines ${start?.line ?? 0}–${end?.line ?? 0}, the rest of the article`;
        const message = file.message(`<${node.tagName}> is never closed, so everything after it (${range}) would be removed with it; add </${node.tagName}> where it should end`, { place: node.position, ruleId: 'unclosed-raw-html', source: 'aa' });
        message.fatal = true;
      }
      for (const s of sources) publish(s, 'src');
      publish(node, 'poster');
      publishFallbackLinks(node);
      node.properties.controls = true;
      return [node];
    };

    const walk = (parent: Element | Root) => {
      for (let i = 0; i < parent.children.length; i++) {
        const child = parent.children[i]!;
        if (child.type !== 'element') continue;
        const out = replace(child, parent);
        if (out && !(out.length === 1 && out[0] === child)) {
          parent.children.splice(i, 1, ...(out as ElementContent[]));
          i += out.length - 1;
          continue;
        }
        if (out) continue; // a kept <video>/<audio>: its children are handled
        walk(child);
      }
    };
    walk(tree);
    (file.data as { aaMedia?: MediaRef[] }).aaMedia = refs;
  };
}
