// Gives a parsed synfw RouterOS script its meaning: the dst-nat rules as (proto, WAN port, NAS
// address, NAS port) tuples (lists and ranges expanded; no to-ports = the WAN port is kept), the
// forward and reply accepts as (proto, NAS address, port) sets, the remove commands' regexes and the
// conditional move. Property values are checked as strictly as the syntax: known chains, actions
// and protocols only, ports 1-65535, at most 15 port-list slots (a range takes 2), IPv4 addresses.

import { exprText, parseRouterOS, RosSyntaxError, type RosCommand, type RosValue } from './parse-routeros.js';

export interface Ports {
  first: number;
  last: number;
}

export interface NatRule {
  line: number;
  proto: 'tcp' | 'udp';
  wan: { key: 'in-interface' | 'in-interface-list'; value: string };
  dstPorts: Ports[];
  nasAddr: string;
  toPort: number | null;
  comment: string;
}

export interface AcceptRule {
  line: number;
  dir: 'forward' | 'reply';
  proto: 'tcp' | 'udp';
  nasAddr: string;
  ports: Ports[];
  comment: string;
}

export interface ConditionalMove {
  line: number;
  condition: string;
  numbersRegex: string;
  anchor: string;
}

export interface RosRules {
  comments: { line: number; text: string }[];
  nat: NatRule[];
  accepts: AcceptRule[];
  /** "tcp 443 192.168.1.10 5001", one per WAN port. */
  tuples: string[];
  /** "tcp 192.168.1.10 5001", one per port of each forward / reply accept. */
  forwardPorts: string[];
  replyPorts: string[];
  removes: { line: number; menu: string; regex: string }[];
  moves: ConditionalMove[];
  /** What each line did, in order: "menu nat", "remove nat", "add nat", "move filter", ... */
  sequence: string[];
}

const MAX_SLOTS = 15;
const short = (menu: string): string => menu.replace(/^ip firewall /, '');

function fail(line: number, msg: string): never {
  throw new RosSyntaxError(msg, line, 0);
}

function text(v: RosValue | undefined, line: number, what: string, quoted = false): string {
  if (v === undefined) fail(line, `missing ${what}`);
  if (v.kind === 'sub' || (quoted && v.kind !== 'string')) fail(line, `${what} must be ${quoted ? 'a quoted string' : 'a constant'}`);
  return v.text;
}

function oneOf<T extends string>(v: RosValue | undefined, line: number, what: string, allowed: readonly T[]): T {
  const t = text(v, line, what);
  if (!(allowed as readonly string[]).includes(t)) fail(line, `${what}=${t} is not one of ${allowed.join(', ')}`);
  return t as T;
}

function port(s: string, line: number): number {
  if (!/^[1-9]\d{0,4}$/.test(s) || Number(s) > 65535) fail(line, `bad port ${s}`);
  return Number(s);
}

export function portList(s: string, line: number): Ports[] {
  const items = s.split(',').map((item) => {
    const m = /^([^-]+)(?:-([^-]+))?$/.exec(item);
    if (!m) fail(line, `bad port list item "${item}"`);
    const first = port(m[1]!, line);
    const last = m[2] === undefined ? first : port(m[2], line);
    if (m[2] !== undefined && last <= first) fail(line, `bad port range ${item}`);
    return { first, last };
  });
  const slots = items.reduce((n, r) => n + (r.first === r.last ? 1 : 2), 0);
  if (slots > MAX_SLOTS) fail(line, `port list ${s} takes ${slots} slots (more than ${MAX_SLOTS})`);
  const sorted = [...items].sort((a, b) => a.first - b.first);
  sorted.forEach((r, i) => i > 0 && r.first <= sorted[i - 1]!.last && fail(line, `port list ${s} overlaps itself`));
  return items;
}

function ipv4(s: string, line: number): string {
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255)) fail(line, `bad IPv4 address ${s}`);
  return s;
}

const expand = (rs: Ports[]): number[] => rs.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i));

/** `[find where comment~"REGEX"]` → REGEX. */
function tagFind(v: RosValue, menu: string, line: number): string {
  if (v.kind !== 'sub' || v.cmd.kind !== 'find' || v.cmd.menu !== menu) fail(line, `expected [find ...] in /${menu}`);
  const w = v.cmd.where;
  if (!w || w.kind !== 'cmp' || w.key !== 'comment' || w.op !== '~' || w.value.kind !== 'string') fail(line, 'expected find where comment~"..."');
  return w.value.text;
}

/** `[find where EXPR]` in /menu → EXPR as text. */
function findExpr(v: RosValue, menu: string, line: number): string {
  if (v.kind !== 'sub' || v.cmd.kind !== 'find' || v.cmd.menu !== menu || !v.cmd.where) fail(line, `expected [/${menu} find where ...]`);
  return exprText(v.cmd.where);
}

