/**
 * A worker thread that renders article Markdown to HTML with the site's
 * pipeline (`src/integrations/markdown.ts`) and writes the result to the
 * rendered-body cache. Runs under plain Node (type stripping), outside Vite.
 */
import { writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownOptionsFor, syntaxHighlight } from '../integrations/markdown.ts';
import type { RenderJob, RenderReply, RenderedBody } from './rendered-body.ts';

type Renderer = Awaited<ReturnType<typeof createMarkdownProcessor>>;
const renderers = new Map<string, Promise<Renderer>>();
/** One processor per language (see markdownOptionsFor), built on first use. */
function rendererFor(lang: string): Promise<Renderer> {
  let renderer = renderers.get(lang);
  if (!renderer) renderers.set(lang, (renderer = createMarkdownProcessor({ ...markdownOptionsFor(lang), syntaxHighlight })));
  return renderer;
}

parentPort!.on('message', async (job: RenderJob) => {
  let reply: RenderReply;
  try {
    const renderer = await rendererFor(job.lang);
    const { code, metadata } = await renderer.render(job.body, { frontmatter: job.frontmatter, fileURL: new URL(`file://${job.filePath}`) });
    const body: RenderedBody = {
      html: code,
      headings: metadata.headings,
      readingMinutes: Number(metadata.frontmatter.readingMinutes ?? 1),
    };
    await writeFile(job.outFile, JSON.stringify(body));
    reply = { seq: job.seq };
  } catch (error) {
    reply = { seq: job.seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
