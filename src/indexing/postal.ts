// Postcode + city lines, checked against the official list (package codes-postaux,
// built from INSEE's COG and the DGFiP's FIMOCT). CEDEX codes are not in that list:
// for them only the city can be checked, within the department.

import { createRequire } from 'node:module';
import type { ExtractedField } from './extract-fields.ts';
import { fieldAt } from './field.ts';
import { foldName, type PreparedPage } from './text.ts';

interface PostcodeEntry { codePostal: string; codeCommune: string; nomCommune: string; libelleAcheminement: string }

let byCode: Map<string, PostcodeEntry[]> | null = null;
let byDeptName: Map<string, PostcodeEntry> | null = null;

// Loaded on first use only: the list is 4 MB of JSON.
function load(): void {
  if (byCode) return;
  const require = createRequire(import.meta.url);
  const all = require('codes-postaux/codes-postaux.json') as PostcodeEntry[];
  byCode = new Map();
  byDeptName = new Map();
  for (const e of all) {
    const list = byCode.get(e.codePostal) ?? [];
    list.push(e);
    byCode.set(e.codePostal, list);
    const dept = department(e.codePostal);
    for (const n of [e.libelleAcheminement, baseName(e.nomCommune)]) {
      const key = `${dept}|${foldName(n)}`;
      if (!byDeptName.has(key)) byDeptName.set(key, e);
    }
  }
}

function department(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

// "Lyon 3e Arrondissement" -> "Lyon"
function baseName(nom: string): string {
  return nom.replace(/\s+\d+(er|e)\s+Arrondissement$/i, '');
}

export interface PostcodeLookup {
  postcode: string;
  exists: boolean;          // the code is in the official list
  cedex: boolean;
  commune?: string;         // official commune name
  inseeCode?: string;
  libelleAcheminement?: string;
  cityMatches: boolean;     // the city as written matches the official one
}

/** Looks a postcode (and optionally the city written next to it) up in the official list. */
export function lookupPostcode(code: string, city?: string, cedex = false): PostcodeLookup {
  load();
  const postcode = code.replace(/\s/g, '');
  const entries = byCode!.get(postcode) ?? [];
  const folded = city ? foldName(city) : '';
  const match = entries.find((e) => folded && (foldName(e.libelleAcheminement) === folded || foldName(baseName(e.nomCommune)) === folded || foldName(e.nomCommune) === folded));
  if (entries.length > 0) {
    const e = match ?? (entries.length === 1 || !city ? entries[0] : undefined);
    return {
      postcode, exists: true, cedex, cityMatches: !!match,
      ...(e ? { commune: baseName(e.nomCommune), inseeCode: e.codeCommune, libelleAcheminement: e.libelleAcheminement } : {}),
    };
  }
  const byName = folded ? byDeptName!.get(`${department(postcode)}|${folded}`) : undefined;
  if (cedex && byName) {
    return { postcode, exists: false, cedex, cityMatches: true, commune: baseName(byName.nomCommune), inseeCode: byName.codeCommune, libelleAcheminement: byName.libelleAcheminement };
  }
  return { postcode, exists: false, cedex, cityMatches: false };
}

// Code, one or two spaces, then the city words up to a column gap, comma, digit or end of line.
const LINE_RE = /(?<!\d[ ]?)(\d{2} ?\d{3})[ ]{1,2}(\p{L}[\p{L}'-]*(?: \p{L}[\p{L}'-]*)*)(?:[ ]+(cedex)(?:[ ]+(\d{1,2}))?)?(?![\p{L}\d])/giu;

export function extractPostalCodes(pages: PreparedPage[]): ExtractedField[] {
  const out: ExtractedField[] = [];
  const seen = new Set<string>();
  pages.forEach((page, p) => {
    for (const m of page.text.matchAll(LINE_RE)) {
      const code = m[1].replace(' ', '');
      let words = m[2].split(' ');
      // "PARIS CEDEX 08" also appears with the cedex inside the captured words.
      const cedexAt = words.findIndex((w) => /^cedex$/i.test(w));
      const cedex = !!m[3] || cedexAt >= 0;
      if (cedexAt >= 0) words = words.slice(0, cedexAt);
      if (words.length === 0) continue;
      // Longest run of words that is an official name; else all words (unverified city).
      let best: { lookup: PostcodeLookup; n: number } | null = null;
      for (let n = words.length; n >= 1 && !best; n--) {
        const lookup = lookupPostcode(code, words.slice(0, n).join(' '), cedex);
        if (lookup.cityMatches) best = { lookup, n };
      }
      const n = best?.n ?? Math.min(words.length, 4);
      const lookup = best?.lookup ?? lookupPostcode(code, words.slice(0, n).join(' '), cedex);
      const city = words.slice(0, n).join(' ');
      if (!/^\p{L}{2}/u.test(city) || /^(rue|avenue|bd|boulevard|euros?|eur|ht|ttc|habitants|km|m2|exemplaires)$/i.test(words[0])) continue;
      const codeStart = m.index!;
      let end = codeStart + page.text.slice(codeStart).indexOf(city) + city.length;
      if (cedex) {
        const tail = /^[ ]+cedex(?:[ ]+\d{1,2})?/i.exec(page.text.slice(end));
        if (tail) end += tail[0].length;
      }
      const verified = lookup.exists && lookup.cityMatches;
      const confidence = verified ? 0.95 : lookup.exists ? 0.5 : lookup.cityMatches ? 0.75 : 0.3;
      const normalized = lookup.commune && (lookup.cityMatches || lookup.exists) ? `${code} ${lookup.commune}` : null;
      const key = `${code}|${foldName(city)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(fieldAt(page, p, codeStart, end, {
        name: 'postal_code_city', value: page.text.slice(codeStart, end).replace(/\s+/g, ' '), normalized, confidence,
        details: {
          postcode: code, city, verified, postcodeExists: lookup.exists, cityMatches: lookup.cityMatches, cedex,
          ...(lookup.commune ? { commune: lookup.commune, inseeCode: lookup.inseeCode } : {}),
        },
      }));
    }
  });
  return out;
}
