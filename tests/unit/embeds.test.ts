/**
 * Media that is not a picture (issue 12; case `tests/fixtures/markdown/embeds-video-and-iframe`,
 * copied from the shared cases): a video beside the article plays from the
 * site with its poster and fallback kept; embeds from other hosts become
 * links to the page on that site; a missing local file is an error with the
 * file and line, on every check (not cached with the render).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedPage, mediaPath } from '../../src/markdown/rehype-embeds.ts';
import { runCheck } from '../../src/validation/run-check.ts';
import { renderBody } from '../helpers/markdown.ts';
import { projectRoot } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp.ts';

const caseDir = join(projectRoot, 'tests/fixtures/markdown/embeds-video-and-iframe');
const caseText = readFileSync(join(caseDir, 'en/video-embeds.md'), 'utf8');
const caseBody = caseText.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('embedPage: the page on the other site for an embed address', () => {
  it.each([
    ['https://www.youtube.com/embed/aaaaaaaaaaa', 'https://www.youtube.com/watch?v=aaaaaaaaaaa'],
    ['https://www.youtube-nocookie.com/embed/aaaaaaaaaaa?start=30&rel=0', 'https://www.youtube.com/watch?v=aaaaaaaaaaa&t=30'],
    ['//www.youtube.com/embed/b-c_d1234', 'https://www.youtube.com/watch?v=b-c_d1234'],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e', 'https://vimeo.com/76979871'],
    ['https://www.google.com/maps/embed?pb=!1m18', 'https://www.google.com/maps/embed?pb=!1m18'],
  ])('%s → %s', (src, page) => expect(embedPage(src)).toBe(page));
  it.each(['javascript:alert(1)', 'data:text/html,x', './local.html', ''])('no page for %j', (src) => expect(embedPage(src)).toBeUndefined());
});

describe('mediaPath: where a file beside an article is published', () => {
  it('keeps its path under the articles folder', () => {
    expect(mediaPath('./clip-kabul-river/clip.mp4', '/s/content/articles/en/video-embeds.md')).toBe('/media/en/clip-kabul-river/clip.mp4');
    expect(mediaPath('video-embeds/a b.webm', '/s/content/articles/fa/video-embeds.md')).toBe('/media/fa/video-embeds/a%20b.webm');
  });
  it('refuses a path that leaves the articles folder', () => {
    expect(mediaPath('../../../etc/passwd', '/s/content/articles/en/x.md')).toBeUndefined();
  });
});

describe('the case: a local video and a YouTube iframe', async () => {
  const { doc } = await renderBody('en', caseBody);
  it('keeps the video with controls, its poster and its source at their published addresses', () => {
    const video = doc.querySelector('video')!;
    expect(video).not.toBeNull();
    expect(video.hasAttribute('controls')).toBe(true);
    expect(video.getAttribute('poster')).toBe('/media/en/clip-kabul-river/poster.jpg');
    expect(video.querySelector('source')?.getAttribute('src')).toBe('/media/en/clip-kabul-river/clip.mp4');
    expect(video.querySelector('source')?.getAttribute('type')).toBe('video/mp4');
  });
  it('keeps the fallback link and its text, pointing at the published file', () => {
    const a = doc.querySelector('video a')!;
    expect(a.textContent).toBe('Download the clip');
    expect(a.getAttribute('href')).toBe('/media/en/clip-kabul-river/clip.mp4');
  });
  it('turns the iframe into a visible link with its title, to the watch page', () => {
    expect(doc.querySelector('iframe')).toBeNull();
    const a = [...doc.querySelectorAll('a')].find((x) => x.textContent === 'A talk on the Kabul river basin')!;
    expect(a.getAttribute('href')).toBe('https://www.youtube.com/watch?v=aaaaaaaaaaa');
    expect(a.closest('p')).not.toBeNull();
  });
});

describe('other embeds of the family', () => {
  it('a Vimeo iframe inside a paragraph becomes a link in that paragraph; no title → its address', async () => {
    const { doc } = await renderBody('fa', 'ببینید: <iframe src="https://player.vimeo.com/video/123456"></iframe> پایان.');
    expect(doc.querySelector('iframe')).toBeNull();
    const a = doc.querySelector('p a')!;
    expect(a.getAttribute('href')).toBe('https://vimeo.com/123456');
    expect(a.textContent).toBe('https://vimeo.com/123456');
  });
  it('a tweet keeps its quoted text and its link; the widget script goes', async () => {
    const { doc, html } = await renderBody('en', '<blockquote class="twitter-tweet"><p lang="en">Water levels are rising.</p>&mdash; A Reporter (@reporter) <a href="https://twitter.com/reporter/status/1234567890">April 8, 2024</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n');
    expect(doc.querySelector('blockquote')?.textContent).toContain('Water levels are rising.');
    expect(doc.querySelector('blockquote a')?.getAttribute('href')).toBe('https://twitter.com/reporter/status/1234567890');
    expect(html).not.toMatch(/<script|platform\.twitter/);
  });
  it('a video from another host becomes a link to the file, before its fallback text', async () => {
    const { doc } = await renderBody('en', '<video controls src="https://cdn.example.org/clip.webm" title="The flood">Your browser cannot play it.</video>\n');
    expect(doc.querySelector('video')).toBeNull();
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://cdn.example.org/clip.webm');
    expect(doc.querySelector('a')?.textContent).toBe('The flood');
    expect(doc.body.textContent).toContain('Your browser cannot play it.');
  });
  it('a local audio file plays from the site, with controls even when not asked for', async () => {
    const { doc } = await renderBody('ps', '<audio src="./radio/interview.mp3"></audio>\n');
    expect(doc.querySelector('audio')?.getAttribute('src')).toBe('/media/ps/radio/interview.mp3');
    expect(doc.querySelector('audio')?.hasAttribute('controls')).toBe(true);
  });
  it('an iframe never closed is left to the check (an error), not turned into a link that drops the rest', async () => {
    const root = tempDir('aa-embeds-unclosed-');
    const text = caseText.replace('allowfullscreen></iframe>', 'allowfullscreen>') + `\nRun ${process.pid}-${Date.now()}.\n`;
    cpSync(join(caseDir, 'en'), join(root, 'articles/en'), { recursive: true });
    writeFileSync(join(root, 'articles/en/video-embeds.md'), text);
    writeFileSync(join(root, 'articles/en/clip-kabul-river/clip.mp4'), 'x');
    const run = await runCheck([root], { cwd: projectRoot });
    expect(run.stderr).toMatch(/<iframe> is never closed/);
  });
  it('an iframe without an address is still removed (the sanitizer warns)', async () => {
    const { doc } = await renderBody('en', '<iframe srcdoc="<p>x</p>"></iframe>\n');
    expect(doc.querySelector('iframe')).toBeNull();
  });
});

describe('npm run check: a missing local media file', () => {
  it('is an error with the file and line, and adding the file clears it (nothing stale from the cache)', async () => {
    const root = tempDir('aa-embeds-');
    cpSync(join(caseDir, 'en'), join(root, 'articles/en'), { recursive: true });
    // A run of its own: the body has not been rendered by an earlier test run.
    const file = join(root, 'articles/en/video-embeds.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nRun ${process.pid}-${Date.now()}.\n`);
    const first = await runCheck([root], { cwd: projectRoot });
    expect(first.exitCode).toBe(1);
    expect(first.stderr).toMatch(/articles\/en\/video-embeds\.md: body: line 16: the <source> file \.\/clip-kabul-river\/clip\.mp4 is not there/);
    expect(first.stderr).not.toMatch(/poster\.jpg is not there/);
    writeFileSync(join(root, 'articles/en/clip-kabul-river/clip.mp4'), 'not really a video');
    const second = await runCheck([root], { cwd: projectRoot });
    expect(second.stderr).not.toMatch(/is not there/);
    expect(second.stderr).not.toMatch(/video-embeds\.md/);
  });
});
