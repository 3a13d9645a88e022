// Escapers for the two UPnP targets: the upnpc mapping description (shell quoting itself comes
// from shell.ts) and miniupnpd.conf comment lines. miniupnpd.conf has no quoting at all: only
// validated numbers and addresses go into its rule lines (src/targets/upnp-checks.ts).

import { oneLine } from '../text.js';

/**
 * miniupnpd reads a mapping description back into `char desc[64]` (upnpsoap.c,
 * GetSpecificPortMappingEntry and GetGenericPortMappingEntry) with strncpy, so 63 bytes survive a
 * round trip; with miniupnpd 2.3.1 a 73-byte description came back unterminated, followed by garbage.
 */
export const UPNP_DESC_MAX = 63;

/**
 * A port mapping description as upnpc sends it. miniupnpc copies the value into the SOAP body
 * without XML escaping (miniupnpc.c simpleUPnPcommand) and miniupnpd echoes it back the same way
 * (a description "x <b>y</b>" was stored as an empty string by miniupnpd 2.3.1), so characters
 * that would end or corrupt the XML element are replaced:
 * `<` -> `(`, `&` -> `+`, `]]>` -> `]])`; control characters become spaces. Idempotent.
 */
export function upnpDescription(s: string): string {
  return oneLine(s).replaceAll('<', '(').replaceAll('&', '+').replaceAll(']]>', ']])').trim();
}

/**
 * miniupnpd reads its config with fgets() into a 1024-byte buffer (options.c readoptionsfile):
 * a longer comment line would be split and its tail parsed as a new line, possibly as an
 * allow/deny rule. Comment lines are therefore kept far below that.
 */
export const CONF_COMMENT_MAX = 240;

/** Text that may follow "# " in miniupnpd.conf: one line, no control characters. Idempotent. */
export function confComment(s: string): string {
  return oneLine(s);
}
