// A Linux router's iptables state as flows: every DNAT rule of the nat table, per port and source
// (`iptables-save`), and every IPv6 accept of new connections to one NAS address (`ip6tables-save`).
// synfw's rules carry synfw:<profile> in their comment; the hairpin ones sit in synfw-...-hpin
// chains (or, for a foreign rule, arrive on the LAN interface the caller names). A rule whose shape
// is outside what rules.ts and meaning.ts know is listed as skipped, never guessed at. A port two
// rules forward alike (a hairpin rule per WAN address) is one flow.

import { canonicalAddress, canonicalSource, taggedProfile, uniqueFlows, type ReadFlow, type RouterState, type Skipped } from '../flow.js';
import { accepts, dnatTuples } from './meaning.js';
import type { Rule, Ruleset } from './rules.js';
import { parseRestore, type RulePlace } from './save.js';

export interface IptablesSides {
  /** The LAN interface: a foreign DNAT rule arriving on it is hairpin. */
  lan?: string;
}

const isHairpinChain = (chain: string): boolean => /^synfw-.*-hpin$/.test(chain);

/** Where rules were read from, when a text was: the place of each, and the prefix naming its table's tool. */
export interface RulePlaces {
  of: (r: Rule) => RulePlace | undefined;
  /** Added to the lines of rules of the IPv6 filter table (the ip6tables-save part's first line, less one). */
  lines6?: number;
}

/**
 * The flows of a ruleset's DNAT rules and IPv6 accepts; what does not fit is skipped. Each is
 * placed as a person finds it: "PREROUTING rule 3 (line 17)", the rule's number as
 * `iptables -t nat -L PREROUTING --line-numbers` counts it and its line in the text read (without
 * `places`, a ruleset built by commands: its number in its chain). IPv6 rules: "ip6tables FORWARD rule 2 (line 31)".
 */
export function rulesetFlows(rs: Ruleset, sides: IptablesSides = {}, places?: RulePlaces): RouterState {
  const flows: ReadFlow[] = [];
  const skipped: Skipped[] = [];
  const each = (rules: Rule[], chain: string, wanted: (r: Rule) => boolean, read: (r: Rule, at: string) => void, v6 = false): void =>
    rules.forEach((r, i) => {
      if (!wanted(r)) return;
      const place = places?.of(r);
      const name = `${v6 ? 'ip6tables ' : ''}${chain} rule`;
      const at = place ? `${name} ${place.position} (line ${place.line + (v6 ? (places?.lines6 ?? 0) : 0)})` : `${name} ${i + 1}`;
      try {
        read(r, at);
      } catch (e) {
        skipped.push({ at, text: r.spec.join(' '), why: (e as Error).message });
      }
    });
  for (const [chain, rules] of rs.nat) {
    each(rules, chain, (r) => r.jump === 'DNAT', (r, at) => {
      const profile = taggedProfile(r.comment);
      const via = isHairpinChain(chain) || (sides.lan !== undefined && r.in === sides.lan) ? 'hairpin' : 'wan';
      for (const t of dnatTuples([r])) {
        const source = canonicalSource(t.src ?? 'any');
        flows.push({ family: 4, proto: t.proto, wan: t.wanPort, nas: canonicalAddress(t.nasAddr), port: t.nasPort, source, via, profile, at });
      }
    });
  }
  for (const [chain, rules] of rs.filter6) {
    each(rules, chain, (r) => r.jump === 'ACCEPT' && (r.ctdir === 'ORIGINAL' || r.ctdir === undefined), (r, at) => {
      const profile = taggedProfile(r.comment);
      for (const a of accepts([r], 6)) {
        flows.push({ family: 6, proto: a.proto, wan: null, nas: canonicalAddress(a.nas), port: a.port, source: canonicalSource(a.peer ?? 'any'), via: 'wan', profile, at });
      }
    }, true);
  }
  return { flows: uniqueFlows(flows), skipped };
}

/**
 * Whether a line the lenient reading passed over could let something in to a NAS: a table not
 * read, a DNAT rule, or (ip6tables, whose filter table holds the IPv6 forwards) an ACCEPT of one
 * destination. A router's other rules (docker's chains, input filters, marks, an accept of
 * established connections) are not forwards and are not listed.
 */
const couldForward = (s: Skipped, family: 4 | 6): boolean =>
  s.text.startsWith('*') || /(^| )-j DNAT( |$)/.test(s.text) || (family === 6 && /(^| )-j ACCEPT( |$)/.test(s.text) && /(^| )-d /.test(s.text));

/**
 * A router's `iptables-save` output (and its `ip6tables-save` output, for the IPv6 accepts), read
 * leniently: other tables, and the rules that could forward but are outside the known shapes, are
 * listed as skipped. `line6`: the line of the whole input where `save6` starts, so that every line
 * named is a line of what the user gave.
 */
export function readIptablesSave(save4: string, save6 = '', sides: IptablesSides = {}, line6 = 1): RouterState {
  const v4 = parseRestore(save4, { family: 4, lenient: true });
  const v6 = save6 ? parseRestore(save6, { family: 6, lenient: true }) : undefined;
  const rs = v4.rules;
  if (v6) rs.filter6 = v6.rules.filter6;
  const state = rulesetFlows(rs, sides, { of: (r) => v4.places.get(r) ?? v6?.places.get(r), lines6: line6 - 1 });
  const skipped4 = v4.skipped.filter((s) => couldForward(s, 4));
  const skipped6 = (v6?.skipped ?? []).filter((s) => couldForward(s, 6)).map((s) => ({ ...s, at: `ip6tables line ${Number(/^line (\d+)$/.exec(s.at)![1]) + line6 - 1}` }));
  return { flows: state.flows, skipped: [...skipped4, ...skipped6, ...state.skipped] };
}
