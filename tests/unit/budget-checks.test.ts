/**
 * The page-weight checks themselves (tests/helpers/budget.ts), on small
 * fixtures: each must catch what it guards against, or the budget tests on
 * the built site would pass vacuously.
 */
import { describe, expect, it } from 'vitest';
import { cssUrls, executableScripts, fontFaces, isOtherHost, neededFontUrls, pageCodePoints, pageResources, parsePage, usedFamilies } from '../helpers/budget.ts';

const page = (head: string, body = '') => parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const origin = 'https://www.afgazad.com/fa/';

describe('executableScripts', () => {
  it('finds external, inline and module scripts, handlers and javascript: links', () => {
    const doc = page('<script src="/a.js"></script><script>alert(1)</script><script type="module">x()</script><link rel="modulepreload" href="/m.js">', '<button onclick="x()">b</button><a href="javascript:void 0">a</a>');
    expect(executableScripts(doc)).toHaveLength(6);
  });

  it('allows JSON-LD, which is data', () => {
    expect(executableScripts(page('<script type="application/ld+json">{"@type":"NewsArticle"}</script>'))).toEqual([]);
  });
});

describe('pageResources and isOtherHost', () => {
  it('reports stylesheets, fonts, icons, images and CSS urls on other hosts', () => {
    const doc = page(
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Vazirmatn"><link rel="preload" as="font" href="//cdn.example.com/f.woff2"><link rel="icon" href="https://cdn.example.com/i.png"><style>@font-face{src:url(https://cdn.example.com/v.woff2)}</style>',
      '<img src="https://images.example.com/x.jpg" srcset="/a.jpg 1x, https://images.example.com/y.jpg 2x"><div style="background:url(\'https://x.example.com/b.png\')"></div>',
    );
    const foreign = pageResources(doc).filter((r) => isOtherHost(r.url, origin));
    expect(foreign.map((r) => r.url)).toEqual([
      'https://fonts.googleapis.com/css2?family=Vazirmatn',
      '//cdn.example.com/f.woff2',
      'https://cdn.example.com/i.png',
      'https://images.example.com/x.jpg',
      'https://images.example.com/y.jpg',
      'https://cdn.example.com/v.woff2',
      'https://x.example.com/b.png',
    ]);
  });

  it('accepts root-relative, relative, same-origin and data: URLs, and ignores links that fetch nothing', () => {
    const doc = page(
      '<link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="favicon.svg"><link rel="canonical" href="https://www.afgazad.com/fa/"><link rel="alternate" hreflang="en" href="https://elsewhere.example/en/">',
      '<img src="https://www.afgazad.com/x.png"><img src="data:image/png;base64,AAAA">',
    );
    expect(pageResources(doc).filter((r) => isOtherHost(r.url, origin))).toEqual([]);
  });

  it('reads url() and @import from CSS', () => {
    expect(cssUrls(`@import "x.css"; a{background:url( "a.png" )} b{src:url(b.woff2) format('woff2'), url('c.woff')}`)).toEqual(['a.png', 'b.woff2', 'c.woff', 'x.css']);
  });
});

describe('neededFontUrls', () => {
  const css = `
    @font-face { font-family: 'Vazirmatn Variable'; src: url(/_astro/arabic.woff2) format('woff2'); unicode-range: U+0600-06FF, U+200C-200E; }
    @font-face { font-family: 'Vazirmatn Variable'; src: url(/_astro/latin.woff2) format('woff2'); unicode-range: U+0000-00FF; }
    @font-face { font-family: 'Vazirmatn Variable'; src: url(/_astro/cyrillic.woff2) format('woff2'); unicode-range: U+04??; }
    @font-face { font-family: 'Unused Face'; src: url(/_astro/unused.woff2) format('woff2'); }
    :root { --font-dari: 'Vazirmatn Variable', Tahoma, sans-serif; }
    [lang|='fa'] { font-family: var(--font-dari); }`;
  const faces = fontFaces(css);

  it('picks the faces whose unicode-range the page text touches, of families the CSS applies', () => {
    const text = pageCodePoints(page('', '<p>خط آهن ترانس‌افغان 1520 mm</p>'));
    expect(neededFontUrls(faces, usedFamilies(css, faces), text)).toEqual(['/_astro/arabic.woff2', '/_astro/latin.woff2']);
  });

  it('understands wildcard ranges and skips unused families', () => {
    const text = pageCodePoints(page('', '<p>Привет</p>'));
    expect(neededFontUrls(faces, usedFamilies(css, faces), text)).toEqual(['/_astro/cyrillic.woff2']);
  });

  it('ignores text in scripts and styles', () => {
    const text = pageCodePoints(page('', '<style>p::before{content:"Ж"}</style><p>abc</p>'));
    expect(text.has('Ж'.codePointAt(0)!)).toBe(false);
  });
});
