import { describe, expect, it } from 'vitest';
import { displayWidth, printable, wrapText } from '../../src/render/text.js';

describe('displayWidth (columns on a terminal or a fixed-width printout)', () => {
  it.each([
    ['plain', 5],
    ['', 0],
    ['Grüße', 5],
    ['e\u0301', 1], // e + combining acute
    ['日本語', 6],
    ['ｆｕｌｌ', 8], // fullwidth forms
    ['한국어', 6],
    ['🚀', 2],
    ['a\u200bb', 2], // zero-width space
    ['❤\ufe0f', 1], // text-default heart: the selector takes no column
  ])('%j takes %i', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width, continuation lines indented', () => {
    expect(wrapText('aaa bbb ccc ddd', 8, '  ')).toEqual(['aaa bbb', '  ccc', '  ddd']);
  });

  it('keeps the first line\'s leading spaces', () => {
    expect(wrapText('  tcp 443 -> 192.168.1.10:5001', 22, '    ')).toEqual(['  tcp 443 ->', '    192.168.1.10:5001']);
  });

  it('cuts a word wider than a line where it must, never beyond the width', () => {
    const lines = wrapText(`x ${'y'.repeat(25)} z`, 10, '  ');
    expect(lines).toEqual(['x', '  yyyyyyyy', '  yyyyyyyy', '  yyyyyyyy', '  y z']);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(10);
  });

  it('counts wide characters as two columns', () => {
    const lines = wrapText('日本語 日本語 日本語', 13);
    expect(lines).toEqual(['日本語 日本語', '日本語']);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(13);
  });

  it('gives one (empty) line for empty text', () => {
    expect(wrapText('', 80)).toEqual(['']);
  });
});

describe('printable (free text for people)', () => {
  it('is one line without C0, C1 or bidirectional controls', () => {
    expect(printable('a\nb\u0085c\u202ed\u2066e\u0000f')).toBe('a b cde f');
  });
});
