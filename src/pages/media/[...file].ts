/**
 * Files beside articles that their video and audio use, published as they
 * are at `/media/<path under content/articles/>` (see
 * `src/markdown/rehype-embeds.ts`, which points the body at these addresses).
 * Only files an article's page refers to are published, so a draft's clip or
 * a stray file in an article's folder never goes out. A missing file is the
 * check's error (with the line), which stops the build before this runs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { MEDIA_BASE, articlesRoot } from '../../markdown/rehype-embeds.ts';
import { getArticleIndex } from '../../utils/articles.ts';
import { bodyMediaOf } from '../../utils/media.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4', '.m4v': 'video/mp4', '.webm': 'video/webm', '.ogv': 'video/ogg', '.mov': 'video/quicktime',
  '.mp3': 'audio/mpeg', '.m4a': 'audio/mp4', '.ogg': 'audio/ogg', '.oga': 'audio/ogg', '.opus': 'audio/ogg', '.wav': 'audio/wav',
  '.vtt': 'text/vtt', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.avif': 'image/avif',
};

export const getStaticPaths = (async () => {
  const index = await getArticleIndex();
  const files = new Map<string, string>();
  for (const article of index.all) {
    const root = articlesRoot(resolve(article.entry.filePath ?? ''));
    if (!root) continue;
    // Recorded by the article loader from the rendered body (`src/utils/media.ts`).
    for (const address of bodyMediaOf(article.entry) ?? []) {
      const rel = decodeURIComponent(address.slice(MEDIA_BASE.length));
      const abs = join(root, rel);
      if (!files.has(rel) && existsSync(abs)) files.set(rel, abs);
    }
  }
  return [...files].map(([rel, abs]) => ({ params: { file: rel }, props: { abs } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ abs: string }> = ({ props }) =>
  new Response(new Uint8Array(readFileSync(props.abs)), {
    headers: { 'Content-Type': TYPES[extname(props.abs).toLowerCase()] ?? 'application/octet-stream' },
  });