function natRule(p: Map<string, RosValue>, line: number): NatRule {
  oneOf(p.get('chain'), line, 'chain', ['dstnat']);
  oneOf(p.get('action'), line, 'action', ['dst-nat']);
  if (p.has('in-interface') === p.has('in-interface-list')) fail(line, 'exactly one of in-interface and in-interface-list');
  const key = p.has('in-interface') ? 'in-interface' : 'in-interface-list';
  const dstPorts = portList(text(p.get('dst-port'), line, 'dst-port'), line);
  const toPort = p.has('to-ports') ? port(text(p.get('to-ports'), line, 'to-ports'), line) : null;
  if (toPort !== null && (dstPorts.length !== 1 || dstPorts[0]!.first !== dstPorts[0]!.last)) fail(line, 'to-ports with a port list or range is not a 1:1 mapping');
  if (p.has('place-before')) fail(line, 'place-before is not expected in synfw nat rules');
  return {
    line,
    proto: oneOf(p.get('protocol'), line, 'protocol', ['tcp', 'udp']),
    wan: { key, value: text(p.get(key), line, key) },
    dstPorts,
    nasAddr: ipv4(text(p.get('to-addresses'), line, 'to-addresses'), line),
    toPort,
    comment: text(p.get('comment'), line, 'comment', true),
  };
}

function acceptRule(p: Map<string, RosValue>, line: number): AcceptRule {
  oneOf(p.get('chain'), line, 'chain', ['forward']);
  oneOf(p.get('action'), line, 'action', ['accept']);
  oneOf(p.get('connection-nat-state'), line, 'connection-nat-state', ['dstnat']);
  const fwd = p.has('dst-address') || p.has('dst-port');
  const rev = p.has('src-address') || p.has('src-port');
  if (fwd === rev) fail(line, 'an accept matches either dst-address/dst-port or src-address/src-port');
  const side = fwd ? 'dst' : 'src';
  if (p.has('place-before')) fail(line, 'place-before is not expected in synfw filter rules');
  return {
    line,
    dir: fwd ? 'forward' : 'reply',
    proto: oneOf(p.get('protocol'), line, 'protocol', ['tcp', 'udp']),
    nasAddr: ipv4(text(p.get(`${side}-address`), line, `${side}-address`), line),
    ports: portList(text(p.get(`${side}-port`), line, `${side}-port`), line),
    comment: text(p.get('comment'), line, 'comment', true),
  };
}

function conditionalMove(cmd: Extract<RosCommand, { kind: 'if' }>, line: number): ConditionalMove {
  const filter = 'ip firewall filter';
  if (cmd.left.kind !== 'sub' || cmd.left.cmd.kind !== 'len' || cmd.op !== '>' || cmd.right !== 0) fail(line, 'expected :if ([:len [...]] > 0)');
  if (cmd.then.kind !== 'move' || cmd.then.menu !== filter || cmd.else !== null) fail(line, 'expected do={/ip firewall filter move ...} without else');
  const dest = cmd.then.destination;
  if (dest.kind !== 'sub' || dest.cmd.kind !== 'pick' || dest.cmd.index !== 0) fail(line, 'expected destination=[:pick [...] 0]');
  const condition = findExpr(cmd.left.cmd.of, filter, line);
  const anchor = findExpr(dest.cmd.of, filter, line);
  if (condition !== anchor) fail(line, 'the :if tests another rule set than the move uses');
  return { line, condition, numbersRegex: tagFind(cmd.then.numbers, filter, line), anchor };
}

/** Parses and interprets a synfw mikrotik script; throws RosSyntaxError on anything unexpected. */
export function parseRosRules(script: string): RosRules {
  const parsed = parseRouterOS(script);
  const out: RosRules = { comments: parsed.comments, nat: [], accepts: [], tuples: [], forwardPorts: [], replyPorts: [], removes: [], moves: [], sequence: [] };
  for (const { line, menu, cmd } of parsed.statements) {
    if (cmd === null) {
      out.sequence.push(`menu ${short(menu!)}`);
    } else if (cmd.kind === 'remove') {
      out.removes.push({ line, menu: cmd.menu, regex: tagFind(cmd.items, cmd.menu, line) });
      out.sequence.push(`remove ${short(cmd.menu)}`);
    } else if (cmd.kind === 'add') {
      if (cmd.menu === 'ip firewall nat') out.nat.push(natRule(cmd.props, line));
      else out.accepts.push(acceptRule(cmd.props, line));
      out.sequence.push(`add ${short(cmd.menu)}`);
    } else if (cmd.kind === 'if') {
      out.moves.push(conditionalMove(cmd, line));
      out.sequence.push('if-move filter');
    } else fail(line, `unexpected ${cmd.kind} command`);
  }
  for (const r of out.nat) {
    for (const p of expand(r.dstPorts)) out.tuples.push(`${r.proto} ${p} ${r.nasAddr} ${r.toPort ?? p}`);
  }
  for (const a of out.accepts) {
    for (const p of expand(a.ports)) (a.dir === 'forward' ? out.forwardPorts : out.replyPorts).push(`${a.proto} ${a.nasAddr} ${p}`);
  }
  return out;
}
