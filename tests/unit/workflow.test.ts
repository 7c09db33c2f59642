/**
 * The GitHub Actions workflow that publishes the site: built on push and
 * every hour (scheduled articles, the 48-hour news sitemap), Node from
 * engines, the build caches kept between runs, nothing fetched but npm
 * packages and GitHub's own actions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/paths.ts';

interface Step { uses?: string; run?: string; with?: Record<string, string> }
const workflow = parse(readFileSync(join(projectRoot, '.github', 'workflows', 'build.yml'), 'utf8')) as {
  on: { push: unknown; schedule: { cron: string }[] };
  jobs: { build: { steps: Step[] } };
};
const steps = workflow.jobs.build.steps;
const index = (match: (s: Step) => boolean) => steps.findIndex(match);

describe('.github/workflows/build.yml', () => {
  it('builds on push and every hour', () => {
    expect(workflow.on).toHaveProperty('push');
    expect(workflow.on.schedule.map((s) => s.cron)).toEqual([expect.stringMatching(/^\d{1,2} \* \* \* \*$/)]);
  });

  it('takes Node from engines in package.json, and runs npm ci, the check and the build in that order', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version-file']).toBe('package.json');
    const order = ['npm ci', 'npm run check', 'npm run build'].map((cmd) => index((s) => s.run?.startsWith(cmd) ?? false));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('keeps Astro\'s cache, .astro/ and dist/ between runs, restored after npm ci (which empties node_modules)', () => {
    const cache = index((s) => s.uses?.startsWith('actions/cache@') ?? false);
    const paths = steps[cache]!.with!.path!.split('\n').map((p) => p.trim()).filter(Boolean);
    expect(paths).toEqual(expect.arrayContaining(['node_modules/.astro', '.astro', 'dist']));
    expect(cache).toBeGreaterThan(index((s) => s.run?.startsWith('npm ci') ?? false));
    expect(cache).toBeLessThan(index((s) => s.run?.startsWith('npm run build') ?? false));
    // A new entry per run (entries are immutable), restored by prefix.
    expect(steps[cache]!.with!.key).toContain('github.run_id');
    expect(steps[cache]!.with!['restore-keys']).toBeTruthy();
  });

  it('uses only GitHub\'s own actions', () => {
    expect(steps.flatMap((s) => (s.uses ? [s.uses] : [])).filter((u) => !u.startsWith('actions/'))).toEqual([]);
  });
});
