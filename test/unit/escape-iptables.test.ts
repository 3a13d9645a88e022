import { describe, expect, test } from 'vitest';
import { iptQuote, restoreComment } from '../../src/render/escape/iptables.js';
import { HOSTILE_TEXTS } from '../fixtures/plans.js';
import { restoreWords } from '../../src/readers/iptables/index.js';

describe('iptQuote (iptables-restore double quotes)', () => {
  test.each([
    ['', '""'],
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ["single 'quotes' stay", `"single 'quotes' stay"`],
    ['$HOME `id` #hash', '"$HOME `id` #hash"'],
    ['two\nlines\r\nand\ttab', '"two lines and tab"'],
    ['Grüße 🚀', '"Grüße 🚀"'],
  ])('%j -> %s', (input, want) => {
    expect(iptQuote(input)).toBe(want);
  });

  test.each([...HOSTILE_TEXTS, '"', '\\', '\\"', '" -j ACCEPT "'])('the restore tokeniser reads %j back as one word', (text) => {
    const words = restoreWords(`-A c -m comment --comment ${iptQuote(text)} -j ACCEPT`);
    expect(words).toEqual(['-A', 'c', '-m', 'comment', '--comment', text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' '), '-j', 'ACCEPT']);
  });
});

describe('restoreComment', () => {
  test.each([
    ['', '#'],
    ['text', '# text'],
    ['a\nCOMMIT\n*filter', '# a COMMIT *filter'],
  ])('%j -> %j', (input, want) => {
    expect(restoreComment(input)).toBe(want);
  });
});
