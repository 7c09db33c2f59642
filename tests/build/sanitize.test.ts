/**
 * Hostile Markdown, rendered by a real build of the site: the classic XSS
 * vectors (raw HTML and Markdown) must reach dist/ harmless, harmless
 * formatting must survive, and the build must name the file for each removal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { articlePath } from '../../src/utils/urls.ts';
import { buildWithContent, htmlFiles, type FixtureBuild } from '../helpers/fixture-site.ts';
import { projectRoot } from '../helpers/paths.ts';

const payloads = readFileSync(join(projectRoot, 'tests/fixtures/xss/payloads.md'), 'utf8');
const ZWNJ = '\u200C';
const faTitle = `آزمایش محتوای خطرناک در مقاله‌ها`;

const frontmatter = (lines: string[]) => `---\n${lines.join('\n')}\n---\n\n`;
const files = {
  'articles/en/xss-payloads.md':
    frontmatter([
      `title: "Payloads <script>alert('title')</script> in a title"`,
      `dek: "A dek with <img src=x onerror=alert('dek')> inside"`,
      'authors: ["<b onmouseover=alert(1)>Tester</b>"]',
      'date: 2017-01-13',
      'sources:',
      '  - name: "The Diplomat"',
      '    url: "https://thediplomat.com/2017/01/example/"',
      'translationKey: "xss-payloads"',
    ]) + payloads,
  'articles/fa/xss-payloads.md':
    frontmatter([
      `title: "${faTitle}"`,
      'dek: "همان آزمایش به زبان دری."',
      'authors: ["آزمایشگر"]',
      'date: 2017-01-13',
      'sources:',
      '  - name: "The Diplomat"',
      '    url: "https://thediplomat.com/2017/01/example/"',
      'translationKey: "xss-payloads"',
    ]) + payloads,
  // The picture the payloads' <img onerror> point at, beside each article (see README, "Pictures").
  'articles/en/xss-payloads/x.png': readFileSync(join(projectRoot, 'tests/fixtures/xss/x.png')),
  'articles/fa/xss-payloads/x.png': readFileSync(join(projectRoot, 'tests/fixtures/xss/x.png')),
};

let build: FixtureBuild;
const page = (lang: 'en' | 'fa') => {
  const file = join(build.dist, `${articlePath(lang, 'xss-payloads', new Date('2017-01-13'))}index.html`);
  const html = readFileSync(file, 'utf8');
  return { html, document: parseHTML(html).document as unknown as Document };
};

const DANGEROUS_URL = /^(?:javascript|data|vbscript):/i;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster'];

beforeAll(() => {
  build = buildWithContent(files);
  if (build.exitCode !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

describe.each(['en', 'fa'] as const)('an article full of injection payloads (%s)', (lang) => {
  it('keeps no script, handler, dangerous URL, embed, style or form in the page', () => {
    const { document } = page(lang);
    const all = [...document.querySelectorAll('*')];
    // Scripts: none carrying payloads, and none at all in the article.
    for (const script of document.querySelectorAll('script')) {
      expect(script.getAttribute('type')).toBe('application/ld+json');
    }
    for (const element of all) {
      for (const { name, value } of [...element.attributes]) {
        expect(name.toLowerCase().startsWith('on'), `${element.tagName} ${name}`).toBe(false);
        if (URL_ATTRIBUTES.includes(name.toLowerCase())) {
          // Browsers ignore control characters and spaces inside a scheme.
          expect(value.replace(/[\u0000-\u0020]/g, ''), `${element.tagName} ${name}`).not.toMatch(DANGEROUS_URL);
        }
      }
    }
    const article = document.querySelector('article')!;
    for (const tag of ['iframe', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math', 'style', 'link', 'meta', 'base', 'template', 'noscript', 'xss']) {
      expect(article.querySelectorAll(tag).length, tag).toBe(0);
    }
    expect(document.querySelectorAll('body style, body [style]').length).toBe(0);
    expect(document.querySelectorAll('meta[http-equiv="refresh"], base').length).toBe(0);
  });

  it('keeps sup, sub, abbr, br and tables', () => {
    const prose = page(lang).document.querySelector('.prose')!;
    expect(prose.querySelector('sup')?.textContent).toBe('st');
    expect(prose.querySelector('sub')?.textContent).toBe('2');
    expect(prose.querySelector('abbr')?.getAttribute('title')).toBe('United Nations');
    expect(prose.querySelectorAll('br').length).toBeGreaterThan(0);
    expect(prose.querySelectorAll('table').length).toBe(2);
    expect(prose.querySelectorAll('td').length).toBe(6);
  });

  it('keeps heading ids, and in-page and footnote links point at them', () => {
    const { document } = page(lang);
    const prose = document.querySelector('.prose')!;
    const ids = [...prose.querySelectorAll('h2[id]')].map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining(['harmless-formatting-stays', 'scripts-and-handlers', 'dangerous-urls', 'last-heading']));
    const fragments = [...prose.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1));
    expect(fragments.length).toBeGreaterThanOrEqual(3); // the section link, the footnote reference and its back-link
    for (const id of fragments) expect(document.getElementById(id), `#${id}`).not.toBeNull();
  });

  it('gives body links that leave the site rel="noopener noreferrer" and shows their domain', () => {
    const prose = page(lang).document.querySelector('.prose')!;
    const external = [...prose.querySelectorAll('a[href^="http"]')];
    expect(external.length).toBeGreaterThan(0);
    for (const a of external) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      const domain = new URL(a.getAttribute('href')!).hostname.replace(/^www\./, '');
      // In a Dari body a link that ends a Latin run ends its <bdi> (rehype-bidi.ts); the note follows that.
      const isolate = a.parentElement?.tagName === 'BDI' && !a.nextSibling ? a.parentElement : a;
      expect(isolate.nextElementSibling?.textContent).toBe(`(${domain})`);
    }
  });

  it('gives source links rel="noopener noreferrer" and shows where they lead', () => {
    const sources = page(lang).document.querySelector('.sources')!;
    const link = sources.querySelector('a[href^="https://thediplomat.com"]')!;
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(sources.textContent).toContain('thediplomat.com');
  });
});

describe('frontmatter text', () => {
  it('is shown as text, never as markup', () => {
    const { document } = page('en');
    // As text, with the English typography of titles (curly quotes).
    expect(document.querySelector('h1')?.textContent).toBe(`Payloads <script>alert(‘title’)</script> in a title`);
    expect(document.querySelector('.dek')?.textContent).toContain('<img src=x');
  });

  it('keeps the zero-width non-joiner of Dari spelling byte for byte', () => {
    const { document, html } = page('fa');
    expect(document.querySelector('h1')?.textContent).toBe(faTitle);
    expect(faTitle).toContain(ZWNJ);
    expect(html).toContain(faTitle);
  });
});

describe('the build log', () => {
  it('names the file and line (counted from the top of the file) for each thing the sanitizer removed', () => {
    const lines = build.output.split('\n').filter((l) => l.includes('content/articles/en/xss-payloads.md: body:'));
    // Line 20 of the payloads: the file has 10 lines of frontmatter and a blank line above them.
    expect(lines.some((l) => /line 31: warning: removed <script> and its content/.test(l))).toBe(true);
    expect(lines.some((l) => /removed onerror="alert\('onerror'\)" from <img>/.test(l))).toBe(true);
    expect(lines.some((l) => /removed href="JaVaScRiPt:alert\('md-mixed'\)" from <a>/.test(l))).toBe(true);
    expect(lines.some((l) => /removed <iframe> and its content/.test(l))).toBe(true);
    expect(lines.some((l) => /removed style="/.test(l))).toBe(true);
    expect(build.output).toContain('content/articles/fa/xss-payloads.md: body:');
  });
});

describe('Content-Security-Policy', () => {
  it('is set by a <meta> on every page of the build', () => {
    const pages = htmlFiles(build.dist);
    expect(pages.length).toBeGreaterThan(3);
    for (const file of pages) {
      const { document } = parseHTML(readFileSync(join(build.dist, file), 'utf8'));
      const csp = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      expect(csp, file).toMatch(/script-src 'self'/);
      expect(csp, file).toContain("object-src 'none'");
    }
  });
});
