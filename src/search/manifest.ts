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
}
