/**
 * Typography for text that does not pass through the Markdown pipeline:
 * titles, deks and source names set by the templates.
 */
import type { Root } from 'mdast';
import { languages, type Lang, type LanguageSpec } from '../i18n/locales.ts';
import remarkSmartypantsLean from '../markdown/remark-smartypants-lean.ts';

/**
 * A hyphenated code with a digit: MiG-29, JF-17, CASA-1000, F-16, Mi-17V-5,
 * AMAN-2013. Chromium breaks a line after the hyphen of such a code (even
 * before a digit, and whatever `hyphens`, `line-break` or `word-break` say),
 * so each is set in `<span class="nobr">` (white-space: nowrap, global.css).
 * Words hyphenated without a digit (Trans-Afghan) may still break there,
 * as compounds do. Global: use with `matchAll` / `split`.
 */
export const HYPHENATED_CODE = /(?<![\p{L}\p{N}/.@-])(?=[\p{L}\p{N}-]*\p{N})[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+(?![\p{L}\p{N}@-]|\.\p{L})/gu;

/**
 * `text` cut into pieces, each hyphenated code (`HYPHENATED_CODE`) a piece
 * of its own with `code: true`; joined back, the pieces are `text` again.
 * @example codePieces('JF-17 jets') // [{ text: 'JF-17', code: true }, { text: ' jets', code: false }]
 */
export function codePieces(text: string): { text: string; code: boolean }[] {
  const out: { text: string; code: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(HYPHENATED_CODE)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), code: false });
    out.push({ text: m[0], code: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), code: false });
  return out;
}

const cache = new Map<Lang, ((tree: Root) => void) | null>();

/**
 * A plain string (a title, dek or source name) with the SmartyPants
 * typography the article bodies of its language get (remark-smartypants-lean
 * with the registry's `quotes`): “curly quotes”, apostrophes, dashes,
 * ellipses. Languages without `quotes` (Dari, Pashto) get the text back as is.
 * @example smartText('The "Great Game" isn\'t over', en) // 'The “Great Game” isn’t over'
 */
export function smartText(text: string, lang: Lang): string {
  if (!cache.has(lang)) {
    const quotes = (languages[lang] as LanguageSpec).quotes;
    cache.set(lang, quotes ? (remarkSmartypantsLean({ quotes }) as (tree: Root) => void) : null);
  }
  const transform = cache.get(lang);
  if (!transform || !/["'`.-]/.test(text)) return text;
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
  transform(tree);
  const paragraph = tree.children[0] as { children: { value: string }[] };
  return paragraph.children.map((c) => c.value).join('');
}
