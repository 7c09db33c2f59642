/**
 * The check's body pass (`src/validation/bodies.ts`): what the sanitizer
 * removes, leftovers from other site generators, raw HTML that swallows the
 * rest of the article, and links that lead nowhere on the site, each with its
 * line counted from the top of the file, on every run.
 */
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyDigest, bodyFile, pipelineFingerprint, reportFile } from '../../src/markdown/rendered-body.ts';
import { checkContent, formatProblem, summarize, type Problem } from '../../src/validation/check.ts';
import { runCheck } from '../../src/validation/run-check.ts';
import { projectRoot } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp.ts';

const fixtures = join(projectRoot, 'tests/fixtures/body');

/** `npm run check` on a content root, in this process (what scripts/check.ts runs). */
async function check(root: string) {
  const run = await runCheck([root], { cwd: projectRoot });
  return { status: run.exitCode, stderr: run.stderr, stdout: run.stdout };
}

/** A copy of a case, with a paragraph no earlier run has seen appended, so its first check renders it. */
function freshCopy(name: string): string {
  const root = tempDir(`aa-body-${name}-`);
  cpSync(join(fixtures, name), root, { recursive: true });
  return root;
}
function appendNonce(file: string): void {
  writeFileSync(file, `${readFileSync(file, 'utf8')}\nRun ${process.pid}-${Date.now()}-${Math.random()}.\n`);
}

const frontmatter = (title: string, extra: string[] = []) =>
  ['---', `title: "${title}"`, 'dek: "A dek."', 'authors: ["Test Writer"]', 'date: 2024-04-12', 'sources:', '  - name: "Example"', '    url: "https://example.org/x"', 'tags: ["Testing"]', ...extra, '---', ''].join('\n');
/** The frontmatter above takes 10 lines, then a blank line: a body's first line is line 12. */
const FIRST_BODY_LINE = 12;

function write(root: string, rel: string, text: string): void {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
}

const bodyLines = (problems: readonly Problem[], file: string) => problems.filter((p) => p.file.endsWith(file) && p.field === 'body');

describe('sanitizer warnings (case sanitizer-warnings-every-time)', () => {
  it('are printed by every check, cold and warm, with lines from the top of the file; warnings do not fail it', async () => {
    const root = freshCopy('sanitizer-warnings-every-time');
    const file = join(root, 'articles/en/raw-html-note.md');
    appendNonce(file);
    const expected = [
      '/articles/en/raw-html-note.md: body: line 15: warning: removed <form> and its content',
      '/articles/en/raw-html-note.md: body: line 17: warning: removed onclick="alert(1)" from <span>',
    ];
    const digest = bodyDigest(pipelineFingerprint(projectRoot, join(projectRoot, 'src')), 'en', readFileSync(file));
    const body = bodyFile(digest, projectRoot);
    for (const run of ['cold', 'warm']) {
      const { status, stderr, stdout } = await check(root);
      expect(status, `${run}: ${stderr}`).toBe(0);
      const lines = stderr.split('\n').filter((l) => l.includes(': body: '));
      // Paths are shown relative to the working folder; the temp copy is elsewhere, so compare the tails.
      expect(lines.map((l) => l.slice(l.indexOf('/articles/'))), run).toEqual(expected);
      expect(stdout).toMatch(/all files pass, with 2 warnings in 1 file/);
      if (run === 'cold') expect(statSync(reportFile(body)).isFile()).toBe(true);
    }
  }, 120_000);

  it('render each version of a body once: a second check reads the cached report', async () => {
    const root = freshCopy('sanitizer-warnings-every-time');
    const file = join(root, 'articles/en/raw-html-note.md');
    appendNonce(file);
    const first = await checkContent(root);
    const digest = bodyDigest(pipelineFingerprint(projectRoot, join(projectRoot, 'src')), 'en', readFileSync(file));
    const stamp = statSync(bodyFile(digest, projectRoot)).mtimeMs;
    const second = await checkContent(root);
    expect(second).toEqual(first);
    expect(statSync(bodyFile(digest, projectRoot)).mtimeMs).toBe(stamp);
  }, 120_000);
});

