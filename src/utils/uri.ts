/**
 * Addresses as strict URIs (RFC 3986), for the places that need one rather
 * than what a browser accepts: feeds and other XML that readers parse.
 * Editors paste addresses as browsers show them (Dari letters in the path,
 * a Unicode domain name); those are IRIs, not URIs.
 */

/**
 * A `%` that starts no escape, or a character RFC 3986 does not allow in a
 * path, query or fragment (its pchar, "/" and "?"); `u` so that a character
 * outside the BMP is one match.
 */
const NOT_URI = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/gu;

/** Percent-encodes what RFC 3986 does not allow, as UTF-8; keeps existing escapes. */
const escapeRest = (part: string) => part.replace(NOT_URI, (c) => (c === '%' ? '%25' : encodeURIComponent(c)));

/**
 * `url` as an absolute URI: the host in Punycode (IDNA), every other
 * character outside RFC 3986's set percent-encoded as UTF-8, and a `%` that
 * starts no escape written `%25`. Escapes already present are kept, so
 * applying it twice changes nothing. The WHATWG URL parser does most of this;
 * it leaves `|`, `^`, `[`, `]`, `{`, `}` and a stray `%` in paths and queries,
 * which RFC 3986 does not allow there.
 * @throws TypeError when `url` is not an absolute URL.
 * @example toUri('https://www.bbc.com/persian/افغانستان') // 'https://www.bbc.com/persian/%D8%A7%D9%81%D8%BA%D8%A7%D9%86%D8%B3%D8%AA%D8%A7%D9%86'
 * @example toUri('https://bücher.example/a|b') // 'https://xn--bcher-kva.example/a%7Cb'
 */
export function toUri(url: string): string {
  const u = new URL(url);
  const userinfo = u.username || u.password ? `${escapeRest(u.username)}${u.password ? `:${escapeRest(u.password)}` : ''}@` : '';
  const authority = u.host ? `//${userinfo}${u.host}` : '';
  const query = u.search ? `?${escapeRest(u.search.slice(1))}` : '';
  const fragment = u.hash ? `#${escapeRest(u.hash.slice(1))}` : '';
  return `${u.protocol}${authority}${escapeRest(u.pathname)}${query}${fragment}`;
}
