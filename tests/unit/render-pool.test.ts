/**
 * The Markdown render pool (src/markdown/render-pool.ts), with stand-in
 * workers (tests/fixtures/workers/): the check keeps one pool between checks,
 * so a pool must start no more workers than it needs, outlive a worker that
 * dies, never hang, and never keep a finished process alive.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RenderPool } from '../../src/markdown/render-pool.ts';
import type { RenderJob } from '../../src/markdown/rendered-body.ts';
import { projectRoot } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp.ts';

const worker = pathToFileURL(join(projectRoot, 'tests/fixtures/workers/stand-in-worker.mjs'));
const failing = pathToFileURL(join(projectRoot, 'tests/fixtures/workers/failing-worker.mjs'));

/** Jobs whose outFiles are in a new folder; `section` "die" ends the worker that takes it. */
function jobs(sections: string[]): RenderJob[] {
  const dir = tempDir('aa-pool-');
  // The same seq for all: callers sharing a pool each number their own jobs from 0.
  return sections.map((section, i) => ({ seq: 0, section, contents: '', filePath: `${dir}/${i}.md`, outFile: join(dir, `${i}.json`) }));
}
const renderedBy = (job: RenderJob) => readFileSync(job.outFile, 'utf8');

describe('the render pool', () => {
  it('renders every job once, however callers number them, and starts one worker for one job', async () => {
    const pool = new RenderPool(worker, 2);
    try {
      const [one] = jobs(['en']);
      await pool.run(one!);
      const many = jobs(['en', 'fa', 'en', 'fa', 'en', 'fa']);
      await Promise.all(many.map((job) => pool.run(job)));
      const threads = new Set(many.map(renderedBy));
      expect(threads.size).toBe(2);
      expect(threads).toContain(renderedBy(one!));
    } finally {
      await pool.close();
    }
  });

  it('fails the job of a worker that dies, and renders the rest in a new one', async () => {
    const pool = new RenderPool(worker, 1);
    try {
      const [first, dies, after] = jobs(['en', 'die', 'en']);
      await pool.run(first!);
      const results = await Promise.allSettled([dies, after].map((job) => pool.run(job!)));
      expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: 'the Markdown worker stopped (exit code 3)' } });
      expect(results[1]).toEqual({ status: 'fulfilled', value: undefined });
      expect(renderedBy(after!)).not.toBe(renderedBy(first!));
    } finally {
      await pool.close();
    }
  });

  it('fails every job, rather than hang or start worker after worker, when no worker can load', async () => {
    const pool = new RenderPool(failing, 2);
    try {
      const results = await Promise.allSettled(jobs(['en', 'fa', 'en', 'fa', 'en']).map((job) => pool.run(job)));
      for (const result of results) expect(result).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('the pipeline cannot load') } });
    } finally {
      await pool.close();
    }
  });

  // A process of its own: what is tested is that the process ends.
  it('lets a process end while its workers are idle, without close()', () => {
    const [job] = jobs(['en']);
    const script = `
      const { RenderPool } = await import(${JSON.stringify(pathToFileURL(join(projectRoot, 'src/markdown/render-pool.ts')).href)});
      const pool = new RenderPool(new URL(${JSON.stringify(worker.href)}));
      await pool.run(${JSON.stringify(job)});
      console.log('rendered');`;
    const file = join(tempDir('aa-pool-script-'), 'render-one.mjs');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
    expect([run.status, run.signal, run.stdout, run.stderr]).toEqual([0, null, 'rendered\n', '']);
  });
});