describe('leftovers from other generators (case legacy-syntax-leftovers)', () => {
  it('warns, with file and line, about Kramdown, Liquid and a link that leads nowhere', async () => {
    const root = freshCopy('legacy-syntax-leftovers');
    appendNonce(join(root, 'articles/fa/baqimanda-qalib.md'));
    for (const run of ['cold', 'warm']) {
      const { status, stderr } = await check(root);
      expect(status, run).toBe(0);
      const lines = stderr.split('\n').filter((l) => l.includes('baqimanda-qalib.md: body: '));
      expect(lines, run).toHaveLength(3);
      expect(lines[0]).toMatch(/: body: line 14: warning: "\{: \.center\}" is a Kramdown attribute list/);
      expect(lines[1]).toMatch(/: body: line 16: warning: "\{% include note\.html content="یادداشت" %\}" is a Liquid tag/);
      expect(lines[2]).toMatch(/: body: line 18: warning: the link to \/2015\/05\/old-post\.html leads to no page of this site/);
    }
  }, 120_000);

  it('finds every kind, in prose, headings, lists and tables, but not in code', async () => {
    const root = tempDir('aa-leftovers-');
    const body = [
      '## A heading {#custom-id}', // 12
      '',
      '* TOC', // 14
      '{:toc}', // 15
      '',
      'A paragraph.', // 17
      '{: .lead #intro}', // 18
      '',
      'Site: {{ site.baseurl }} and {{ page.title | escape }}.', // 20
      '',
      '{{< figure src="/a.jpg" caption="x" >}}', // 22
      '',
      '{{% notice info %}}Hugo{{% /notice %}}', // 24
      '',
      '| a | b |', // 26
      '| - | - |',
      '| {% raw %} | x |', // 28
      '',
      'Inline code `{% raw %}` and `{{ x }}` is fine.', // 30
      '',
      '```liquid',
      '{% highlight ruby %}',
      '```',
      '',
      '{::options parse_block_html="true" /}', // 36
      '',
      `Run ${Math.random()}.`,
    ].join('\n');
    write(root, 'articles/en/leftovers.md', `${frontmatter('Leftovers')}\n${body}\n`);
    const problems = bodyLines(await checkContent(root), 'leftovers.md');
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.map((p) => p.line)).toEqual([12, 15, 18, 20, 20, 22, 24, 24, 28, 36]);
    expect(problems[1]!.message).toMatch(/\{:toc\}.*delete it, and the "\* TOC" list item/);
    expect(problems[5]!.message).toMatch(/Hugo shortcode/);
  }, 120_000);
});

describe('raw HTML that swallows the rest of the article', () => {
  const swallowing = ['style', 'script', 'textarea', 'title', 'xmp', 'iframe', 'noscript', 'noembed', 'noframes', 'template', 'form', 'select', 'object', 'video', 'svg'];

  it('is an error naming the line where it opens, for every element the sanitizer removes with its content, and for <!--', async () => {
    const root = tempDir('aa-unclosed-');
    const nonce = `Run ${Math.random()}.`;
    const rest = `\n\nSecond paragraph.\n\n## A heading\n\nLast paragraph. ${nonce}\n`;
    for (const tag of swallowing) write(root, `articles/en/open-${tag}.md`, `${frontmatter(tag)}\nFirst paragraph.\n\n<${tag}>${rest}`);
    write(root, 'articles/en/open-comment.md', `${frontmatter('comment')}\nFirst paragraph.\n\n<!-- a note${rest}`);
    write(root, 'articles/fa/open-plaintext.md', `${frontmatter('plaintext')}\nبند نخست.\n\n<plaintext>${rest}`);
    const { status, stderr } = await check(root);
    expect(status).toBe(1);
    const line = FIRST_BODY_LINE + 2;
    for (const tag of swallowing) {
      expect(stderr, tag).toMatch(new RegExp(`open-${tag}\\.md: body: line ${line}: <${tag}> is never closed, so everything after it \\(lines ${line}–\\d+[^)]*\\) would be removed with it; add </${tag}>`));
    }
    expect(stderr).toMatch(new RegExp(`open-comment\\.md: body: line ${line}: an HTML comment \\(<!--\\) is never closed, so everything after it \\(lines ${line}–${line + 6}, the rest of the article\\) would be hidden`));
    expect(stderr).toMatch(new RegExp(`open-plaintext\\.md: body: line ${line}: <plaintext> can never be closed`));
    expect(stderr).toMatch(new RegExp(`${swallowing.length + 2} problems in ${swallowing.length + 2} files`));
  }, 120_000);

  it('is only a warning when closed, inline or in its own block', async () => {
    const root = tempDir('aa-closed-');
    const body = [
      '<style>', // 12
      'p { color: red }',
      '',
      '</style>',
      '',
      'Text <script>alert(1)</script> and <!-- a note --> go.', // 17
      '',
      '<!--more-->', // 19
      '',
      '<!-->', // 21
      '',
      '<iframe srcdoc="x">', // 23 (with an http(s) src it would become a link: tests/unit/embeds.test.ts)
      '',
      '</iframe>',
      '',
      'Text <svg/> and a `<style>` in code.', // 27
      '',
      '```html',
      '<style>',
      '```',
      '',
      `Last ${Math.random()}.`,
    ].join('\n');
    write(root, 'articles/en/closed.md', `${frontmatter('Closed')}\n${body}\n`);
    const problems = bodyLines(await checkContent(root), 'closed.md');
    expect(problems.map((p) => `${p.line} ${p.severity}: ${p.message}`)).toEqual([
      '12 warning: removed <style> and its content (lines 12–15)',
      '17 warning: removed <script> and its content',
      '17 warning: removed an HTML comment',
      '19 warning: removed an HTML comment',
      '21 warning: removed an HTML comment',
      '23 warning: removed <iframe> and its content (lines 23–25)',
      '27 warning: removed <svg> and its content',
    ]);
  }, 120_000);
});

