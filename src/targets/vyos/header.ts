// The header of both vyos output forms: how to apply and remove, which rule numbers the profile
// owns, and what the profile options mean on VyOS.

import type { Plan } from '../../plan/types.js';
import { checkLaterLine, outputFile } from '../shared/header.js';
import { sourcesRestricted } from '../shared/sources.js';
import type { HeaderParts, RenderContext } from '../types.js';
import { info } from './info.js';
import type { VyosModel } from './view.js';

/** The file name the header tells people to use. */


function applyLines(plan: Plan, m: VyosModel, ctx: RenderContext): string[] {
  const script = ctx.format === 'default';
  const file = outputFile(plan, ctx);
  const lists = `${m.base}-${m.last}`;
  if (script) {
    return [
      'The script first checks, changing nothing if not, that the interfaces it names exist and that the router has no zone-based',
      'firewall (firewall zone ...), whose zone policies would drop these forwards whatever the forward filter accepts.',
      `copy this file to the router (scp ${file} vyos@ROUTER:) and run it there as your VyOS login user: vbash ${file}`,
      "(never with sudo: it re-runs itself in the vyattacfg group, as VyOS's Command Scripting docs ask, then runs configure, commit, save).",
      'Do not paste it into a shell: the form to paste into configure mode is synfw gen ... -f commands.',
      `Running it again replaces what the last run added: it deletes this profile's rules (numbers ${lists}, description starting with ${m.tag}) first,`,
      'so the rules of apps removed from the profile since go too.',
    ];
  }
  return [
    `first check that ${[m.wan, ...(m.lan ? [m.lan] : [])].join(' and ')} exist${m.lan ? '' : 's'} (show interfaces) and that the router has no zone-based firewall`,
    '(show firewall zone prints nothing): zone policies would drop these forwards whatever the forward filter accepts.',
    'on the router: configure, then paste every line below; the last two are commit and save.',
    'No line may report an error, except "Nothing to delete" from the delete lines the first time. Running them again replaces these rules.',
    'A paste cannot look for rules an earlier run added for apps that are no longer in the profile: delete those by hand, they are',
    `numbered ${lists} and their description starts with ${m.tag} (op mode: show configuration commands | match ${m.tag}).`,
    'The default format (a vbash script) finds and deletes them itself.',
  ];
}

function optionLines(plan: Plan, m: VyosModel, ctx: RenderContext): string[] {
  const lines: string[] = [];
  const [g4, g6] = m.groups;
  if (sourcesRestricted(plan)) {
    lines.push(
      m.v4
        ? `allowFrom: only sources in firewall group network-group ${g4!.name} (${plan.allowFrom.join(', ')}) match the IPv4 DNAT and accept rules.`
        : 'allowFrom lists only IPv6 sources, so no IPv4 source may use the forwards: there are no IPv4 DNAT rules for the WAN.',
    );
    if (m.nas6 !== null) {
      lines.push(
        m.v6
          ? `IPv6: only sources in firewall group ipv6-network-group ${g6!.name} (${plan.allowFrom6.join(', ')}).`
          : 'allowFrom lists no IPv6 source, so no IPv6 source may reach nas.address6: no IPv6 rules are generated.',
      );
    }
  }
  if (m.lan !== null) {
    lines.push(
      `Hairpin (NAT loopback) for clients on ${m.lan} (${ctx.lanKey}): nat destination rules on ${m.lan} DNAT connections for the router's WAN address on the`,
      'forwarded WAN ports (only that address: connections to other hosts on these ports are untouched), and nat source rules masquerade',
      `only connections from ${m.lan}'s subnet to the NAS ports, so the NAS answers through the router; connections from the WAN keep their source address.`,
      'LAN clients are trusted: allowFrom does not apply to them. VyOS rules hold addresses literally, so the script looks up the first IPv4',
      `address of ${m.wan} and the first connected subnet of ${m.lan} when it runs (ip -4 -o addr / route show dev ...): run it again whenever the WAN address changes.`,
    );
  }
  if (m.v6) {
    lines.push(`IPv6 (no NAT): firewall ipv6 forward filter rules accept connections arriving on ${m.wan} for ${m.nas6} on the NAS's own ports, and their replies.`);
  }
  return lines;
}

function descriptionLines(m: VyosModel, cut: number): string[] {
  if (!m.sanitised && !cut) return [];
  return [
    `Descriptions are printable ASCII without ' " \\ and the question mark (VyOS takes only ASCII, the others do not survive show configuration`,
    `commands or a paste), at most ${info.comments.max} characters. Changed here: ${m.sanitised} with characters replaced by _, ${cut} cut (ending in "..."); the list above is complete.`,
  ];
}

export function header(plan: Plan, m: VyosModel, ctx: RenderContext): HeaderParts {
  const script = ctx.format === 'default';
  const remove = [
    'in configure mode:',
    ...m.deletes.map((d) => `delete ${d}`),
    ...(m.deletes.length ? ['commit', 'save'] : ['(nothing: this profile adds no rules)']),
  ];
  const notes = [
    checkLaterLine(info, plan.profile),
    `Rule numbers: this profile owns ${m.base}-${m.last} of nat destination, nat source, firewall ipv4 forward filter and firewall ipv6 forward filter`,
    script
      ? `rules (derived from its name). The script stops, changing nothing, if a rule in that range does not carry the ${m.tag} tag.`
      : "rules (derived from its name). These lines replace whatever has this run's numbers.",
    `Forward filter: accepts for the DNATed connections (connection-status nat destination) arriving on ${m.wan}, and for their replies.`,
    'VyOS checks forward filter rules by number: a lower-numbered rule of yours that drops WAN traffic, or jumps to a chain whose default-action',
    'is drop, decides first; then add an accept with connection-status nat destination to that chain. With the default (accept) nothing else is needed.',
    ...optionLines(plan, m, ctx),
    ...descriptionLines(m, ctx.fit.cut),
  ];
  return { apply: applyLines(plan, m, ctx), remove, notes };
}
