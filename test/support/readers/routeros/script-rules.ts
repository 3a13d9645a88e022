// Gives a parsed synfw RouterOS script its meaning: the WAN and hairpin dst-nat rules as (proto, WAN
// port, NAS address, NAS port) tuples (lists and ranges expanded; no to-ports = the WAN port is
// kept), their source restriction, the hairpin masquerade and connection marking, the IPv4 forward,
// hairpin and reply accepts and the IPv6 accepts as port sets, the address lists, the remove
// commands, the conditional moves (above the first or just above the last rule they find), and the
// interface-list checks that must come before everything else. Values are checked by
// parse-routeros-values.ts; the rule kinds beyond plain dst-nat and accepts are read in
// parse-routeros-extra.ts.

import { exprText, parseRouterOS, type RosCommand, type RosExpr, type RosValue } from './script.js';
import { accept6Rule, acceptRule, addressEntry, mangleRule, masqueradeRule, natRule, type Accept6Rule, type AcceptRule, type AddressEntry, type MangleRule, type MasqueradeRule, type NatRule } from '../../../../src/readers/routeros/rules.js';
import { expand, fail, iface, ipv4, oneOf, only, port, portList, text, type Ports, type Props } from '../../../../src/readers/routeros/values.js';

export type { Ports };
export { portList };

export interface ConditionalMove {
  line: number;
  menu: string;
  condition: string;
  numbersRegex: string;
  anchor: string;
  /** The moved rules go above the first rule `anchor` finds, or above the last one. */
  position: 'first' | 'last';
  /** The find conditions themselves: which rules are moved, and next to which. */
  where: { numbers: RosExpr; anchor: RosExpr };
}

/**
 * `:if ([:len [/interface list find where name="LIST"]] = 0) do={:error ("MESSAGE" . " Its interface lists:" . $lists)}`:
 * stop unless LIST exists, saying which lists the router has ($lists, filled by the :foreach before).
 */
export interface ListCheck {
  line: number;
  list: string;
  message: string;
}

/** What a check's message adds after MESSAGE: the router's interface lists. */
export const LISTS_SUFFIX = ' Its interface lists:';

export interface RosRules {
  comments: { line: number; text: string }[];
  /** Every command is in the script's one { } block (a paste runs as one script, stopped by :error). */
  block: boolean;
  /** The interface lists checked before anything else, in order. */
  listChecks: ListCheck[];
  nat: NatRule[];
  hairpinNat: NatRule[];
  masquerades: MasqueradeRule[];
  mangles: MangleRule[];
  accepts: AcceptRule[];
  accepts6: Accept6Rule[];
  addresses: AddressEntry[];
  /** "tcp 443 192.168.1.10 5001", one per WAN port, from the WAN rules and the hairpin rules. */
  tuples: string[];
  hairpinTuples: string[];
  /** "tcp 443": WAN ports whose new LAN connections the mangle rules mark. */
  markedPorts: string[];
  /** "tcp 192.168.1.10 5001", one per port of each forward / hairpin / reply accept. */
  forwardPorts: string[];
  hairpinPorts: string[];
  replyPorts: string[];
  /** "tcp 2001:db8::10/128 5001", one per port of each IPv6 inbound / reply accept. */
  ipv6Ports: string[];
  ipv6ReplyPorts: string[];
  removes: { line: number; menu: string; by: 'comment' | 'list'; value: string }[];
  moves: ConditionalMove[];
  /** What each line did, in order: "menu nat", "remove nat", "add nat", "move filter", ... */
  sequence: string[];
}

const short = (menu: string): string => menu.replace(/^ip firewall /, '').replace(/^ipv6 firewall /, 'v6 ');

type IfCommand = Extract<RosCommand, { kind: 'if' }>;

/**
 * `:if ([:len [find A]] > 0) do={MOVE destination=[:pick [find A] 0]}` (above the first), or
 * `:if ([:len [find A]] > 0) do={:local v [find A]; MOVE destination=[:pick $v ([:len $v] - 1)]}`
 * (above the last), MOVE being `/ip(v6) firewall filter move numbers=[find where comment~"..."]`.
 */
