import { describe, expect, it } from 'vitest';
import { byteLength } from '../../src/render/text.js';
import { fitName, isUciName, isUciText, nameText, NAME_MAX_BYTES, uciComment, uciQuote, UciValueError } from '../../src/render/escape/uci.js';
import { parseUciConfig } from '../../src/readers/uci/index.js';

describe('uciQuote: single quotes, each quote as close-escape-reopen (uci export)', () => {
  const cases: [string, string][] = [
    ['wan', `'wan'`],
    ['', `''`],
    [`it's`, `'it'\\''s'`],
    [`''`, `''\\'''\\'''`],
    [`a "b" \\c $d \`e\` #f ;g`, `'a "b" \\c $d \`e\` #f ;g'`],
    ['tab\there', `'tab\there'`],
    ['Grüße 🚀', `'Grüße 🚀'`],
  ];
  it.each(cases)('%j -> %s', (value, quoted) => {
    expect(uciQuote(value)).toBe(quoted);
  });

  it.each(cases)('the UCI tokenizer reads %j back unchanged', (value) => {
    if (value === '') return; // uci treats an empty value as "delete the option"; the strict parser refuses it
    const [s] = parseUciConfig(`config redirect 'x'\n\toption name ${uciQuote(value)}\n`);
    expect(s!.options.get('name')).toBe(value);
  });

  it.each(['a\nb', 'a\rb', 'a\u0000b', 'a\u001bb'])('refuses %j (uci_validate_text would)', (value) => {
    expect(() => uciQuote(value)).toThrow(UciValueError);
    expect(isUciText(value)).toBe(false);
  });
});

describe('isUciName: [A-Za-z0-9_]+ only', () => {
  it.each([
    ['synfw_home_tcp_80', true],
    ['A9_', true],
    ['', false],
    ['synfw-home', false],
    ['a.b', false],
    ['@redirect[0]', false],
    ['ü', false],
  ] as const)('%j -> %s', (name, ok) => {
    expect(isUciName(name)).toBe(ok);
  });
});

describe('uciComment: one # line, control characters become spaces', () => {
  it.each([
    ['hello', '# hello'],
    ['', '#'],
    ['two\nlines\r\nhere', '# two lines here'],
    ['trailing   ', '# trailing'],
    ["it's #1", "# it's #1"],
  ])('%j -> %j', (text, line) => {
    expect(uciComment(text)).toBe(line);
  });
});

describe('nameText / fitName: what the name option may hold', () => {
  it.each([
    ['plain', 'plain'],
    ['say "hi"', "say 'hi'"],
    ['two\nlines\r\nand\ttab', 'two lines and tab'],
    ['  padded\n', 'padded'],
    ['nul\u0000del\u007fls\u2028', 'nul del ls'],
    ['100% up, %s%n', '100\uff05 up, \uff05s\uff05n'],
  ])('nameText(%j) = %j', (text, out) => {
    expect(nameText(text)).toBe(out);
  });

  it('keeps short text whole and cuts long text to the byte limit with "..."', () => {
    expect(fitName('synfw:home dsm tcp/443 DSM')).toBe('synfw:home dsm tcp/443 DSM');
    const long = fitName(`synfw:home x tcp/1 ${'日本語'.repeat(40)}`);
    expect(byteLength(long)).toBeLessThanOrEqual(NAME_MAX_BYTES);
    expect(long.endsWith('...')).toBe(true);
    expect(long.startsWith('synfw:home x tcp/1 ')).toBe(true);
    expect(long).not.toContain('\uFFFD');
  });

  it('never leaves a control character, " or % in the result', () => {
    const out = fitName(`synfw:h a tcp/1 ${'"\n%'.repeat(200)}`);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/["%\u0000-\u001f]/);
    expect(byteLength(out)).toBeLessThanOrEqual(NAME_MAX_BYTES);
  });
});
