// nft quoting. nft's scanner reads a quoted string as `"[^"]*"` (src/scanner.l): there is no
// escape at all, a backslash is an ordinary character and `\"` is a syntax error. So a `"` in
// free text cannot be kept; like OpenWrt fw4 (fw4.uc `quote`) we write it as `'`. `#` starts a
// comment to the end of the line outside strings.

import { commentLines, hashComment, oneLine } from '../text.js';

/**
 * The text nft stores for a quoted string made of `s`: one line (control characters, newlines
 * included, become spaces) and every `"` turned into `'`. Comment limits are counted on this.
 */
export function nftText(s: string): string {
  return oneLine(s).replace(/"/g, "'");
}

/** A double-quoted nft string (rule comments): `"` + nftText(s) + `"`. */
export function nftString(s: string): string {
  return `"${nftText(s)}"`;
}

/** A `# ...` line of an nft file: one line, so nothing after it can be read as a command. */
export const nftComment = hashComment;

/** nftComment for each of some lines, one per line (a header block). */
export const nftComments = commentLines(nftComment);
