// The no-quoting guards of the two UPnP targets: miniupnpd.conf rule lines and upnpc arguments
// carry only values checked here.

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
