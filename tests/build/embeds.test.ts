/**
 * The case `embeds-video-and-iframe` (tests/fixtures/markdown/) built as a
 * site: the video beside the article is published at its `/media/` address
 * and plays in `<video controls>` with its poster and fallback link; the
 * YouTube iframe is a visible link to the watch page; nothing on the page
 * loads from another host.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { articlePath } from '../../src/utils/urls.ts';
import { buildWithContent, type FixtureBuild } from '../helpers/fixture-site.ts';
import { projectRoot } from '../helpers/paths.ts';

const caseDir = join(projectRoot, 'tests/fixtures/markdown/embeds-video-and-iframe/en');
const CLIP = 'a stand-in for the clip\n';
let build: FixtureBuild;

beforeAll(() => {
  build = buildWithContent({
    'articles/en/video-embeds.md': readFileSync(join(caseDir, 'video-embeds.md'), 'utf8'),
    'articles/en/clip-kabul-river/clip.mp4': CLIP,
    'articles/en/clip-kabul-river/poster.jpg': readFileSync(join(caseDir, 'clip-kabul-river/poster.jpg'), 'latin1'),
  });
  if (build.exitCode !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

describe('a video beside the article and a YouTube iframe, built', () => {
  const page = () => parseHTML(readFileSync(join(build.dist, `${articlePath('en', 'video-embeds', new Date('2024-04-08'))}index.html`), 'utf8')).document;
  it('publishes the clip at its /media/ address, byte for byte', () => {
    expect(readFileSync(join(build.dist, 'media/en/clip-kabul-river/clip.mp4'), 'utf8')).toBe(CLIP);
  });
  it('shows <video controls> with its poster and source on this site, and the fallback link', () => {
    const video = page().querySelector('video')!;
    expect(video.hasAttribute('controls')).toBe(true);
    expect(video.getAttribute('poster')).toBe('/media/en/clip-kabul-river/poster.jpg');
    expect(video.querySelector('source')!.getAttribute('src')).toBe('/media/en/clip-kabul-river/clip.mp4');
    expect(video.querySelector('a')!.textContent).toBe('Download the clip');
  });
  it('turns the iframe into a link with its title to the watch page, and loads nothing from another host', () => {
    const doc = page();
    const a = [...doc.querySelectorAll('main a')].find((x) => x.textContent === 'A talk on the Kabul river basin');
    expect(a?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=aaaaaaaaaaa');
    expect(doc.querySelector('iframe, script[src], embed, object')).toBeNull();
    for (const el of doc.querySelectorAll('[src], [poster]')) {
      for (const attr of ['src', 'poster']) expect(el.getAttribute(attr) ?? '/').toMatch(/^\//);
    }
  });
});
