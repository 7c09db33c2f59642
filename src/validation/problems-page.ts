/**
 * The page `npm run dev` shows in place of any page of the site while a
 * content file fails the check (src/integrations/validate-content.ts): each
 * error with its file, line, field and message, and the line of the file it
 * is about, so an editor sees the mistake in the browser instead of the last
 * version that passed.
 *
 * Why a page of our own rather than Astro's error overlay: the overlay is
 * filled in by the browser from a WebSocket message Astro sends a moment
 * after the response (`handle500Response`), an internal API, and shows
 * nothing to a page loaded a second time or without JavaScript. This page is
 * plain HTML from the server, readable by a test with `fetch`; its one
 * script (Vite's client) only reloads it when a file is saved.
 *
 * In the tools' language (English, `toolsTag`), left to right; the editor's
 * own text (Dari titles, the quoted line) is isolated with `dir="auto"`.
 */
import { toolsTag } from '../i18n/locales.ts';
import { isError, type Problem } from './check.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The HTML of the page, or `undefined` when no problem is an error
 * (warnings never stop a build, so they never hide a page).
 * @param lineOf the text of line `line` (1-based) of `file` as shown in the
 *   problem, or undefined if it cannot be read; shown under the message
 * @example problemsPage([{ file: 'content/articles/en/a.md', field: 'frontmatter', line: 2, message: 'broken YAML: …' }])
 * // '<!doctype html><html lang=…(toolsTag) dir="ltr">…<title>Content check: 1 problem</title>…'
 */
export function problemsPage(problems: readonly Problem[], lineOf: (file: string, line: number) => string | undefined = () => undefined): string | undefined {
  const errors = problems.filter(isError);
  if (errors.length === 0) return undefined;
  const title = `Content check: ${errors.length} problem${errors.length === 1 ? '' : 's'}`;
  const items = errors.map((p) => {
    const where = `${escape(p.file)}${p.line ? `:${p.line}` : ''}`;
    const text = p.line ? lineOf(p.file, p.line) : undefined;
    return `<li><p class="where"><code>${where}</code>${p.line ? ` <span>line ${p.line}</span>` : ''} <span>field <code>${escape(p.field)}</code></span></p>
<p class="message" dir="auto">${escape(p.message)}</p>${text === undefined ? '' : `\n<pre dir="auto"><span class="n">${p.line}</span> ${escape(text)}</pre>`}</li>`;
  });
  return `<!doctype html>
<html lang="${toolsTag}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0; background: #fff; color: #1a1a1a; }
main { max-inline-size: 50rem; margin-inline: auto; padding: 1rem; }
h1 { font-size: 1.3rem; color: #a40000; border-block-end: 4px solid #a40000; padding-block-end: .5rem; }
ol { padding-inline-start: 1.2rem; }
li { margin-block: 1rem 1.5rem; }
.where { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.where span { font-weight: normal; color: #555; margin-inline-start: .5rem; }
.message { margin-block: .25rem; overflow-wrap: anywhere; }
pre { font-family: system-ui, sans-serif; background: #fbeaea; padding: .5rem; overflow-x: auto; white-space: pre-wrap; unicode-bidi: plaintext; }
.n { color: #777; user-select: none; }
@media (prefers-color-scheme: dark) { body { background: #161616; color: #eee; } h1 { color: #ff8a8a; border-color: #ff8a8a; } .where span, .n { color: #aaa; } pre { background: #3a1d1d; } }
</style>
<script type="module" src="/@vite/client"></script>
</head>
<body>
<main role="alert">
<h1>${title}</h1>
<p>The site shows this page instead of its pages while a file under <code>content/</code> fails the check (the build would stop on it). Fix what is listed and save: this page reloads by itself.</p>
<ol>
${items.join('\n')}
</ol>
</main>
</body>
</html>
`;
}
