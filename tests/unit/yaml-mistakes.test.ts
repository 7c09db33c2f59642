/**
 * The frontmatter slips editors make (issue 14, "Editors see what they are
 * doing"), each said in plain words on the line where it is, with the line
 * to type instead; and a file whose YAML is broken does not also make its
 * translation partner look alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFiles, type Problem } from '../../src/validation/check.ts';
import { explainYamlError, listAsText, valueMistakes } from '../../src/validation/yaml-mistakes.ts';
import { projectRoot } from '../helpers/paths.ts';

const fixtures = `${projectRoot}/tests/fixtures`;

/** A whole article whose frontmatter has `lines` (a field line replaced), checked on its own. */
function check(replace: Record<string, string>): Problem[] {
  const fields: Record<string, string> = {
    title: 'title: "Wheat prices climb"',
    dek: 'dek: "Traders blame a slow border."',
    authors: 'authors: ["Test Writer"]',
    date: 'date: 2017-01-13',
    sources: 'sources:\n  - name: "Example Outlet"\n    url: "https://example.com/a"',
    tags: 'tags: ["economy"]',
    draft: 'draft: false',
    ...replace,
  };
  const source = `---\n${Object.values(fields).join('\n')}\n---\n\nFlour sellers say a sack costs more.\n`;
  return checkFiles([{ rel: 'articles/en/a.md', display: 'a.md', source }]);
}

