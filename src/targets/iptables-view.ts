// The iptables view model: chain names, and the plan's rules placed in the profile's own chains:
// WAN DNAT (nat PREROUTING), conntrack-scoped ACCEPTs (filter FORWARD), and, when the options ask
// for them, hairpin DNAT and masquerade (nat PREROUTING / POSTROUTING, addresses looked up when the
// script runs) and IPv6 ACCEPTs (ip6tables FORWARD). Both output forms render this same model.

import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Plan } from '../plan/types.js';
import { fitBytes, oneLine, profileTag } from './common.js';
import { portMatch } from './iptables-ports.js';
import { dnatSpecs, natPortGroups, sourcesOf } from './iptables-rules.js';
import { isRemapped } from '../plan/ranges.js';

export { packedText } from './common.js';

/** iptables chain names: at most 28 characters (XT_EXTENSION_MAXNAMELEN 29 incl. NUL). */
export const CHAIN_MAX = 28;
/** The kernel keeps 255 bytes of a comment (XT_MAX_COMMENT_LEN 256 incl. NUL) and drops the rest. */
export const COMMENT_MAX = 255;

export interface RuleView {
  /** Matches: only numbers, addresses, validated interfaces and fixed words (no free text). */
  match: string;
  /** Raw comment text (one line, at most COMMENT_MAX bytes): templates escape it. */
  comment: string;
  /** Target and its options (DNAT --to-destination ..., ACCEPT, MASQUERADE). */
  jump: string;
}

/** dnat: WAN DNAT; hpin: hairpin DNAT; masq: hairpin masquerade; fwd: IPv4 accepts; fwd6: IPv6 accepts. */
export type ChainKind = 'dnat' | 'hpin' | 'masq' | 'fwd' | 'fwd6';

export interface ChainView {
  kind: ChainKind;
  cmd: 'iptables' | 'ip6tables';
  table: 'nat' | 'filter';
  name: string;
  /** Built-in chain that jumps to this one, and whether the jump is appended or inserted first. */
  hookChain: 'PREROUTING' | 'POSTROUTING' | 'FORWARD';
  hookAdd: '-A' | '-I';
  rules: RuleView[];
  /** Rules that need an address known only at run time: `for VAR in $LIST; do` around them, `OPT "$VAR"` first in each. */
  loop?: { var: string; list: string; opt: '-s' | '-d' };
}

export interface IptablesModel {
  tag: string;
  wan: string;
  /** The chains this plan fills, in the order the script creates them. */
  chains: ChainView[];
  /** The profile's chains for options that are off: the script deletes them if an earlier run left them. */
  stale: ChainView[];
  /** Every chain the profile can have, for `remove`. */
  all: ChainView[];
  /** Hairpin on: the script looks up the WAN addresses and LAN subnets first. */
  lookups?: { wan: string; lan: string; noLan: string; noWan: string };
  /** -s values of IPv4 and IPv6 rules: undefined = anyone; empty = nobody, so no rules. */
  sources4: (string | undefined)[];
  sources6: (string | undefined)[];
  /** Some forward remaps a range: the DNAT uses ip:a-b/base (iptables >= 1.8.0, Linux >= 4.18). */
  shiftedRange: boolean;
  /** Number of comments cut to COMMENT_MAX bytes. */
  cutComments: number;
}

/**
 * "synfw-<name>" when "<base>-dnat" fits in 28 characters, otherwise the name's first 8 characters
 * and 8 hex digits of its SHA-256 after an underscore. A profile name is [a-z0-9-], so a shortened
 * base can never equal another profile's full one. Every chain suffix is at most 5 characters.
 */
export function chainBase(name: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`profile name ${JSON.stringify(name)} is not a slug`);
  const plain = `synfw-${name}`;
  if (plain.length + '-dnat'.length <= CHAIN_MAX) return plain;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `synfw-${name.slice(0, 8)}_${hash}`;
}

const KINDS: Record<ChainKind, Pick<ChainView, 'cmd' | 'table' | 'hookChain' | 'hookAdd'>> = {
  dnat: { cmd: 'iptables', table: 'nat', hookChain: 'PREROUTING', hookAdd: '-A' },
  hpin: { cmd: 'iptables', table: 'nat', hookChain: 'PREROUTING', hookAdd: '-A' },
  masq: { cmd: 'iptables', table: 'nat', hookChain: 'POSTROUTING', hookAdd: '-I' },
  fwd: { cmd: 'iptables', table: 'filter', hookChain: 'FORWARD', hookAdd: '-I' },
  fwd6: { cmd: 'ip6tables', table: 'filter', hookChain: 'FORWARD', hookAdd: '-I' },
};
const ORDER: ChainKind[] = ['dnat', 'hpin', 'masq', 'fwd', 'fwd6'];

const SAFE = /^[A-Za-z0-9 _.:,/@+-]+$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const CIDR4 = /^[0-9.]+\/\d{1,2}$/;
const CIDR6 = /^[0-9a-f:]+\/\d{1,3}$/;

/** ` -s X` / `-d X ` pieces for an optional source; the resolver normalised the CIDRs. */
const opt = (flag: string, cidr: string | undefined): string => (cidr ? `${flag} ${cidr} ` : '');

