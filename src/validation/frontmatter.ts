/**
 * Splitting a content file into frontmatter and body, and reading the YAML:
 * the site's one frontmatter reader (`readFrontmatter`), used by the checker,
 * the article loader and the sitemap integration alike.
 *
 * Astro reads frontmatter with js-yaml; so do we, so "broken YAML" means the
 * same thing here as in the build. One difference is deliberate: we load with
 * js-yaml's CORE schema, which leaves dates as strings. The default schema
 * turns `2024-03-19 23:00:00` into a UTC instant (it is Kabul time) and an
 * impossible "2017-02-30" into 2 March without a word; as strings, the shared
 * `dateField` schema reads them by the site's rules and can say what is wrong.
 */
import yaml from 'js-yaml';
import { explainYamlError } from './yaml-mistakes.ts';

export interface SplitFile {
  /** The YAML between the `---` lines, or undefined when there is none. */
  readonly yamlText?: string;
  /** 1-based line number of the first YAML line in the file. */
  readonly yamlStartLine: number;
  /** Everything after the closing `---`. */
  readonly body: string;
  /** Why the frontmatter could not be found, if it could not. */
  readonly problem?: string;
}

/**
 * Finds the frontmatter block: a first line of `---` (after an optional BOM)
 * and the next line that is exactly `---`.
 * @example splitFrontmatter('---\ntitle: A\n---\nText\n').yamlText // 'title: A\n'
 */
export function splitFrontmatter(source: string): SplitFile {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trimEnd() === '+++') {
    return { yamlStartLine: 2, body: text, problem: 'TOML (+++) frontmatter is not used here; write YAML between --- lines' };
  }
  if (lines[0]?.trimEnd() !== '---') {
    return { yamlStartLine: 1, body: text, problem: 'missing: the file must start with a line of three dashes (---)' };
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close < 0) {
    return { yamlStartLine: 2, body: '', problem: 'not closed: add a line of three dashes (---) after the last field' };
  }
  return {
    yamlText: lines.slice(1, close).join('\n') + '\n',
    yamlStartLine: 2,
    body: lines.slice(close + 1).join('\n'),
  };
}

export type YamlResult =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly line?: number; readonly message: string };

/**
 * Parses frontmatter YAML; on failure, reports the line in the whole file
 * and what to do (`explainYamlError`), or js-yaml's own reason for a slip
 * it does not know.
 * @example parseYaml('title: "open\n', 2) // { ok: false, line: 2, message: 'the quote (") that opens the value on this line is never closed; …' }
 */
export function parseYaml(yamlText: string, startLine: number): YamlResult {
  try {
    return { ok: true, data: yaml.load(yamlText, { schema: yaml.CORE_SCHEMA }) };
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = error.mark ? error.mark.line + startLine : undefined;
      // The slips editors make, in plain words and on the line where they are
      // (an unclosed quote is only noticed further down): see yaml-mistakes.ts.
      const explained = explainYamlError(yamlText, startLine, line);
      if (explained) return { ok: false, ...explained };
      const reason = error.reason || error.message;
      const hint = /end of the stream|unexpected end/.test(reason) ? ' (look above it for a quote or bracket that is never closed)' : '';
      return { ok: false, line, message: reason + hint };
    }
    throw error;
  }
}

export type FrontmatterReading =
  | {
      readonly ok: true;
      /** The fields, with every date still the string the editor typed. */
      readonly data: Record<string, unknown>;
      readonly yamlText: string;
      /** 1-based line number of the first YAML line in the file. */
      readonly yamlStartLine: number;
      /** Everything after the closing `---`. */
      readonly body: string;
    }
  | {
      readonly ok: false;
      /** What is wrong, for the `frontmatter` field of a problem: "broken YAML at line 4: …". */
      readonly problem: string;
      /** The line in the whole file, when the YAML parser knows it. */
      readonly line?: number;
      /** `problem` without the "broken YAML at line N: " before it, for reports that show the line apart. */
      readonly reason?: string;
    };

/**
 * Reads a content file's frontmatter: finds the block, parses the YAML (CORE
 * schema: dates stay strings) and checks that it is a map of fields. Every
 * part of the site that reads frontmatter calls this, so the checker, the
 * content layer and the sitemap see the same values.
 * @example readFrontmatter('---\ndate: 2017-01-13\n---\nText\n') // { ok: true, data: { date: '2017-01-13' }, body: 'Text\n', … }
 * @example readFrontmatter('Text').ok // false: "missing: the file must start with a line of three dashes (---)"
 */
export function readFrontmatter(source: string): FrontmatterReading {
  const split = splitFrontmatter(source);
  if (split.problem || split.yamlText === undefined) return { ok: false, problem: split.problem ?? 'missing' };
  const yaml = parseYaml(split.yamlText, split.yamlStartLine);
  if (!yaml.ok) {
    return { ok: false, line: yaml.line, reason: `broken YAML: ${yaml.message}`, problem: `broken YAML${yaml.line ? ` at line ${yaml.line}` : ''}: ${yaml.message}` };
  }
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    return { ok: false, problem: 'must be a list of "field: value" lines' };
  }
  return { ok: true, data: yaml.data as Record<string, unknown>, yamlText: split.yamlText, yamlStartLine: split.yamlStartLine, body: split.body };
}
