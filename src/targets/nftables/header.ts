// The nftables header: how to apply and remove the table, and how it links to the router's own
// firewall (an accept in one table cannot override a drop in another), plus what the profile
// options became.

import type { Plan } from '../../plan/types.js';
import { checkLaterLine, outputFile } from '../shared/header.js';
import type { HeaderParts, RenderContext } from '../types.js';
import { info } from './info.js';
import { MARK_ACCEPT, MARK_HAIRPIN, type NftModel } from './view.js';

export function header(plan: Plan, m: NftModel, ctx: RenderContext): HeaderParts {
  const t = `inet ${m.table}`;
  const notes = [
    checkLaterLine(info, plan.profile),
    `Everything lives in table ${t}; no other table or chain is touched. Needs Linux >= 5.2 (NAT in an inet table); checked with nft 1.0.6.`,
    `Loading fails with "Interface does not exist", changing nothing, unless ${m.needed.map((n) => n.name).join(' and ')} exist${m.needed.length > 1 ? '' : 's'} (chain interfaces);`,
    '  for an interface that comes up later (PPPoE), load the file once it is up: the rules keep working when it reconnects.',
    `Chain dstnat (prerouting, priority dstnat) DNATs what arrives on ${m.wan}. Chain forward (priority filter - 1, policy accept) accepts those connections and sets ct mark bit ${MARK_ACCEPT} on them.`,
    'Both chains have policy accept: this table never drops anything, so other forwarded traffic is treated exactly as before.',
    'But an accept here does not override a drop elsewhere: nftables runs every base chain on the forward hook, and a drop in any of them',
    '(your own table with policy drop, firewalld, Docker, OpenWrt fw4, iptables FORWARD DROP) is final. nft cannot jump between tables,',
    'so the link is the conntrack mark: if this router drops forwarded traffic by default, add this rule near the top of its forward chain,',
    `before any drop (it must run at priority filter or later): ct mark & ${MARK_ACCEPT} == ${MARK_ACCEPT} accept`,
    `  e.g. nft insert rule inet filter forward ct mark and ${MARK_ACCEPT} == ${MARK_ACCEPT} accept`,
    `  or   iptables -I FORWARD -m connmark --mark ${MARK_ACCEPT}/${MARK_ACCEPT} -j ACCEPT   (and the same with ip6tables)`,
    'It accepts exactly the connections marked here, in both directions (replies included), and nothing else.',
  ];
  const v4 = plan.allowFrom.join(', ');
  const v6 = plan.allowFrom6.join(', ');
  if (!v4 && !v6) notes.push('Sources: anyone on the internet may use the forwards (no allowFrom).');
  else notes.push(`Sources (allowFrom): only ${[v4 && `IPv4 ${v4}`, v6 && `IPv6 ${v6}`].filter(Boolean).join('; ')} may use the forwards.`);
  if (!m.ipv4) notes.push('allowFrom lists no IPv4 source, so no IPv4 source may use the forwards: no IPv4 port forward rules are generated.');
  if (m.ipv6 === 'rules') {
    notes.push(
      `IPv6 (no NAT): the forward chain accepts and marks connections from ${v6 || 'anyone'} to ${plan.nas.address6} on the NAS's own ports.`,
      'An accept limits nothing by itself: without a firewall that drops forwarded IPv6 by default, every source already reaches the NAS;',
      'with one (the usual router setup), the rule above lets exactly these connections through.',
    );
  }
  if (m.ipv6 === 'no-source') notes.push(`IPv6: allowFrom lists no IPv6 source, so no IPv6 source may reach ${plan.nas.address6}: no IPv6 rules are generated.`);
  if (plan.hairpin) {
    notes.push(
      `Hairpin (NAT loopback): LAN clients on ${m.lan} that connect to a forwarded port of one of the router's own addresses other than its ${m.lan} address`,
      `(its WAN address) are sent to the NAS and masqueraded (ct mark bit ${MARK_HAIRPIN}) so the NAS replies through the router.`,
      "Internet clients are never masqueraded: the NAS sees their real addresses. Hairpin is not subject to allowFrom (LAN clients are trusted).",
    );
  }
  const kept = `/etc/nftables.d/${outputFile(plan, ctx)}`;
  notes.push(
    `A table loaded with nft -f is lost on reboot: keep the file (e.g. ${kept}) and include it from the router's`,
    `  nftables configuration (Debian: include "${kept}" at the end of /etc/nftables.conf, then systemctl enable nftables).`,
  );
  if (ctx.fit.cut) notes.push(`${ctx.fit.cut} rule comment(s) were cut to nft's ${info.comments.max} bytes and end in "..."; the list above is complete.`);
  return {
    apply: [
      'save this file as FILE, then as root on the router: nft -f FILE   (check it first with nft -c -f FILE)',
      `loading it again replaces table ${t} with this file's version: the same rules as loading it once`,
    ],
    remove: [`nft delete table ${t}`],
    notes,
  };
}
