// A strict reader for the nft subset synfw's nftables target writes, tokenised the way nft's
// scanner does (src/scanner.l): `#` starts a comment to the end of the line outside strings, a
// quoted string is `"[^"]*"` with no escapes at all, newlines end commands. Anything outside the
// subset is an error, so a broken quote cannot hide behind a lenient parser. It reads whole
// files (header, declare, delete, define) and `nft list table` output (the table block alone).
// The one regular chain it knows is `interfaces`, a list of `iif "NAME" return`: nft resolves iif
// when it loads the file, so loading fails while one of those interfaces is missing.

import type { PortRange, Proto } from '../../plan/types.js';
import { Reader, tokenize } from './lexer.js';

export { tokenize };

export type L4 = Proto | 'th';

/** One rule, normalised so that the text form and nft's JSON form compare equal. */
export interface NftRule {
  /** The kinds of matches and statements, in the order written (nft keeps it). */
  order: string[];
  iifname?: string;
  nfproto?: 'ipv4';
  saddr?: { family: 4 | 6; set: string[] };
  daddr?: { family: 4 | 6; addr: string };
  l4proto?: Proto[];
  dport?: { l4: L4; ports: PortRange[] };
  /** `fib daddr type local` */
  fibLocal?: true;
  /** `fib daddr . iif type != local` */
  fibIifNotLocal?: true;
  ctStatusDnat?: true;
  ctMarkMatch?: { mask: number; value: number };
  /** `ct mark set ct mark | BITS` */
  ctMarkOr?: number;
  dnat?: { addr: string; port?: number } | { l4: L4; map: [number, string, number][] };
  masquerade?: true;
  accept?: true;
  comment?: string;
}

export interface NftChain {
  name: string;
  type: 'nat' | 'filter';
  hook: 'prerouting' | 'postrouting' | 'forward';
  prio: number;
  policy: 'accept' | 'drop';
  rules: NftRule[];
}

export interface NftTable {
  family: 'inet';
  name: string;
  /** The interfaces `chain interfaces` names (iif: loading needs them); undefined without that chain. */
  interfaces?: string[];
  /** The base chains, in order. */
  chains: NftChain[];
}

/** The comment a file has just before its interfaces chain (nft list prints no comments). */
export const INTERFACES_COMMENT = [
  '\t# nft resolves iif at load time: loading fails, changing nothing, if an interface the rules',
  '\t# name does not exist (iifname, used below, would accept any name and match nothing).',
];

export interface NftFile {
  /** The leading `#` lines without the `# `. */
  header: string[];
  table: NftTable;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_./]*$/;
const PORT = /^([1-9]\d{0,4})(?:-([1-9]\d{0,4}))?$/;
const IP4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IP6 = /^[0-9a-f:]*:[0-9a-f:]*$/;
const HEX = /^0x[0-9a-f]{1,8}$/;
const IFNAME = /^[A-Za-z0-9][A-Za-z0-9_.@:+-]{0,14}$/;

function port(v: string): PortRange {
  const m = PORT.exec(v)!;
  const first = Number(m[1]);
  const last = m[2] ? Number(m[2]) : first;
  if (last > 65535 || last <= first && m[2]) throw new Error(`bad port range ${v}`);
  return { first, last };
}

/** `X` or `{ X, Y }` where each element matches re. */
function set(r: Reader, re: RegExp, what: string): string[] {
  if (!r.is('{')) return [r.word(re, what)];
  r.eat('{');
  const out = [r.word(re, what)];
  while (r.is(',')) {
    r.eat(',');
    out.push(r.word(re, what));
  }
  r.eat('}');
  return out;
}

function addrElement(family: 4 | 6): RegExp {
  const a = family === 4 ? IP4.source.slice(1, -1) : IP6.source.slice(1, -1);
  return new RegExp(`^(${a})(/\\d{1,3}|-(${a}))?$`);
}

