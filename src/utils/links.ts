/**
 * External links: one rule for body links (rehype-external-links) and source
 * links (the article layout), so both carry the same `rel` and show the
 * same domain.
 */
import { site } from '../config/site.ts';

/** `rel` for every link that leaves the site: no `window.opener`, no Referer. */
export const EXTERNAL_REL = 'noopener noreferrer';

const siteHost = new URL(site.url).hostname.replace(/^www\./, '');

/**
 * The domain a reader sees next to an external link, without `www.`; undefined
 * for links that stay on this site or are not http(s).
 * @example linkDomain('https://www.thediplomat.com/2017/01/x/') // 'thediplomat.com'
 */
export function linkDomain(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.replace(/^www\./, '');
  return host === siteHost ? undefined : host;
}

/**
 * Attributes for an external link in a template.
 * @example externalLink('https://thediplomat.com/x') // { href: 'https://thediplomat.com/x', rel: 'noopener noreferrer', domain: 'thediplomat.com' }
 */
export function externalLink(href: string): { href: string; rel?: string; domain?: string } {
  const domain = linkDomain(href);
  return domain ? { href, rel: EXTERNAL_REL, domain } : { href };
}
