/**
 * Pictures in an article body. An editor keeps an article's images in the
 * folder named after it, beside it (`content/articles/fa/bazar.md` and
 * `content/articles/fa/bazar/photo.jpg`), and writes `![alt](./bazar/photo.jpg)`
 * or `![alt](bazar/photo.jpg "title")`. This plugin, after the sanitizer:
 *
 * - replaces each local `<img>` by a placeholder `<img data-aa-image="N">`
 *   and records the picture (`file.data.aaImages[N]`: its path relative to
 *   the article file, alt, line). The page swaps the placeholder for Astro's
 *   `<Picture>` (AVIF, WebP, a fallback, srcset, width and height; see
 *   `components/ArticleBody.astro`), so nothing is encoded here and the
 *   rendered-body cache stays valid when only a picture changes;
 * - makes a `<figure>` of a picture that has a title or an italic line right
 *   under it (the caption convention, see `figureParts`);
 * - reports, with the line: an image without alt text (an empty alt only as
 *   raw HTML `alt=""`, on purpose), and an image from another host (an error
 *   in a published article: the page must load nothing from other hosts).
 *   Whether a file exists and is a picture is the check's to say on every
 *   run (`validation/images.ts`), because the file can change while this
 *   body's render stays cached.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { languages } from '../i18n/locales.ts';

/** One local picture of a body, as the page needs it. */
export interface BodyImage {
  /** Relative to the article file, always starting `./` (`./bazar/photo.jpg`): what Astro's content layer imports. */
  readonly src: string;
  readonly alt: string;
  /** 1-based line in the article file. */
  readonly line?: number;
}

/** The placeholder's attribute, and the pattern the page splits the HTML on. */
export const IMAGE_PLACEHOLDER = /<img data-aa-image="(\d+)">/g;

/** Credit words that start an italic line under a picture, in every language ("Photo:", "عکس:"). */
const CREDIT_START = new RegExp(
  `^\\s*(?:${[...new Set(Object.values(languages).flatMap((l) => l.ui['image.creditWords'].split('|')))].join('|')})\\s*[:：]`,
  'iu',
);

/**
 * Whether an `src` points to another host (`https://…`, `//cdn…`) or is a
 * `data:` address. Root-relative (`/x.png`) is this site's `public/` folder.
 * @example isForeignSrc('https://example.org/a.jpg') // true
 */
export function isForeignSrc(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');
}

/**
 * The path Astro's content layer imports for a relative `src`: `./` added
 * when missing (`bazar/x.jpg` is `./bazar/x.jpg`, never a package), the
 * query and fragment dropped, `%20` decoded.
 * @example localImagePath('bazar/x.jpg') // './bazar/x.jpg'
 */
