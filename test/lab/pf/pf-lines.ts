// A strict reader for the pf rules pfSense's filter.inc and OPNsense's ForwardRule/FilterRule print
// for port forwards and pass rules. It knows exactly the syntax those generators use for such rules
// and throws on anything else (an option it does not know, a commented-out rule, a skipped rule's
// note). A rule becomes one flat tuple per interface, protocol and source, with every name
// resolved (interface macros and devices to interface ids, addresses of interfaces to
// "addr:<id>", interface networks to "net:<id>"), so rules from both products and the plan's
// expectations compare as plain strings.

import ipaddr from 'ipaddr.js';

/** What the rule text refers to: devices and macros of the router the rules were generated for. */
export interface PfNames {
  /** Interface id -> device (wan -> em0). */
  devices: Record<string, string>;
  /** Interface id -> its IPv4 address (what a literal destination address means). */
  addresses: Record<string, string | null>;
  /** pfSense macros: name -> devices (WAN = "{ em0 }"). */
  macros: Record<string, string[]>;
}

export type PfKind = 'rdr' | 'pass';

const fail = (line: string, why: string): never => {
  throw new Error(`pf rule not understood (${why}): ${line}`);
};

/** Tokens: quoted strings, braces, parentheses, commas, words; a trailing "# ..." comment apart. */
export function tokenize(line: string): { tokens: string[]; comment: string | undefined } {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') i++;
    else if (c === '#') return { tokens, comment: line.slice(i + 1).trim() };
    else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) fail(line, 'unterminated string');
      tokens.push(line.slice(i, end + 1));
      i = end + 1;
    } else if ('{}(),'.includes(c)) {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < line.length && !' \t#"{}(),'.includes(line[j]!)) j++;
      tokens.push(line.slice(i, j));
      i = j;
    }
  }
  return { tokens, comment: undefined };
}

class Reader {
  private at = 0;
  constructor(
    private readonly tokens: string[],
    private readonly line: string,
  ) {}
  peek(): string | undefined {
    return this.tokens[this.at];
  }
  next(what: string): string {
    const t = this.tokens[this.at++];
    if (t === undefined) fail(this.line, `${what} missing`);
    return t!;
  }
  expect(word: string): void {
    const t = this.next(word);
    if (t !== word) fail(this.line, `expected "${word}", got "${t}"`);
  }
  accept(word: string): boolean {
    if (this.peek() !== word) return false;
    this.at++;
    return true;
  }
  /** One item or a brace list ("{ a b }", "{a,b}"). */
  list(what: string): string[] {
    if (!this.accept('{')) return [this.next(what)];
    const items: string[] = [];
    for (let t = this.next(what); t !== '}'; t = this.next(what)) {
      if (t === ',') continue;
      items.push(t === '(' ? this.group(what) : t);
    }
    if (!items.length) fail(this.line, `empty ${what} list`);
    return items;
  }
  /** "( a b )" as one "(a b)" item; the opening parenthesis is already read. */
  group(what: string): string {
    const parts: string[] = [];
    for (let t = this.next(what); t !== ')'; t = this.next(what)) parts.push(t);
    return `(${parts.join(' ')})`;
  }
  /** An address list: like list(), but "( dev )" at top level too. */
  addresses(what: string): string[] {
    if (this.accept('(')) return [this.group(what)];
    return this.list(what);
  }
  done(): boolean {
    return this.at >= this.tokens.length;
  }
}

const PORT = /^[1-9][0-9]{0,4}$/;
const port = (s: string, line: string): number => {
  if (!PORT.test(s) || Number(s) > 65535) fail(line, `bad port ${s}`);
  return Number(s);
};

/** pf port operand: "N", "N:M", "{N}", "{N:M}", "N >< M" (exclusive) -> "N" or "N-M". */
function ports(r: Reader, line: string): string {
  const items = r.list('port');
  if (items.length !== 1) fail(line, 'several ports');
  const item = items[0]!;
  let first: number;
  let last: number;
  if (r.peek() === '><') {
    r.next('><');
    first = port(item, line) + 1;
    last = port(r.next('port'), line) - 1;
  } else {
    const [a, b, ...rest] = item.split(':');
    if (rest.length) fail(line, `bad port range ${item}`);
    first = port(a!, line);
    last = b === undefined ? first : port(b, line);
  }
  if (last < first) fail(line, `empty port range ${item}`);
  return first === last ? String(first) : `${first}-${last}`;
}

