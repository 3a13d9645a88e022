// nftables target: a file for `nft -f` that owns one inet table. The file declares the table,
// deletes it and defines it again in one transaction, so loading it twice equals loading it once
// and a changed profile leaves no stale rule. Nothing outside the table is touched.

import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { compileTemplate, type Template } from '../render/engine.js';
import { nftComment, nftString } from '../render/escape/nft.js';
import { headerLines } from './common.js';
import { TARGETS } from './index.js';
import { buildModel, COMMENT_MAX, MARK_ACCEPT, MARK_HAIRPIN, type NftModel } from './nftables-view.js';
import { TargetError, type Rendered, type RenderOptions, type Target } from './types.js';

let compiled: Template | undefined;
const template = (): Template => (compiled ??= compileTemplate('nftables', { nftComment, nftString }));

/** Linux interface names (IFNAMSIZ 16 incl. NUL), without nft's `*` wildcard or a quote. */
const IFNAME = /^[A-Za-z0-9][A-Za-z0-9_.@:+-]{0,14}$/;

function fail(code: string, message: string, pos: Plan['keyPos'][keyof Plan['keyPos']]): never {
  throw new TargetError([{ code, severity: 'error', message: `target nftables: ${message}`, ...(pos ? { pos } : {}) }]);
}

function interfaces(plan: Plan): { wan: string; lan?: string } {
  const wan = plan.router.wan ?? TARGETS.nftables.defaultWan;
  const lan = plan.router.lan;
  if (!IFNAME.test(wan)) fail('SFW304', `router.wan "${wan}" is not a Linux interface name (at most 15 characters, no * or quotes)`, plan.keyPos.wan);
  if (plan.hairpin && lan === undefined) fail('SFW305', 'hairpin needs router.lan (the LAN interface)', plan.keyPos.hairpin);
  if (plan.hairpin && lan !== undefined && !IFNAME.test(lan)) fail('SFW304', `router.lan "${lan}" is not a Linux interface name (at most 15 characters, no * or quotes)`, plan.keyPos.lan);
  if (plan.hairpin && lan === wan) fail('SFW304', `router.lan and router.wan are both "${wan}"; hairpin needs the LAN interface`, plan.keyPos.lan);
  // router.lan matters only for hairpin (it may name another target's zone otherwise).
  return { wan, ...(plan.hairpin && lan !== undefined ? { lan } : {}) };
}

function header(plan: Plan, m: NftModel, options: RenderOptions): string[] {
  const t = `inet ${m.table}`;
  const lines = headerLines(plan, {
    info: TARGETS.nftables,
    version: options.version,
    wan: m.wan,
    apply: [
      'save this file as FILE, then as root on the router: nft -f FILE   (check it first with nft -c -f FILE)',
      `loading it again replaces table ${t} with this file's version: the same rules as loading it once`,
    ],
    remove: [`nft delete table ${t}`],
  });
  lines.push(
    `Everything lives in table ${t}; no other table or chain is touched. Needs Linux >= 5.2 (NAT in an inet table); checked with nft 1.0.6.`,
    `Chain dstnat (prerouting, priority dstnat) DNATs what arrives on ${m.wan}. Chain forward (priority filter - 1, policy accept) accepts those connections and sets ct mark bit ${MARK_ACCEPT} on them.`,
    'Both chains have policy accept: this table never drops anything, so other forwarded traffic is treated exactly as before.',
    'But an accept here does not override a drop elsewhere: nftables runs every base chain on the forward hook, and a drop in any of them',
    '(your own table with policy drop, firewalld, Docker, OpenWrt fw4, iptables FORWARD DROP) is final. nft cannot jump between tables,',
    'so the link is the conntrack mark: if this router drops forwarded traffic by default, add this rule near the top of its forward chain,',
    `before any drop (it must run at priority filter or later): ct mark & ${MARK_ACCEPT} == ${MARK_ACCEPT} accept`,
    `  e.g. nft insert rule inet filter forward ct mark and ${MARK_ACCEPT} == ${MARK_ACCEPT} accept`,
    `  or   iptables -I FORWARD -m connmark --mark ${MARK_ACCEPT}/${MARK_ACCEPT} -j ACCEPT   (and the same with ip6tables)`,
    'It accepts exactly the connections marked here, in both directions (replies included), and nothing else.',
  );
  const v4 = plan.allowFrom.join(', ');
  const v6 = plan.allowFrom6.join(', ');
  if (!v4 && !v6) lines.push('Sources: anyone on the internet may use the forwards (no allowFrom).');
  else lines.push(`Sources (allowFrom): only ${[v4 && `IPv4 ${v4}`, v6 && `IPv6 ${v6}`].filter(Boolean).join('; ')} may use the forwards.`);
  if (!m.ipv4) lines.push('allowFrom lists no IPv4 source, so no IPv4 source may use the forwards: no IPv4 port forward rules are generated.');
  if (m.ipv6 === 'rules') {
    lines.push(
      `IPv6 (no NAT): the forward chain accepts and marks connections from ${v6 || 'anyone'} to ${plan.nas.address6} on the NAS's own ports.`,
      'An accept limits nothing by itself: without a firewall that drops forwarded IPv6 by default, every source already reaches the NAS;',
      'with one (the usual router setup), the rule above lets exactly these connections through.',
    );
  }
  if (m.ipv6 === 'no-source') lines.push(`IPv6: allowFrom lists no IPv6 source, so no IPv6 source may reach ${plan.nas.address6}: no IPv6 rules are generated.`);
  if (plan.hairpin) {
    lines.push(
      `Hairpin (NAT loopback): LAN clients on ${m.lan} that connect to a forwarded port of one of the router's own addresses other than its ${m.lan} address`,
      `(its WAN address) are sent to the NAS and masqueraded (ct mark bit ${MARK_HAIRPIN}) so the NAS replies through the router.`,
      "Internet clients are never masqueraded: the NAS sees their real addresses. Hairpin is not subject to allowFrom (LAN clients are trusted).",
    );
  }
  if (m.cutComments) lines.push(`${m.cutComments} rule comment(s) were cut to nft's ${COMMENT_MAX} bytes and end in "..."; the list above is complete.`);
  return lines;
}

export const target: Target = {
  info: TARGETS.nftables,
  render(plan: Plan, options: RenderOptions): Rendered {
    const format = options.format ?? 'default';
    if (!(format in TARGETS.nftables.formats)) throw new Error(`nftables has no format ${format}`);
    const { wan, lan } = interfaces(plan);
    const m = buildModel(plan, wan, lan);
    const text = template()({ ...m, header: header(plan, m, options) });
    const warnings: Diagnostic[] = m.cutComments
      ? [{ code: 'SFW310', severity: 'warning', message: `target nftables: ${m.cutComments} rule comment(s) cut to nft's ${COMMENT_MAX} bytes` }]
      : [];
    return { text, warnings };
  },
};