function rule(r: Reader): NftRule {
  const out: NftRule = { order: [] };
  const put = <K extends keyof NftRule>(key: K, value: NftRule[K]): void => {
    if (out[key] !== undefined) throw new Error(`line ${r.peek()?.line}: ${key} given twice`);
    out[key] = value;
    out.order.push(key);
  };
  let verdict = false;
  while (r.peek() && !r.is('\n')) {
    if (verdict && !r.is('comment')) r.fail('end of rule after its verdict');
    const w = r.peek()!.v;
    if (w === 'iifname') {
      r.eat('iifname');
      const name = r.str();
      // A Linux interface name; nft would read `*` as a wildcard.
      if (!IFNAME.test(name)) throw new Error(`line ${r.peek()?.line}: iifname "${name}" is not an interface name`);
      put('iifname', name);
    }
    else if (w === 'ip' || w === 'ip6') {
      r.i++;
      const family = w === 'ip' ? 4 : 6;
      const field = r.word(/^(saddr|daddr)$/, 'saddr or daddr');
      if (field === 'saddr') put('saddr', { family, set: set(r, addrElement(family), 'an address') });
      else put('daddr', { family, addr: r.word(family === 4 ? IP4 : IP6, 'an address') });
    } else if (w === 'meta') {
      r.i++;
      if (r.is('nfproto')) (r.eat('nfproto', 'ipv4'), put('nfproto', 'ipv4'));
      else (r.eat('l4proto', '{', 'tcp', ',', 'udp', '}'), put('l4proto', ['tcp', 'udp']));
    } else if (w === 'fib') {
      r.eat('fib', 'daddr');
      if (r.is('.')) (r.eat('.', 'iif', 'type', '!=', 'local'), put('fibIifNotLocal', true));
      else (r.eat('type', 'local'), put('fibLocal', true));
    } else if ((w === 'tcp' || w === 'udp' || w === 'th') && r.is('dport', 1)) {
      r.i += 2;
      if (w === 'th' && !out.l4proto) throw new Error('th dport without meta l4proto');
      put('dport', { l4: w, ports: set(r, PORT, 'a port or range').map(port) });
    } else if (w === 'ct') {
      r.eat('ct');
      if (r.is('status')) (r.eat('status', 'dnat'), put('ctStatusDnat', true));
      else if (r.is('set', 1)) {
        r.eat('mark', 'set', 'ct', 'mark', '|');
        put('ctMarkOr', Number(r.word(HEX, 'a hex mark')));
      } else {
        r.eat('mark', '&');
        const mask = Number(r.word(HEX, 'a hex mask'));
        r.eat('==');
        put('ctMarkMatch', { mask, value: Number(r.word(HEX, 'a hex mark')) });
      }
    } else if (w === 'dnat') {
      r.eat('dnat', 'ip', 'to');
      if (r.is('tcp') || r.is('udp') || r.is('th')) {
        const l4 = r.word(/^(tcp|udp|th)$/, 'tcp, udp or th') as L4;
        if (l4 === 'th' && !out.l4proto) throw new Error('th dport map without meta l4proto');
        r.eat('dport', 'map', '{');
        const map: [number, string, number][] = [];
        do {
          if (map.length) r.eat(',');
          const key = port(r.word(/^[1-9]\d{0,4}$/, 'a single port'));
          r.eat(':');
          const addr = r.word(IP4, 'an IPv4 address');
          r.eat('.');
          map.push([key.first, addr, port(r.word(/^[1-9]\d{0,4}$/, 'a port')).first]);
        } while (r.is(','));
        r.eat('}');
        put('dnat', { l4, map });
      } else {
        const to = r.word(/^[\d.]+(:[1-9]\d{0,4})?$/, 'ADDR or ADDR:PORT');
        const [addr, p] = to.split(':');
        if (!IP4.test(addr!)) r.fail('an IPv4 address');
        put('dnat', p ? { addr: addr!, port: port(p).first } : { addr: addr! });
      }
    } else if (w === 'masquerade' || w === 'accept') {
      r.i++;
      put(w, true);
      verdict = true;
    } else if (w === 'comment') {
      r.eat('comment');
      out.comment = r.str();
      if (!r.is('\n')) r.fail('end of rule after its comment');
    } else r.fail('a match, statement or comment of the subset');
  }
  r.nl();
  return out;
}

const PRIO: Record<string, number> = { dstnat: -100, srcnat: 100, filter: 0 };

