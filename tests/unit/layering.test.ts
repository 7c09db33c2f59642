/**
 * The design rules a grep can judge: languages and sections are data in one
 * registry (src/i18n/locales.ts), so no other source file names one of their
 * codes as a string; and the folders import along the layering the README's
 * "Where things live" describes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { langs, sectionKeys } from '../../src/i18n/locales.ts';
import { projectRoot } from '../helpers/paths.ts';

const src = join(projectRoot, 'src');
const files = readdirSync(src, { recursive: true })
  .map(String)
  .filter((f) => /\.(ts|astro|mjs)$/.test(f))
  .map((f) => ({ rel: relative(projectRoot, join(src, f)).replaceAll('\\', '/'), text: readFileSync(join(src, f), 'utf8') }));

/** Files that may name a language or section: the registry, the UI dictionaries, and the content config (Astro's collection glob). */
const mayName = (rel: string) => rel === 'src/i18n/locales.ts' || rel.startsWith('src/i18n/ui/') || rel === 'src/content.config.ts';

describe('languages and sections as data', () => {
  it('no source file outside the registry, dictionaries and content config quotes a language or section code', () => {
    const codes = [...new Set([...langs, ...sectionKeys])];
    // String quotes only: prose in comments may name a code in backticks.
    const quoted = new RegExp(`(['"])(?:${codes.join('|')})\\1`);
    const named = files
      .filter((f) => !mayName(f.rel))
      .flatMap((f) => f.text.split('\n').flatMap((line, i) => (quoted.test(line) ? [`${f.rel}:${i + 1}: ${line.trim()}`] : [])));
    expect(named).toEqual([]);
  });
});

describe('layering', () => {
  const importsOf = (text: string) => [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  it.each([
    ['src/i18n/', '../utils/', 'number and date formatting belong with the locale'],
    ['src/validation/', '../editor/', 'the check judges content; the editor tools use the check, not the other way'],
    ['src/search/fold-core.ts', '../', 'the browser bundle imports it, so it stands alone'],
  ])('%s does not import from %s (%s)', (folder, forbidden) => {
    const offenders = files
      .filter((f) => f.rel.startsWith(folder))
      .flatMap((f) => importsOf(f.text).filter((spec) => spec.startsWith(forbidden)).map((spec) => `${f.rel} → ${spec}`));
    expect(offenders).toEqual([]);
  });
});
