/**
 * GFM footnotes come out of remark-rehype in English ("Footnotes", "Back to
 * reference 1") with ASCII numbers, whatever the article's language. This
 * rewrites the label, the back-link names and the reference numbers in the
 * article's own language, from the UI dictionaries, and keeps the label out
 * of the search index.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { useTranslations } from '../i18n/ui.ts';
import { formatNumber } from '../i18n/format.ts';
import { articleLangOf } from './article-lang.ts';

export default function rehypeFootnotesI18n() {
  return (tree: Root, file: VFile) => {
    const lang = articleLangOf(file);
    if (!lang) return;
    const t = useTranslations(lang);
    const digits = (s: string) => s.replace(/\d+/g, (n) => formatNumber(Number(n), lang));

    visit(tree, 'element', (node: Element) => {
      const p = node.properties;
      if (p.id === 'footnote-label') {
        node.children = [{ type: 'text', value: t('article.footnotes') }];
        // The page's word "Footnotes", not the article's: search leaves it out.
        p.dataPagefindIgnore = '';
      } else if (p.dataFootnoteBackref !== undefined && typeof p.ariaLabel === 'string') {
        const ref = /\d+(?:-\d+)?/.exec(p.ariaLabel)?.[0] ?? '';
        p.ariaLabel = t('article.footnoteBack', { n: digits(ref) });
      } else if (p.dataFootnoteRef !== undefined) {
        for (const child of node.children) if (child.type === 'text') child.value = digits(child.value);
      }
    });
  };
}
