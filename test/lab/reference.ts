// Hand-written router rules for the lab's self-checks, written from the plan without synfw's
// targets: a correct ruleset (forwards, allowFrom, hairpin, IPv6 to nas.address6) that every
// check of the full lab must accept, and a leaky one that the checks must catch. They replace the
// lab's nftables base (table inet lab with a policy-drop forward chain) with a whole router config.

import type { Plan } from '../../src/plan/types.js';
import type { Lab } from './lab.js';
import { NFT_BASE_CHAIN, NFT_BASE_TABLE } from './router.js';
import { admittedSources } from '../../src/readers/expected.js';

const set = (items: string[]): string => (items.length === 1 ? items[0]! : `{ ${items.join(', ')} }`);

/** The correct ruleset for a plan in a lab; `hairpin` overrides plan.hairpin (control runs). */
export function referenceNft(plan: Plan, lab: Lab, o: { hairpin: boolean }): string {
  // The oracle's sources: '' for anyone, null for nobody (only the other family listed), else a set.
  const match = (family: 4 | 6): string | null => {
    const sources = admittedSources(plan, family);
    if (sources[0] === 'any') return '';
    return sources.length ? `${family === 4 ? 'ip' : 'ip6'} saddr ${set(sources)} ` : null;
  };
  const src4 = match(4);
  const src6 = match(6);
  const lanNet = `${lab.routerLanAddr.split('.').slice(0, 3).join('.')}.0/24`;
  const dnat: string[] = [];
  const fwd: string[] = ['ct state established,related accept'];
  const srcnat: string[] = [];
  for (const f of plan.forwards) {
    const ext = f.external.first === f.external.last ? `${f.external.first}` : `${f.external.first}-${f.external.last}`;
    const int = f.internal.first === f.internal.last ? `${f.internal.first}` : `${f.internal.first}-${f.internal.last}`;
    const shifted = f.external.first !== f.internal.first;
    // One rule per port for a shifted range (nft has no offset mapping); a range onto itself keeps the port.
    const targets: [string, string][] = shifted
      ? Array.from({ length: f.external.last - f.external.first + 1 }, (_, i) => [`${f.external.first + i}`, `${lab.nasAddr}:${f.internal.first + i}`])
      : [[ext, lab.nasAddr]];
    for (const [port, to] of targets) {
      if (src4 !== null) dnat.push(`iifname "${lab.wanIf}" ${src4}${f.proto} dport ${port} dnat ip to ${to}`);
      if (o.hairpin) dnat.push(`iifname "${lab.lanIf}" ip daddr ${lab.routerWanAddr} ${f.proto} dport ${port} dnat ip to ${to}`);
    }
    fwd.push(`ct status dnat ip daddr ${lab.nasAddr} ${f.proto} dport ${int} accept`);
    if (o.hairpin) srcnat.push(`ip saddr ${lanNet} ip daddr ${lab.nasAddr} ${f.proto} dport ${int} ct status dnat masquerade`);
    if (lab.nasAddr6 && src6 !== null) fwd.push(`iifname "${lab.wanIf}" ${src6}ip6 daddr ${lab.nasAddr6} ${f.proto} dport ${int} accept`);
  }
  return ruleset(dnat, srcnat, fwd);
}

/**
 * A leaky router: every port DNATed to the NAS from anywhere (WAN and LAN side), everything
 * forwarded, everything to the NAS masqueraded (so the NAS never sees a WAN client's address).
 */
export function leakyNft(lab: Lab): string {
  return ruleset(
    [`iifname "${lab.wanIf}" dnat ip to ${lab.nasAddr}`, `iifname "${lab.lanIf}" ip daddr ${lab.routerWanAddr} dnat ip to ${lab.nasAddr}`],
    [`ip daddr ${lab.nasAddr} masquerade`],
    ['accept'],
  );
}

/** Replaces the lab's base table with a whole router config (its forward chain still policy drop). */
function ruleset(dnat: string[], srcnat: string[], fwd: string[]): string {
  const chain = (name: string, hook: string, rules: string[]): string =>
    [`\tchain ${name} {`, `\t\t${hook}`, ...rules.map((r) => `\t\t${r}`), '\t}'].join('\n');
  return [
    `table inet ${NFT_BASE_TABLE}`,
    `delete table inet ${NFT_BASE_TABLE}`,
    `table inet ${NFT_BASE_TABLE} {`,
    chain('ref_dstnat', 'type nat hook prerouting priority dstnat; policy accept;', dnat),
    chain('ref_srcnat', 'type nat hook postrouting priority srcnat; policy accept;', srcnat),
    chain(NFT_BASE_CHAIN, 'type filter hook forward priority filter; policy drop;', fwd),
    '}',
    '',
  ].join('\n');
}
