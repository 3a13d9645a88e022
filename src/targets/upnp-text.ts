// Escapers and value checks for the two UPnP targets: the upnpc description (shell quoting itself
// comes from src/render/escape/shell.ts), miniupnpd.conf comments, and the no-quoting guards.

import { oneLine } from './common.js';

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
