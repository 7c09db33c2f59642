/**
 * The rendered-body cache's key: a change to the code a render runs
 * re-renders every body; a change anywhere else in src/ (a template, the
 * search page's script) keeps them, so a 10,000-article site is not
 * re-rendered for a change no body can see.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moduleGraph, pipelineFingerprint } from '../../src/markdown/rendered-body.ts';

const projectRoot = join(import.meta.dirname, '../..');
const copy = mkdtempSync(join(tmpdir(), 'aa-fingerprint-'));
cpSync(join(projectRoot, 'src'), join(copy, 'src'), { recursive: true });
cpSync(join(projectRoot, 'package-lock.json'), join(copy, 'package-lock.json'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const src = join(copy, 'src');
const fingerprint = () => pipelineFingerprint(copy, src);
function append(file: string, text: string) {
  writeFileSync(join(src, file), readFileSync(join(src, file), 'utf8') + text);
}

describe('pipelineFingerprint', () => {
  it('follows the render worker’s imports through the plugins to what they import', () => {
    const graph = moduleGraph(join(src, 'markdown/render-worker.ts')).map((f) => f.slice(src.length + 1));
    expect(graph).toEqual(expect.arrayContaining(['markdown/render-worker.ts', 'markdown/pipeline.ts', 'markdown/sanitize-schema.ts', 'utils/bidi.ts', 'i18n/locales.ts']));
    // Not what only pages, the check or the search page use.
    expect(graph).not.toContain('search/client.ts');
    expect(graph).not.toContain('validation/check.ts');
    expect(graph.filter((f) => !/\.(?:ts|json)$/.test(f))).toEqual([]);
  });

  it('stays the same when code outside the pipeline changes', () => {
    const before = fingerprint();
    append('search/client.ts', '\n// a change the bodies cannot see\n');
    append('components/Byline.astro', '\n<!-- nor this -->\n');
    expect(fingerprint()).toBe(before);
  });

  it('changes with a plugin, with a module a plugin imports, and with the lockfile', () => {
    let last = fingerprint();
    for (const file of ['markdown/sanitize-schema.ts', 'utils/bidi.ts', 'i18n/locales.ts']) {
      append(file, '\n// changed\n');
      const now = fingerprint();
      expect(now, file).not.toBe(last);
      last = now;
    }
    writeFileSync(join(copy, 'package-lock.json'), readFileSync(join(copy, 'package-lock.json'), 'utf8') + '\n');
    expect(fingerprint()).not.toBe(last);
  });

  it('names the module and the import when a relative import points nowhere', () => {
    append('markdown/pipeline.ts', "\nimport './gone.ts';\n");
    expect(() => fingerprint()).toThrow(/pipeline\.ts: imports \.\/gone\.ts, which does not exist/);
  });
});
