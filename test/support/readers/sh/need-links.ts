// The interface check the iptables and VyOS scripts make before they change anything (the
// templates' partial sh-need-links), read exactly with the shared sh tokeniser: `ip link show dev
// 'NAME'` fails for an interface the router does not have, and the script then prints MESSAGE and
// the interfaces it has, and exits 1. Shared by the iptables and VyOS script readers.

import { shTokens, type ShToken } from '../../../../src/readers/sh/lexer.js';

export interface LinkCheck {
  iface: string;
  /** What the script prints (then the list of interfaces) before it exits 1. */
  message: string;
}

/** The second line of every check: the router's interfaces, from `ip -o link show` (a VLAN's @parent cut). */
export const LINKS_LINE = `  echo "synfw: its interfaces: $(ip -o link show | awk -F': ' '{ sub(/@.*/, "", $2); printf "%s ", $2 }')" >&2`;

const IFNAME = /^[A-Za-z0-9][A-Za-z0-9_.@:+-]{0,14}$/;

/** A token as the shape of a line names it: a word as written, an operator, a redirection. */
const shape = (t: ShToken): string => (t.kind === 'word' ? t.raw : t.kind === 'redirect' ? `${t.fd ?? ''}${t.op}${t.target.raw}` : t.kind === 'op' ? t.op : '\n');

/** The value of a single-quoted word (nothing else in it), or undefined. */
function singleQuoted(t: ShToken | undefined): string | undefined {
  return t?.kind === 'word' && t.parts.length === 1 && t.parts[0]!.kind === 'single' ? t.text : undefined;
}

/** `if ! ip link show dev 'NAME' >/dev/null 2>&1; then`: NAME, or undefined for another line. */
function ifLine(line: string): string | undefined {
  if (!line.startsWith('if ! ip link show dev ')) return undefined;
  const { tokens, comments } = shTokens(line);
  const name = singleQuoted(tokens[6]);
  const rest = tokens.map(shape);
  rest[6] = 'NAME';
  const want = ['if', '!', 'ip', 'link', 'show', 'dev', 'NAME', '>/dev/null', '2>&1', ';', 'then'];
  const exact = line === `if ! ip link show dev ${tokens[6]?.kind === 'word' ? tokens[6].raw : ''} >/dev/null 2>&1; then`;
  return comments.length || name === undefined || !IFNAME.test(name) || !exact || rest.join(' ') !== want.join(' ') ? undefined : name;
}

/** `  echo 'MESSAGE' >&2` (no ? in it, which a paste into a shell would not keep): MESSAGE. */
function echoLine(line: string): string | undefined {
  if (!line.startsWith('  echo ') || line.startsWith('   ')) return undefined;
  const { tokens, comments } = shTokens(line);
  const message = singleQuoted(tokens[1]);
  const exact = tokens.length === 3 && line === `  echo ${shape(tokens[1]!)} >&2` && shape(tokens[2]!) === '>&2';
  return comments.length || message === undefined || message.includes('?') || !exact ? undefined : message;
}

/**
 * The check whose first line is lines[n] (5 lines), or null when lines[n] does not start one.
 * Throws, naming the line, when it starts one but is not exactly that.
 */
export function readLinkCheck(lines: readonly string[], n: number): LinkCheck | null {
  if (!(lines[n] ?? '').startsWith('if ! ip link show dev ')) return null;
  const iface = ifLine(lines[n]!);
  if (iface === undefined) throw new Error(`line ${n + 1}: expected if ! ip link show dev 'NAME' >/dev/null 2>&1; then, got ${JSON.stringify(lines[n])}`);
  const message = echoLine(lines[n + 1] ?? '');
  if (message === undefined) throw new Error(`line ${n + 2}: expected echo 'MESSAGE' >&2, got ${JSON.stringify(lines[n + 1])}`);
  [LINKS_LINE, '  exit 1', 'fi'].forEach((want, k) => {
    if (lines[n + 2 + k] !== want) throw new Error(`line ${n + 3 + k}: expected ${JSON.stringify(want)}, got ${JSON.stringify(lines[n + 2 + k])}`);
  });
  return { iface, message };
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
