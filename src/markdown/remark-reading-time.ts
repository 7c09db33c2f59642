/**
 * Counts an article's words while Markdown is parsed and stores the reading
 * time in `remarkPluginFrontmatter.readingMinutes`. Doing it here, once per
 * render, means pages never need the raw body (see `retainBody` in the
 * collection config).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Words a reader gets through per minute; close enough for Dari and English prose. */
const WORDS_PER_MINUTE = 200;

/**
 * @example readingMinutes(450) // 2
 */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export default function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    let words = 0;
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode') {
        words += node.value.split(/\s+/u).filter(Boolean).length;
      }
    });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.readingMinutes = readingMinutes(words);
  };
}
