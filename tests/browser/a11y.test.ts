/**
 * Accessibility: axe-core in Chromium finds no WCAG 2.1 A/AA violation on
 * each kind of page, in every section (and the German piece in European
 * Languages), in light and in dark mode.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import { archivePath, searchPath, sectionPath, tagPath } from '../../src/utils/urls.ts';
import { openSite, type Site } from '../helpers/browser.ts';
import { byId, markdownPieces, section } from '../helpers/content.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const faArticle = section('fa').find((a) => a.id === 'fa/azerbaijan-pakistan-hamkari-nezami') ?? section('fa')[0]!;
const enArticle = section('en').find((a) => a.id === 'en/azerbaijan-pakistan-military-cooperation') ?? section('en')[0]!;
const psArticle = section('ps').find((a) => a.id === 'ps/casa-1000-breshna-lika') ?? section('ps')[0]!;
const deArticle = byId.get('en/wakhan-korridor')!;
const faTag: string = faArticle.data.tags[0];
const enTag: string = enArticle.data.tags[0];

const pages: [string, string][] = [
  ['front page', '/'],
  ['Dari section', sectionPath('fa')],
  ['Pashto section', sectionPath('ps')],
  ['English section', sectionPath('en')],
  ['Dari article', faArticle.path],
  ['Pashto article', psArticle.path],
  ['English article', enArticle.path],
  ['German article in European Languages', deArticle.path],
  ...markdownPieces.map((a): [string, string] => [`article using more Markdown, ${a.lang}`, a.path]),
  ['Dari tag page', tagPath('fa', faTag)],
  ['English tag page', tagPath('en', enTag)],
  ['Dari archive', archivePath('fa')],
  ['Pashto archive', archivePath('ps')],
  ['Dari search with results', `${searchPath('fa')}?q=${encodeURIComponent('هرات')}`],
  ['English search with results', `${searchPath('en')}?q=Herat`],
  ['404 page', '/404.html'],
];

/** A readable line per violation: rule, impact, and the first offending nodes. */
function report(results: AxeResults): string[] {
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

describe.each(['light', 'dark'] as const)('axe, %s mode', (colorScheme) => {
  it.each(pages)('%s (%s) has no WCAG 2.1 AA violations', async (_, path) => {
    // bypassCSP: axe is injected as an inline script, which a strict CSP would (rightly) refuse.
    const page = await site.page({ colorScheme, bypassCSP: true });
    await page.goto(site.url(path), { waitUntil: 'networkidle' });
    if (path.includes('?q=')) await page.waitForSelector('#search-results li');
    await page.evaluate(() => document.fonts.ready);
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(
      (tags) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
      TAGS,
    );
    expect(report(results)).toEqual([]);
    // axe ran real checks, not an empty page.
    expect(results.passes.length).toBeGreaterThan(10);
    await page.context().close();
  });
});
