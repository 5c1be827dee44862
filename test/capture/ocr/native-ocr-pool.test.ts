import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNativeOcrPool, createOcrPool, probeNativeTesseract } from '../../../src/capture/ocr/index.ts';
import { meanWordConfidence, parseOsd } from '../../../src/capture/ocr/native-ocr-pool.ts';
import { OctoError } from '../../../src/platform/errors.ts';

test('a missing tesseract binary gives a clear, French reason', async () => {
  const probe = probeNativeTesseract('fra+eng', '/nonexistent/tesseract');
  assert.equal(probe.available, false);
  assert.match(probe.problem ?? '', /introuvable.*tesseract-ocr-fra/);
  const pool = createNativeOcrPool({ binary: '/nonexistent/tesseract', size: 1 });
  await assert.rejects(
    pool.recognize(Buffer.from('P5\n1 1\n255\n\xff', 'latin1'), { dpi: 300 }),
    (e) => e instanceof OctoError && e.code === 'PLATFORM_CONFIG_INVALID' && /introuvable/.test(e.message),
  );
  await pool.terminate();
});

test('missing language data is named', { skip: probeNativeTesseract('eng').problem ?? false }, () => {
  assert.match(probeNativeTesseract('fra+xyz').problem ?? '', /xyz.*tesseract-ocr-xyz/);
});

test('auto picks native only when tesseract has the languages', { skip: probeNativeTesseract('eng').problem ?? false }, async () => {
  const pool = createOcrPool({ engine: 'auto', languages: 'fra+xyz', size: 1 });
  // no native data for xyz: tesseract.js is chosen, and it has no xyz package either
  await assert.rejects(pool.recognize(Buffer.from('P5\n1 1\n255\n\xff', 'latin1'), { dpi: 300 }));
  await pool.terminate();
});

test('TSV mean word confidence and OSD output parsing', () => {
  const tsv = [
    'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
    '1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t',
    '5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90.5\tBonjour',
    '5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t70.5\tMadame',
    '5\t1\t1\t1\t1\t3\t0\t0\t10\t10\t95\t ',
  ].join('\n');
  assert.equal(meanWordConfidence(tsv), 80.5);
  assert.equal(meanWordConfidence(''), 0);
  assert.deepEqual(parseOsd('Page number: 0\nOrientation in degrees: 90\nRotate: 270\nOrientation confidence: 31.73\n'), { degrees: 270, confidence: 31.73 });
  assert.equal(parseOsd('Too few characters'), null);
});

test('terminate kills running tesseract processes and rejects their pages', { skip: probeNativeTesseract('fra+eng').problem ?? false }, async () => {
  const pool = createNativeOcrPool({ size: 1 });
  const width = 2400;
  const height = 3200;
  const noise = Buffer.alloc(width * height);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24 > 128 ? 0 : 255; // slow to read
  const image = Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), noise]);
  const first = pool.recognize(image, { dpi: 300 });
  const queued = pool.recognize(image, { dpi: 300 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const started = Date.now();
  const outcomes = Promise.allSettled([first, queued]); // both settle during terminate
  await pool.terminate();
  for (const outcome of await outcomes) {
    assert.equal(outcome.status, 'rejected');
    assert.match(String((outcome as PromiseRejectedResult).reason), /terminated/);
  }
  assert.ok(Date.now() - started < 2000, 'terminate does not wait for tesseract');
});

test('an aborted page kills its process', { skip: probeNativeTesseract('fra+eng').problem ?? false }, async () => {
  const pool = createNativeOcrPool({ size: 1 });
  const controller = new AbortController();
  const image = Buffer.concat([Buffer.from('P5\n2000 2000\n255\n'), Buffer.alloc(4_000_000, 255)]);
  const page = pool.recognize(image, { dpi: 300, signal: controller.signal });
  setTimeout(() => controller.abort(), 100);
  await assert.rejects(page, (e) => (e as Error).name === 'AbortError');
  await pool.terminate();
});
