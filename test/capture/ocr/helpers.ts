// Shared by the OCR tests: fixtures, accent folding and independent PDF checkers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const fixture = (name: string) => readFileSync(new URL(`../../fixtures/capture-ocr/${name}`, import.meta.url));

/** Lower case, accents removed, whitespace collapsed. */
export const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');

const scratch = mkdtempSync(join(tmpdir(), 'octo-ocr-test-'));
let n = 0;
function toFile(pdf: Buffer): string {
  const path = join(scratch, `doc-${n++}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

export function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', toFile(pdf), '-'], { encoding: 'utf8' });
}

/** Throws when qpdf finds a structural error. */
export function qpdfCheck(pdf: Buffer): string {
  return execFileSync('qpdf', ['--check', toFile(pdf)], { encoding: 'utf8' });
}

/** Page sizes in points as poppler reads them (rotation applied). */
export function pageSizes(pdf: Buffer): string[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', toFile(pdf)], { encoding: 'utf8' });
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map(
    ([, w, h]) => `${Math.round(Number(w))}x${Math.round(Number(h))}`,
  );
}
