/**
 * A second, small build of the real site code over fixture articles, in a
 * temporary folder, with `SITE_URL` set: it exercises what the sample
 * content cannot, namely articles from the last 48 hours (news sitemap), a
 * title full of markup and quotes, a one-sided translation link, and a
 * staging origin. Only the content and the origin differ from a real build.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';

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
      frontmatter: { ...common, title: HOSTILE_TITLE, dek: 'A dek with "quotes" & <angle brackets>.', date: hoursAgo(now, 2), updated: hoursAgo(now, 1), sources: [source], translation: 'fa/mozakerat-doha' },
    },
    {
      id: 'fa/mozakerat-doha',
      frontmatter: { ...common, authors: ['شبنم نظری'], title: 'مذاکرات «دوحه» </script> از سر گرفته شد', dek: 'گزارش کوتاه.', date: hoursAgo(now, 3), sources: [source], translation: 'en/doha-talks-resume' },
    },
    {
      id: 'en/older-than-two-days',
      frontmatter: { ...common, title: 'Three days old', dek: 'Outside the news window.', date: hoursAgo(now, 72), sources: [{ name: 'Afghanistan Azad – Azad Afghanistan', url: 'https://www.afgazad.com/' }], translation: 'fa/one-sided-partner' },
    },
    {
      id: 'fa/one-sided-partner',
      frontmatter: { ...common, title: 'یک طرفه', dek: 'این نوشته به ترجمه‌ای اشاره نمی‌کند.', date: hoursAgo(now, 80), sources: [source] },
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

export function buildFixtureSite(): FixtureSite {
  const root = mkdtempSync(join(tmpdir(), 'aa-seo-fixture-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
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
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SITE_URL: STAGING_URL },
  });
  return { root, dist: join(root, 'dist'), builtAt, articles, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