function conditionalMove(cmd: IfCommand, line: number): ConditionalMove {
  if (cmd.left.kind !== 'sub' || cmd.left.cmd.kind !== 'len' || cmd.op !== '>' || cmd.right !== 0) fail(line, 'expected :if ([:len [...]] > 0)');
  const local = cmd.then.kind === 'local' ? cmd.then : null;
  const move = local ? local.body : cmd.then;
  const menu = move.kind === 'move' ? move.menu : '';
  if (move.kind !== 'move' || !['ip firewall filter', 'ipv6 firewall filter'].includes(menu) || cmd.else !== null) {
    fail(line, 'expected do={/ip(v6) firewall filter move ...} without else');
  }
  const dest = move.destination;
  if (dest.kind !== 'sub' || dest.cmd.kind !== 'pick') fail(line, 'expected destination=[:pick ...]');
  const pick = dest.cmd;
  const isVar = (v: RosValue): boolean => v.kind === 'var' && v.name === local?.name;
  let anchor: string;
  if (local) {
    if (!isVar(pick.of) || typeof pick.index === 'number' || !isVar(pick.index.lenOf) || pick.index.minus !== 1) fail(line, `expected destination=[:pick $${local.name} ([:len $${local.name}] - 1)]`);
    anchor = findExpr(local.value, menu, line);
  } else {
    if (pick.index !== 0) fail(line, 'expected destination=[:pick [...] 0]');
    anchor = findExpr(pick.of, menu, line);
  }
  const condition = findExpr(cmd.left.cmd.of, menu, line);
  if (condition !== anchor) fail(line, 'the :if tests another rule set than the move uses');
  const numbersRegex = findOne(move.numbers, menu, line, 'comment', '~');
  const where = (v: RosValue): RosExpr => (v.kind === 'sub' && v.cmd.kind === 'find' ? v.cmd.where! : fail(line, 'expected [find where ...]'));
  return { line, menu, condition, numbersRegex, anchor, position: local ? 'last' : 'first', where: { numbers: where(move.numbers), anchor: where(local ? local.value : pick.of) } };
}

/** An interface-list check, or null when the :if is something else; `names` is the variable the :foreach filled. */
function listCheck(cmd: IfCommand, line: number, names: string | null): ListCheck | null {
  if (cmd.then.kind !== 'error') return null;
  if (cmd.left.kind !== 'sub' || cmd.left.cmd.kind !== 'len' || cmd.op !== '=' || cmd.right !== 0 || cmd.else !== null) fail(line, 'expected :if ([:len [...]] = 0) do={:error (...)}');
  const [message, suffix, lists, ...rest] = cmd.then.message;
  const isNames = lists?.kind === 'var' && names !== null && lists.name === names;
  if (rest.length || message?.kind !== 'string' || suffix?.kind !== 'string' || suffix.text !== LISTS_SUFFIX || !isNames) {
    fail(line, `expected do={:error ("..." . "${LISTS_SUFFIX}" . $${names ?? 'lists'})} after the :foreach that fills it`);
  }
  return { line, list: findOne(cmd.left.cmd.of, 'interface list', line, 'name', '='), message: message.text };
}

function add(out: RosRules, menu: string, p: Props, line: number): void {
  if (menu === 'ip firewall nat') {
    if (p.get('chain')?.kind === 'word' && text(p.get('chain'), line, 'chain') === 'srcnat') out.masquerades.push(masqueradeRule(p, line));
    else {
      const r = natRule(p, line);
      (r.kind === 'wan' ? out.nat : out.hairpinNat).push(r);
    }
  } else if (menu === 'ip firewall filter') out.accepts.push(acceptRule(p, line));
  else if (menu === 'ip firewall mangle') out.mangles.push(mangleRule(p, line));
  else if (menu === 'ipv6 firewall filter') out.accepts6.push(accept6Rule(p, line));
  else out.addresses.push(addressEntry(p, line, menu === 'ip firewall address-list' ? 4 : 6));
}