function chain(r: Reader): NftChain {
  r.eat('chain');
  const name = r.word(NAME, 'a chain name');
  r.eat('{');
  r.nl();
  r.eat('type');
  const type = r.word(/^(nat|filter)$/, 'nat or filter') as NftChain['type'];
  r.eat('hook');
  const hook = r.word(/^(prerouting|postrouting|forward)$/, 'a hook') as NftChain['hook'];
  r.eat('priority');
  let prio = PRIO[r.word(/^(dstnat|srcnat|filter)$/, 'a priority name')]!;
  if (r.is('-') || r.is('+')) {
    const sign = r.peek()!.v === '-' ? -1 : 1;
    r.i++;
    prio += sign * Number(r.word(/^[1-9]\d*$/, 'a number'));
  }
  r.eat(';', 'policy');
  const policy = r.word(/^(accept|drop)$/, 'accept or drop') as NftChain['policy'];
  r.eat(';');
  r.nl();
  const rules: NftRule[] = [];
  while (!r.is('}')) rules.push(rule(r));
  r.eat('}');
  r.nl();
  return { name, type, hook, prio, policy, rules };
}

/** `chain interfaces { iif "NAME" return ... }`: at least one interface, each once, by name. */
function interfacesChain(r: Reader): string[] {
  r.eat('chain', 'interfaces', '{');
  r.nl();
  const names: string[] = [];
  while (!r.is('}')) {
    r.eat('iif');
    // nft prints an ifindex number instead of a name once the interface is gone: not a name, refused.
    const name = r.str();
    if (!IFNAME.test(name)) throw new Error(`line ${r.peek()?.line}: iif "${name}" is not an interface name`);
    if (names.includes(name)) throw new Error(`line ${r.peek()?.line}: iif "${name}" twice`);
    names.push(name);
    r.eat('return');
    r.nl();
  }
  if (!names.length) r.fail('an iif line');
  r.eat('}');
  r.nl();
  return names;
}

function tableBlock(r: Reader): NftTable {
  r.eat('table', 'inet');
  const name = r.word(NAME, 'a table name');
  r.eat('{');
  r.nl();
  const interfaces = r.is('interfaces', 1) ? interfacesChain(r) : undefined;
  const chains: NftChain[] = [];
  while (!r.is('}')) chains.push(chain(r));
  r.eat('}');
  if (r.peek()) r.nl();
  if (r.peek()) r.fail('end of input');
  if (new Set(chains.map((c) => c.name)).size !== chains.length || chains.some((c) => c.name === 'interfaces')) throw new Error(`table ${name}: a chain is defined twice`);
  return { family: 'inet', name, ...(interfaces ? { interfaces } : {}), chains };
}

function start(text: string): { r: Reader; comments: ReturnType<typeof tokenize>['comments'] } {
  const { tokens, comments } = tokenize(text);
  const stray = comments.find((c) => !c.alone);
  if (stray) throw new Error(`line ${stray.line}: a # comment after a command (nft would ignore the rest of the line)`);
  const r = new Reader(tokens);
  while (r.is('\n')) r.i++;
  return { r, comments };
}

/**
 * A whole file: header comments, then declare, delete and define one inet table, which must start
 * with its interfaces chain (after INTERFACES_COMMENT, the only comment allowed after the header).
 */
export function parseNftFile(text: string): NftFile {
  const { r, comments } = start(text);
  const firstCmd = r.peek()?.line ?? Infinity;
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i + 1 > firstCmd && l === INTERFACES_COMMENT[0]);
  if (at < 0 || lines[at + 1] !== INTERFACES_COMMENT[1] || lines[at + 2] !== '\tchain interfaces {') throw new Error('no interfaces chain after its comment');
  // Line numbers are 1-based: the comment is on lines at+1 and at+2.
  if (comments.some((c) => c.line > firstCmd && c.line !== at + 1 && c.line !== at + 2)) throw new Error('a # comment after the first command');
  const header = comments.filter((c) => !c.text.startsWith('!')).map((c) => c.text.replace(/^ /, ''));
  r.eat('table', 'inet');
  const name = r.word(NAME, 'a table name');
  r.nl();
  r.eat('delete', 'table', 'inet');
  if (r.word(NAME, 'a table name') !== name) throw new Error('deletes another table than it declares');
  r.nl();
  const table = tableBlock(r);
  if (table.name !== name) throw new Error('defines another table than it deletes');
  if (!table.interfaces) throw new Error('no interfaces chain');
  return { header, table };
}

/** One rule line (a chain's statement) of the subset, strictly. */
export function parseNftRule(line: string): NftRule {
  const { tokens, comments } = tokenize(`${line.trim()}\n`);
  if (comments.length) throw new Error('a # comment in a rule');
  return rule(new Reader(tokens));
}

/** What `nft list table inet NAME` prints. */
export function parseNftList(text: string): NftTable {
  const { r, comments } = start(text);
  if (comments.length) throw new Error('nft list prints no comments');
  return tableBlock(r);
}
