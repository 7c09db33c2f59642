/**
 * What a section's search page reads first, `/pagefind/<lang>/search.json`
 * (see `searchManifestPath`): written by `search/build-index.ts`, read by
 * `components/SearchBox.astro`.
 */
export interface SearchManifest {
  /** Pagefind bundles, relative to the manifest: the first is loaded, the others merged into it. */
  readonly bundles: readonly string[];
  /** Base page ids whose page changed or is gone: results the search page drops. */
  readonly hide: readonly string[];
  /**
   * The warm-up bundle (relative to the manifest) and the word to search in it
   * once the index is loaded, before the reader's first query (`warm-bundle.ts`).
   * Absent in manifests written before it existed.
   */
  readonly warm?: { readonly bundle: string; readonly query: string };
}
