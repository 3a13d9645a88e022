// The iptables view model: chain names, and the plan's rules placed in the profile's own chains:
// WAN DNAT (nat PREROUTING), conntrack-scoped ACCEPTs (filter FORWARD), and, when the options ask
// for them, hairpin DNAT and masquerade (nat PREROUTING / POSTROUTING, addresses looked up when the
// script runs) and IPv6 ACCEPTs (ip6tables FORWARD). Both output forms render this same model; the
// templates spell every flag (templates/partials/iptables-match.hbs and iptables-target.hbs).

import { sha256Hex } from '../../lib/sha256.js';
import { isRemapped } from '../../plan/ranges.js';
import type { Plan } from '../../plan/types.js';
import { oneLine } from '../../render/text.js';
import { checkIPv6 } from '../../resolve/addresses.js';
import { checkedIPv4 } from '../shared/checks.js';
import { labelled, profileTag } from '../shared/text.js';
import { neededNames, type NeededName } from '../shared/interfaces.js';
import type { RenderContext, TextAbout } from '../types.js';
import { dnatSpecs, natPortGroups, sourcesOf, type PortMatch } from './rules.js';

/** iptables chain names: at most 28 characters (XT_EXTENSION_MAXNAMELEN 29 incl. NUL). */
export const CHAIN_MAX = 28;

/**
 * What every rule line of a chain starts with: its command, table and name, and the run-time loop's
 * option. Each rule carries it, so that the template's loop over rules reads no parent context
 * (`../`): Handlebars then keeps a stack of contexts for every block of the whole template.
 */
export interface ChainHead {
  cmd: 'iptables' | 'ip6tables';
  table: 'nat' | 'filter';
  name: string;
  loop: ChainView['loop'] | null;
}

/** One rule: its matches in iptables' order (-s -d -i -o, ports, conntrack), comment and target. */
export interface RuleView {
  chain: ChainHead;
  source: string | null;
  dest: string | null;
  in: string | null;
  out: string | null;
  /** `d`: match destination ports; `s`: source ports (replies). */
  side: 'd' | 's';
  match: PortMatch;
  /** `-m conntrack` options: --ctstate DNAT and/or --ctdir. */
  ctstate: 'DNAT' | null;
  ctdir: 'ORIGINAL' | 'REPLY' | null;
  /** Raw comment text (one line, cut to the kernel's limit): templates escape it. */
  comment: string;
  jump: 'DNAT' | 'ACCEPT' | 'MASQUERADE';
  /** DNAT --to-destination. */
  to: string | null;
}

type RuleSpec = Pick<RuleView, 'side' | 'match' | 'jump'> & Partial<Record<'source' | 'dest' | 'in' | 'out' | 'ctstate' | 'ctdir' | 'to', string>>;

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
  /** The interfaces the script checks before it changes anything. */
  needed: NeededName[];
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
  const hash = sha256Hex(name).slice(0, 8);
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

const CIDR4 = /^[0-9.]+\/\d{1,2}$/;
const CIDR6 = /^[0-9a-f:]+\/\d{1,3}$/;

