import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { facesFor, parseFontFaces, preloadsFor, textInScript } from '../../src/utils/font-files.ts';

const root = join(import.meta.dirname, '..', '..');
const css = `
  @font-face { font-family: 'V'; src: url('/latin.woff2') format('woff2'); unicode-range: U+0000-00FF, U+2000-206F; }
  @font-face { font-family: 'V'; src: url('/arabic.woff2') format('woff2'); unicode-range: U+0020-0021, U+002E, U+003A, U+00AB, U+00BB, U+06??, U+2013; }
`;
const page = (body: string, script = 'Arab') =>
  `<html data-script="${script}"><head><meta name="viewport" content="x"><title>Title</title><style>${css}</style></head><body>${body}</body></html>`;

describe('font files a page needs', () => {
  it('reads @font-face rules, ranges and wildcards included', () => {
    const faces = parseFontFaces(css);
    expect(faces.map((f) => f.src)).toEqual(['/latin.woff2', '/arabic.woff2']);
    expect(faces[1]!.ranges).toContainEqual([0x600, 0x6ff]);
    expect(parseFontFaces('@font-face{font-family:X;src:url(x.woff2)}')[0]!.ranges).toEqual([[0, 0x10ffff]]);
  });

  it('takes, for each character, the last declared face that covers it', () => {
    const faces = parseFontFaces(css);
    expect([...facesFor(faces, 'کابل: «آزاد» – آزاد.')]).toEqual(['/arabic.woff2']);
    expect([...facesFor(faces, 'کابل CASA-1000')].sort()).toEqual(['/arabic.woff2', '/latin.woff2']);
    expect(facesFor(faces, '中').size).toBe(0);
  });

  it('reads the text in one script by data-script, skipping head, script and style', () => {
    const html = page('<p>کابل <span lang="en" data-script="Latn">Kabul</span> هرات</p><script>var x = 1</script><img alt="Alt">', 'Arab');
    expect(textInScript(html, 'Arab')).toBe('کابل  هرات');
    expect(textInScript(page('<p>Kabul <span data-script="Arab">کابل</span></p>', 'Latn'), 'Arab')).toBe('کابل');
  });

  it('preloads only the files the Persian-script text needs, the winning face first', () => {
    expect(preloadsFor(page('<p>کابل: «آزاد».</p>'))).toBe('<link rel="preload" href="/arabic.woff2" as="font" type="font/woff2" crossorigin>');
    expect(preloadsFor(page('<p>پروژه CASA-1000</p>'))).toBe(
      '<link rel="preload" href="/arabic.woff2" as="font" type="font/woff2" crossorigin><link rel="preload" href="/latin.woff2" as="font" type="font/woff2" crossorigin>',
    );
    // An English page: its Latin text is in system fonts; only the name in Persian script needs a file.
    expect(preloadsFor(page('<p>Kabul, 2026 <span data-script="Arab">افغانستان آزاد – آزاد افغانستان</span></p>', 'Latn'))).toBe(
      '<link rel="preload" href="/arabic.woff2" as="font" type="font/woff2" crossorigin>',
    );
    expect(preloadsFor('<html><body>کابل</body></html>')).toBe('');
  });

  it("the site's Persian-script face covers the punctuation every page's Persian text uses", () => {
    const faces = parseFontFaces(readFileSync(join(root, 'src/styles/fonts.css'), 'utf8'));
    const persian = faces.at(-1)!.src;
    // The publication's name, a headline with a colon, a sentence with a full stop and quotation marks.
    expect([...facesFor(faces, 'افغانستان آزاد – آزاد افغانستان. چرخش شمالی: «تجارت» (۱۴۰۵)')]).toEqual([persian]);
  });
});
