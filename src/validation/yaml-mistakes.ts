/**
 * The frontmatter mistakes editors actually make, explained in plain words
 * with the corrected line to type.
 *
 * js-yaml's own messages ("bad indentation of a mapping entry", "can not
 * read a block mapping entry") name the parser's state, not the editor's
 * slip, and an unclosed quote is reported where the YAML ends, not where
 * the quote opens. `explainYamlError` reads the frontmatter line by line,
 * as an editor wrote it (`field: value`, `  - name: value`), and names the
 * first line that holds one of these slips:
 *
 * - an unescaped `"` inside a double-quoted value (`title: "The "new" Kabul"`);
 * - an unquoted `: ` inside a plain value (`title: Kabul: prices rise`);
 * - curly quotes from a word processor used as YAML quotes (`title: “Kabul: prices”`);
 * - a Persian comma (،, U+060C) between the items of a list (`tags: ["a"، "b"]`);
 * - a quote or `[` that is never closed (reported on the line where it opens).
 *
 * Some of the same slips parse without a YAML error and give a wrong value:
 * `valueMistakes` finds those in the parsed fields (a value wrapped in curly
 * quotes; a list item holding a Persian comma, which YAML took for part of
 * one item). A list given as a plain string is the schema's to refuse;
 * `listAsText` words that message.
 *
 * Messages speak the tools' language (`toolsTag` in src/i18n/locales.ts:
 * English), like every message of `npm run check`.
 */

/** A slip on one line of the file. */
export interface YamlMistake {
  /** 1-based line in the whole file. */
  readonly line: number;
  readonly message: string;
}

/** Opening and closing quotes a word processor types for `"` and `'` (English, German and Dari/Persian conventions). */
const CURLY = '“”„‟‘’‚‛';
const PERSIAN_COMMA = '\u060C';

/** `field: value` or `- field: value` (a key made of letters, digits, `_`, `-`, `.`). */
const ENTRY = /^(\s*(?:-\s+)?)([\p{L}\p{N}_.-]+)(\s*):(?:\s+(.*))?$/u;

/** Where a double- or single-quoted scalar starting at `value[0]` closes; -1 if not on this line. */
function closingQuote(value: string): number {
  const quote = value[0];
  for (let i = 1; i < value.length; i++) {
    if (quote === '"' && value[i] === '\\') i++;
    else if (value[i] === quote) {
      // '' inside single quotes is an escaped quote, not the end.
      if (quote === "'" && value[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** The value as a double-quoted YAML scalar: what the editor should type. */
const dq = (text: string) => `"${text.replace(/(?<!\\)"/g, '\\"')}"`;

/** Strips a comment (` #…`) that is not inside quotes. */
function withoutComment(value: string): string {
  const at = value.search(/\s#/);
  return at < 0 ? value : value.slice(0, at).trimEnd();
}

/**
 * Explains one `field: value` line, or nothing if it shows none of the slips.
 * With `unclosedOnly`, only a quote or bracket left open (for lines above
 * the one the parser stopped at: every other slip stops it on its own line,
 * and a line above that parsed, such as `tags: ”کامنت‌دونی” استاتیک` with a
 * quotation inside the words, must not be blamed).
 */
function explainLine(raw: string, unclosedOnly = false): string | undefined {
  const entry = ENTRY.exec(raw);
  if (!entry) return undefined;
  const [, lead = '', key = '', , rest = ''] = entry;
  const value = rest.trimEnd();
  if (!value) return undefined;
  const write = (v: string) => `${lead.trim() ? `${lead.trim()} ` : ''}${key}: ${v}`;
  const first = value[0]!;

  if (CURLY.includes(first) && !unclosedOnly) {
    const inner = value.replace(new RegExp(`^[${CURLY}]|[${CURLY}]$`, 'gu'), '');
    return `the value starts with a curly quote (${first}), which YAML does not read as a quote: a word processor has turned the straight quotes into typographic ones. Type straight double quotes around the value: ${write(dq(inner))}`;
  }
  if (first === '"' || first === "'") {
    const close = closingQuote(value);
    if (close < 0) {
      return `the quote (${first}) that opens the value on this line is never closed; end the value with ${first} on the same line: ${write(dq(value.slice(1)))}`;
    }
    const after = withoutComment(value.slice(close + 1)).trim();
    if (!after || unclosedOnly) return undefined;
    if (after.startsWith(PERSIAN_COMMA)) {
      return `a Persian comma (،) follows the quoted value; a list goes in square brackets, its items separated by a Latin comma (,): ${key}: [${value.replaceAll(PERSIAN_COMMA, ',')}]`;
    }
    const last = value.lastIndexOf(first);
    const inner = value.slice(1, last > close ? last : value.length);
    if (first === '"') {
      return `the value has a " inside the quotes around it, and YAML takes that inner " for the end of the value. Write each inner quote as \\" (or as typographic quotes “ ”): ${write(dq(inner))}`;
    }
    return `the value has a ' inside the single quotes around it, and YAML takes it for the end of the value. Use double quotes around the value: ${write(dq(inner.replaceAll("''", "'")))}`;
  }
  if (first === '[') {
    const list = explainFlowList(value, key);
    return unclosedOnly && !list?.includes('never closed') ? undefined : list;
  }
  if ('{|>&*!%@`'.includes(first) || unclosedOnly) return undefined;
  const plain = withoutComment(value);
  if (/:(\s|$)/.test(plain)) {
    return `the value has a colon followed by a space (": "), and YAML takes the words before it for another field. Put the whole value in double quotes: ${write(dq(plain))}`;
  }
  return undefined;
}

/** A `[a, b]` list on one line: an unclosed bracket, a Persian comma between quoted items, curly quotes. */
function explainFlowList(value: string, key: string): string | undefined {
  let depth = 0;
  let persianComma = false;
  let curly = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"' || c === "'") {
      const close = closingQuote(value.slice(i));
      if (close < 0) return `the quote (${c}) that opens a list item on this line is never closed; close it before the next comma`;
      i += close;
    } else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === PERSIAN_COMMA) persianComma = true;
    else if (CURLY.includes(c)) curly = true;
  }
  if (curly) {
    const fixed = value.replace(new RegExp(`[${CURLY}]`, 'gu'), '"');
    return `the list uses curly quotes (“ ”), which YAML does not read as quotes: a word processor has turned the straight quotes into typographic ones. Type straight double quotes: ${key}: ${fixed}`;
  }
  if (persianComma) {
    return `the list's items are separated by a Persian comma (،); YAML separates them with a Latin comma (,): ${key}: ${value.replaceAll(PERSIAN_COMMA, ',')}`;
  }
  if (depth > 0) return `the list's opening [ is never closed; end the list with ] on the same line: ${key}: ${value}]`;
  return undefined;
}

/**
 * Names the line of a frontmatter slip that broke the YAML, in plain words
 * with the line to type instead, or `undefined` when the failure is none of
 * the known slips (the caller then shows the parser's own message).
 * Only lines up to the one the parser stopped at are read: the slip is
 * there or above it (an unclosed quote is noticed further down).
 * @param yamlText the text between the `---` lines
 * @param startLine 1-based line of the file where `yamlText` starts
 * @param errorLine 1-based line of the file where the parser stopped, if known
 * @example explainYamlError('title: Kabul: prices rise\n', 2, 2)
 * // { line: 2, message: 'the value has a colon followed by a space (": "), … title: "Kabul: prices rise"' }
 */
export function explainYamlError(yamlText: string, startLine: number, errorLine?: number): YamlMistake | undefined {
  const lines = yamlText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = startLine + i;
    if (errorLine !== undefined && line > errorLine) break;
    const message = explainLine(lines[i]!, errorLine !== undefined && line < errorLine);
    if (message) return { line, message };
  }
  return undefined;
}

/** A problem with one field of frontmatter that parsed. */
export interface FieldMistake {
  /** The field as the checker names it: `title`, `tags[1]`, `sources[0].name`. */
  readonly field: string;
  readonly message: string;
}

const fieldName = (parts: readonly (string | number)[]) =>
  parts.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : `${out ? `${out}.` : ''}${p}`), '');

