// The OpenWrt header: what the sections do and how to apply and remove them, including what the
// profile's allowFrom, hairpin and nas.address6 became (and what fw3/fw4 need for them to work).

import type { Plan } from '../../plan/types.js';
import { checkLaterLine } from '../shared/header.js';
import type { HeaderParts, RenderContext } from '../types.js';
import { info } from './info.js';
import type { OpenwrtModel } from './view.js';

function applyRemove(m: OpenwrtModel, config: boolean): { apply: string[]; remove: string[] } {
  const who = `every redirect and rule whose name option starts with '${m.tag} '`;
  if (config) {
    return {
      apply: [
        `first make sure the zones ${m.needed.map((n) => n.name).join(' and ')} exist (uci show firewall | grep "\\.name='"): fw4 skips a section`,
        'whose zone it does not know and still loads everything else. Then paste the config sections below at the end of',
        '/etc/config/firewall on the router and run /etc/init.d/firewall reload. Read what it prints: a line starting with [!]',
        'names a section fw4 skipped (fw4 check exits 0 all the same, so it does not prove the sections work); fw4 print',
        `| grep '${m.tag} ' shows the rules fw4 made of them. Before pasting a newer version, delete the earlier one:`,
        `${who} (the sh form does that itself, and checks the zones before it changes anything).`,
      ],
      remove: [`delete ${who} from /etc/config/firewall,`, 'then run /etc/init.d/firewall reload (or run the sh form with the argument remove)'],
    };
  }
  return {
    apply: [
      'copy this script to the router (fw3 or fw4) and run there: sh FILE   (or: sh FILE apply)',
      `It first deletes ${who}`,
      '(earlier runs, also of apps since removed), then deletes and sets each section below, so a',
      're-run replaces and never duplicates; then uci commit firewall and /etc/init.d/firewall reload',
      '(if that is missing it says so: the config is committed but not loaded). It changes nothing',
      'while the firewall config has uncommitted changes (see: uci changes firewall), or when a zone it',
      `names (${m.needed.map((n) => n.name).join(', ')}) does not exist. Run it with sh FILE (or ssh root@ROUTER sh -s < FILE);`,
      'pasted into a shell it runs in a subshell, so it cannot end your session.',
    ],
    remove: ['sh FILE remove   (deletes those same redirects and rules, commits, reloads)'],
  };
}

/** What allowFrom and hairpin did to the redirects. */
function ipv4Lines(plan: Plan, m: OpenwrtModel): string[] {
  const lines: string[] = [];
  if (plan.allowFrom.length) {
    lines.push(
      `allowFrom: only ${plan.allowFrom.join(', ')} may use the forwards (redirect option src_ip).`,
      '  src_ip holds one address in a redirect (fw3 and fw4), so each port has one redirect per source,',
      '  named ..._S<n> for the n-th source.',
    );
  } else if (plan.allowFrom6.length) {
    lines.push('allowFrom lists only IPv6 sources: no IPv4 source may use the forwards, so no redirects are written.');
  }
  if (plan.hairpin === true) {
    lines.push(
      `reflection '1' (hairpin): LAN clients in zone ${m.dest} reach the forwards at the router's WAN address too`,
      `  (NAT loopback; reflection_src 'internal': the NAS sees the router's LAN address as the source).`,
      `  fw3 and fw4 make loopback rules only when the src zone ${m.src} has masquerading (masq '1', as the`,
      '  default wan zone has); the loopback rules are made for the dest zone (fw4\'s default reflection_zone).',
      '  Hairpin traffic from the LAN is not subject to allowFrom: fw3 and fw4 do not copy src_ip into',
      '  reflection rules.' + (plan.allowFrom.length ? ' Only the first redirect of a port (_S1) reflects, so the rules exist once.' : ''),
    );
  } else if (plan.hairpin === false) {
    lines.push("reflection '0': NAT loopback (hairpin) is off, as the profile's hairpin is false (fw3 and fw4 default to on).");
  } else {
    lines.push(
      'reflection is not set: fw3/fw4 apply their default (NAT loopback on, for redirects whose src zone masquerades).',
      '  Set hairpin to true or false in the profile to decide it here.' + (plan.allowFrom.length ? ' Only the first redirect of a port (_S1) may reflect.' : ''),
    );
  }
  return lines;
}

/** What nas.address6 (and allowFrom's IPv6 sources) became. */
function ipv6Lines(plan: Plan, m: OpenwrtModel): string[] {
  const r6 = m.rules6;
  if (plan.nas.address6 === undefined) {
    return plan.allowFrom6.length ? [`allowFrom's IPv6 sources (${plan.allowFrom6.join(', ')}) apply to nas.address6, which is not set: nothing uses them.`] : [];
  }
  if (r6.none) return [`IPv6: ${r6.none} (nas.address6 ${plan.nas.address6}).`];
  return [
    `IPv6 has no NAT: config rule sections (family ipv6, src zone ${m.src}, dest zone ${m.dest}, target ACCEPT) open`,
    `  the NAS's own ports on ${plan.nas.address6}, one section per port or range (dest_port)` +
      (plan.allowFrom6.length ? `, only from ${plan.allowFrom6.join(', ')} (list src_ip).` : ', from anywhere.'),
    "  Replies need no rule: fw3 and fw4 accept established and related connections first.",
  ];
}

export function header(plan: Plan, m: OpenwrtModel, ctx: RenderContext): HeaderParts {
  const { apply, remove } = applyRemove(m, ctx.format === 'config');
  const notes = [
    checkLaterLine(info, plan.profile),
    `Sections: config redirect, target DNAT, src zone ${m.src}, dest zone ${m.dest}${ctx.lanKey ? ` (${ctx.lanKey})` : ' (default; set router.lan to change it)'}, family ipv4.`,
    ...ipv4Lines(plan, m),
    ...ipv6Lines(plan, m),
    `name: tag, apps and names in at most ${info.comments.max} bytes (fw4 makes it an nft comment, limit 128);`,
    `  " is written as ' (as fw4 does) and % as U+FF05, a fullwidth % (fw3 uses the name as a printf format).`,
  ];
  if (m.redirects.splitRanges) notes.push('A remapped port range is one section per port: DNAT to a port range does not shift ports.');
  if (ctx.fit.cut) notes.push(`${ctx.fit.cut} name(s) were cut to ${info.comments.max} bytes and end in "..."; the list above is complete.`);
  return { apply, remove, notes };
}
