// The mikrotik header: how to import and remove the script, how its rules sit among the router's
// own, and what allowFrom, hairpin and nas.address6 became, with the trade-offs of the RouterOS
// idioms chosen for them.

import type { Plan } from '../../plan/types.js';
import { rosQuote } from '../../render/escape/routeros.js';
import { checkLaterLine, outputFile } from '../shared/header.js';
import { MULTIPORT_SLOTS } from '../shared/ports.js';
import type { HeaderParts, RenderContext } from '../types.js';
import { info } from './info.js';
import type { MikrotikModel } from './view.js';

function allowFromLines(plan: Plan, m: MikrotikModel): string[] {
  if (plan.allowFrom.length) {
    return [
      `allowFrom: only the address list ${m.listName} (${plan.allowFrom.join(', ')}) may use the forwards:`,
      '  src-address-list on the WAN dst-nat rules and forward accepts. Each run rewrites the list (remove by list name).',
    ];
  }
  if (plan.allowFrom6.length) return ['allowFrom lists only IPv6 sources: no IPv4 source may use the forwards, so no WAN dst-nat rule is written.'];
  return [];
}

function hairpinLines(m: MikrotikModel, ctx: RenderContext): string[] {
  if (!m.hairpin) return [];
  const lan = `in-interface-list=${m.lan}${ctx.lanKey ? `, ${ctx.lanKey}` : ", defconf's interface list; set router.lan to change it"}`;
  return [
    `hairpin: LAN clients (${lan}) reach the forwards at the router's WAN address too:`,
    '  dst-nat rules with dst-address-type=local, as RouterOS has no "address of the WAN interface" match',
    "  and the WAN address may change. Trade-off: dst-address-type=local also matches the router's own",
    '  LAN-side addresses, so a LAN client connecting to the router itself on a forwarded WAN port (say WebFig',
    "  over www-ssl on 443) reaches the NAS instead. The router's LAN address is not in the profile: if that",
    '  matters, add dst-address=!<router LAN address> to the hairpin rules, or move that router service.',
    '  Masquerade: the NAS must answer through the router, so hairpin connections are source-NATed. The LAN',
    '  subnet is not in the profile and v6 offers no input-interface match in srcnat, so a mangle prerouting',
    '  rule (before dstnat, same match as the hairpin dst-nat) marks them with connection-mark',
    `  ${m.hairpin.mark}, and the one srcnat masquerade matches that mark only: connections from the WAN`,
    '  are never masqueraded. The NAS sees the router as the source of hairpin connections. Works on v6 and v7.',
    '  Hairpin traffic from the LAN is not subject to allowFrom.',
  ];
}

function ipv6Lines(plan: Plan, m: MikrotikModel): string[] {
  if (!m.v6) {
    return plan.allowFrom6.length ? [`allowFrom's IPv6 sources (${plan.allowFrom6.join(', ')}) apply to nas.address6, which is not set: nothing uses them.`] : [];
  }
  const lines = m.v6.hasAccepts
    ? [
        `IPv6 (no NAT): /ipv6 firewall filter accepts for ${m.v6.address} on the NAS's own ports, inbound on`,
        `  in-interface-list=${m.v6.wan} ${m.v6.srcList ? `from the /ipv6 address list ${m.v6.srcList} (${plan.allowFrom6.join(', ')})` : 'from anywhere'},`,
        '  with reply accepts; moved just above the last drop, reject or tarpit of the forward chain (see the note there).',
      ]
    : ['IPv6: allowFrom lists only IPv4 sources, so no IPv6 source may connect: no IPv6 accepts are written.'];
  lines.push(
    'The /ipv6 menus are touched only while nas.address6 is set (RouterOS v6 without the ipv6 package has none):',
    'after removing nas.address6 from the profile, run the two /ipv6 remove commands above yourself.',
  );
  return lines;
}

function optionLines(plan: Plan, m: MikrotikModel, ctx: RenderContext): string[] {
  return [...allowFromLines(plan, m), ...hairpinLines(m, ctx), ...ipv6Lines(plan, m)];
}

/** The exact commands that delete everything this profile added, in every menu the script touches. */
export function removeCommands(m: MikrotikModel): string[] {
  const byTag = (menu: string): string => `${menu} remove [find where comment~${rosQuote(m.tagRegex)}]`;
  const byList = (menu: string): string => `${menu} remove [find where list=${rosQuote(m.listName)}]`;
  return [
    byList('/ip firewall address-list'),
    ...['nat', 'mangle', 'filter'].map((menu) => byTag(`/ip firewall ${menu}`)),
    ...(m.v6 ? [byList('/ipv6 firewall address-list'), byTag('/ipv6 firewall filter')] : []),
  ];
}

/** The oldest RouterOS whose command tree (/console/inspect) has every command the script uses. */
const MINIMUM_VERSION = '7.9';

export function header(plan: Plan, m: MikrotikModel, ctx: RenderContext): HeaderParts {
  const file = outputFile(plan, ctx);
  const notes = [
    checkLaterLine(info, plan.profile, m.v6 !== null),
    `Needs RouterOS ${MINIMUM_VERSION} or later: every command and argument here is in the command trees of RouterOS 7.9, 7.16.2 and 7.23.3`,
    '  (RouterOS 6 is not checked). The script checks the interface lists it names before it changes anything.',
    `dst-nat rules are appended to the dstnat chain: a rule of yours above them for the same WAN port wins.`,
    `Port lists hold at most ${MULTIPORT_SLOTS} slots, a range counting 2 (the Linux multiport limit; RouterOS documents none).`,
    'A forward to the same NAS port has no to-ports (DNAT keeps the port); a remapped range gets one rule per port,',
    'because a to-ports range is not offset-mapped.',
    'Forward rules: see the note above /ip firewall filter below.',
    'Connections the router already tracks keep their old NAT until they time out (/ip firewall connection).',
    ...optionLines(plan, m, ctx),
  ];
  if (ctx.fit.cut) notes.push(`${ctx.fit.cut} rule comment(s) were cut to ${info.comments.max} bytes and end in "..."; the list above is complete.`);
  return {
    wan: `in-interface-list=${m.wan}${ctx.wanKey ? '' : ", the default configuration's interface list"}`,
    apply: [
      `upload this file as ${file} (Files), then in a terminal: /import file-name=${file}`,
      'or paste the whole file into a terminal (WinBox/WebFig New Terminal, or ssh).',
      'Running it again first removes what the last run added, so the rules never pile up.',
    ],
    remove: removeCommands(m),
    notes,
  };
}