/** Parses and interprets a synfw mikrotik script; throws RosSyntaxError on anything unexpected. */
export function parseRosRules(script: string): RosRules {
  const parsed = parseRouterOS(script);
  const out: RosRules = {
    comments: parsed.comments, block: parsed.block !== null, listChecks: [], nat: [], hairpinNat: [], masquerades: [], mangles: [], accepts: [], accepts6: [], addresses: [],
    tuples: [], hairpinTuples: [], markedPorts: [], forwardPorts: [], hairpinPorts: [], replyPorts: [], ipv6Ports: [], ipv6ReplyPorts: [],
    removes: [], moves: [], sequence: [],
  };
  /** The variable declared empty and then filled with the interface lists' names, once filled. */
  let declared: string | null = null;
  let names: string | null = null;
  const first = (what: string, line: number): void => {
    if (out.sequence.some((x) => !['declare', 'list-names', 'check-list'].includes(x))) fail(line, `${what} after the first change`);
  };
  for (const { line, menu, cmd } of parsed.statements) {
    if (cmd?.kind === 'declare') {
      first(':local', line);
      if (declared || cmd.value.kind !== 'string' || cmd.value.text !== '') fail(line, 'expected one :local NAME "" (the interface lists\' names, filled next)');
      declared = cmd.name;
      out.sequence.push('declare');
      continue;
    }
    if (cmd?.kind === 'listNames') {
      first(':foreach', line);
      if (cmd.into !== declared || names !== null || out.listChecks.length) fail(line, 'the :foreach fills the variable declared just before it, before the checks');
      names = cmd.into;
      out.sequence.push('list-names');
      continue;
    }
    // /interface list is only looked up, in the checks.
    if (menu === 'interface list' || (cmd && 'menu' in cmd && cmd.menu === 'interface list')) fail(line, 'a command in /interface list');
    if (cmd === null) {
      out.sequence.push(`menu ${short(menu!)}`);
    } else if (cmd.kind === 'remove') {
      const byList = cmd.menu.endsWith('address-list');
      const value = findOne(cmd.items, cmd.menu, line, byList ? 'list' : 'comment', byList ? '=' : '~');
      out.removes.push({ line, menu: cmd.menu, by: byList ? 'list' : 'comment', value });
      out.sequence.push(`remove ${short(cmd.menu)}`);
    } else if (cmd.kind === 'add') {
      add(out, cmd.menu, cmd.props, line);
      out.sequence.push(`add ${short(cmd.menu)}`);
    } else if (cmd.kind === 'if' && listCheck(cmd, line, names)) {
      // Before anything else: a check after a change would not keep that change from happening.
      first('an interface-list check', line);
      const c = listCheck(cmd, line, names)!;
      if (out.listChecks.some((x) => x.list === c.list)) fail(line, `interface list ${c.list} checked twice`);
      out.listChecks.push(c);
      out.sequence.push('check-list');
    } else if (cmd.kind === 'if') {
      const m = conditionalMove(cmd, line);
      out.moves.push(m);
      out.sequence.push(`if-move ${short(m.menu)}`);
    } else fail(line, `unexpected ${cmd.kind} command`);
  }
  const tuples = (rules: NatRule[]): string[] => rules.flatMap((r) => expand(r.dstPorts).map((p) => `${r.proto} ${p} ${r.nasAddr} ${r.toPort ?? p}`));
  out.tuples = tuples(out.nat);
  out.hairpinTuples = tuples(out.hairpinNat);
  out.markedPorts = out.mangles.flatMap((m) => expand(m.dstPorts).map((p) => `${m.proto} ${p}`));
  const dirPorts = (dir: AcceptRule['dir']): string[] => out.accepts.filter((a) => a.dir === dir).flatMap((a) => expand(a.ports).map((p) => `${a.proto} ${a.nasAddr} ${p}`));
  out.forwardPorts = dirPorts('forward');
  out.hairpinPorts = dirPorts('hairpin');
  out.replyPorts = dirPorts('reply');
  const v6Ports = (dir: Accept6Rule['dir']): string[] => out.accepts6.filter((a) => a.dir === dir).flatMap((a) => expand(a.ports).map((p) => `${a.proto} ${a.nasAddr} ${p}`));
  out.ipv6Ports = v6Ports('inbound');
  out.ipv6ReplyPorts = v6Ports('reply');
  return out;
}

/** `[find where KEY~"VALUE"]` or `[find where KEY="VALUE"]` in /menu → VALUE. */
export function findOne(v: RosValue, menu: string, line: number, key: string, op: '~' | '='): string {
  if (v.kind !== 'sub' || v.cmd.kind !== 'find' || v.cmd.menu !== menu) fail(line, `expected [find ...] in /${menu}`);
  const w = v.cmd.where;
  if (!w || w.kind !== 'cmp' || w.key !== key || w.op !== op || w.value.kind !== 'string') fail(line, `expected find where ${key}${op}"..."`);
  return w.value.text;
}

/** `[find where EXPR]` in /menu → EXPR as text. */
export function findExpr(v: RosValue, menu: string, line: number): string {
  if (v.kind !== 'sub' || v.cmd.kind !== 'find' || v.cmd.menu !== menu || !v.cmd.where) fail(line, `expected [/${menu} find where ...]`);
  return exprText(v.cmd.where);
}
