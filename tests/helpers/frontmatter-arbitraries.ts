/**
 * fast-check generators for what editors type into frontmatter: titles,
 * deks, authors and tags in Dari, English or anything else, with emoji,
 * punctuation, bidi marks, ZWNJ, Arabic-keyboard letters, very long text and
 * YAML-hostile values, written out as a content file the way a person or a
 * tool would (JSON-style flow YAML or block YAML). Shared by the property
 * tests of the checker (tests/unit/) and of the build (tests/build/).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { sectionKeys, type Section } from '../../src/i18n/locales.ts';

const units = {
  dari: [...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئۀء'],
  arabicKeyboard: ['ي', 'ى', 'ك', 'ة', 'أ', 'إ', 'ؤ'],
  marks: ['ـ', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B', '\u0654', '\u0670'],
  digits: [...'0159', '۰', '۱', '۴', '۹', '٠', '٤', '٩'],
  latin: [...'abcxyzABCXYZ', 'é', 'ß', 'İ', 'ı', 'ς', 'σ', 'Σ', 'ﬁ', 'ｃ', 'ʰ', 'ǅ', 'K'],
  ascii: [...' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'],
  dariPunctuation: ['،', '؛', '؟', '«', '»', '٪', '٫', '٬', '…', '–', '—', '٭'],
  spaces: [' ', ' ', '\u00A0', '\t', '\u2028', '\u3000', '\u2009'],
  invisible: ['\u200C', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u200B', '\u00AD', '\uFEFF', '\u2060', '\uFE0F', '\uE000'],
  bidiControls: ['\u202B', '\u202E', '\u2067', '\u2069'],
  emoji: ['🇦🇫', '🇮🇷', '👩‍💻', '❤️', '❤', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '🏴', '😀', '🏳️‍🌈', '👍🏽', '1️⃣', '©', '€', '∑'],
};

/** Values that mean something else to a YAML reader when written bare. */
export const yamlHostile = ['null', '~', 'true', 'no', 'yes', '1e3', '0x1F', '.inf', '---', '...', '- a', ': b', '#c', '&a', '*a', '!tag', '|', '>', '%YAML 1.2', '@x', '`x', '"q"', "'q'", '[a]', '{a: b}', 'key: value', '<<', '?'];

/** A few real names and tags, so that generated articles share them (in variant spellings). */
const pool = ['افغانستان', 'مهاجرت‌ها', 'کابل', 'پاکستان', 'حقوق بشر', 'Central Asia', 'C', 'C#', 'C++', 'Kabul', 'انتخابات ۱۴۰۳', 'فؤاد شهبازوف', 'Fuad Shahbazov'];

const anyUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...units.dari) },
  { weight: 2, arbitrary: fc.constantFrom(...units.arabicKeyboard) },
  { weight: 1, arbitrary: fc.constantFrom(...units.marks) },
  { weight: 2, arbitrary: fc.constantFrom(...units.digits) },
  { weight: 4, arbitrary: fc.constantFrom(...units.latin) },
  { weight: 3, arbitrary: fc.constantFrom(...units.ascii) },
  { weight: 2, arbitrary: fc.constantFrom(...units.dariPunctuation) },
  { weight: 2, arbitrary: fc.constantFrom(...units.spaces) },
  { weight: 2, arbitrary: fc.constantFrom(...units.invisible) },
  { weight: 2, arbitrary: fc.constantFrom(...units.emoji) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/**
 * Text of `min`–`max` units from every alphabet above. One text in thirty
 * also carries a bidi control, which the check refuses (more would leave
 * hardly any archive for the property to judge).
 */
export const text = (min: number, max: number) =>
  fc.oneof(
    { weight: 29, arbitrary: fc.array(anyUnit, { minLength: min, maxLength: max }).map((u) => u.join('')) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(anyUnit, { minLength: min, maxLength: max }), fc.constantFrom(...units.bidiControls), fc.nat())
        .map(([u, control, at]) => u.toSpliced(at % (u.length + 1), 0, control).join('')),
    },
  );

