import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSnippet } from '../../web/src/registry/snippet.ts';

test('search snippets: [[matches]] become marked parts, everything else stays plain text', () => {
  assert.deepEqual(parseSnippet('vieux whisky au [[juge]] blond'), [
    { text: 'vieux whisky au ', match: false },
    { text: 'juge', match: true },
    { text: ' blond', match: false },
  ]);
  assert.deepEqual(parseSnippet('[[a]][[b]]'), [
    { text: 'a', match: true },
    { text: 'b', match: true },
  ]);
});

test('search snippets: markup in the text is never interpreted, unclosed markers are kept', () => {
  assert.deepEqual(parseSnippet('<img src=x onerror=alert(1)> [[<b>]]'), [
    { text: '<img src=x onerror=alert(1)> ', match: false },
    { text: '<b>', match: true },
  ]);
  assert.deepEqual(parseSnippet('fin [[ouvert'), [{ text: 'fin [[ouvert', match: false }]);
  assert.deepEqual(parseSnippet(''), []);
});
