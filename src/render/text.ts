// Text shaping every output language shares: one-line free text, byte lengths, and cutting text to
// a byte limit. Escapers and targets both use these; they live below both so that neither layer
// has to import the other.

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

/** UTF-8 length without encoding the string (a lone surrogate counts 3 bytes, as U+FFFD). */
export const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

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