export function buildModel(plan: Plan, wan: string): IptablesModel {
  const tag = profileTag(plan);
  const nas = plan.nas.address;
  const nas6 = plan.nas.address6;
  const lan = plan.hairpin ? plan.router.lan : undefined;
  // The resolver validated them; checked again because they are printed into rule arguments unquoted.
  if (!IPV4.test(nas)) throw new Error(`NAS address ${JSON.stringify(nas)} is not an IPv4 address`);
  if (nas6 !== undefined && !isIPv6(nas6)) throw new Error(`NAS address ${JSON.stringify(nas6)} is not an IPv6 address`);
  if (!plan.allowFrom.every((c) => CIDR4.test(c)) || !plan.allowFrom6.every((c) => CIDR6.test(c))) throw new Error('allowFrom holds something other than CIDRs');
  const base = chainBase(plan.profile.name);
  let cutComments = 0;
  const rule = (match: string, text: string, jump: string): RuleView => {
    if (!SAFE.test(match) || !SAFE.test(jump)) throw new Error(`unsafe iptables arguments: ${match} -j ${jump}`);
    const line = oneLine(text);
    const comment = fitBytes(line, COMMENT_MAX);
    if (comment !== line) cutComments++;
    return { match, comment, jump };
  };
  const hairpinText = (text: string): string => `${tag} hairpin ${text.slice(tag.length + 1)}`;

  const sources4 = sourcesOf(plan, 4);
  const sources6 = sourcesOf(plan, 6);
  const specs = dnatSpecs(plan);
  const groups = natPortGroups(plan);
  const rules: Record<ChainKind, RuleView[]> = { dnat: [], hpin: [], masq: [], fwd: [], fwd6: [] };

  for (const s of specs) {
    for (const src of sources4) rules.dnat.push(rule(`${opt('-s', src)}-i ${wan} ${s.ports}`, s.text, `DNAT --to-destination ${s.to}`));
    // Hairpin: `-d "$a"` (a WAN address) goes first; LAN clients are not subject to allowFrom.
    if (lan) rules.hpin.push(rule(`-i ${lan} ${s.ports}`, hairpinText(s.text), `DNAT --to-destination ${s.to}`));
  }
  // FORWARD sees packets after DNAT: match the NAS ports, in both directions of DNATed flows only.
  const ct = '-m conntrack --ctstate DNAT --ctdir';
  for (const g of groups) {
    const [dports, sports] = [portMatch(g.proto, 'd', g.ranges), portMatch(g.proto, 's', g.ranges)];
    const text = `${tag} ${g.apps} ${g.proto}/${g.ports}`;
    for (const src of sources4) {
      rules.fwd.push(
        rule(`${opt('-s', src)}-d ${nas}/32 -i ${wan} ${dports} ${ct} ORIGINAL`, `${text} to NAS`, 'ACCEPT'),
        rule(`-s ${nas}/32 ${opt('-d', src)}-o ${wan} ${sports} ${ct} REPLY`, `${text} replies`, 'ACCEPT'),
      );
    }
    if (lan) {
      rules.fwd.push(
        rule(`-d ${nas}/32 -i ${lan} -o ${lan} ${dports} ${ct} ORIGINAL`, hairpinText(`${text} to NAS`), 'ACCEPT'),
        rule(`-s ${nas}/32 -i ${lan} -o ${lan} ${sports} ${ct} REPLY`, hairpinText(`${text} replies`), 'ACCEPT'),
      );
      // `-s "$s"` (a LAN subnet) goes first: only LAN-originated DNATed connections are masqueraded.
      rules.masq.push(rule(`-d ${nas}/32 -o ${lan} ${dports} -m conntrack --ctstate DNAT`, hairpinText(`${text} masquerade`), 'MASQUERADE'));
    }
    if (nas6) {
      // IPv6 has no NAT: the NAS's own ports, accepted from the WAN, and their replies.
      for (const src of sources6) {
        rules.fwd6.push(
          rule(`${opt('-s', src)}-d ${nas6}/128 -i ${wan} ${dports} -m conntrack --ctdir ORIGINAL`, `${text} to NAS (IPv6)`, 'ACCEPT'),
          rule(`-s ${nas6}/128 ${opt('-d', src)}-o ${wan} ${sports} -m conntrack --ctdir REPLY`, `${text} replies (IPv6)`, 'ACCEPT'),
        );
      }
    }
  }

  const active: Record<ChainKind, boolean> = { dnat: true, fwd: true, hpin: !!lan, masq: !!lan, fwd6: !!nas6 && sources6.length > 0 };
  const loops: Partial<Record<ChainKind, ChainView['loop']>> = { hpin: { var: 'a', list: 'wan4', opt: '-d' }, masq: { var: 's', list: 'lan4', opt: '-s' } };
  // A loop only around rules: `for ...; do done` with an empty body is a syntax error in sh.
  const all = ORDER.map((kind): ChainView => {
    const loop = rules[kind].length ? loops[kind] : undefined;
    return { kind, ...KINDS[kind], name: `${base}-${kind}`, rules: rules[kind], ...(loop ? { loop } : {}) };
  });
  return {
    tag,
    wan,
    chains: all.filter((c) => active[c.kind]),
    stale: all.filter((c) => !active[c.kind]),
    all,
    ...(lan
      ? {
          lookups: {
            wan,
            lan,
            noLan: `synfw: ${lan} (router.lan) has no IPv4 address, so hairpin cannot work: check router.lan; nothing was changed`,
            noWan: `synfw: warning: ${wan} has no IPv4 address now: no hairpin DNAT until this script runs again`,
          },
        }
      : {}),
    sources4,
    sources6,
    shiftedRange: plan.forwards.some((f) => isRemapped(f) && f.external.first !== f.external.last),
    cutComments,
  };
}
