import { describe, expect, test } from 'vitest';
import { nftComment, nftString, nftText } from '../../src/render/escape/nft.js';
import { HOSTILE_TEXTS } from '../fixtures/plans.js';
import { parseNftJson } from '../../src/readers/nft/index.js';
import { parseNftList, tokenize } from '../../src/readers/nft/index.js';
import { inNetnsOk, needNft } from '../support/nft-netns.js';

describe('nftString (nft quoted string: no escapes exist)', () => {
  test.each([
    ['plain', 'plain', '"plain"'],
    ['empty', '', '""'],
    ['double quotes become single quotes (fw4 does the same)', 'say "hi"', `"say 'hi'"`],
    ['single quotes stay', "it's", `"it's"`],
    ['a backslash is an ordinary character', 'back\\slash \\"', `"back\\slash \\'"`],
    ['$, #, ;, braces stay literal inside quotes', '$HOME # x; { } @set', '"$HOME # x; { } @set"'],
    ['newlines, CR and tab become spaces', 'two\nlines\r\nand\ttab', '"two lines and tab"'],
    ['U+2028 and DEL become spaces', 'a\u2028b\u007fc', '"a b c"'],
    ['non-ASCII stays', 'Grüße 日本語 🚀', '"Grüße 日本語 🚀"'],
  ])('%s', (_what, input, want) => {
    expect(nftString(input)).toBe(want);
    expect(nftText(input)).toBe(want.slice(1, -1));
  });

  test('is idempotent on its own output text (fitBytes escapes, the template quotes again)', () => {
    for (const t of HOSTILE_TEXTS) expect(nftText(nftText(t))).toBe(nftText(t));
  });

  test.each([...HOSTILE_TEXTS, '"', '\\', '\\"', '" accept comment "x'])('the nft tokenizer reads %j back as one string', (text) => {
    const { tokens } = tokenize(`accept comment ${nftString(text)}\n`);
    expect(tokens.map((t) => t.t)).toEqual(['word', 'word', 'str', 'nl']);
    expect(tokens[2]!.v).toBe(nftText(text));
  });
});

describe('nftComment (# lines)', () => {
  test.each([
    ['', '#'],
    ['text', '# text'],
    ['trailing space  ', '# trailing space'],
    ['a\ntable inet x { }\nb', '# a table inet x { } b'],
    ['ends in a backslash \\', '# ends in a backslash \\'],
  ])('%j -> %j', (input, want) => {
    expect(nftComment(input)).toBe(want);
  });
});

describe('the real nft stores exactly nftText (private network namespace)', () => {
  test('every hostile text comes back from nft -j list as nftText', (ctx) => {
    needNft(ctx);
    const texts = [...HOSTILE_TEXTS.map((t) => t.slice(0, 100)), 'a "b" \\ c', 'ends in \\'];
    const header = texts.map((t) => nftComment(t)).join('\n');
    const rules = texts.map((t) => `\t\taccept comment ${nftString(t)}`).join('\n');
    const file = `${header}\ntable inet esc {\n\tchain c {\n\t\ttype filter hook forward priority filter; policy accept;\n${rules}\n\t}\n}\n`;
    const out = inNetnsOk({ 'f.nft': file }, 'nft -f f.nft\necho "=== json"; nft -j list table inet esc\necho "=== text"; nft list table inet esc');
    const fromJson = parseNftJson(out.json!).chains[0]!.rules.map((r) => r.comment);
    expect(fromJson).toEqual(texts.map(nftText));
    const fromText = parseNftList(out.text!);
    expect(fromText.chains[0]!.rules.map((r) => r.comment)).toEqual(texts.map(nftText));
  });
});
