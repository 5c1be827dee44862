import { readFileSync } from 'node:fs';
import { extractFields, type ExtractedField, type FieldName } from '../../src/indexing/index.ts';

const DIR = new URL('../fixtures/indexing/', import.meta.url);

/** Pages of a fixture: pdftotext separates pages with form feeds (one trailing). */
export function fixturePages(name: string): string[] {
  const pages = readFileSync(new URL(name, DIR), 'utf8').split('\f');
  if (pages.length > 1 && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

export function extractFixture(name: string): ExtractedField[] {
  return extractFields({ pages: fixturePages(name) });
}

export function only(fields: ExtractedField[], name: FieldName): ExtractedField[] {
  return fields.filter((f) => f.name === name);
}

export function one(fields: ExtractedField[], name: FieldName): ExtractedField | undefined {
  const list = only(fields, name);
  if (list.length > 1) throw new Error(`expected at most one ${name}, got ${list.map((f) => f.value).join(' | ')}`);
  return list[0];
}