export function localImagePath(src: string): string {
  let path = src.replace(/[?#].*$/, '');
  try {
    path = decodeURI(path);
  } catch {
    // A stray % is kept as typed; the check reports the missing file.
  }
  return path.startsWith('./') || path.startsWith('../') ? path : `./${path}`;
}

const isBlank = (n: ElementContent) => (n.type === 'text' && n.value.trim() === '') || (n.type === 'element' && n.tagName === 'br');
const text = (value: string): Text => ({ type: 'text', value });

/**
 * The caption convention. In a paragraph of its own, a picture becomes a
 * figure when it has a title (`![alt](x.jpg "title")`) or when the next line
 * is in italics (`*…*`). The title is the caption. The italic line is the
 * credit when the picture has a title too, or when it starts with a credit
 * word and a colon (`*Photo: …*`, `*عکس: …*`, `*انځور: …*`); otherwise it is
 * the caption. Returns undefined when the paragraph is not such a picture.
 */
function figureParts(p: Element): { img: Element; caption?: ElementContent[]; credit?: ElementContent[] } | undefined {
  const kids = p.children.filter((n) => !isBlank(n));
  const img = kids[0];
  if (!img || img.type !== 'element' || img.tagName !== 'img') return undefined;
  const title = typeof img.properties.title === 'string' && img.properties.title.trim() !== '' ? img.properties.title.trim() : undefined;
  const italic = kids[1];
  if (kids.length > 2 || (italic && (italic.type !== 'element' || italic.tagName !== 'em'))) return undefined;
  if (!title && !italic) return undefined;
  const line = italic?.type === 'element' ? italic.children : undefined;
  const lineText = line?.map((n) => (n.type === 'text' ? n.value : '')).join('') ?? '';
  if (title) return { img, caption: [text(title)], ...(line ? { credit: line } : {}) };
  return CREDIT_START.test(lineText) ? { img, credit: line } : { img, caption: line };
}

export default function rehypeImages() {
  return (tree: Root, file: VFile) => {
    const images: BodyImage[] = [];
    const frontmatter = (file.data as { astro?: { frontmatter?: { draft?: unknown } } }).astro?.frontmatter;
    const draft = frontmatter?.draft === true;
    const slug = (file.path ?? 'article.md').split(/[\\/]/).pop()!.replace(/\.md$/, '');
    const fromMd = (file.data as { aaMarkdownImages?: Set<string> }).aaMarkdownImages ?? new Set<string>();

    const placehold = (img: Element): void => {
      const src = typeof img.properties.src === 'string' ? img.properties.src.trim() : '';
      const line = img.position?.start.line;
      const alt = typeof img.properties.alt === 'string' ? img.properties.alt.trim() : undefined;
      // Markdown always gives an alt (empty for `![](x)`); only raw HTML can say `alt=""` on purpose.
      const fromMarkdown = fromMd.has(positionKey(img));
      if (src === '') {
        // Usually the sanitizer removed a dangerous address and has said so; nothing is shown.
        file.message('an image has no address (or its address was removed): give the path of the file, such as ./slug/photo.jpg', img, 'image-no-src');
        return;
      }
      if (alt === undefined || (alt === '' && fromMarkdown)) {
        const m = file.message(
          `image ${src || '(no address)'} has no alt text: describe the picture in the brackets, ![what it shows](${src}); ` +
            `a purely decorative picture is written <img src="${src}" alt="">`,
          img,
          'image-no-alt',
        );
        m.fatal = true;
      }
      if (isForeignSrc(src)) {
        const name = src.replace(/[?#].*$/, '').split('/').pop() || 'photo.jpg';
        const m = file.message(
          `image ${src} is on another host, and pages load nothing from other hosts: download the file (with the right to publish it) into ${slug}/ beside the article, ` +
            `then write ./${slug}/${name}`,
          img,
          'image-foreign',
        );
        // A draft is not published; it may keep the address while the file is being fetched.
        m.fatal = !draft;
        return;
      }
      if (src.startsWith('/')) return; // a file of public/, served as it is
      const index = images.push({ src: localImagePath(src), alt: alt ?? '', ...(line ? { line } : {}) }) - 1;
      img.properties = { dataAaImage: String(index) };
    };

    visit(tree, 'element', (node, i, parent) => {
      if (node.tagName === 'p' && parent && typeof i === 'number') {
        const parts = figureParts(node);
        if (parts) {
          const caption: ElementContent[] = [];
          if (parts.caption) caption.push({ type: 'element', tagName: 'span', properties: { className: ['caption'] }, children: parts.caption });
          if (parts.credit) {
            if (caption.length) caption.push(text(' '));
            caption.push({ type: 'element', tagName: 'small', properties: { className: ['credit'] }, children: parts.credit });
          }
          delete parts.img.properties.title;
          placehold(parts.img);
          const figure: Element = {
            type: 'element',
            tagName: 'figure',
            properties: { className: ['figure'] },
            children: [parts.img, { type: 'element', tagName: 'figcaption', properties: {}, children: caption }],
            ...(node.position ? { position: node.position } : {}),
          };
          parent.children[i] = figure;
          return SKIP;
        }
      }
      if (node.tagName === 'img') placehold(node);
      return undefined;
    });
    (file.data as { aaImages?: BodyImage[] }).aaImages = images;
  };
}

/**
 * Marks the `<img>` that Markdown made (`![…](…)`), before raw HTML is
 * parsed, so `rehypeImages` can tell `![](x.jpg)` (alt forgotten) from
 * `<img src="x.jpg" alt="">` (decorative, on purpose).
 */
export function rehypeMarkMarkdownImages() {
  return (tree: Root, file: VFile) => {
    const found = new Set<string>();
    // Raw HTML is still unparsed text here, so every <img> element came from Markdown.
    visit(tree, 'element', (node) => {
      if (node.tagName === 'img') found.add(positionKey(node));
    });
    (file.data as { aaMarkdownImages?: Set<string> }).aaMarkdownImages = found;
  };
}

/** Where a node starts: positions survive the raw-HTML parse and the sanitizer, node data does not. */
const positionKey = (node: Element) => `${node.position?.start.line}:${node.position?.start.column}`;