/**
 * Another spelling of a name, as another editor might type it: Arabic
 * keyboard letters, a ZWNJ dropped or typed as a space or hyphen, other
 * letter case, tatweel or harakat added, decomposed (NFD) or with
 * compatibility forms.
 */
export const variantOf = (name: string) =>
  fc
    .array(fc.constantFrom('arabic', 'zwnj-dropped', 'zwnj-space', 'zwnj-hyphen', 'upper', 'lower', 'tatweel', 'harakat', 'nfd', 'fullwidth', 'hashtag'), {
      maxLength: 3,
    })
    .map((changes) =>
      changes.reduce((s, change) => {
        switch (change) {
          case 'arabic':
            return s.replaceAll('ی', 'ي').replaceAll('ک', 'ك');
          case 'zwnj-dropped':
            return s.replaceAll('\u200C', '');
          case 'zwnj-space':
            return s.replaceAll('\u200C', ' ');
          case 'zwnj-hyphen':
            return s.replaceAll('\u200C', '-');
          case 'upper':
            return s.toUpperCase();
          case 'lower':
            return s.toLowerCase();
          case 'tatweel':
            return s.replace(/([بپتسشکگلمنهی])(?=[\u0600-\u06FF])/, '$1ـ');
          case 'harakat':
            return s.replace(/([\u0621-\u064A\u06A9\u06AF\u06CC])/, '$1\u064E');
          case 'nfd':
            return s.normalize('NFD');
          case 'fullwidth':
            return s.replace(/[A-Za-z#+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
          default:
            return /^\p{L}/u.test(s) ? `#${s}` : s;
        }
      }, name),
    );

/** A tag or an author name: pool names in variant spellings, random text, YAML-hostile values, now and then very long. */
export const name = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...pool).chain(variantOf) },
  { weight: 4, arbitrary: text(1, 6) },
  { weight: 1, arbitrary: fc.constantFrom(...yamlHostile) },
  { weight: 1, arbitrary: text(60, 160) },
);

export interface GeneratedArticle {
  /** The section folder. */
  readonly lang: Section;
  readonly title: string;
  readonly dek: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  readonly day: number;
  readonly style: 'json' | 'block';
}

/** One article's frontmatter values (the slug is given by its position in the list). */
export const article: fc.Arbitrary<GeneratedArticle> = fc.record({
  lang: fc.constantFrom<Section>(...sectionKeys),
  title: fc.oneof({ weight: 5, arbitrary: text(1, 12) }, { weight: 1, arbitrary: fc.constantFrom(...yamlHostile) }, { weight: 1, arbitrary: text(200, 600) }),
  dek: fc.oneof({ weight: 5, arbitrary: text(1, 20) }, { weight: 1, arbitrary: fc.constantFrom(...yamlHostile) }),
  authors: fc.array(name, { minLength: 1, maxLength: 3 }),
  tags: fc.array(name, { maxLength: 5 }),
  day: fc.integer({ min: 1, max: 28 }),
  style: fc.constantFrom('json', 'block'),
});

/** A small archive: a few articles, so that names meet across files. */
export const archive = fc.array(article, { minLength: 1, maxLength: 8 });

/**
 * The content file of a generated article, as `articles/<lang>/<slug>.md`
 * (relative to a content root) and its text.
 * @example contentFile(a, 3) // ['articles/fa/generated-3.md', '---\n…']
 */
export function contentFile(a: GeneratedArticle, i: number): [string, string] {
  const frontmatter = {
    title: a.title,
    dek: a.dek,
    authors: a.authors,
    date: `2024-03-${String(a.day).padStart(2, '0')}`,
    sources: [{ name: 'Example', url: `https://example.org/${i}` }],
    tags: a.tags,
    draft: false,
  };
  const yaml = a.style === 'json' ? JSON.stringify(frontmatter, null, 2) : stringify(frontmatter);
  return [`articles/${a.lang}/generated-${i}.md`, `---\n${yaml.trimEnd()}\n---\n\nBody of article ${i}.\n`];
}