/** The rules of every chain kind, each with the head of the chain it goes into. */
function chainRules(plan: Plan, ctx: RenderContext, sources4: (string | undefined)[], sources6: (string | undefined)[], heads: Record<ChainKind, ChainHead>): Record<ChainKind, RuleView[]> {
  const { wan, lan } = ctx;
  const tag = profileTag(plan);
  // Printed into rule arguments unquoted: checked again although the resolver validated them.
  const nas = checkedIPv4(plan.nas.address);
  const nas6 = plan.nas.address6;
  if (nas6 !== undefined && !checkIPv6(nas6).ok) throw new Error(`NAS address ${JSON.stringify(nas6)} is not an IPv6 address`);
  if (!plan.allowFrom.every((c) => CIDR4.test(c)) || !plan.allowFrom6.every((c) => CIDR6.test(c))) throw new Error('allowFrom holds something other than CIDRs');
  const rules: Record<ChainKind, RuleView[]> = { dnat: [], hpin: [], masq: [], fwd: [], fwd6: [] };
  // Every field present (null when unused): the templates are strict about missing fields.
  const add = (kind: ChainKind, r: RuleSpec, text: string, about: () => TextAbout): void => {
    rules[kind].push({
      chain: heads[kind],
      source: r.source ?? null,
      dest: r.dest ?? null,
      in: r.in ?? null,
      out: r.out ?? null,
      side: r.side,
      match: r.match,
      ctstate: (r.ctstate as RuleView['ctstate']) ?? null,
      ctdir: (r.ctdir as RuleView['ctdir']) ?? null,
      comment: ctx.fit(oneLine(text), undefined, about),
      jump: r.jump,
      to: r.to ?? null,
    });
  };
  const hairpin = (text: string): string => labelled(plan, 'hairpin', text);
  for (const s of dnatSpecs(plan)) {
    for (const source of sources4) add('dnat', { source, in: wan, side: 'd', match: s.match, jump: 'DNAT', to: s.to }, s.text, s.about);
    // Hairpin: `-d "$a"` (a WAN address) goes first; LAN clients are not subject to allowFrom.
    if (lan) add('hpin', { in: lan, side: 'd', match: s.match, jump: 'DNAT', to: s.to }, hairpin(s.text), s.about);
  }
  // FORWARD sees packets after DNAT: match the NAS ports, in both directions of DNATed flows only.
  const nas32 = `${nas}/32`;
  for (const g of natPortGroups(plan)) {
    const text = `${tag} ${g.apps} ${g.match.proto}/${g.ports}`;
    const { match, about } = g;
    for (const source of sources4) {
      add('fwd', { source, dest: nas32, in: wan, side: 'd', match, ctstate: 'DNAT', ctdir: 'ORIGINAL', jump: 'ACCEPT' }, `${text} to NAS`, about);
      add('fwd', { source: nas32, dest: source, out: wan, side: 's', match, ctstate: 'DNAT', ctdir: 'REPLY', jump: 'ACCEPT' }, `${text} replies`, about);
    }
    if (lan) {
      add('fwd', { dest: nas32, in: lan, out: lan, side: 'd', match, ctstate: 'DNAT', ctdir: 'ORIGINAL', jump: 'ACCEPT' }, hairpin(`${text} to NAS`), about);
      add('fwd', { source: nas32, in: lan, out: lan, side: 's', match, ctstate: 'DNAT', ctdir: 'REPLY', jump: 'ACCEPT' }, hairpin(`${text} replies`), about);
      // `-s "$s"` (a LAN subnet) goes first: only LAN-originated DNATed connections are masqueraded.
      add('masq', { dest: nas32, out: lan, side: 'd', match, ctstate: 'DNAT', jump: 'MASQUERADE' }, hairpin(`${text} masquerade`), about);
    }
    if (nas6) {
      // IPv6 has no NAT: the NAS's own ports, accepted from the WAN, and their replies.
      for (const source of sources6) {
        add('fwd6', { source, dest: `${nas6}/128`, in: wan, side: 'd', match, ctdir: 'ORIGINAL', jump: 'ACCEPT' }, `${text} to NAS (IPv6)`, about);
        add('fwd6', { source: `${nas6}/128`, dest: source, out: wan, side: 's', match, ctdir: 'REPLY', jump: 'ACCEPT' }, `${text} replies (IPv6)`, about);
      }
    }
  }
  return rules;
}

export function buildModel(plan: Plan, ctx: RenderContext): IptablesModel {
  const { wan, lan } = ctx;
  const nas6 = plan.nas.address6;
  const base = chainBase(plan.profile.name);
  const sources4 = sourcesOf(plan, 4);
  const sources6 = sourcesOf(plan, 6);
  const loops: Partial<Record<ChainKind, ChainView['loop']>> = { hpin: { var: 'a', list: 'wan4', opt: '-d' }, masq: { var: 's', list: 'lan4', opt: '-s' } };
  const heads = Object.fromEntries(ORDER.map((kind) => [kind, { cmd: KINDS[kind].cmd, table: KINDS[kind].table, name: `${base}-${kind}`, loop: loops[kind] ?? null }])) as Record<ChainKind, ChainHead>;
  const rules = chainRules(plan, ctx, sources4, sources6, heads);

  const active: Record<ChainKind, boolean> = { dnat: true, fwd: true, hpin: !!lan, masq: !!lan, fwd6: !!nas6 && sources6.length > 0 };
  // A loop only around rules: `for ...; do done` with an empty body is a syntax error in sh.
  const all = ORDER.map((kind): ChainView => {
    const loop = rules[kind].length ? loops[kind] : undefined;
    return { kind, ...KINDS[kind], name: heads[kind].name, rules: rules[kind], ...(loop ? { loop } : {}) };
  });
  return {
    tag: profileTag(plan),
    wan,
    chains: all.filter((c) => active[c.kind]),
    stale: all.filter((c) => !active[c.kind]),
    all,
    ...(lan
      ? {
          lookups: {
            wan,
            lan,
            noLan: `synfw: ${lan} (${ctx.lanKey}) has no IPv4 address, so hairpin cannot work: check ${ctx.lanKey}; nothing was changed`,
            noWan: `synfw: warning: ${wan} has no IPv4 address now: no hairpin DNAT until this script runs again`,
          },
        }
      : {}),
    sources4,
    sources6,
    shiftedRange: plan.forwards.some((f) => isRemapped(f) && f.external.first !== f.external.last),
    needed: neededNames(ctx, 'interface', lan !== undefined),
  };
}