/**
 * Slips that YAML parses without complaint into a wrong value: a string
 * wrapped in curly quotes (“Wheat prices” shown with its quotes on the page),
 * and an item of a list of names that holds a Persian comma (`[اقتصاد، سیاست]`
 * is one tag to YAML, not two).
 * @param listFields the fields that are lists of names (`tags`, `authors`)
 * @example valueMistakes({ title: '“Wheat prices”' }, ['tags'])
 * // [{ field: 'title', message: 'is wrapped in curly quotes (“ ”) … title: "Wheat prices"' }]
 */
export function valueMistakes(data: Record<string, unknown>, listFields: readonly string[]): FieldMistake[] {
  const found: FieldMistake[] = [];
  const visit = (value: unknown, parts: (string | number)[]) => {
    if (typeof value === 'string') {
      const wrapped = new RegExp(`^[${CURLY}]([^${CURLY}]*)[${CURLY}]$`, 'u').exec(value.trim());
      if (wrapped) {
        const key = parts.at(-1);
        const example = typeof key === 'string' ? `${key}: ${dq(wrapped[1]!)}` : dq(wrapped[1]!);
        found.push({
          field: fieldName(parts),
          message: `is wrapped in curly quotes (${value.trim()[0]} ${value.trim().at(-1)}), which YAML keeps as part of the text: a word processor has turned the straight quotes into typographic ones. Type straight double quotes: ${example}`,
        });
      } else if (value.includes(PERSIAN_COMMA) && typeof parts.at(-1) === 'number' && listFields.includes(String(parts[0]))) {
        const items = value.split(PERSIAN_COMMA).map((s) => dq(s.trim()));
        found.push({
          field: fieldName(parts),
          message: `"${value}" holds a Persian comma (،), so YAML reads it as one item; separate the items with a Latin comma (,): ${parts[0]}: [${items.join(', ')}]`,
        });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...parts, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...parts, k]);
  };
  visit(data, []);
  return found;
}

/**
 * The message for a list field given as one plain string (`tags: economy,
 * politics`), with the list the editor meant, split at Latin or Persian commas.
 * @example listAsText('tags', 'economy, politics')
 * // 'is one piece of text where a list belongs; write the items in square brackets, separated by commas: tags: ["economy", "politics"]'
 */
export function listAsText(field: string, value: string): string {
  const items = value.split(/[,\u060C]/).map((s) => s.trim()).filter(Boolean);
  return `is one piece of text where a list belongs; write the items in square brackets, separated by commas: ${field}: [${items.map(dq).join(', ')}]`;
}
