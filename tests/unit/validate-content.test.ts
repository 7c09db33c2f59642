/**
 * The content check inside Astro (src/integrations/validate-content.ts):
 * `astro build` stops on an error, a dev server lists problems when it starts,
 * and loading the config as a `dev` command without a server (what Vitest's
 * `getViteConfig` does on every test run) checks nothing: tests never judge
 * the editors' content/.
 */
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import validateContent from '../../src/integrations/validate-content.ts';
import { projectRoot } from '../helpers/paths.ts';

type Hooks = Required<AstroIntegration['hooks']>;

/** The integration over a bad fixture (relative to the project root), with a logger that keeps its lines. */
function integration() {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => lines.push(`${level}: ${message}`);
  const logger = { error: log('error'), warn: log('warn'), info: log('info') };
  const hooks = validateContent({ contentDir: 'tests/fixtures/invalid/missing-title' }).hooks as Hooks;
  const setup = (command: string) =>
    hooks['astro:config:setup']({ config: { root: pathToFileURL(projectRoot) }, command, logger } as unknown as Parameters<Hooks['astro:config:setup']>[0]);
  const watcher = { add: () => watcher, on: () => watcher };
  const serve = () => hooks['astro:server:setup']({ server: { watcher }, logger } as unknown as Parameters<Hooks['astro:server:setup']>[0]);
  return { lines, setup, serve };
}
const problem = expect.stringMatching(/^error: tests\/fixtures\/invalid\/missing-title\/articles\/en\/missing-title\.md: title: is missing/);

describe('the content check in Astro', () => {
  it('stops a build after listing every problem', async () => {
    const { lines, setup } = integration();
    await expect(setup('build')).rejects.toThrow(/^Content check failed: 1 problem\(s\) in 1 file\(s\)/);
    expect(lines).toEqual(expect.arrayContaining([problem]));
  });

  it('checks nothing when the config is only loaded as dev (Vitest), and lists problems when a dev server starts', async () => {
    const { lines, setup, serve } = integration();
    await setup('dev');
    expect(lines).toEqual([]);
    await serve();
    expect(lines).toEqual(expect.arrayContaining([problem]));
    expect(lines.at(-1)).toBe('warn: 1 content problem(s); the server keeps running and re-checks when you save.');
  });
});
