// Text shaping every output language shares: one-line free text, byte lengths, and cutting text to
// a byte limit. Escapers and targets both use these; they live below both so that neither layer
// has to import the other.

import { utf8Length } from '../lib/utf8-length.js';

/** Control characters (C0, DEL) and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

/** Free text on one line: each run of control characters (newlines included) becomes one space. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKING, ' ');
}

/** A `# ...` comment line (sh, nft, iptables-restore, UCI): one line, so it can never end early. */
export function hashComment(text: string): string {
  const line = oneLine(text).trimEnd();
  return line ? `# ${line}` : '#';
}

/**
 * A language's comment escaper made into one for a block of lines (a header): each line escaped,
 * joined by newlines, no newline after the last. One helper call per block instead of a template
 * loop whose every step (data frame, block program, its own string) cost more than the escaping.
 */
export function commentLines(comment: (line: string) => string): (lines: readonly string[]) => string {
  return (lines) => {
    const out = new Array<string>(lines.length);
    for (let i = 0; i < lines.length; i++) out[i] = comment(lines[i]!);
    return out.join('\n');
  };
}

/** ASCII only: one UTF-8 byte per character. */
// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

/**
 * UTF-8 length without encoding the string (a lone surrogate counts 3 bytes, as U+FFFD). Most rule
 * texts are ASCII, which one regex test tells without a loop over the characters in JavaScript
 * (a render measures 10,000 of them, mostly before the loop is optimised).
 */
export const byteLength = (text: string): number => (ASCII.test(text) ? text.length : utf8Length(text));

/**
 * `text` itself when measure(text) fits in maxBytes, else its longest prefix (whole code points,
 * trailing spaces dropped) plus "..." whose measured form fits. `measure` is the form the limit
 * counts (the escaped or stored text); the result is still unescaped. The tag at the start of a
 * rule text survives because limits are far above its 40-odd bytes.
 */
export function fitText(text: string, maxBytes: number, measure: (s: string) => string = (s) => s): string {
  const fits = (s: string): boolean => byteLength(measure(s)) <= maxBytes;
  if (fits(text)) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(`${chars.slice(0, mid).join('')}...`)) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}...`;
}

/** escape(fitText(text, maxBytes, escape)): the escaped text, cut so that it fits. */
export function fitBytes(text: string, maxBytes: number, escape: (s: string) => string = (s) => s): string {
  return escape(fitText(text, maxBytes, escape));
}

/**
 * The longest prefix of whole code points within maxBytes (PHP substr on bytes, kept valid UTF-8).
 * UTF-8 lengths are counted from the UTF-16 units (a lone surrogate as 3, like byteLength), so a
 * long text costs no string per character.
 */
export function bytePrefix(text: string, maxBytes: number): string {
  if (ASCII.test(text)) return text.length <= maxBytes ? text : text.slice(0, maxBytes);
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    used += c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (used > maxBytes) break;
    i += pair ? 2 : 1;
  }
  return text.slice(0, i);
}

/**
 * Bidirectional formatting characters (embeddings, overrides, isolates, marks): in free text they
 * can make a printed line read differently from what it holds ("Trojan Source"), so text meant
 * for people drops them.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** C1 controls: NEL (U+0085) ends a line on some terminals and printers. */
const C1_CONTROLS = /[\u0080-\u009f]+/g;

/** Free text for people: one line (oneLine, and C1 controls as spaces), without bidirectional controls. */
export function printable(text: string): string {
  return oneLine(text).replace(C1_CONTROLS, ' ').replace(BIDI_CONTROLS, '');
}

/**
 * The code points that take no column (combining marks, variation selectors, zero-width format
 * characters) and those that take two (emoji shown as emoji, East Asian wide and fullwidth forms).
 * Made when first needed: V8 builds a \p{...} class's Unicode set when the regular expression is
 * created, about a quarter of a millisecond, which every command that loads this module paid.
 */
let widthClasses: { zero: RegExp; wide: RegExp } | undefined;

/** Columns a line takes on a terminal or a fixed-width printout (wide characters 2, marks 0). */
export function displayWidth(text: string): number {
  widthClasses ??= {
    zero: /^[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]$/u,
    wide: /^[\p{Emoji_Presentation}\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]$/u,
  };
  const { zero, wide } = widthClasses;
  let width = 0;
  for (const ch of text) width += zero.test(ch) ? 0 : wide.test(ch) ? 2 : 1;
  return width;
}

/**
 * `text` in lines of at most `width` columns: broken at spaces, a word wider than a line split where
 * it must; the first line keeps the text's leading spaces, every later one starts with `indent`
 * (which counts towards the width).
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = /^ */.exec(text)![0];
  let fresh = true;
  const room = (): number => width - displayWidth(line);
  const push = (): void => {
    lines.push(line.trimEnd());
    line = indent;
    fresh = true;
  };
  for (const word of text.split(/ +/).filter((w) => w !== '')) {
    const sep = fresh ? '' : ' ';
    if (displayWidth(sep + word) <= room()) {
      line += sep + word;
      fresh = false;
      continue;
    }
    if (!fresh) push();
    let rest = word;
    // A word wider than a whole line: cut it into pieces that fit.
    while (displayWidth(rest) > room()) {
      let piece = '';
      for (const ch of rest) {
        if (displayWidth(piece + ch) > room()) break;
        piece += ch;
      }
      if (piece === '') break;
      line += piece;
      rest = rest.slice(piece.length);
      push();
    }
    line += rest;
    fresh = rest === '';
  }
  if (!fresh || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
