/**
 * Writing frontmatter for the editor tools (`npm run new`, `npm run import`).
 *
 * Strings are written as YAML double-quoted scalars via JSON.stringify, which
 * YAML reads back exactly: every character outside the ASCII controls,
 * including the zero-width non-joiner (U+200C) of Dari spelling, is kept
 * byte for byte. Dates are written bare (`2017-01-13`).
 */

export interface SourceFields {
  readonly name: string;
  readonly url: string;
  readonly title?: string;
  /** `YYYY-MM-DD` */
  readonly date?: string;
}

export interface ArticleFields {
  readonly title: string;
  readonly dek: string;
  readonly authors: readonly string[];
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly updated?: string;
  readonly sources: readonly SourceFields[];
  /** Another language of the section than its own (`de` in European Languages). */
  readonly lang?: string;
  readonly translationKey?: string;
  /**
   * Without a `translationKey`: the key to suggest in its commented-out line,
   * and where the piece's other versions would live (`content/articles/en/`),
   * so that pairing a translation is removing a `#` in both files.
   */
  readonly suggestTranslation?: { readonly key: string; readonly folders: readonly string[] };
  readonly tags: readonly string[];
  readonly draft: boolean;
}

const q = (value: string) => JSON.stringify(value);

/**
 * YAML comments to write into the frontmatter: `top` lines right after the
 * opening `---`, and one comment at the end of a field's line, keyed by the
 * field as the checker names it (`date`, `sources[0].url`). The import tool
 * puts its `TODO:` notes here, next to the value they doubt.
 */
export interface FrontmatterComments {
  readonly top?: readonly string[];
  readonly fields?: Readonly<Record<string, string>>;
}

/** A YAML comment is one line: line breaks inside it would end it early. */
const comment = (text: string) => `# ${text.replace(/\s*[\r\n]+\s*/g, ' ')}`;

/**
 * The whole file: frontmatter in the documented field order, then the body.
 * Optional fields without a value are written as comments, so an editor sees
 * every field the schema knows.
 * @example toMarkdownFile({ title: 'A', … }, 'Text.') // '---\ntitle: "A"\n…---\n\nText.\n'
 * @example toMarkdownFile(fields, 'Text.', { fields: { date: 'TODO: check' } }) // '…date: 2017-01-13   # TODO: check\n…'
 */
export function toMarkdownFile(fields: ArticleFields, body: string, comments: FrontmatterComments = {}): string {
  const line = (field: string, text: string) => {
    const note = comments.fields?.[field];
    return note === undefined ? text : `${text}   ${comment(note)}`;
  };
  const lines = [
    '---',
    ...(comments.top ?? []).map(comment),
    line('title', `title: ${q(fields.title)}`),
    line('dek', `dek: ${q(fields.dek)}`),
    line('authors', `authors: [${fields.authors.map(q).join(', ')}]`),
    line('date', `date: ${fields.date}`),
    fields.updated ? `updated: ${fields.updated}` : '# updated: YYYY-MM-DD          (optional: the date of the last substantive change)',
    'sources:',
    ...fields.sources.flatMap((s, i) => [
      line(`sources[${i}].name`, `  - name: ${q(s.name)}`),
      line(`sources[${i}].url`, `    url: ${q(s.url)}`),
      s.title ? `    title: ${q(s.title)}` : `    # title: "…"                (optional: the original's title, if different)`,
      s.date ? `    date: ${s.date}` : `    # date: YYYY-MM-DD           (optional: when the original appeared)`,
    ]),
    ...(fields.lang ? [`lang: ${fields.lang}`] : []),
    fields.translationKey
      ? `translationKey: ${fields.translationKey}`
      : fields.suggestTranslation
        ? `# translationKey: ${fields.suggestTranslation.key}   (a version in ${fields.suggestTranslation.folders.join(' or ')}? Give it this line too and remove the # in both)`
        : '# translationKey: some-key   (optional: the same key in every language version of this piece)',
    `tags: [${fields.tags.map(q).join(', ')}]`,
    line('draft', `draft: ${fields.draft}`),
    '---',
    '',
  ];
  return `${lines.join('\n')}\n${body.trim()}\n`;
}
