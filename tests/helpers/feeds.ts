/**
 * Checks for built RSS feeds that do not trust the code that wrote them: a
 * strict RFC 3986 grammar for every address, and the list of every address
 * a feed holds.
 */

const unreserved = 'A-Za-z0-9\\-._~';
const subDelims = "!$&'()*+,;=";
const pct = '%[0-9A-Fa-f]{2}';
const pchar = `(?:[${unreserved}${subDelims}:@]|${pct})`;
const userinfo = `(?:(?:[${unreserved}${subDelims}:]|${pct})*@)?`;
const regName = `(?:[${unreserved}${subDelims}]|${pct})+`;

/** RFC 3986 `absolute-URI` with an authority (`scheme://host…`), and an optional fragment. */
const ABSOLUTE_URI = new RegExp(
  `^[A-Za-z][A-Za-z0-9+.-]*://${userinfo}(?:\\[[0-9A-Fa-f:.]+\\]|${regName})(?::[0-9]*)?(?:/${pchar}*)*(?:\\?(?:${pchar}|[/?])*)?(?:#(?:${pchar}|[/?])*)?$`,
);

/**
 * Why `value` is not a valid absolute http(s) URI, or undefined when it is.
 * IRIs (Dari letters, a Unicode domain) are not URIs: they must come percent-encoded and in Punycode.
 */
export function uriProblem(value: string): string | undefined {
  if (!ABSOLUTE_URI.test(value)) return `not an RFC 3986 absolute URI: ${JSON.stringify(value)}`;
  if (!/^https?:\/\//.test(value)) return `not http(s): ${value}`;
  return undefined;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * An attribute's value as XML means it. linkedom returns attribute values of
 * XML documents with their entity references still in (`a=1&amp;b=2`).
 */
export function attribute(element: Element, name: string): string | null {
  const raw = element.getAttribute(name);
  return raw?.replace(/&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g, (_, hex?: string, dec?: string, named?: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : entities[named!]!,
  ) ?? null;
}

/** Every address in a feed document: link, guid, source@url, comments, enclosure@url, atom:link@href, category@domain. */
export function feedAddresses(doc: Document): string[] {
  const text = (name: string) => [...doc.getElementsByTagName(name)].map((e) => e.textContent ?? '');
  const attr = (name: string, key: string) =>
    [...doc.getElementsByTagName(name)].map((e) => attribute(e, key)).filter((v): v is string => v !== null);
  return [
    ...text('link'),
    ...text('guid'),
    ...text('comments'),
    ...text('docs'),
    ...attr('source', 'url'),
    ...attr('enclosure', 'url'),
    ...attr('atom:link', 'href'),
    ...attr('category', 'domain'),
  ];
}
