// Guards for values that outputs print without quoting: the resolver validated them, and these
// checks keep the no-quoting contract true should that ever change.

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** A dotted-quad IPv4 address without leading zeros (which inet_aton would read as octal). */
export function checkedIPv4(address: string): string {
  if (!IPV4.test(address)) throw new Error(`internal: NAS address ${JSON.stringify(address)} is not a dotted-quad IPv4 address`);
  return address;
}

export function checkedPort(port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`internal: port ${port} is outside 1-65535`);
  return port;
}

/** Linux interface names: IFNAMSIZ is 16 bytes with the NUL; no spaces, slashes, quotes or `*`. */
export const LINUX_IFNAME = /^[A-Za-z0-9][A-Za-z0-9_.@:+-]{0,14}$/;