/** The one problem a slip gives: field, line, and the words that tell the editor what to type. */
function only(problems: Problem[]): Problem {
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('YAML slips, in plain words', () => {
  it('an unescaped " inside a quoted title: write it as \\" (the fixed line is given)', () => {
    const p = only(check({ title: 'title: "The "new" Kabul"' }));
    expect(p).toMatchObject({ field: 'frontmatter', line: 2 });
    expect(p.message).toContain('has a " inside the quotes around it');
    expect(p.message).toContain('title: "The \\"new\\" Kabul"');
  });

  it("an apostrophe inside single quotes: use double quotes", () => {
    const p = only(check({ title: "title: 'It's Kabul'" }));
    expect(p).toMatchObject({ field: 'frontmatter', line: 2 });
    expect(p.message).toContain(`title: "It's Kabul"`);
  });

  it('an unquoted colon: put the whole value in double quotes', () => {
    const p = only(check({ dek: 'dek: Kabul: prices rise again' }));
    expect(p).toMatchObject({ field: 'frontmatter', line: 3 });
    expect(p.message).toMatch(/colon followed by a space.*Put the whole value in double quotes: dek: "Kabul: prices rise again"/);
  });

  it('curly quotes from a word processor, where they break the YAML and where they do not', () => {
    const broken = only(check({ title: 'title: “Kabul: prices”' }));
    expect(broken).toMatchObject({ field: 'frontmatter', line: 2 });
    expect(broken.message).toMatch(/starts with a curly quote \(“\).*word processor.*title: "Kabul: prices"/);
    // Parses, but the page would show the quotes: refused all the same, naming the field.
    const kept = only(check({ title: 'title: “Wheat prices”' }));
    expect(kept).toMatchObject({ field: 'title' });
    expect(kept.message).toMatch(/curly quotes.*title: "Wheat prices"/);
    expect(only(check({ sources: 'sources:\n  - name: „Example Outlet“\n    url: "https://example.com/a"' }))).toMatchObject({ field: 'sources[0].name' });
    expect(check({ tags: 'tags: [“economy”, “politics”]' }).map((p) => p.field)).toEqual(['tags[0]', 'tags[1]']);
    // A title that quotes someone is not a slip.
    expect(check({ title: 'title: "“We stay,” says the governor"' })).toEqual([]);
  });

  it('a Persian comma between list items: separate them with a Latin comma', () => {
    const plain = only(check({ tags: 'tags: [اقتصاد، سیاست]' }));
    expect(plain).toMatchObject({ field: 'tags[0]' });
    expect(plain.message).toContain('Persian comma (،)');
    expect(plain.message).toContain('tags: ["اقتصاد", "سیاست"]');
    const quoted = only(check({ tags: 'tags: ["اقتصاد"، "سیاست"]' }));
    expect(quoted).toMatchObject({ field: 'frontmatter', line: 9 });
    expect(quoted.message).toContain('tags: ["اقتصاد", "سیاست"]');
    expect(only(check({ authors: 'authors:\n  - نویسندهٔ یکم، نویسندهٔ دوم' }))).toMatchObject({ field: 'authors[0]' });
  });

  it('a list given as a plain string: the list the editor meant', () => {
    expect(only(check({ tags: 'tags: economy, politics' }))).toEqual({
      file: 'a.md',
      field: 'tags',
      message: 'is one piece of text where a list belongs; write the items in square brackets, separated by commas: tags: ["economy", "politics"]',
    });
    expect(only(check({ authors: 'authors: Test Writer' })).message).toContain('authors: ["Test Writer"]');
    expect(only(check({ tags: 'tags: اقتصاد، سیاست' })).message).toContain('tags: ["اقتصاد", "سیاست"]');
  });

  it('an unclosed quote is reported on the line where it opens, not where the YAML ends', () => {
    const double = only(check({ title: 'title: "Wheat prices climb' }));
    expect(double).toMatchObject({ field: 'frontmatter', line: 2 });
    expect(double.message).toMatch(/never closed.*title: "Wheat prices climb"$/);
    expect(only(check({ dek: "dek: 'Traders blame a slow border." }))).toMatchObject({ field: 'frontmatter', line: 3 });
    expect(only(check({ tags: 'tags: ["economy", "politics"' }))).toMatchObject({ field: 'frontmatter', line: 9 });
  });

  it('does not blame a line above the parser’s stop for anything but a quote left open', () => {
    // Parsed on its own (a quotation inside the words, as a real Persian blog has it); the slip is two lines down.
    const yamlText = 'title: "A"\ntags: ”کامنت‌دونی” استاتیک\ndek: Kabul: prices rise\n';
    expect(explainYamlError(yamlText, 2, 4)).toMatchObject({ line: 4, message: expect.stringContaining('colon followed by a space') });
  });

  it('a slip it does not know keeps the parser’s own reason and line', () => {
    expect(explainYamlError('title: "A"\n  bad: indent\n', 2, 3)).toBeUndefined();
    expect(only(check({ draft: 'draft: false\n  bad: indent' }))).toMatchObject({ field: 'frontmatter', line: 11, message: 'broken YAML: bad indentation of a mapping entry' });
  });

  it('speaks the tools’ language (English) whatever the article’s', () => {
    expect(listAsText('tags', 'اقتصاد، سیاست')).toMatch(/^is one piece of text/);
    expect(valueMistakes({ tags: ['اقتصاد، سیاست'] }, ['tags'])[0]!.message).toMatch(/holds a Persian comma/);
  });
});

describe('a YAML error and the translation partner', () => {
  const dir = `${fixtures}/editor/yaml-partner/articles`;
  const files = ['en', 'fa'].map((section) => ({
    rel: `articles/${section}/wheat-prices-herat.md`,
    display: `${section}/wheat-prices-herat.md`,
    source: readFileSync(`${dir}/${section}/wheat-prices-herat.md`, 'utf8'),
  }));

  it('reports the broken file once, and not its partner as alone', () => {
    expect(checkFiles(files)).toEqual([
      expect.objectContaining({ file: 'fa/wheat-prices-herat.md', field: 'frontmatter', line: 2, message: expect.stringMatching(/never closed/) }),
    ]);
  });

  it('nor when the partner fails the schema instead (its key is still read)', () => {
    const valid = readFileSync(`${fixtures}/valid/articles/fa/wheat-prices-herat.md`, 'utf8');
    const schemaBroken = { ...files[1]!, source: valid.replace(/^date: .*$/m, 'date: soon') };
    expect(checkFiles([files[0]!, schemaBroken]).map((p) => `${p.file}: ${p.field}`)).toEqual(['fa/wheat-prices-herat.md: date']);
  });

  it('still reports a key that no file names', () => {
    const alone = { ...files[0]!, source: files[0]!.source.replace('herat-wheat-prices', 'herat-wheat-prise') };
    expect(checkFiles([alone, files[1]!]).map((p) => p.field)).toEqual(['translationKey', 'frontmatter']);
  });
});
