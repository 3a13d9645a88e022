// The iptables view model: chain names, and the plan's forwards packed into DNAT rules (nat table)
// and conntrack-scoped ACCEPT rules (filter table). Both output forms (sh script and
// iptables-restore input) render this same model, so they always hold the same rules.

import { createHash } from 'node:crypto';
import { formatRange } from '../plan/ranges.js';
import type { Forward, Plan, PortRange, Proto } from '../plan/types.js';
import { fitBytes, oneLine, originNames, profileTag, ruleText } from './common.js';
import { portMatch } from './iptables-ports.js';
import { mergeRanges, packSlots } from './packing.js';

/** iptables chain names: at most 28 characters (XT_EXTENSION_MAXNAMELEN 29 incl. NUL). */
export const CHAIN_MAX = 28;
/** The kernel keeps 255 bytes of a comment (XT_MAX_COMMENT_LEN 256 incl. NUL) and drops the rest. */
export const COMMENT_MAX = 255;

export interface RuleView {
  /** Matches: only numbers, addresses, the validated interface and fixed words (no free text). */
  match: string;
  /** Raw comment text (one line, at most COMMENT_MAX bytes): templates escape it. */
  comment: string;
  /** Target and its options (DNAT --to-destination ..., ACCEPT). */
  jump: string;
}

export interface ChainView {
  table: 'nat' | 'filter';
  name: string;
  /** Built-in chain that jumps to this one, and whether the jump is appended or inserted first. */
  hookChain: 'PREROUTING' | 'FORWARD';
  hookAdd: '-A' | '-I';
  rules: RuleView[];
}

export interface IptablesModel {
  tag: string;
  wan: string;
  chains: [ChainView, ChainView];
  /** Some forward remaps a range: the DNAT uses ip:a-b/base (iptables >= 1.8.0, Linux >= 4.18). */
  shiftedRange: boolean;
  /** Number of comments cut to COMMENT_MAX bytes. */
  cutComments: number;
}

/**
 * "synfw-<name>" when "<base>-dnat" fits in 28 characters, otherwise the name's first 8 characters
 * and 8 hex digits of its SHA-256 after an underscore. A profile name is [a-z0-9-], so a shortened
 * base can never equal another profile's full one.
 */
export function chainBase(name: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`profile name ${JSON.stringify(name)} is not a slug`);
  const plain = `synfw-${name}`;
  if (plain.length + '-dnat'.length <= CHAIN_MAX) return plain;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `synfw-${name.slice(0, 8)}_${hash}`;
}

const SAFE = /^[A-Za-z0-9 _.:,/@+-]+$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * Text of a rule that carries several identity forwards: the tag once, then per app group (same
 * apps, same names) "apps proto/ports names", so an app with many ports is named once. For one
 * forward this is exactly ruleText.
 */
export function packedText(plan: Plan, forwards: Forward[]): string {
  const groups = new Map<string, { apps: string; names: string; proto: string; ports: string[] }>();
  for (const f of forwards) {
    const apps = f.apps.join(',');
    const names = originNames([f]);
    const key = `${apps}\0${names}\0${f.proto}`;
    const g = groups.get(key) ?? { apps, names, proto: f.proto, ports: [] };
    g.ports.push(formatRange(f.external));
    groups.set(key, g);
  }
  const parts = [...groups.values()].map((g) => `${g.apps} ${g.proto}/${g.ports.join(',')}${g.names ? ` ${g.names}` : ''}`);
  return `${profileTag(plan)} ${parts.join('; ')}`;
}

const remapped = (f: Forward): boolean => f.external.first !== f.internal.first;

export function buildModel(plan: Plan, wan: string): IptablesModel {
  const tag = profileTag(plan);
  const nas = plan.nas.address;
  // The resolver validated it; checked again because it is printed into rule arguments unquoted.
  if (!IPV4.test(nas)) throw new Error(`NAS address ${JSON.stringify(nas)} is not an IPv4 address`);
  const base = chainBase(plan.profile.name);
  let cutComments = 0;
  const rule = (match: string, text: string, jump: string): RuleView => {
    if (!SAFE.test(match) || !SAFE.test(jump)) throw new Error(`unsafe iptables arguments: ${match} -j ${jump}`);
    const line = oneLine(text);
    const comment = fitBytes(line, COMMENT_MAX);
    if (comment !== line) cutComments++;
    return { match, comment, jump };
  };

  const protos = [...new Set(plan.forwards.map((f) => f.proto))].sort() as Proto[];
  const dnat: RuleView[] = [];
  const accept: RuleView[] = [];
  for (const proto of protos) {
    const mine = plan.forwards.filter((f) => f.proto === proto);
    // Identity forwards keep their port (DNAT to the bare address), so they share rules.
    for (const group of packSlots(mine.filter((f) => !remapped(f)), (f) => f.external)) {
      const match = `-i ${wan} ${portMatch(proto, 'd', group.map((f) => f.external))}`;
      dnat.push(rule(match, packedText(plan, group), `DNAT --to-destination ${nas}`));
    }
    for (const f of mine.filter(remapped)) {
      const single = f.external.first === f.external.last;
      const to = single ? `${nas}:${f.internal.first}` : `${nas}:${f.internal.first}-${f.internal.last}/${f.external.first}`;
      dnat.push(rule(`-i ${wan} ${portMatch(proto, 'd', [f.external])}`, ruleText(plan, f), `DNAT --to-destination ${to}`));
    }
    // FORWARD sees packets after DNAT: match the NAS ports, in both directions of DNATed flows only.
    for (const group of packSlots(mergeRanges(mine.map((f) => f.internal)), (r) => r)) {
      const apps = appsIn(mine, group);
      const ports = group.map((r) => formatRange(r)).join(',');
      const ctstate = '-m conntrack --ctstate DNAT --ctdir';
      accept.push(
        rule(`-d ${nas}/32 -i ${wan} ${portMatch(proto, 'd', group)} ${ctstate} ORIGINAL`, `${tag} ${apps} ${proto}/${ports} to NAS`, 'ACCEPT'),
        rule(`-s ${nas}/32 -o ${wan} ${portMatch(proto, 's', group)} ${ctstate} REPLY`, `${tag} ${apps} ${proto}/${ports} replies`, 'ACCEPT'),
      );
    }
  }
  return {
    tag,
    wan,
    chains: [
      { table: 'nat', name: `${base}-dnat`, hookChain: 'PREROUTING', hookAdd: '-A', rules: dnat },
      { table: 'filter', name: `${base}-fwd`, hookChain: 'FORWARD', hookAdd: '-I', rules: accept },
    ],
    shiftedRange: plan.forwards.some((f) => remapped(f) && f.external.first !== f.external.last),
    cutComments,
  };
}

/** Apps whose NAS ports fall in the group, sorted and unique. */
function appsIn(forwards: Forward[], group: PortRange[]): string {
  const hit = forwards.filter((f) => group.some((r) => f.internal.first <= r.last && r.first <= f.internal.last));
  return [...new Set(hit.flatMap((f) => f.apps))].sort().join(',');
}
