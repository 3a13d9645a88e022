// The interface check the iptables and VyOS scripts make before they change anything (the
// templates' partial sh-need-links), read exactly: `ip link show dev 'NAME'` fails for an
// interface the router does not have, and the script then prints MESSAGE and the interfaces it
// has, and exits 1. Shared by parse-iptables-sh.ts and parse-vyos.ts.

export interface LinkCheck {
  iface: string;
  /** What the script prints (then the list of interfaces) before it exits 1. */
  message: string;
}

/** The second line of every check: the router's interfaces, from `ip -o link show` (a VLAN's @parent cut). */
export const LINKS_LINE = `  echo "synfw: its interfaces: $(ip -o link show | awk -F': ' '{ sub(/@.*/, "", $2); printf "%s ", $2 }')" >&2`;

const IF_LINE = /^if ! ip link show dev '([A-Za-z0-9][A-Za-z0-9_.@:+-]{0,14})' >\/dev\/null 2>&1; then$/;
const ECHO_LINE = /^ {2}echo '([^'?]*)' >&2$/;

/**
 * The check whose first line is lines[n] (5 lines), or null when lines[n] does not start one.
 * Throws, naming the line, when it starts one but is not exactly that.
 */
export function readLinkCheck(lines: readonly string[], n: number): LinkCheck | null {
  const head = IF_LINE.exec(lines[n] ?? '');
  if (!head) return null;
  const echo = ECHO_LINE.exec(lines[n + 1] ?? '');
  const rest = [LINKS_LINE, '  exit 1', 'fi'];
  if (!echo) throw new Error(`line ${n + 2}: expected echo 'MESSAGE' >&2, got ${JSON.stringify(lines[n + 1])}`);
  rest.forEach((want, k) => {
    if (lines[n + 2 + k] !== want) throw new Error(`line ${n + 3 + k}: expected ${JSON.stringify(want)}, got ${JSON.stringify(lines[n + 2 + k])}`);
  });
  return { iface: head[1]!, message: echo[1]! };
}

/** Every check from lines[n] on, in order (each interface once); `next` is the line after them. */
export function readLinkChecks(lines: readonly string[], n: number): { checks: LinkCheck[]; next: number } {
  const checks: LinkCheck[] = [];
  for (let c = readLinkCheck(lines, n); c; c = readLinkCheck(lines, n)) {
    if (checks.some((x) => x.iface === c!.iface)) throw new Error(`line ${n + 1}: interface ${c.iface} is checked twice`);
    checks.push(c);
    n += 5;
  }
  return { checks, next: n };
}
