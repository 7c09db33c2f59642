/**
 * Every letter of the site's Arabic-script languages is drawn in Vazirmatn,
 * the face the site serves, never in a fallback font of the reader's device:
 * Chromium says which platform font drew each character of an element
 * (DevTools `CSS.getPlatformFontsForNode`). Pashto has letters Dari does not
 * (ټ ډ ړ ږ ښ ګ ڼ ې ۍ), so a Pashto page is the test of the subset.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages, sectionKeys, sections } from '../../src/i18n/locales.ts';
import { sectionPath } from '../../src/utils/urls.ts';
import { openSite, viewports, type Site } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/paths.ts';

/**
 * The letters Pashto writes beyond Persian's, and the Persian-script letters,
 * digits and punctuation they sit among. No spaces or Latin-1 marks: those
 * come from the Latin face by design (see the README, "One font file").
 */
const PASHTO_LETTERS = 'ټډړږښګڼېۍيئ';
const PERSIAN_LETTERS = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیۀآأؤ۰۱۲۳۴۵۶۷۸۹،؛؟';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

/** The platform fonts Chromium used for the text of the element matching `selector`, with their glyph counts. */
async function fontsOf(path: string, selector: string, text: string, lang: string, shot: string) {
  const page = await site.page({ viewport: viewports.phone });
  await page.goto(site.url(path));
  await page.evaluate(
    ({ selector, text, lang }) => {
      const el = document.querySelector(selector)!;
      el.setAttribute('lang', lang);
      el.textContent = text;
      // One word of letters: let it wrap anywhere, so the screenshot shows all of it.
      (el as HTMLElement).style.wordBreak = 'break-all';
      return document.fonts.ready;
    },
    { selector, text, lang },
  );
  await page.waitForTimeout(100);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  const dir = join(projectRoot, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.locator(selector).first().screenshot({ path: join(dir, `letters-${shot}.png`) });
  await page.context().close();
  return fonts as { familyName: string; glyphCount: number }[];
}

describe('the typeface of the Arabic-script languages', () => {
  it('draws every Pashto letter in Vazirmatn, on a Pashto page, with no fallback font', async () => {
    const fonts = await fontsOf(sectionPath('ps'), 'h1', PASHTO_LETTERS + PERSIAN_LETTERS, languages.ps.tag, 'pashto');
    expect(fonts.map((f) => f.familyName)).toEqual([expect.stringMatching(/^Vazirmatn/)]);
  });

  it.each(sectionKeys.filter((s) => languages[sections[s].lang].script === 'Arab'))('draws the letters on the %s pages in Vazirmatn', async (section) => {
    const fonts = await fontsOf(sectionPath(section), 'h1', PERSIAN_LETTERS, languages[sections[section].lang].tag, `persian-on-${section}`);
    expect(fonts.map((f) => f.familyName)).toEqual([expect.stringMatching(/^Vazirmatn/)]);
  });
});
