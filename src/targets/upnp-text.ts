// Escapers and value checks shared by the upnp script and the miniupnpd permission lines.
//
// shQuote/shComment are private stand-ins for src/render/escape/shell.ts, which is being written
// elsewhere; the lead will point the upnp target at the shared module and delete these two.

import { oneLine } from './common.js';

/** One sh word: single-quoted, an embedded ' becomes '\'' (close, escaped quote, reopen). */
export function shQuote(s: string): string {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** Text that may follow "# " in a sh script: a comment ends only at a newline, so none may remain. */
export function shComment(s: string): string {
  return oneLine(s);
}

/**
 * miniupnpd reads a mapping description back into `char desc[64]` (upnpsoap.c,
 * GetSpecificPortMappingEntry and GetGenericPortMappingEntry), so 63 bytes survive a round trip.
 */
export const UPNP_DESC_MAX = 63;

/**
 * A port mapping description as upnpc sends it. miniupnpc copies the value into the SOAP body
 * without XML escaping (minisoap/miniupnpc.c simpleUPnPcommand) and miniupnpd echoes it back the
 * same way, so characters that would end or corrupt the XML element are replaced:
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

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/**
 * The NAS address reaches both outputs unquoted. The resolver already validated it; this guards
 * the no-quoting contract (and rules out leading zeros, which inet_aton would read as octal).
 */
export function checkedIPv4(address: string): string {
  if (!IPV4.test(address)) throw new Error(`internal: NAS address ${JSON.stringify(address)} is not a dotted-quad IPv4 address`);
  return address;
}

export function checkedPort(port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`internal: port ${port} is outside 1-65535`);
  return port;
}
