// Address checks the readers share, with ipaddr.js rather than node:net: the readers also run in
// the web page, where Node's modules do not exist.

import ipaddr from 'ipaddr.js';

/** A dotted-quad IPv4 address (no shorthand such as "10.1" that inet_aton would take). */
export const isIPv4 = (s: string): boolean => ipaddr.IPv4.isValidFourPartDecimal(s);

/** An IPv6 address without a zone ("%eth0"), which no firewall rule names. */
export const isIPv6 = (s: string): boolean => !s.includes('%') && ipaddr.IPv6.isValid(s);

/** 4, 6, or 0 for neither, as node:net's isIP. */
export const ipFamily = (s: string): 0 | 4 | 6 => (isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0);
