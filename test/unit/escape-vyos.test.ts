import { spawnSync } from 'node:child_process';
import { describe, expect, it, test } from 'vitest';
import { vyosComment, vyosQuote, vyosText } from '../../src/render/escape/vyos.js';
import { HOSTILE_TEXTS } from '../fixtures/plans.js';

describe('vyosText', () => {
  test.each([
    ['plain', 'DSM', 'DSM'],
    ['empty', '', ''],
    ['single quote', "it's", 'it_s'],
    ['double quote and backslash', 'say "hi" \\ there', 'say _hi_ _ there'],
    ['question mark (CLI help)', 'why?', 'why_'],
    ['shell syntax stays: it is data inside single quotes', '$HOME `id` $(x) ${IFS}; rm -rf / # c', '$HOME `id` $(x) ${IFS}; rm -rf / # c'],
    ['control characters become one space per run', 'two\nlines\r\nand\ttab', 'two lines and tab'],
    ['accents dropped, ß has no ASCII decomposition', 'Grüße, café', 'Gru_e, cafe'],
    ['CJK: one _ per code point', '日本語', '___'],
    ['emoji (surrogate pair) is one code point', 'a 🚀 b', 'a _ b'],
    ['compatibility forms decompose', 'ﬁle ①', 'file 1'],
    ['U+2028 is a line break', 'a\u2028b', 'a b'],
    ['DEL', 'a\u007fb', 'a b'],
  ])('%s', (_name, input, want) => {
    expect(vyosText(input)).toBe(want);
  });

  test.each(HOSTILE_TEXTS)('always printable ASCII without quotes, backslash or ?: %j', (text) => {
    const out = vyosText(text);
    expect(out).toMatch(/^[\x20-\x7e]*$/);
    expect(out).not.toMatch(/['"\\?]/);
    expect(vyosText(out)).toBe(out);
  });
});

describe('vyosQuote', () => {
  test.each([
    ['tcp', "'tcp'"],
    ['', "''"],
    ['6001-6010,6690', "'6001-6010,6690'"],
    ['2001:db8::10', "'2001:db8::10'"],
    ['synfw:home dsm tcp/443 -> 5001 $HOME `id`', "'synfw:home dsm tcp/443 -> 5001 $HOME `id`'"],
  ])('%j -> %s', (input, want) => {
    expect(vyosQuote(input)).toBe(want);
  });

  test.each(["it's", 'a"b', 'a\\b', 'why?', 'ü', 'two\nlines', '\t'])('refuses %j instead of guessing', (bad) => {
    expect(() => vyosQuote(bad)).toThrow(/not a safe VyOS value/);
  });

  test.each(HOSTILE_TEXTS.map(vyosText))('bash reads the quoted text back as one word, unchanged: %j', (text) => {
    const r = spawnSync('bash', ['-c', `printf %s ${vyosQuote(text)}`], { encoding: 'utf8' });
    expect(r.stdout).toBe(text);
    const count = spawnSync('bash', ['-c', `set -- ${vyosQuote(text)}; printf %s "$#"`], { encoding: 'utf8' });
    expect(count.stdout).toBe('1');
  });
});

describe('vyosComment', () => {
  test.each([
    ['', '#'],
    ['text', '# text'],
    ['profile "home", it\'s \\ fine', '# profile "home", it\'s \\ fine'],
    ['why?', '# why_'],
    ['two\nlines', '# two lines'],
    ['Grüße 🚀', '# Gru_e _'],
    ['trailing  ', '# trailing'],
  ])('%j -> %j', (input, want) => {
    expect(vyosComment(input)).toBe(want);
  });

  it.each(HOSTILE_TEXTS)('one ASCII line that bash ignores: %j', (text) => {
    const line = vyosComment(text);
    expect(line).toMatch(/^#[\x20-\x7e]*$/);
    expect(line).not.toContain('?');
    const r = spawnSync('bash', ['-c', `${line}\nprintf ok`], { encoding: 'utf8' });
    expect(r.stdout).toBe('ok');
  });
});
