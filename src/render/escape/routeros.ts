// RouterOS script quoting (MikroTik Scripting manual: "Constant Escape Sequences", "Comments",
// "Line joining"). Everything the mikrotik target prints is ASCII: a terminal paste or /import then
// sees exactly these bytes whatever the console's character set.

import { commentLines } from '../text.js';

const utf8 = new TextEncoder();

/** `\XX`: the manual's byte escape; the hex digits must be upper case (lower case is an error). */
const hexByte = (b: number): string => `\\${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Every UTF-8 byte of `ch` as `\XX`. */
const hexBytes = (ch: string): string => Array.from(utf8.encode(ch), hexByte).join('');

const printableAscii = (ch: string): boolean => ch >= ' ' && ch <= '~';

/** Text that rosEscape leaves as it is (printable ASCII without QUOTED_SPECIAL), and rosComment (without COMMENT_SPECIAL). */
const PRINTABLE = /^[\x20-\x7e]*$/;
const QUOTED_SPECIAL = /[\\"$?]/;
const COMMENT_SPECIAL = /[\\?]/;

// `$` would start a variable substitution, `?` opens the help when typed (or pasted) in a console.
// `?` is written as the byte escape `\3F`: the scripting manual lists `\?`, but a RouterOS v7
// script analyser checked on devices does not accept it, while `\XX` works on v6 and v7.
const NAMED: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  $: '\\$',
  '?': '\\3F',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * The inside of a double-quoted RouterOS string whose value is exactly the UTF-8 bytes of `s`:
 * `\\ \" \$ \n \r \t`, `?` as `\3F`, other control characters and every non-ASCII byte as
 * `\XX`, the rest of printable ASCII as is. A lone surrogate becomes U+FFFD (what TextEncoder makes of it).
 */
export function rosEscape(s: string): string {
  // Most text (every generated comment) has nothing to escape: one regex test instead of a string per character.
  if (PRINTABLE.test(s) && !QUOTED_SPECIAL.test(s)) return s;
  let out = '';
  for (const ch of s) out += NAMED[ch] ?? (printableAscii(ch) ? ch : hexBytes(ch));
  return out;
}

/** A double-quoted RouterOS string whose value is exactly `s` (see rosEscape). */
export function rosQuote(s: string): string {
  return `"${rosEscape(s)}"`;
}

// A bare word stops at whitespace and at RouterOS's delimiters; this set needs no quotes anywhere.
const BARE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** `s` as a bare word when that is unambiguous (interface names like ether1, WAN), else quoted. */
export function rosWord(s: string): string {
  return BARE.test(s) ? s : rosQuote(s);
}

/**
 * A whole `# ...` comment line. The hash is the line's first byte (the current manual allows nothing
 * before it). Printable ASCII stays readable; `\` and `?` and everything else (control characters,
 * non-ASCII bytes) are written `\XX` as plain text. So the line is ASCII, holds no line break, and
 * never ends in a backslash (a comment ending in `\` is a syntax error: "a backslash does not
 * continue a comment"), and a pasted `?` cannot pop up the console help.
 */
export function rosComment(s: string): string {
  let text = '';
  if (PRINTABLE.test(s) && !COMMENT_SPECIAL.test(s)) text = s;
  else for (const ch of s) text += printableAscii(ch) && ch !== '\\' && ch !== '?' ? ch : hexBytes(ch);
  text = text.trimEnd();
  return text ? `# ${text}` : '#';
}

/** rosComment for each of some lines, one per line (a header block). */
export const rosComments = commentLines(rosComment);

// POSIX ERE metacharacters; RouterOS's `~` operator is a POSIX extended regex match.
const ERE_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/** A POSIX ERE matching `s` literally (before rosQuote escapes the backslashes once more). */
export function rosRegexLiteral(s: string): string {
  return s.replace(ERE_SPECIAL, '\\$&');
}
