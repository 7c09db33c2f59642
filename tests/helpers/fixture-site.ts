/**
 * Builds a throw-away copy of the site around fixture articles: the real
 * config, layouts and pages, with `content/` replaced. The copy lives in the
 * system temp folder, so the real `content/` and `dist/` are never touched,
 * and has caches of its own (see `makeSiteCopy`), so any number of fixture
 * builds can run at once.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { makeSiteCopy } from '../../scripts/bench/site-copy.ts';
import { BUILD_TIMEOUT_MS } from './build-site.ts';
import { projectRoot } from './paths.ts';
import { tempDir } from './temp.ts';

export interface FixtureBuild {
  readonly root: string;
  readonly dist: string;
  /** Everything the build printed (stdout and stderr). */
  readonly output: string;
  readonly exitCode: number;
}

/**
 * Copies the site, without articles or build output, into a new temp folder
 * (removed when the test file is done) and returns its path. Its
 * node_modules is a folder of one link per package, so Astro's and Vite's
 * caches (node_modules/.astro, .vite) are the copy's own.
 * @example const root = copySite(); rebuild(root, { 'articles/en/a.md': text });
 */
export function copySite(): string {
  const root = tempDir('aa-site-');
  makeSiteCopy(projectRoot, root);
  return root;
}

/**
 * Builds a new copy of the site (see `copySite`) holding only `files` (paths
 * relative to the copy's `content/`); never throws on a failed build: read
 * `exitCode` and `output`.
 * @example const build = buildWithContent({ 'articles/en/a.md': text }); expect(build.exitCode).toBe(0);
 */
export function buildWithContent(files: Record<string, string | Uint8Array>): FixtureBuild {
  return rebuild(copySite(), files);
}

/**
 * Changes a copy's content and builds it again over its previous output, as
 * an editor's next build would: `files` are written (a `null` deletes one),
 * `env` is added to the build's environment.
 * @example rebuild(root, { 'articles/fa/old.md': null }, { SEARCH_SHARD_PAGES: '2' })
 */
export function rebuild(root: string, files: Record<string, string | Uint8Array | null>, env: Record<string, string> = {}): FixtureBuild {
  for (const [rel, text] of Object.entries(files)) {
    const target = join(root, 'content', rel);
    if (text === null) {
      rmSync(target);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    encoding: 'utf8',
    // Vitest sets NODE_ENV=test; the fixture must build as production does.
    env: { ...process.env, NODE_ENV: 'production', SITE_URL: '', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: BUILD_TIMEOUT_MS,
  });
  const killed = run.signal ? `\n(build killed by ${run.signal} after ${BUILD_TIMEOUT_MS / 60_000} minutes)\n` : '';
  const output = `${run.stdout}${run.stderr}${killed}`;
  const exitCode = run.status ?? 1;
  return { root, dist: join(root, 'dist'), output, exitCode };
}

/** Every HTML file of a build, relative to its dist folder. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dist, join(e.parentPath, e.name)));
}

/*
 * The SEO fixture: a second, small build of the real site code over fixture
 * articles with `SITE_URL` set. It exercises what the sample content cannot:
 * articles from the last 48 hours (news sitemap), a title full of markup and
 * quotes, a staging origin, and two versions of a piece that share their
 * date, script and section (English and German in European Languages).
 */
export const STAGING_URL = 'https://staging.example.org';

/** A title that tries to end the JSON-LD block, and every character XML and HTML escape. */
export const HOSTILE_TITLE = `"Peace" talks </script><script>alert('x')</script> & the <!-- Doha --> 'track'`;

export interface FixtureArticle {
  id: string;
  frontmatter: Record<string, unknown>;
}

const hoursAgo = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000);

/** The fixture articles, dated relative to `now` (the moment the fixture is built). */
export function fixtureArticles(now: Date): FixtureArticle[] {
  const common = { authors: ['Shabnam Nazari'], tags: ['Diplomacy'], draft: false };
  const source = { name: 'Reuters & Partners', url: 'https://www.reuters.com/world/asia-pacific/doha-talks/', title: 'Doha talks <resume>' };
  return [
    {
      id: 'en/doha-talks-resume',
      frontmatter: { ...common, title: HOSTILE_TITLE, dek: 'A dek with "quotes" & <angle brackets>.', date: hoursAgo(now, 2), updated: hoursAgo(now, 1), sources: [source], translationKey: 'doha-talks' },
    },
    {
      id: 'fa/mozakerat-doha',
      frontmatter: { ...common, authors: ['شبنم نظری'], title: 'مذاکرات «دوحه» </script> از سر گرفته شد', dek: 'گزارش کوتاه.', date: hoursAgo(now, 3), sources: [source], translationKey: 'doha-talks' },
    },
    {
      id: 'en/older-than-two-days',
      frontmatter: { ...common, title: 'Three days old', dek: 'Outside the news window.', date: hoursAgo(now, 72), sources: [{ name: 'Afghanistan Azad – Azad Afghanistan', url: 'https://www.afgazad.com/' }] },
    },
    // Same day, same script, same section: only the registry's language order tells which is the original.
    {
      id: 'en/pamir-herders',
      frontmatter: { ...common, title: 'Herders of the Pamir', dek: 'A season above the Wakhan.', date: hoursAgo(now, 96), sources: [source], translationKey: 'pamir-herders' },
    },
    {
      id: 'en/pamir-hirten',
      frontmatter: { ...common, title: 'Hirten des Pamir', dek: 'Ein Sommer über dem Wakhan.', date: hoursAgo(now, 96), lang: 'de', sources: [source], translationKey: 'pamir-herders' },
    },
    { id: 'en/still-a-draft', frontmatter: { ...common, title: 'Draft', dek: 'Not yet.', date: hoursAgo(now, 5), sources: [source], draft: true } },
    { id: 'en/scheduled', frontmatter: { ...common, title: 'Scheduled', dek: 'Tomorrow.', date: hoursAgo(now, -24), sources: [source] } },
  ];
}

function toMarkdown(frontmatter: Record<string, unknown>): string {
  // JSON is valid YAML, and Dates become ISO strings the schema accepts.
  return `---\n${JSON.stringify(frontmatter, null, 2)}\n---\n\nFixture body paragraph.\n`;
}

export interface FixtureSite {
  root: string;
  dist: string;
  builtAt: Date;
  articles: FixtureArticle[];
  cleanup(): void;
}

/**
 * Builds the SEO fixture (`fixtureArticles`, dated around now) on the staging
 * origin; throws if the build fails. Call `cleanup()` when done.
 * @example const fixture = buildFixtureSite(); pageIn(fixture.dist, '/'); fixture.cleanup();
 */
export function buildFixtureSite(): FixtureSite {
  const root = copySite();
  const builtAt = new Date();
  const articles = fixtureArticles(builtAt);
  for (const { id, frontmatter } of articles) {
    const file = join(root, 'content', 'articles', `${id}.md`);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, toMarkdown(frontmatter));
  }
  // A clean environment: a Vitest worker carries NODE_ENV=test and Vite's
  // MODE/DEV/PROD, which would make a development build (drafts included).
  execFileSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: BUILD_TIMEOUT_MS,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SITE_URL: STAGING_URL },
  });
  return { root, dist: join(root, 'dist'), builtAt, articles, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
