// A MikroTik router's firewall as flows, from `/ip firewall export` and `/ipv6 firewall export` (or
// a whole `/export`): each dst-nat rule of synfw's shapes (rules.ts) per port and source (its
// src-address-list's entries), the hairpin ones (dst-address-type=local) from the LAN, and each
// IPv6 forward accept to one NAS address. A dst-nat rule or IPv6 forward accept of another shape is
// listed as skipped, and so is a command the reader cannot read (set, a wrapped string, a property
// it does not know); other menus and rules (input chains, masquerades, fasttrack) are not forwards
// and are not read. A disabled rule forwards nothing.

import { canonicalAddress, canonicalSource, taggedProfile, uniqueFlows, type ReadFlow, type RouterState, type Skipped } from '../flow.js';
import { RosSyntaxError, tokenize, type Token } from './lexer.js';
import { accept6Rule, addressEntry, natRule, type Accept6Rule, type AddressEntry, type NatRule } from './rules.js';
import { expand, type RosPropValue } from './values.js';

/** The rules that carry flows, however they were read. */
export interface RosFlowRules {
  nat: NatRule[];
  hairpinNat: NatRule[];
  accepts6: Accept6Rule[];
  addresses: AddressEntry[];
}

/** What the rules let in: a rule with a src-address-list admits that list's entries of its family only. */
export function rulesFlows(r: RosFlowRules): ReadFlow[] {
  const sources = (list: string | null, family: 4 | 6): string[] =>
    list === null ? ['any'] : r.addresses.filter((a) => a.list === list && a.family === family).map((a) => canonicalSource(a.address));
  const nat = [...r.nat, ...r.hairpinNat].flatMap((n) =>
    expand(n.dstPorts).flatMap((p) =>
      (n.kind === 'hairpin' ? ['any'] : sources(n.srcList, 4)).map(
        (source): ReadFlow => ({ family: 4, proto: n.proto, wan: p, nas: canonicalAddress(n.nasAddr), port: n.toPort ?? p, source, via: n.kind, profile: taggedProfile(n.comment), at: `line ${n.line}` }),
      ),
    ),
  );
  const v6 = r.accepts6
    .filter((a) => a.dir === 'inbound')
    .flatMap((a) =>
      expand(a.ports).flatMap((p) =>
        sources(a.srcList, 6).map((source): ReadFlow => ({ family: 6, proto: a.proto, wan: null, nas: canonicalAddress(a.nasAddr.replace(/\/128$/, '')), port: p, source, via: 'wan', profile: taggedProfile(a.comment), at: `line ${a.line}` })),
      ),
    );
  return uniqueFlows([...nat, ...v6]);
}

/** `/export` lines joined where it wraps them (a backslash, then the next line indented by four spaces). */
function logicalLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    const last = out[out.length - 1];
    if (last && last.text.endsWith('\\') && raw.startsWith('    ')) last.text = `${last.text.slice(0, -1)}${raw.slice(4)}`;
    else out.push({ line: i + 1, text: raw.replace(/\r$/, '') });
  });
  return out;
}

const MENUS: Record<string, 'nat' | 'filter6' | 'list4' | 'list6'> = {
  'ip firewall nat': 'nat',
  'ipv6 firewall filter': 'filter6',
  'ip firewall address-list': 'list4',
  'ipv6 firewall address-list': 'list6',
};
/** Properties that change nothing about what a rule forwards (comment is read with the rule). */
const INERT = ['log', 'log-prefix'];

/** `add key=value ...`: the properties, or an error for anything else on the line. */
function addProps(tokens: Token[], line: number): Map<string, RosPropValue> {
  const props = new Map<string, RosPropValue>();
  for (let i = 1; i < tokens.length; i += 3) {
    const [key, eq, value] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (key?.t !== 'word' || eq?.t !== 'punct' || eq.v !== '=' || (value?.t !== 'word' && value?.t !== 'str')) throw new RosSyntaxError('expected key=value', line, key?.col ?? 0);
    if (props.has(key.v)) throw new RosSyntaxError(`${key.v} given twice`, line, key.col);
    props.set(key.v, value.t === 'str' ? { kind: 'string', text: value.v } : { kind: 'word', text: value.v });
  }
  return props;
}

/** A router's firewall export (IPv4 and IPv6, in one text or two), as flows. */
export function readRouterOsExport(...texts: string[]): RouterState {
  const rules: RosFlowRules = { nat: [], hairpinNat: [], accepts6: [], addresses: [] };
  const skipped: Skipped[] = [];
  for (const text of texts) {
    let menu: string | null = null;
    for (const { line, text: l } of logicalLines(text)) {
      if (l.trim() === '' || l.startsWith('#')) continue;
      if (l.startsWith('/')) {
        menu = l.slice(1).trim().replace(/\//g, ' ');
        continue;
      }
      const kind = menu === null ? undefined : MENUS[menu];
      if (!kind) continue;
      try {
        if (l.endsWith('\\')) throw new RosSyntaxError('a line wrapped inside a string', line, l.length);
        const tokens = tokenize(l, line);
        if (tokens[0]?.t !== 'word' || tokens[0].v !== 'add') throw new RosSyntaxError(`${tokens[0]?.v ?? 'nothing'} is not an add command`, line, 1);
        const props = addProps(tokens, line);
        if (props.get('disabled')?.text === 'yes') continue;
        props.delete('disabled');
        for (const k of INERT) props.delete(k);
        const chainAction = `${props.get('chain')?.text} ${props.get('action')?.text}`;
        if (kind === 'list4' || kind === 'list6') rules.addresses.push(addressEntry(props, line, kind === 'list4' ? 4 : 6));
        else if (kind === 'nat' && chainAction === 'dstnat dst-nat') {
          const n = natRule(props, line);
          (n.kind === 'wan' ? rules.nat : rules.hairpinNat).push(n);
        } else if (kind === 'filter6' && chainAction === 'forward accept' && props.has('dst-address')) rules.accepts6.push(accept6Rule(props, line));
      } catch (e) {
        skipped.push({ at: `line ${line}`, text: l, why: e instanceof RosSyntaxError ? e.message.replace(/^line \d+:\d+: /, '') : (e as Error).message });
      }
    }
  }
  return { flows: rulesFlows(rules), skipped };
}
