// The README's test command: every test/**/*.test.ts through node's own test runner.
// With OCTO_TEST_DIALECT=postgres (CI's second pass) the suites that never touch a database
// (pure functions, file parsing, OCR) are not run again: they would test nothing new.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

// Suites under those folders that do use a database run on both dialects.
const USES_DATABASE = ['test/indexing/routing/routing.test.ts'];
const DATABASE_FREE = [
  'test/indexing/',
  'test/registry/deadlines/',
  'test/capture/files/',
  'test/capture/email/',
  'test/capture/ocr/',
  'test/e2e/snippet.test.ts',
  'test/capture/antivirus/clamd-client.test.ts',
  'test/platform/auth/permissions.test.ts',
  'test/platform/docs.test.ts',
];

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const onPostgres = process.env.OCTO_TEST_DIALECT === 'postgres';
const only = process.argv.slice(2);
const files = (only.length ? only : testFiles('test'))
  .filter((file) => !onPostgres || USES_DATABASE.includes(file) || !DATABASE_FREE.some((prefix) => file.startsWith(prefix)))
  .sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
