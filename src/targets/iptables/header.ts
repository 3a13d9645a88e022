// The header of both iptables output forms: how to apply and remove, then what each chain does and
// what the profile options (allowFrom, hairpin, nas.address6) mean for this router.

import type { Plan } from '../../plan/types.js';
import { shQuote } from '../../render/escape/shell.js';
import { checkLaterLine } from '../shared/header.js';
import { sourcesRestricted } from '../shared/sources.js';
import type { HeaderParts, RenderContext } from '../types.js';
import { info } from './info.js';
import type { ChainView, IptablesModel } from './view.js';

/** The shell commands that hook, unhook and delete a chain (also printed in the restore header). */
export function chainCommands(c: ChainView, tag: string): { hook: string; unhook: string; drop: string } {
  const ipt = `${c.cmd} -w -t ${c.table}`;
  const jump = `${c.hookChain} -m comment --comment ${shQuote(tag)} -j ${c.name}`;
  return {
    hook: `${ipt} -C ${jump} 2>/dev/null || ${ipt} ${c.hookAdd} ${jump}`,
    unhook: `${ipt} -D ${jump}`,
    drop: `${ipt} -F ${c.name} && ${ipt} -X ${c.name}`,
  };
}

const where = (c: ChainView): string => `${c.hookAdd === '-A' ? 'appended to' : 'inserted first in'} ${c.cmd === 'ip6tables' ? 'ip6tables ' : ''}${c.hookChain}`;
const list = (sources: (string | undefined)[]): string => sources.join(', ');

/** What allowFrom means here; nothing when it is not set. */
function sourceLines(plan: Plan, m: IptablesModel): string[] {
  if (!sourcesRestricted(plan)) return [];
  const v4 = m.sources4.length === 0 ? 'no IPv4 source (allowFrom lists only IPv6 ones), so there are no IPv4 DNAT rules' : m.sources4[0] === undefined ? 'any IPv4 source (allowFrom holds 0.0.0.0/0)' : `IPv4 only from ${list(m.sources4)}`;
  const lines = [`allowFrom: the forwards take ${v4}.`];
  if (plan.nas.address6 !== undefined) {
    lines.push(
      m.sources6.length === 0
        ? 'allowFrom lists no IPv6 source, so no IPv6 source may reach nas.address6: no IPv6 (ip6tables) rules are generated.'
        : `IPv6: ${m.sources6[0] === undefined ? 'any source (allowFrom holds ::/0)' : `only from ${list(m.sources6)}`}.`,
    );
  }
  return lines;
}

/** Rules in the kernel are lost on reboot: how to keep them, and (restore form) what to check first. */
function persistence(restore: boolean, m: IptablesModel): string[] {
  const needed = m.needed.map((n) => n.name).join(' and ');
  return [
    'These rules live in the kernel and are lost on reboot unless saved: on Debian or Ubuntu, apt install iptables-persistent, then',
    '  netfilter-persistent save (it saves ip6tables too); on RHEL or Fedora, iptables-save > /etc/sysconfig/iptables with iptables-services;',
    `  or run this ${restore ? 'file and the hook commands' : 'script'} at boot (a systemd unit or /etc/rc.local)${m.lookups ? ', and again when the WAN address changes' : ''}.`,
    ...(restore
      ? [`Before loading, check that ${needed} exist${m.needed.length > 1 ? '' : 's'} (ip link show dev ${m.needed[0]!.name}): iptables accepts a rule on a missing interface, and it forwards nothing.`]
      : [
          `The script changes nothing unless ${needed} exist${m.needed.length > 1 ? '' : 's'} (an interface that comes up later, such as PPPoE: run it once it is up;`,
          '  the rules keep working when it reconnects). Run it with sh FILE (or ssh root@ROUTER sh -s < FILE); pasted into a shell it runs in a subshell.',
        ]),
  ];
}

export function header(plan: Plan, m: IptablesModel, ctx: RenderContext): HeaderParts {
  const restore = ctx.format === 'restore';
  const cmds = m.chains.map((c) => chainCommands(c, m.tag));
  const apply = restore
    ? ['save this file as FILE, then as root: iptables-restore -w --noflush < FILE   (never without --noflush: that empties the whole tables)', 'then hook the chains once (does nothing if they are hooked already):', ...cmds.map((c) => c.hook)]
    : ['save this script as FILE, then as root on the router: sh FILE   (running it again leaves the same rules: chains are flushed and refilled, hooks added only if missing)'];
  const remove = restore
    ? [...cmds.map((c) => c.unhook), ...cmds.map((c) => c.drop)]
    : ['as root: sh FILE remove   (deletes the hooks and every chain of this profile; running it again is harmless)'];
  const chain = (kind: ChainView['kind']) => m.chains.find((c) => c.kind === kind);
  const [dnat, fwd, hpin, masq, fwd6] = (['dnat', 'fwd', 'hpin', 'masq', 'fwd6'] as const).map(chain);
  const notes = [
    checkLaterLine(info, plan.profile),
    `Chains: nat ${dnat!.name} (${where(dnat!)}: DNAT of what arrives on ${m.wan}), filter ${fwd!.name} (${where(fwd!)}).`,
    'The filter chain accepts only these DNATed connections, both directions (conntrack --ctstate DNAT --ctdir ORIGINAL/REPLY), so a FORWARD policy of DROP is fine.',
    ...sourceLines(plan, m),
  ];
  if (hpin && masq && m.lookups) {
    const { lan, wan } = m.lookups;
    notes.push(
      `Hairpin (NAT loopback) for clients on ${lan} (${ctx.lanKey}): nat ${hpin.name} (${where(hpin)}) DNATs connections that arrive on ${lan} for the router's WAN IPv4 address(es) on the forwarded WAN ports, never those for its LAN address;`,
      `nat ${masq.name} (${where(masq)}) masquerades only those LAN-originated connections to the NAS, so the NAS answers through the router; connections from the WAN keep their real source address.`,
      `The filter chain also accepts them (in and out on ${lan}). LAN clients are trusted: allowFrom does not apply to them.`,
      `The script reads ${wan}'s IPv4 address(es) and ${lan}'s subnet(s) when it runs (with ip and awk: ip -4 -o addr show dev ...): run it again whenever the WAN address changes, e.g. from the DHCP client's or PPP's ip-up hook.`,
    );
  }
  if (fwd6) {
    notes.push(
      `IPv6 (no NAT): ip6tables filter ${fwd6.name} (${where(fwd6)}) accepts connections from ${m.wan} to ${plan.nas.address6} on the NAS's own ports, and their replies (conntrack --ctdir ORIGINAL/REPLY).`,
    );
  }
  if (!restore && m.stale.length) notes.push('The script also deletes chains an earlier run of this profile added for options that are now off.');
  if (m.shiftedRange) notes.push('A remapped range uses --to-destination ADDR:FIRST-LAST/BASE: needs iptables >= 1.8.0 and Linux >= 4.18.');
  notes.push(...persistence(restore, m));
  if (ctx.fit.cut) notes.push(`${ctx.fit.cut} rule comment(s) were cut to ${info.comments.max} bytes (the kernel keeps no more) and end in "..."; the list above is complete.`);
  return { apply, remove, notes };
}
