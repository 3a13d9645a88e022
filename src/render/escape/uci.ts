// OpenWrt UCI quoting (/etc/config/* files) and the limits of the firewall's `name` option.
//
// The UCI tokenizer (openwrt/uci file.c) reads '...' completely literally and concatenates adjacent
// pieces, so `'` is written as '\'' -- exactly what `uci export` writes (UCI_QUOTE_ESCAPE). That
// is the same rule as POSIX sh single quotes, which is why the uci script can use shQuote for the
// same values. What quoting cannot fix is checked here instead: uci_validate_text() rejects control
// characters other than tab (current uci also rejects CR and LF), and fw4 turns `name` into an nft
// comment that nft refuses beyond 128 bytes, which would abort loading the whole ruleset.

import { commentLines, fitBytes, hashComment, oneLine } from '../text.js';

/** Raised when a value would be rejected by uci; callers sanitise free text before quoting. */
export class UciValueError extends Error {
  constructor(value: string) {
    super(`value is not valid UCI text (control character): ${JSON.stringify(value)}`);
    this.name = 'UciValueError';
  }
}

// uci_validate_text(): CR, LF and every other C0 control except tab are refused.
// eslint-disable-next-line no-control-regex
const INVALID_TEXT = /[\u0000-\u0008\u000a-\u001f]/;

/** True when `uci set` and the config parser accept `s` as a value. */
export function isUciText(s: string): boolean {
  return !INVALID_TEXT.test(s);
}

/** A single-quoted UCI token whose value is exactly `s` ('\'' for each quote, like uci export). */
export function uciQuote(s: string): string {
  if (!isUciText(s)) throw new UciValueError(s);
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Section and option names: uci_validate_str(name=true) allows only [A-Za-z0-9_], non-empty. */
export function isUciName(s: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(s);
}

/**
 * A `# ...` comment line of a UCI file. uci_parse_line() skips a line whose first word starts with
 * `#`, up to the newline and nothing further (no backslash continuation there), so control
 * characters (newlines included) become one space each run and nothing else needs care.
 */
export const uciComment = hashComment;

/** uciComment for each of some lines, one per line (a header block). */
export const uciComments = commentLines(uciComment);

/**
 * Longest `name` value synfw writes, in bytes. fw4 emits `comment "!fw4: <name>"` and, for NAT
 * reflection, `<name> (reflection)`: 6 + name + 13 must stay within nft's 128-byte comment limit
 * (NFTNL_UDATA_COMMENT_MAXLEN), i.e. 109 bytes; 100 leaves a margin. fw3's iptables comment
 * (256 bytes) is larger.
 */
export const NAME_MAX_BYTES = 100;

/**
 * Free text made fit for a redirect's `name`: control characters (newlines included) become one
 * space each run; `"` becomes `'`, the replacement fw4 makes when it writes the name as an nft
 * comment (fw4.quote), so the uci value stays identical to what `nft list ruleset` shows; and `%`
 * becomes the fullwidth `％` (U+FF05), because fw3 passes the name to its iptables comment as a
 * printf format (redirects.c set_comment -> fw3_ipt_rule_comment(r, name)), where `%s` or `%n`
 * would read or write memory.
 */
export function nameText(s: string): string {
  return (
    oneLine(s)
      .replace(/"/g, "'")
      .replace(/%/g, '\uff05')
      .trim()
  );
}

/** nameText(s) cut (whole code points, "..." appended) to at most NAME_MAX_BYTES bytes. */
export function fitName(s: string, maxBytes = NAME_MAX_BYTES): string {
  return fitBytes(s, maxBytes, nameText);
}
