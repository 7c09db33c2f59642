/**
 * Body links that leave the site get `rel="noopener noreferrer"` and, unless
 * their text already shows it, the domain they lead to in brackets after the
 * link: `the report (thediplomat.com)`. The domain is wrapped in `<bdi>` so it
 * reads correctly inside Dari text.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { toString } from 'hast-util-to-string';
import { EXTERNAL_REL, linkDomain } from '../utils/links.ts';

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
        properties: { className: ['link-domain'] },
        children: [
          { type: 'text', value: '(' },
          { type: 'element', tagName: 'bdi', properties: {}, children: [{ type: 'text', value: domain }] },
          { type: 'text', value: ')' },
        ],
      };
      const siblings = parent.children as ElementContent[];
      siblings.splice(siblings.indexOf(anchor) + 1, 0, { type: 'text', value: ' ' }, label);
    }
  };
}
