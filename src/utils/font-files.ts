/**
 * Which web-font files a built page needs, read from the page itself, so
 * each can be preloaded (`src/middleware.ts`) instead of being found by the
 * browser only after it has laid the page out once.
 *
 * A family declared as several `@font-face` files split by `unicode-range`
 * (Vazirmatn: its Persian-script cut and its Latin file, `src/styles/fonts.css`)
 * is fetched file by file as the page's text needs them (CSS Fonts 4 §4.5,
 * "Character range"): for each character the browser takes the last declared
 * face whose range holds it. A file found that way comes after the first
 * layout, and its arrival lays the whole page out again and shifts it;
 * preloaded, it comes with the others and the page is laid out once with it.
 */
import { Parser } from 'htmlparser2';

/** One `@font-face` rule: its family, the `src` URL as written, and its unicode-range as inclusive code point pairs. */
export interface FontFaceRule {
  family: string;
  src: string;
  ranges: readonly (readonly [number, number])[];
}

/**
 * The `@font-face` rules of a stylesheet, in declaration order. A rule with
 * no `unicode-range` covers every code point (U+0-10FFFF, the CSS default);
 * a `?` wildcard (U+4??) stands for 0 at the start and F at the end.
 * @example parseFontFaces("@font-face{font-family:'V';src:url(v.woff2);unicode-range:U+0600-06FF, U+20}")
 *   // [{ family: 'V', src: 'v.woff2', ranges: [[0x600, 0x6ff], [0x20, 0x20]] }]
 */
export function parseFontFaces(css: string): FontFaceRule[] {
  const rules: FontFaceRule[] = [];
  for (const [, body] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const family = /font-family\s*:\s*['"]?([^'";]+?)['"]?\s*;/.exec(body!)?.[1];
    const src = /src\s*:\s*url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(body!)?.[1];
    if (!family || !src) continue;
    const range = /unicode-range\s*:\s*([^;]+)/.exec(body!)?.[1];
    const ranges = range
      ? range.split(',').map((part): [number, number] => {
          const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
          return to === undefined
            ? [parseInt(from!.replace(/\?/g, '0'), 16), parseInt(from!.replace(/\?/g, 'F'), 16)]
            : [parseInt(from!, 16), parseInt(to, 16)];
        })
      : [[0, 0x10ffff] as [number, number]];
    rules.push({ family, src, ranges });
  }
  return rules;
}

/**
 * The `src` of each of a family's faces that the text draws with, by the
 * rule browsers follow: for each character, the last declared face whose
 * unicode-range holds it (none: the next family in the stack draws it).
 * Whitespace other than the faces' own space counts like any character.
 * @example facesFor(faces, 'کابل.') // Set { '<the Persian-script file>' }
 */
export function facesFor(faces: readonly FontFaceRule[], text: string): Set<string> {
  const used = new Set<string>();
  const seen = new Set<number>();
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (seen.has(c)) continue;
    seen.add(c);
    for (let i = faces.length - 1; i >= 0; i--) {
      if (faces[i]!.ranges.some(([from, to]) => c >= from && c <= to)) {
        used.add(faces[i]!.src);
        break;
      }
    }
  }
  return used;
}

/** Elements whose text is never drawn. */
const UNDRAWN = new Set(['script', 'style', 'template', 'head', 'title']);

/**
 * The text of an HTML page that is set in one writing system, following
 * `data-script` (the attribute the style sheet picks a face by,
 * `src/styles/global.css`): text inside an element with `data-script="Arab"`,
 * or inherited from `<html data-script>`, and not inside a nearer element
 * marked otherwise. Text of `<script>`, `<style>`, `<template>` and `<head>`
 * is left out; hidden text (`visually-hidden`) is kept, as browsers lay it out
 * and fetch its fonts.
 * @example textInScript('<p>a <span data-script="Arab">کابل</span></p>', 'Arab') // 'کابل'
 */
export function textInScript(html: string, script: string): string {
  const stack: { script: string | undefined; undrawn: boolean }[] = [{ script: undefined, undrawn: false }];
  let text = '';
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const top = stack.at(-1)!;
        stack.push({ script: attribs['data-script'] ?? top.script, undrawn: top.undrawn || UNDRAWN.has(name) });
      },
      ontext(data) {
        const top = stack.at(-1)!;
        if (!top.undrawn && top.script === script) text += data;
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text;
}

/** The writing system the self-hosted faces draw (`[data-script='Arab']` in global.css); every other script uses system fonts. */
const WEB_FONT_SCRIPT = 'Arab';

/**
 * The `<link rel="preload">` tags for the font files an HTML page's text
 * needs, the last declared first: empty when the page
 * declares no `@font-face` inline or its text needs none.
 * @example preloadsFor(html) // '<link rel="preload" href="/_astro/Vazirmatn-NL_wght_.x.woff2" as="font" type="font/woff2" crossorigin>'
 */
export function preloadsFor(html: string): string {
  const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  const faces = parseFontFaces(css);
  if (faces.length === 0) return '';
  const needed = facesFor(faces, textInScript(html, WEB_FONT_SCRIPT));
  // Last declared first: the face that wins where ranges overlap draws most of the text.
  return [...new Set(faces.map((f) => f.src))]
    .reverse()
    .filter((src) => needed.has(src))
    .map((src) => `<link rel="preload" href="${src}" as="font" type="font/woff2" crossorigin>`)
    .join('');
}
