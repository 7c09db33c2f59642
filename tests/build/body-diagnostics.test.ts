/**
 * Body diagnostics in real builds: a cold and a warm `astro build` both print
 * every warning, with the line counted from the top of the file, and
 * succeed; the warm build renders no body again; raw HTML that would swallow
 * the rest of an article stops the build, naming the line where it opens.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyDigest, bodyFile, pipelineFingerprint } from '../../src/markdown/rendered-body.ts';
import { articlePath } from '../../src/utils/urls.ts';
import { copySite, rebuild, type FixtureBuild } from '../helpers/fixture-site.ts';
import { projectRoot } from '../helpers/paths.ts';

const fixture = (rel: string) => readFileSync(join(projectRoot, 'tests/fixtures/body', rel), 'utf8');
// A paragraph after the last line, new to every run, so the first build is cold for these bodies.
const nonce = `\nRun ${process.pid}-${Date.now()}.\n`;
const files = {
  'articles/en/raw-html-note.md': fixture('sanitizer-warnings-every-time/articles/en/raw-html-note.md') + nonce,
  'articles/fa/baqimanda-qalib.md': fixture('legacy-syntax-leftovers/articles/fa/baqimanda-qalib.md') + nonce,
};
const warnings = [
  'content/articles/en/raw-html-note.md: body: line 15: warning: removed <form> and its content',
  'content/articles/en/raw-html-note.md: body: line 17: warning: removed onclick="alert(1)" from <span>',
  'content/articles/fa/baqimanda-qalib.md: body: line 14: warning: "{: .center}" is a Kramdown attribute list',
  'content/articles/fa/baqimanda-qalib.md: body: line 16: warning: "{% include note.html content="یادداشت" %}" is a Liquid tag',
  'content/articles/fa/baqimanda-qalib.md: body: line 18: warning: the link to /2015/05/old-post.html leads to no page of this site',
];

let root: string;
let cold: FixtureBuild;
let warm: FixtureBuild;
let bodyStamp: { before: number; after: number };

beforeAll(() => {
  root = copySite();
  cold = rebuild(root, files);
  // The copy has the same src/ and lockfile as the project, so the same fingerprint.
  const body = bodyFile(bodyDigest(pipelineFingerprint(projectRoot, join(projectRoot, 'src')), 'en', Buffer.from(files['articles/en/raw-html-note.md'])), root);
  const before = statSync(body).mtimeMs;
  warm = rebuild(root, {});
  bodyStamp = { before, after: statSync(body).mtimeMs };
}, 400_000);

describe.each([
  ['cold', () => cold],
  ['warm', () => warm],
] as const)('a %s build', (_, build) => {
  it('succeeds and prints every warning with its line from the top of the file', () => {
    expect(build().exitCode, build().output).toBe(0);
    for (const warning of warnings) expect(build().output).toContain(warning);
    expect(build().output).toMatch(/5 warning\(s\) in 2 file\(s\), listed above; warnings do not stop the build/);
  });
});

describe('the bodies', () => {
  it('are published without what the sanitizer removed', () => {
    const html = readFileSync(join(root, 'dist', articlePath('en', 'raw-html-note', new Date('2024-04-12')), 'index.html'), 'utf8');
    expect(html).toContain('Last paragraph.');
    expect(html).not.toMatch(/<form|onclick/);
  });

  it('are rendered once: the warm build reuses what the cold build (its check) rendered', () => {
    expect(bodyStamp.after).toBe(bodyStamp.before);
  });
});

describe('raw HTML that swallows the rest of an article', () => {
  it('stops the build, naming the file and the line where it opens', () => {
    const text = fixture('sanitizer-warnings-every-time/articles/en/raw-html-note.md').replace('First paragraph.', 'First paragraph.\n\n<style>\np { color: red }');
    const failed = rebuild(root, { 'articles/en/unclosed-style.md': text + nonce });
    expect(failed.exitCode).not.toBe(0);
    expect(failed.output).toMatch(/content\/articles\/en\/unclosed-style\.md: body: line 15: <style> is never closed, so everything after it \(lines 15–\d+, the rest of the article\) would be removed with it; add <\/style>/);
    expect(failed.output).toMatch(/Content check failed: 1 problem\(s\) in 1 file\(s\)/);
  }, 200_000);
});
