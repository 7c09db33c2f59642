/**
 * The suite judges the site's code, never the editors' articles (issue 10):
 * build and browser tests read a site built from fixtures the tests own, so
 * a long article, a picture or trailing spaces in content/ can never fail
 * `npm test`; `npm run check` alone says what is wrong with an article. Each
 * test file sits in the folder of its Vitest project, and fixture builds
 * running at once never share a cache.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODIES_DIR } from '../../src/markdown/rendered-body.ts';
import { sectionKeys } from '../../src/i18n/locales.ts';
import { copySite } from '../helpers/fixture-site.ts';
import { contentDir, distDir, projectRoot, siteFixtureDir, testSiteRoot } from '../helpers/paths.ts';

const testsDir = join(projectRoot, 'tests');
const fixturesDir = join(testsDir, 'fixtures');
const inside = (dir: string, path: string) => !relative(dir, path).startsWith('..');

/** The suite's own code: test files and helpers, not fixtures. */
const sources = readdirSync(testsDir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.[cm]?[jt]s$/.test(e.name))
  .map((e) => join(e.parentPath, e.name))
  .filter((file) => !inside(fixturesDir, file));

/**
 * Ways a test could reach the project's own articles or build output: a path
 * joined to the project root, climbed to with `../`, or handed as a relative
 * path to a call (the suite runs in the project folder; `getAttribute('content')`
 * is a <meta> attribute). A guard against
 * slips, not a proof; paths.ts says where the test site is.
 */
const projectReads: RegExp[] = [
  /projectRoot\s*,\s*['"`](?:\.\/)?(?:content|dist)\b/,
  /['"`](?:\.\.\/)+(?:content|dist)\b/,
  /(?<!Attribute)\(\s*['"`](?:\.\/)?(?:content|dist)(?:\/[^'"`\s:]*)?['"`]\s*[,)]/,
];

describe('the test suite', () => {
  it('builds its site from tests/fixtures/site/, outside the project and its dist/', () => {
    expect(inside(siteFixtureDir, contentDir)).toBe(true);
    expect(inside(projectRoot, testSiteRoot), testSiteRoot).toBe(false);
    expect(inside(testSiteRoot, distDir)).toBe(true);
    expect(readdirSync(contentDir).sort()).toEqual([...sectionKeys].sort());
  });

  it('never reads the project\'s content/ or dist/', () => {
    const found = sources.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (projectReads.some((re) => re.test(line)) ? [`${relative(projectRoot, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('keeps every test file in the folder of its project (unit, build, browser)', () => {
    const misplaced = sources
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => relative(testsDir, file).split(sep))
      .filter(([folder, ...rest]) => !['unit', 'build', 'browser'].includes(folder!) || rest.length === 0)
      .map((parts) => parts.join('/'));
    expect(misplaced).toEqual([]);
  });

  it('gives every fixture copy caches of its own, so builds at the same time never delete each other\'s bodies', () => {
    const [a, b] = [copySite(), copySite()];
    for (const root of [a, b]) {
      // A real folder of package links: what Astro writes under node_modules/ stays in the copy.
      expect(lstatSync(join(root, 'node_modules')).isSymbolicLink()).toBe(false);
      expect(existsSync(join(root, 'node_modules', '.astro'))).toBe(false);
      expect(realpathSync(join(root, 'node_modules', 'astro'))).toBe(realpathSync(join(projectRoot, 'node_modules', 'astro')));
      expect(existsSync(join(root, 'content', 'articles')), 'no article of the project is copied').toBe(false);
    }
    // Where the article loader writes its rendered bodies (src/markdown/rendered-body.ts).
    mkdirSync(join(a, BODIES_DIR), { recursive: true });
    writeFileSync(join(a, BODIES_DIR, 'probe.json'), '{}');
    expect(existsSync(join(b, BODIES_DIR, 'probe.json'))).toBe(false);
    expect(existsSync(join(projectRoot, BODIES_DIR, 'probe.json'))).toBe(false);
  });
});
