/**
 * Where an article lives (src/validation/article-path.ts): directly in a
 * section's folder. The check and the loader both ask this.
 */
import { describe, expect, it } from 'vitest';
import { sectionKeys } from '../../src/i18n/locales.ts';
import { articleSectionOf, sectionFolderOf } from '../../src/validation/article-path.ts';

describe('articleSectionOf', () => {
  it('gives the section of a .md file directly in a section folder', () => {
    for (const section of sectionKeys) expect(articleSectionOf(`${section}/wakhan-corridor.md`)).toBe(section);
  });

  it('is undefined inside an article’s own folder, outside any section, or for another extension', () => {
    const [section] = sectionKeys;
    expect(articleSectionOf(`${section}/wakhan-corridor/notes.md`)).toBeUndefined();
    expect(articleSectionOf(`${section}/wakhan-corridor/lead.jpg`)).toBeUndefined();
    expect(articleSectionOf('no-such-section/wakhan-corridor.md')).toBeUndefined();
    expect(articleSectionOf('wakhan-corridor.md')).toBeUndefined();
    expect(articleSectionOf(`${section}/wakhan-corridor.MD`)).toBeUndefined();
    expect(articleSectionOf(`${section}/wakhan-corridor.markdown`)).toBeUndefined();
  });
});

describe('sectionFolderOf', () => {
  it('gives the section of any file directly in a section folder, and nothing deeper or elsewhere', () => {
    const [section] = sectionKeys;
    expect(sectionFolderOf(`${section}/notes.txt`)).toBe(section);
    expect(sectionFolderOf(`${section}/wakhan-corridor.md`)).toBe(section);
    expect(sectionFolderOf(`${section}/wakhan-corridor/lead.jpg`)).toBeUndefined();
    expect(sectionFolderOf('no-such-section/notes.txt')).toBeUndefined();
  });
});
