/**
 * robots.txt, pointing crawlers at the sitemap index and the news sitemap
 * on the configured site (`SITE_URL` for staging).
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const sitemaps = ['sitemap-index.xml', 'news-sitemap.xml'].map((file) => `Sitemap: ${new URL(file, site).href}`);
  return new Response(['User-agent: *', 'Allow: /', '', ...sitemaps, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
