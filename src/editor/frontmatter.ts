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
  readonly translation?: string;
  readonly tags: readonly string[];
  readonly draft: boolean;
}

const q = (value: string) => JSON.stringify(value);

/**
 * The whole file: frontmatter in the documented field order, then the body.
 * Optional fields without a value are written as comments, so an editor sees
 * every field the schema knows.
 * @example toMarkdownFile({ title: 'A', … }, 'Text.') // '---\ntitle: "A"\n…---\n\nText.\n'
 */
export function toMarkdownFile(fields: ArticleFields, body: string): string {
  const lines = [
    '---',
    `title: ${q(fields.title)}`,
    `dek: ${q(fields.dek)}`,
    `authors: [${fields.authors.map(q).join(', ')}]`,
    `date: ${fields.date}`,
    fields.updated ? `updated: ${fields.updated}` : '# updated: YYYY-MM-DD          (optional: the date of the last substantive change)',
    'sources:',
    ...fields.sources.flatMap((s) => [
      `  - name: ${q(s.name)}`,
      `    url: ${q(s.url)}`,
      s.title ? `    title: ${q(s.title)}` : `    # title: "…"                (optional: the original's title, if different)`,
      s.date ? `    date: ${s.date}` : `    # date: YYYY-MM-DD           (optional: when the original appeared)`,
    ]),
    fields.translation
      ? `translation: ${q(fields.translation)}`
      : '# translation: "fa/slug"     (optional: the same piece in the other language; that file must point back)',
    `tags: [${fields.tags.map(q).join(', ')}]`,
    `draft: ${fields.draft}`,
    '---',
    '',
  ];
  return `${lines.join('\n')}\n${body.trim()}\n`;
}
