/**
 * What raw HTML in an article may keep. Based on rehype-sanitize's default
 * (GitHub's rules), which already drops every `on*` handler, `style`, and
 * any URL that is not http(s) or mailto; we narrow it further:
 * - whole elements that carry code or embed other documents are removed
 *   with their content (`script`, `style`, `iframe`, `object`, `svg`, `form`…),
 *   instead of being unwrapped into stray text;
 * - a few harmless text elements are added (`abbr`, `mark`, `small`, `cite`,
 *   `bdi`, `figure`, `caption`);
 * - `<video>` and `<audio>` stay, with their `<source>`s, `<track>`s and
 *   poster, when `rehype-embeds.ts` has pointed them at files published with
 *   the site (an address on another host would not load under the CSP: that
 *   plugin turns such media, and iframes, into links before this runs);
 * - ids are not prefixed ("clobbered") here, so heading ids (rehype-heading-ids.ts)
 *   (which runs after) and remark-gfm's footnote links keep matching. To
 *   keep the protection that prefixing gives against DOM clobbering, an id
 *   written by hand must already carry the `user-content-` prefix that
 *   footnotes use; any other hand-written id or `name` is dropped.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

const FOOTNOTE_ID = ['id', /^user-content-/, 'footnote-label'] as const;

/** Video and audio (see rehype-embeds.ts): what they may carry. No `autoplay`: a reader starts a clip. */
const MEDIA_TAGS = ['video', 'audio', 'source', 'track'];
const MEDIA_ATTRIBUTES: NonNullable<Schema['attributes']> = {
  video: ['src', 'poster', 'controls', 'width', 'height', 'preload', 'loop', 'muted', 'playsInline', 'title'],
  audio: ['src', 'controls', 'preload', 'loop', 'title'],
  source: ['src', 'type', 'media'],
  track: ['src', 'kind', 'srcLang', 'label', 'default'],
};

export const articleSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'),
    'abbr', 'bdi', 'caption', 'cite', 'figcaption', 'figure', 'mark', 'small', 'u',
    ...MEDIA_TAGS,
  ],
  attributes: {
    ...defaultSchema.attributes,
    '*': [
      ...(defaultSchema.attributes?.['*'] ?? []).filter((a) => a !== 'id' && a !== 'name'),
      [...FOOTNOTE_ID],
    ],
    abbr: ['title'],
    // Task-list checkboxes are not used in articles; their classes go too.
    li: [],
    ol: [...(defaultSchema.attributes?.ol ?? []).filter((a) => typeof a === 'string')],
    ul: [...(defaultSchema.attributes?.ul ?? []).filter((a) => typeof a === 'string')],
    ...MEDIA_ATTRIBUTES,
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    poster: ['http', 'https'],
  },
  required: {},
  strip: [
    'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed',
    'applet', 'svg', 'math', 'form', 'button', 'select', 'textarea', 'title', 'xmp', 'noembed',
    'noframes', 'canvas', 'link', 'meta', 'base',
  ],
};