/** An address or CIDR in one canonical form: "a.b.c.d/32", "2001:db8::5/128". */
export function cidr(text: string): string | undefined {
  const [addr, len, ...rest] = text.split('/');
  if (rest.length || !ipaddr.isValid(addr!)) return undefined;
  const ip = ipaddr.parse(addr!);
  const max = ip.kind() === 'ipv4' ? 32 : 128;
  if (len !== undefined && (!/^[0-9]{1,3}$/.test(len) || Number(len) > max)) return undefined;
  return `${ip.toString()}/${len ?? max}`;
}

function ifaceOfDevice(names: PfNames, device: string, line: string): string {
  const id = Object.keys(names.devices).find((k) => names.devices[k] === device);
  return id ?? fail(line, `no interface has device ${device}`);
}

/** Interfaces of "on ...": devices, or pfSense macros ($WAN). */
function interfaces(items: string[], names: PfNames, line: string): string[] {
  return items.flatMap((item) => {
    if (item.startsWith('$')) {
      const devices = names.macros[item.slice(1)] ?? fail(line, `unknown macro ${item}`);
      return devices.map((d) => ifaceOfDevice(names, d, line));
    }
    return [ifaceOfDevice(names, item, line)];
  });
}

/**
 * A source or destination: "any", a CIDR, "addr:<id>" (an interface's own address: "(em0)", or
 * the literal address an interface has), "net:<id>" (an interface's network: "(em1:network)",
 * $LAN__NETWORK, <LAN__NETWORK>).
 */
function address(item: string, names: PfNames, line: string, literalIsIface: boolean): string {
  if (item === 'any') return 'any';
  const paren = /^\(([^:() ]+)(:network)?\)$/.exec(item);
  if (paren) return `${paren[2] ? 'net' : 'addr'}:${ifaceOfDevice(names, paren[1]!, line)}`;
  const table = /^(?:\$([A-Z0-9_]+)__NETWORK|<([A-Z0-9_]+)__NETWORK>)$/.exec(item);
  if (table) {
    const id = (table[1] ?? table[2]!).toLowerCase();
    if (!(id in names.devices)) fail(line, `network of unknown interface ${item}`);
    return `net:${id}`;
  }
  const c = cidr(item) ?? fail(line, `unknown address ${item}`);
  if (literalIsIface) {
    const id = Object.keys(names.addresses).find((k) => names.addresses[k] !== null && cidr(names.addresses[k]!) === c);
    if (id) return `addr:${id}`;
  }
  return c;
}

function protocols(items: string[], line: string): string[] {
  for (const p of items) if (p !== 'tcp' && p !== 'udp') fail(line, `protocol ${p}`);
  if (new Set(items).size !== items.length) fail(line, 'protocol listed twice');
  return items;
}

export interface ParsedRule {
  kind: PfKind;
  /** One per interface, protocol and source: "rdr wan inet tcp from any to addr:wan port 443 -> 192.168.1.10 port 5001". */
  tuples: string[];
  /** The rule's description: OPNsense's trailing comment, pfSense's descr= label. */
  descr: string | undefined;
}

/**
 * Parses one generated rule line (blank lines and the generators' structural comments give null). Throws on anything that is not a port-forward rdr or a pass rule as the generators print
 * them.
 */
