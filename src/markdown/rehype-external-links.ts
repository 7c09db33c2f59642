/**
 * Body links that leave the site get `rel="noopener noreferrer"` and, unless
 * their text already shows it, the domain they lead to in brackets after the
 * link: `the report (thediplomat.com)`. The domain is wrapped in `<bdi>` so it
 * reads correctly inside Dari text.
 *
 * The note never splits a word: when the word goes on after the link (an
 * English possessive, "[Reuters](…)'s"; a Dari suffix, with or without a
 * ZWNJ, "[رویترز](…)‌ها", "[ناتو](…)یی"; a hyphenated compound, "[NATO](…)-led"),
 * the note follows the whole word: "Reuters’s (reuters.com) correspondent".
 */
import type { Element, ElementContent, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { toString } from 'hast-util-to-string';
import { EXTERNAL_REL, linkDomain } from '../utils/links.ts';

/** The class of the `(domain)` note after a link. */
export const DOMAIN_NOTE_CLASS = 'link-domain';

/** Letters, marks, digits, invisible joiners, and an apostrophe or hyphen inside a word. */
const WORD_GOES_ON = /^(?:['’‐-](?=\p{L})|[\p{L}\p{M}\p{N}\p{Cf}])+/u;

/**
 * The part of the text after a link that still belongs to the link's last word.
 * @param linkText the link's own text
 * @param after the text that follows the link
 * @example wordTail('Reuters', '’s correspondent') // '’s'
 * @example wordTail('رویترز', '\u200cها گزارش داد') // '\u200cها'
 * @example wordTail('The Times', '’ correspondent') // '’' (possessive plural)
 * @example wordTail('Reuters', ', which') // ''
 * @example wordTail('Reuters ', 'is') // '' (the link's text ended the word)
 */
export function wordTail(linkText: string, after: string): string {
  // A link whose text ends in a space or punctuation has already ended its word.
  if (!/[\p{L}\p{M}\p{N}\p{Cf}]$/u.test(linkText)) return '';
  const word = WORD_GOES_ON.exec(after)?.[0];
  if (word) return word;
  // "The Times’ correspondent": a lone apostrophe after an s ends the possessive.
  if (/s$/i.test(linkText) && /^['’](?![\p{L}\p{N}])/u.test(after)) return after[0]!;
  return '';
}

export default function rehypeExternalLinks() {
  return (tree: Root) => {
    const additions: Array<{ parent: Element | Root; anchor: Element; domain: string }> = [];
    visitParents(tree, 'element', (node, ancestors) => {
      if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
      const domain = linkDomain(node.properties.href);
      if (!domain) return;
      node.properties.rel = EXTERNAL_REL.split(' ');
      if (!toString(node).toLowerCase().includes(domain)) {
        additions.push({ parent: ancestors.at(-1) as Element | Root, anchor: node, domain });
      }
    });
    for (const { parent, anchor, domain } of additions) {
      const label: ElementContent = {
        type: 'element',
        tagName: 'span',
        properties: { className: [DOMAIN_NOTE_CLASS] },
        children: [
          { type: 'text', value: '(' },
          { type: 'element', tagName: 'bdi', properties: {}, children: [{ type: 'text', value: domain }] },
          { type: 'text', value: ')' },
        ],
      };
      const siblings = parent.children as ElementContent[];
      let at = siblings.indexOf(anchor) + 1;
      const next = siblings[at];
      const tail = next?.type === 'text' ? wordTail(toString(anchor), next.value) : '';
      if (next?.type === 'text' && tail) {
        next.value = next.value.slice(tail.length);
        siblings.splice(at, next.value ? 0 : 1, { type: 'text', value: tail });
        at += 1;
      }
      siblings.splice(at, 0, { type: 'text', value: ' ' }, label);
    }
  };
}
