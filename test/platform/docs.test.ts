import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { configurationMarkdown, errorsMarkdown } from '../../scripts/generate-docs.ts';

const docs = path.resolve(import.meta.dirname, '../../docs');

describe('generated documentation', () => {
  it('docs/errors.md lists every error code as errors.ts defines it (run `npm run docs`)', () => {
    assert.equal(fs.readFileSync(path.join(docs, 'errors.md'), 'utf8'), errorsMarkdown());
  });
  it('docs/configuration.md describes every variable as config.ts defines it (run `npm run docs`)', () => {
    assert.equal(fs.readFileSync(path.join(docs, 'configuration.md'), 'utf8'), configurationMarkdown());
  });
});
