import { describe, expect, it } from 'vitest';
import { rosComment, rosEscape, rosQuote, rosRegexLiteral, rosWord } from '../../src/render/escape/routeros.js';

describe('rosQuote', () => {
  it.each([
    ['plain', 'DSM', '"DSM"'],
    ['empty', '', '""'],
    ['space stays a space', 'a b', '"a b"'],
    ['double quote', 'say "hi"', '"say \\"hi\\""'],
    ['backslash', 'a\\b', '"a\\\\b"'],
    ['trailing backslash cannot eat the closing quote', 'x\\', '"x\\\\"'],
    ['dollar (variable)', '$HOME $(id)', '"\\$HOME \\$(id)"'],
    ['question mark (console help) as a byte escape', 'why?', '"why\\3F"'],
    ['newline, CR, tab', 'a\nb\r\tc', '"a\\nb\\r\\tc"'],
    ['other control bytes as upper-case hex', '\u0000\u0007\u001b\u007f', '"\\00\\07\\1B\\7F"'],
    ['two-byte UTF-8', 'Grüße', '"Gr\\C3\\BC\\C3\\9Fe"'],
    ['three-byte UTF-8', '日', '"\\E6\\97\\A5"'],
    ['four-byte UTF-8', '🚀', '"\\F0\\9F\\9A\\80"'],
    ['lone surrogate becomes U+FFFD', '\ud800', '"\\EF\\BF\\BD"'],
    ['brackets, braces, semicolon and hash are literal inside quotes', '[a] {b}; #c', '"[a] {b}; #c"'],
    ['U+2028 is non-ASCII, so hex', '\u2028', '"\\E2\\80\\A8"'],
  ])('%s', (_name, input, expected) => {
    expect(rosQuote(input)).toBe(expected);
    expect(rosEscape(input)).toBe(expected.slice(1, -1));
  });

  it('emits only printable ASCII', () => {
    let all = '';
    for (let c = 0; c < 0x300; c++) all += String.fromCharCode(c);
    expect(rosQuote(all)).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('rosWord', () => {
  it.each([
    ['WAN', 'WAN'],
    ['ether1', 'ether1'],
    ['vlan10.bridge', 'vlan10.bridge'],
    ['pppoe-out1', 'pppoe-out1'],
    ['ether1:1', '"ether1:1"'],
    ['wan@home', '"wan@home"'],
    ['-x', '"-x"'],
    ['two words', '"two words"'],
    ['', '""'],
  ])('%s', (input, expected) => {
    expect(rosWord(input)).toBe(expected);
  });
});

describe('rosComment', () => {
  it.each([
    ['plain', 'hello', '# hello'],
    ['empty', '', '#'],
    ['only spaces', '   ', '#'],
    ['trailing spaces trimmed', 'a  ', '# a'],
    ['quotes and brackets stay readable', 'remove [find where comment~"^synfw:home "]', '# remove [find where comment~"^synfw:home "]'],
    ['a backslash becomes \\5C, so a line never ends in one', 'C:\\', '# C:\\5C'],
    ['question mark as \\3F (console help)', 'ok?', '# ok\\3F'],
    ['newline cannot end the comment', 'a\n/ip firewall nat remove [find]', '# a\\0A/ip firewall nat remove [find]'],
    ['CR, tab', 'a\rb\tc', '# a\\0Db\\09c'],
    ['non-ASCII as UTF-8 bytes', 'ü', '# \\C3\\BC'],
  ])('%s', (_name, input, expected) => {
    const out = rosComment(input);
    expect(out).toBe(expected);
    expect(out).toMatch(/^#[\x20-\x7e]*$/);
    expect(out.endsWith('\\')).toBe(false);
  });
});

describe('rosRegexLiteral', () => {
  it.each([
    ['synfw:home', 'synfw:home'],
    ['synfw:home-lab', 'synfw:home-lab'],
    ['a.b*c+d?', 'a\\.b\\*c\\+d\\?'],
    ['^x$', '\\^x\\$'],
    ['(a|b)[c]{2}\\', '\\(a\\|b\\)\\[c\\]\\{2\\}\\\\'],
  ])('%s', (input, expected) => {
    expect(rosRegexLiteral(input)).toBe(expected);
    // The same ERE read by a JS regex (the escaped subset means the same in both) matches only itself.
    expect(new RegExp(`^${rosRegexLiteral(input)}$`).test(input)).toBe(true);
  });
});
