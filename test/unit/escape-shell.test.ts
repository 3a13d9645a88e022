import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { restoreComment, restoreComments } from '../../src/render/escape/iptables.js';
import { nftComment, nftComments } from '../../src/render/escape/nft.js';
import { rosComment, rosComments } from '../../src/render/escape/routeros.js';
import { shComment, shComments, shQuote } from '../../src/render/escape/shell.js';
import { vyosComment, vyosComments } from '../../src/render/escape/vyos.js';
import { HOSTILE_TEXTS } from '../fixtures/plans.js';

describe('shQuote', () => {
  test.each([
    ['', "''"],
    ['plain', "'plain'"],
    ["it's", "'it'\\''s'"],
    ["''", "''\\'''\\'''"],
    ['$HOME `id` $(x) ${IFS}', "'$HOME `id` $(x) ${IFS}'"],
    ['back\\slash "dq"', `'back\\slash "dq"'`],
    ['two\nlines', "'two\nlines'"],
    ['nul\0byte', "'nulbyte'"],
    ['Grüße 🚀', "'Grüße 🚀'"],
    ['-j ACCEPT', "'-j ACCEPT'"],
  ])('%j -> %s', (input, want) => {
    expect(shQuote(input)).toBe(want);
  });

  test.each([...HOSTILE_TEXTS, "'", "a'b'c", '\\', '!#;&|<>*?[]~'])('sh reads %j back as one word, unchanged', (text) => {
    // printf %s prints its argument as is: the shell passed exactly the text.
    const r = spawnSync('sh', ['-c', `printf %s ${shQuote(text)}`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(text);
    const count = spawnSync('sh', ['-c', `set -- ${shQuote(text)}; printf %s "$#"`], { encoding: 'utf8' });
    expect(count.stdout).toBe('1');
  });
});

describe('shComment', () => {
  test.each([
    ['', '#'],
    ['text', '# text'],
    ['two\nlines\r\nand\ttab', '# two lines and tab'],
    ['trailing\n', '# trailing'],
    ['line\u2028sep', '# line sep'],
    ['$(touch x) `id`', '# $(touch x) `id`'],
  ])('%j -> %j', (input, want) => {
    expect(shComment(input)).toBe(want);
  });

  test.each(HOSTILE_TEXTS)('one line that sh ignores: %j', (text) => {
    const line = shComment(text);
    expect(line).not.toMatch(/[\n\r]/);
    const r = spawnSync('sh', ['-c', `${line}\nprintf ok`], { encoding: 'utf8' });
    expect(r.stdout).toBe('ok');
  });
});

describe('comment blocks (a header in one helper call)', () => {
  test('shComments: each line as shComment, one per line, no newline after the last', () => {
    expect(shComments(['a', 'b\nc  ', ''])).toBe('# a\n# b c\n#');
    expect(shComments([])).toBe('');
  });

  test.each([
    ['shComments', shComments, shComment],
    ['restoreComments', restoreComments, restoreComment],
    ['nftComments', nftComments, nftComment],
    ['rosComments', rosComments, rosComment],
    ['vyosComments', vyosComments, vyosComment],
  ] as const)('%s is its line escaper line by line (hostile texts)', (_name, block, line) => {
    expect(block(HOSTILE_TEXTS)).toBe(HOSTILE_TEXTS.map(line).join('\n'));
  });
});
