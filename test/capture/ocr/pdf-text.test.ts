import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linesFromRuns, hasMeaningfulText } from '../../../src/capture/ocr/pdf-text.ts';

const run = (text: string, x: number, y: number, width = text.length * 5, size = 10) => ({ text, x, y, width, size });

test('runs are grouped into lines by baseline and ordered by x', () => {
  const text = linesFromRuns([run('Paris', 300, 100.5), run('Objet :', 50, 200), run('Madame', 50, 100), run('Demande', 95, 200)]);
  assert.equal(text, 'Madame   Paris\n\nObjet : Demande');
});

test('a word gap the PDF did not encode becomes a space; adjacent runs are glued', () => {
  assert.equal(linesFromRuns([run('Bon', 0, 10, 15), run('jour', 15, 10, 20), run('Monsieur', 40, 10)]), 'Bonjour Monsieur');
});

test('meaningful text needs more than a few characters', () => {
  assert.equal(hasMeaningfulText('  - 1 -  '), false);
  assert.equal(hasMeaningfulText('Objet : demande de subvention'), true);
});
