/**
 * Isolating Latin text inside right-to-left text.
 *
 * In a Dari sentence, a run of Latin text or ASCII digits ("AMAN-2013",
 * "42 MW", "CASA-1000:") pulls neighbouring neutral characters (the Dari
 * comma "،", parentheses, a colon) into its own left-to-right run, so they
 * land on the wrong side. Wrapping the run in `<bdi>` keeps them where a Dari
 * reader expects. Article bodies get this from `markdown/rehype-bidi.ts`,
 * titles and standfirsts from `components/BidiText.astro`; both split text here.
 */

/**
 * A Latin run: words (optionally led by a number) joined by spaces or inner
 * punctuation, ending on a letter or digit; or an ASCII number with its
 * separators. Trailing punctuation is left outside, where it belongs.
 */
export const LATIN_RUN =
  /(?:[0-9][0-9.,]*\s?)?[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F]*(?:[\s.,\-/:&'’+@#%?=]+[\w\u00C0-\u024F]+)*|[0-9]+(?:[.,/:\-][0-9]+)*/g;

export interface Segment {
  readonly text: string;
  /** True for a Latin run that needs isolating. */
  readonly latin: boolean;
}

/**
 * Splits text into plain segments and Latin runs.
 * @example latinSegments('در AMAN-2013، تمرین').map((s) => s.latin) // [false, true, false]
 */
export function latinSegments(value: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of value.matchAll(LATIN_RUN)) {
    if (match.index > last) out.push({ text: value.slice(last, match.index), latin: false });
    out.push({ text: match[0], latin: true });
    last = match.index + match[0].length;
  }
  if (last < value.length) out.push({ text: value.slice(last), latin: false });
  return out;
}