export function parseRule(line: string, names: PfNames): ParsedRule | null {
  // Structure, not rules: pfSense's marker before a reflected rdr, OPNsense's priority headings.
  if (line.trim() === '' || line.trim() === '# Reflection redirect' || /^# \[prio: [0-9]+\]$/.test(line.trim())) return null;
  if (line.trimStart().startsWith('#')) fail(line, 'a comment where a rule was expected (a rule the product skipped?)');
  const { tokens, comment } = tokenize(line);
  const r = new Reader(tokens, line);
  const action = r.next('action');
  if (action === 'rdr') return rdr(r, line, names, comment);
  if (action === 'pass') return pass(r, line, names, comment);
  return fail(line, `action ${action}`);
}

/** "proto P from S to D port X", common to both rule kinds; `literalIsIface` as for address(). */
function match(r: Reader, line: string, names: PfNames, literalIsIface: boolean) {
  r.expect('proto');
  const protos = protocols(r.list('protocol'), line);
  r.expect('from');
  const from = r.addresses('source').map((a) => address(a, names, line, false));
  r.expect('to');
  const to = r.addresses('destination').map((a) => address(a, names, line, literalIsIface));
  if (to.length !== 1) fail(line, 'several destinations');
  r.expect('port');
  return { protos, from, to: to[0]!, dst: ports(r, line) };
}

function rdr(r: Reader, line: string, names: PfNames, comment: string | undefined): ParsedRule {
  r.expect('on');
  const ifaces = interfaces(r.list('interface'), names, line);
  const family = r.next('address family');
  if (family !== 'inet') fail(line, `rdr family ${family}`);
  const { protos, from, to, dst } = match(r, line, names, true);
  r.expect('->');
  const targetText = r.next('target');
  const target = cidr(targetText);
  if (!target?.endsWith('/32')) fail(line, `target ${targetText}`);
  // Without "port" pf keeps the destination port(s).
  const local = r.accept('port') ? ports(r, line) : dst;
  if (!r.done()) fail(line, `unexpected "${r.peek()}"`);
  const nas = target!.slice(0, -'/32'.length);
  const tuples = ifaces.flatMap((i) => protos.flatMap((p) => from.map((f) => `rdr ${i} inet ${p} from ${f} to ${to} port ${dst} -> ${nas} port ${local}`)));
  return { kind: 'rdr', tuples, descr: comment };
}

function pass(r: Reader, line: string, names: PfNames, comment: string | undefined): ParsedRule {
  r.expect('in');
  r.expect('quick');
  r.expect('on');
  const ifaces = interfaces(r.list('interface'), names, line);
  if (r.accept('reply-to')) {
    // Route replies back out of the interface they came in on: gateway business, not the rule's match.
    r.expect('(');
    const via = r.group('reply-to');
    if (!/^\(\S+ \S+\)$/.test(via)) fail(line, `reply-to ${via}`);
  }
  const family = r.next('address family');
  if (family !== 'inet' && family !== 'inet6') fail(line, `family ${family}`);
  const { protos, from, to, dst } = match(r, line, names, false);
  const labels: string[] = [];
  while (!r.done()) {
    const t = r.next('option');
    if (t === 'ridentifier') {
      if (!/^[0-9]{1,10}$/.test(r.next('ridentifier'))) fail(line, 'ridentifier');
    } else if (t === 'flags') {
      if (r.next('flags') !== 'S/SA' || protos.join() !== 'tcp') fail(line, 'flags');
    } else if (t === 'keep') r.expect('state');
    else if (t === 'label') {
      const l = r.next('label');
      if (!/^".*"$/.test(l)) fail(line, 'label');
      labels.push(l.slice(1, -1));
    } else fail(line, `unexpected "${t}"`);
  }
  const descr = comment ?? labels.find((l) => l.startsWith('descr='))?.slice('descr='.length);
  const tuples = ifaces.flatMap((i) => protos.flatMap((p) => from.map((f) => `pass ${i} ${family} ${p} from ${f} to ${to} port ${dst}`)));
  return { kind: 'pass', tuples, descr };
}

/** pfSense's interface macros from the alias part of its ruleset: WAN = "{ em0 }". */
export function pfMacros(aliases: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of aliases.matchAll(/^([A-Za-z0-9_]+) = "\{ ([^"{}]*) \}"$/gm)) out[m[1]!] = m[2]!.split(/\s+/).filter(Boolean);
  return out;
}

/** Every tuple of the lines, in order (a rule of several interfaces, protocols or sources gives several). */
export function ruleTuples(lines: string[], names: PfNames): { tuples: string[]; descrs: (string | undefined)[] } {
  const tuples: string[] = [];
  const descrs: (string | undefined)[] = [];
  for (const line of lines) {
    const rule = parseRule(line, names);
    if (!rule) continue;
    tuples.push(...rule.tuples);
    descrs.push(rule.descr);
  }
  return { tuples, descrs };
}
