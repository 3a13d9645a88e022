// VyOS CLI values and comments. The VyOS CLI is bash (vbash): a value is one shell word, and the
// vyos target writes every value in single quotes, inside which bash interprets nothing. That
// alone is not enough, because a value also has to survive VyOS itself:
//   - `description` is validated as [[:ascii:]]{0,255} (vyos-1x generic-description.xml.i), so
//     non-ASCII text is rejected at `set` time;
//   - `show configuration commands` prints values as '...' with no escape for ', and with \ and "
//     escaped as \\ and \" (vyos1x-config Util.escape_string), so a value holding ' " or \ no
//     longer pastes back as the same value;
//   - `?` pasted into the interactive CLI opens the help even inside quotes (vyos.dev T9077).
// So free text is reduced to printable ASCII without ' " \ ?, deterministically (vyosText), and
// vyosQuote refuses anything else instead of quoting it.

import { commentLines, oneLine } from '../text.js';

/** What a sanitised value never contains besides non-printable and non-ASCII characters. */
const UNSAFE = /['"\\?]/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Whether `s` is printable ASCII, which vyosText changes a character for a character (same length). */
export const isPrintableAscii = (s: string): boolean => PRINTABLE_ASCII.test(s);

/**
 * Free text as a VyOS-safe value: control characters (newlines included) become spaces (oneLine),
 * accents are dropped (NFKD, then combining marks U+0300-U+036F removed: "Grüße" -> "Gruße"),
 * then every code point that is still not printable ASCII, and each of ' " \ ?, becomes "_".
 * The result is printable ASCII, so its length in characters is its length in bytes.
 */
export function vyosText(s: string): string {
  // Printable ASCII (nearly every text) is left as it is by the line, accent and range steps.
  if (PRINTABLE_ASCII.test(s)) return s.replace(/['"\\?]/g, '_');
  return oneLine(s)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|['"\\?]/gu, '_');
}

/**
 * One single-quoted VyOS value, the form `show configuration commands` prints. Only for values
 * that are already safe: tokens (numbers, ports, addresses, interface and group names) and text
 * from vyosText. Anything else is a bug in the caller, so it throws instead of guessing.
 */
export function vyosQuote(value: string): string {
  if (typeof value !== 'string' || !PRINTABLE_ASCII.test(value) || UNSAFE.test(value)) {
    throw new Error(`vyosQuote: ${JSON.stringify(value)} is not a safe VyOS value (pass free text through vyosText)`);
  }
  return `'${value}'`;
}

/**
 * A `# ...` comment line for both output forms (a vbash script, or lines pasted into configure
 * mode, where bash ignores comments too). One line (oneLine), printable ASCII only (accents
 * dropped, the rest "_"), and no `?`, which would open the CLI help when pasted.
 */
export function vyosComment(s: string): string {
  // Printable ASCII without `?` (nearly every header line) is kept as it is, without a replace.
  const safe = PRINTABLE_ASCII.test(s)
    ? s.includes('?')
      ? s.replace(/\?/g, '_')
      : s
    : oneLine(s)
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\x20-\x7e]|\?/gu, '_');
  const text = safe.trimEnd();
  return text ? `# ${text}` : '#';
}

/** vyosComment for each of some lines, one per line (a header block). */
export const vyosComments = commentLines(vyosComment);