describe('links into the site', () => {
  it('warn when they lead to no page, with the line; pages, lists, feeds and public files pass', async () => {
    const root = tempDir('aa-links-');
    write(root, 'articles/en/target.md', `${frontmatter('Target')}\nThe target.\n`);
    write(root, 'articles/en/draft-one.md', `${frontmatter('Draft', ['draft: true'])}\nNot yet.\n`);
    const good = [
      '/en/2024/04/target/', '/en/2024/04/target', '../target/', './../target/#part', '/en/', '/fa/', '/', '/en/tags/', '/en/tags/testing/',
      '/en/authors/test-writer/', '/en/archive/', '/en/archive/2024/04/', '/en/search/', '/rss.xml', '/en/rss.xml', '/logo.png',
      'https://www.afgazad.com/en/2024/04/target/', 'http://afgazad.com/en/', '#a-heading', 'https://example.org/elsewhere', 'mailto:x@example.org',
      'chart.pdf', '/en/2024/04/target/index.html',
    ];
    const bad = ['/2015/05/old-post.html', '/en/2024/05/target/', '../missing/', '/en/tags/no-such-tag/', '/en/page/2/', 'https://www.afgazad.com/2010/01/x.html', '/en/2024/04/draft-one/', '/fa/مقاله-قدیمی/'];
    const body = [
      ...good.map((href, i) => `Good [${i}](${href}).`),
      ...bad.map((href, i) => `Bad [${i}](<${href}>).`),
      `Last ${Math.random()}.`,
    ].join('\n\n');
    write(root, 'articles/en/links.md', `${frontmatter('Links')}\n${body}\n`);
    const problems = bodyLines(await checkContent(root), 'links.md');
    const firstBad = FIRST_BODY_LINE + good.length * 2;
    expect(problems.map((p) => `${p.line} ${p.severity}: ${p.message}`)).toEqual([
      `${firstBad} warning: the link to /2015/05/old-post.html leads to no page of this site; link to the page's address on this site, or to its full address (https://…) elsewhere`,
      `${firstBad + 2} warning: the link to /en/2024/05/target/ leads to no page of this site; did you mean /en/2024/04/target/?`,
      `${firstBad + 4} warning: the link to ../missing/ leads to no page of this site; link to the page's address on this site, or to its full address (https://…) elsewhere`,
      `${firstBad + 6} warning: the link to /en/tags/no-such-tag/ leads to no page of this site; link to the page's address on this site, or to its full address (https://…) elsewhere`,
      `${firstBad + 8} warning: the link to /en/page/2/ leads to no page of this site; link to the page's address on this site, or to its full address (https://…) elsewhere`,
      `${firstBad + 10} warning: the link to https://www.afgazad.com/2010/01/x.html leads to no page of this site; link to the page's address on this site, or to its full address (https://…) elsewhere`,
      expect.stringMatching(new RegExp(`^${firstBad + 12} warning: the link to /en/2024/04/draft-one/ leads to a draft \\(.*articles/en/draft-one\\.md\\), which has no page until it is published$`)),
      `${firstBad + 14} warning: the link to /fa/مقاله-قدیمی/ leads to no page of this site; link to the page's address on this site, or to its full address (https://…) elsewhere`,
    ]);
  }, 120_000);
});

describe('output', () => {
  it('prints `file: field: line N: warning: message`, errors as before, and counts both', () => {
    const warning: Problem = { file: 'content/articles/en/x.md', field: 'body', line: 15, severity: 'warning', message: 'removed <form> and its content' };
    const error: Problem = { file: 'content/articles/en/x.md', field: 'date', message: 'is missing' };
    expect(formatProblem(warning)).toBe('content/articles/en/x.md: body: line 15: warning: removed <form> and its content');
    expect(formatProblem(error)).toBe('content/articles/en/x.md: date: is missing');
    expect(formatProblem({ ...error, field: 'body', line: 20 })).toBe('content/articles/en/x.md: body: line 20: is missing');
    expect(summarize([warning, error, { ...warning, file: 'b.md' }])).toEqual({ errors: 1, warnings: 2, errorFiles: 1, warningFiles: 2 });
  });
});
