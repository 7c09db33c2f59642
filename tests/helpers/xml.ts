/**
 * XML checks for the built feeds and sitemaps: schema validation and
 * well-formedness with libxml2 (xmllint compiled to WebAssembly, so CI
 * needs no system package), and a DOM for reading the documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { validateXML } from 'xmllint-wasm';
import { projectRoot } from './paths.ts';

const schemaDir = join(projectRoot, 'tests', 'schemas');
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(join(schemaDir, fileName), 'utf8') });

/** The schemas a main schema may import or include, loaded into xmllint's in-memory file system. */
const preload = ['sitemap.xsd', 'xhtml-link.xsd', 'sitemap-news.xsd', 'sitemap-image.xsd'].map(schemaFile);

/** libxml2's complaints about `xml` against `schema` (a file in tests/schemas); empty when valid. */
export async function schemaErrors(xml: string, schema: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'document.xml', contents: xml }], schema: [schemaFile(schema)], preload });
  return result.errors.map((e) => e.rawMessage);
}

/** libxml2's parse errors for `xml`; empty when it is well-formed. */
export async function wellFormednessErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'document.xml', contents: xml }], normalization: 'c14n' });
  return result.errors.map((e) => e.rawMessage);
}

/** A DOM of an XML document, for reading; namespaced names are looked up as written ("news:title"). */
export function parseXml(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

/** The text of each element named `name` ("loc", "xhtml:link", …) under `root`. */
export function texts(root: Document | Element, name: string): string[] {
  return [...root.getElementsByTagName(name)].map((e) => e.textContent ?? '');
}
