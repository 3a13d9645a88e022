// Header lines both pf-based targets add for the profile options allowFrom, hairpin and
// nas.address6: what the file does about each, in the product's own menu names.

import type { Plan } from '../../plan/types.js';
import { sourcesRestricted } from '../shared/sources.js';
import { profileTag } from '../shared/text.js';
import type { RenderContext } from '../types.js';

/** What the notes say differently for the two products. */
export interface Product {
  name: 'pfSense' | 'OPNsense';
  /** Where the per-rule reflection needs its outbound NAT helper switched on. */
  reflectionHelper: string;
  /** Where the system default for NAT reflection is set. */
  reflectionSetting: string;
}

/** The product and the interfaces of this render. */
interface NotesInput {
  product: Product['name'];
  target: string;
  iface: string;
  lan: string;
  reflectionHelper: string;
  reflectionSetting: string;
}

const input = (p: Product, ctx: RenderContext): NotesInput => ({ product: p.name, target: ctx.info.id, iface: ctx.wan, lan: ctx.lan!, reflectionHelper: p.reflectionHelper, reflectionSetting: p.reflectionSetting });

/** Lines for the header, before "Apply:", wrapped. Empty when the profile uses none of the options. */
export function optionNotes(plan: Plan, p: Product, ctx: RenderContext): string[] {
  const n = input(p, ctx);
  const lines: string[] = [];
  const restricted = sourcesRestricted(plan);
  if (restricted) {
    lines.push(
      plan.allowFrom.length
        ? `Sources (allowFrom): only ${plan.allowFrom.join(', ')} may use the port forwards: one port forward and pass rule per forward and source.`
        : `Sources (allowFrom): only IPv6 sources are listed, so no IPv4 source on the WAN may use the port forwards${plan.hairpin ? '' : ' and none are written'}.`,
    );
  }
  if (plan.hairpin === false) {
    lines.push('Hairpin (NAT loopback) is off: every port forward sets NAT reflection to Disable, whatever the system default is.');
  } else if (plan.hairpin === null) {
    lines.push(`NAT reflection (hairpin): every port forward uses the system default (${n.reflectionSetting}); set hairpin to true or false in the profile to decide it here.`);
  } else {
    lines.push(
      `Hairpin (NAT loopback): every port forward sets NAT reflection to Pure NAT, so LAN clients can use the WAN address. Clients on the NAS's own subnet also need ${n.reflectionHelper} (it source-NATs only reflected LAN connections, never traffic from the WAN).`,
    );
    if (restricted) {
      lines.push(
        `Hairpin traffic from the LAN is not subject to allowFrom (LAN clients are trusted): ${n.product} reflects a port forward with its source, so each forward also has one from the ${n.lan} network, which only reflected LAN traffic matches.`,
      );
    }
    if (ctx.lanKey !== null && !restricted) {
      lines.push(`${ctx.lanKey} (${n.lan}) is not used: ${n.product} sets up reflection on its internal interfaces itself.`);
    }
  }
  const address6 = plan.nas.address6;
  if (address6 !== undefined) {
    if (restricted && !plan.allowFrom6.length) {
      lines.push(`IPv6: allowFrom lists only IPv4 sources, so no IPv6 source may reach ${address6} and no IPv6 rules are written.`);
    } else {
      const from = restricted ? ` from ${plan.allowFrom6.join(', ')}` : ' from anyone';
      lines.push(`IPv6 (no NAT): pass rules on ${n.iface} to ${address6} on the NAS ports${from}, described "${profileTag(plan)} ipv6 ...".`);
    }
  }
  return lines.flatMap((l) => wrap(l));
}

/** A note as header lines of at most ~100 characters; continuation lines indented by two spaces. */
export function wrap(note: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of note.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}
