/**
 * The Node.js floor (scripts/require-node.cjs): every npm script checks it
 * first, and on an older Node stops with one line instead of a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp.ts';

interface Guard {
  satisfies(version: string, range: string): boolean;
  describeRange(range: string): string;
  problem(version: string, range: string): string | undefined;
  floor(): string;
}
const guard = createRequire(import.meta.url)('../../scripts/require-node.cjs') as Guard;
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
const GUARD = 'node scripts/require-node.cjs && ';

/** A `node` on this machine older than the floor (CI machines ship Node 20), if there is one. */
function oldNode(): { node: string; version: string } | undefined {
  const candidates = [...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'node')), '/usr/bin/node', '/usr/local/bin/node'];
  for (const node of candidates) {
    if (!existsSync(node)) continue;
    const version = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim();
    if (version && !guard.satisfies(version, manifest.engines.node)) return { node, version };
  }
  return undefined;
}

/** npm's own script, to run it under another Node. */
function npmCli(): string | undefined {
  if (process.env.npm_execpath?.endsWith('.js')) return process.env.npm_execpath;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const npm = join(dir, 'npm');
    if (existsSync(npm) && realpathSync(npm).endsWith('.js')) return realpathSync(npm);
  }
  return undefined;
}

describe('the Node.js floor', () => {
  it('is the one engines.node states: 22.18 on the 22 line, 23.6 on 23 (where type stripping needs no flag)', () => {
    expect(guard.floor()).toBe(manifest.engines.node);
    const cases: Array<[string, boolean]> = [
      ['20.19.0', false],
      ['22.12.0', false],
      ['22.17.1', false],
      ['22.18.0', true],
      ['22.22.1', true],
      ['23.5.0', false],
      ['23.6.0', true],
      ['24.0.0', true],
      ['26.1.0', true],
    ];
    for (const [version, ok] of cases) expect(guard.satisfies(version, manifest.engines.node), version).toBe(ok);
    expect(guard.describeRange(manifest.engines.node)).toBe('22.18 or a later 22.x, or 23.6 or later');
  });

  it('is checked first by every npm script', () => {
    for (const [name, command] of Object.entries(manifest.scripts)) expect(command.startsWith(GUARD), name).toBe(true);
  });

  it('says in one line which version is needed, which one runs, and where to get it', () => {
    const line = guard.problem('20.19.0', manifest.engines.node)!;
    expect(line).not.toContain('\n');
    expect(line).toContain('22.18');
    expect(line).toContain('this is Node.js 20.19.0');
    expect(line).toContain('https://nodejs.org/');
    expect(guard.problem(process.versions.node, manifest.engines.node)).toBeUndefined();
  });

  it('refuses a range it does not understand rather than letting every Node through', () => {
    expect(() => guard.satisfies('24.0.0', '~22.18')).toThrow(/understands engines\.node ranges like/);
  });

  it('lets the running Node through without a word', () => {
    const r = spawnSync(process.execPath, ['scripts/require-node.cjs'], { cwd: projectRoot, encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  const old = oldNode();
  const npm = npmCli();
  /** PATH with the old `node` first, as on an editor's machine (`node` in the scripts resolves through it). */
  const oldPath = () => {
    const bin = tempDir('aa-old-node-');
    symlinkSync(old!.node, join(bin, 'node'));
    return `${bin}${delimiter}${join(projectRoot, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}`;
  };

  it.skipIf(!old)('stops every npm script on an older Node with that one line and no stack trace', () => {
    const env = { ...process.env, PATH: oldPath() };
    // What npm runs: the script's command in a shell, with node_modules/.bin on PATH.
    for (const [name, command] of Object.entries(manifest.scripts)) {
      const r = spawnSync('sh', ['-c', command], { cwd: projectRoot, env, encoding: 'utf8', timeout: 60_000 });
      expect(r.status, name).toBe(1);
      expect(r.stderr.trim(), name).toBe(guard.problem(old!.version, manifest.engines.node));
      expect(r.stdout, name).toBe('');
    }
  }, 240_000);

  it.skipIf(!old || !npm)('says only that line under npm itself (npm run check on the older Node)', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: oldPath(), NO_COLOR: '1' };
    delete env.npm_execpath;
    const r = spawnSync(old!.node, [npm!, 'run', '--silent', 'check'], { cwd: projectRoot, env, encoding: 'utf8', timeout: 120_000 });
    expect([r.status, r.stderr.trim(), r.stdout]).toEqual([1, guard.problem(old!.version, manifest.engines.node), '']);
  }, 240_000);
});
