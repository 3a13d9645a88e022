// iptables-restore quoting. Its tokeniser (iptables/xshared.c: add_param_to_argv) knows only
// double quotes: inside them a backslash makes the next character literal; outside them space, tab
// and newline split words. Single quotes, $ and # inside a rule line are ordinary characters.

import { commentLines, hashComment, oneLine } from '../text.js';

/**
 * A double-quoted iptables-restore word whose value is oneLine(s): a rule is one line, so control
 * characters (newlines included) become spaces. Only `"` and `\` are backslash-escaped. Callers
 * count the kernel's byte limit on oneLine(s), the text iptables-restore hands to the kernel.
 */
export function iptQuote(s: string): string {
  return `"${oneLine(s).replace(/["\\]/g, '\\$&')}"`;
}

/** A `# ...` line of an iptables-restore file (it skips lines that start with #). */
export const restoreComment = hashComment;

/** restoreComment for each of some lines, one per line (a header block). */
export const restoreComments = commentLines(restoreComment);
