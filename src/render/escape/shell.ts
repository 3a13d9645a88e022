// POSIX sh quoting for generated scripts (iptables, openwrt, upnp targets). Inside single quotes sh
// interprets nothing ($, `, \, " and newlines are all literal), so the only character that needs
// care is the single quote itself, written as '\'' (close, escaped quote, reopen).

import { commentLines, hashComment } from '../text.js';

/**
 * One single-quoted shell word whose value is exactly `s`. NUL characters are dropped: no POSIX
 * shell can pass them in an argument. The empty string becomes ''.
 */
export function shQuote(s: string): string {
  if (!s.includes("'") && !s.includes('\0')) return `'${s}'`; // the usual case, without two scans and copies
  return `'${s.replace(/\0/g, '').replace(/'/g, `'\\''`)}'`;
}

/**
 * A `# ...` comment line. Control characters (newlines included, and U+2028/U+2029) become one
 * space per run (oneLine), so the text can never end the comment and start a command.
 */
export const shComment = hashComment;

/** shComment for each of some lines, one per line (a header block). */
export const shComments = commentLines(shComment);
