// The OPNsense header: the layout of the chosen format, how to restore the file, how to remove the
// rules in the GUI, and what the profile options became.

import type { Plan } from '../../plan/types.js';
import { optionNotes, wrap, type Product } from '../config-xml/notes.js';
import { checkLaterLine, genCommand } from '../shared/header.js';
import { profileTag } from '../shared/text.js';
import type { HeaderParts, RenderContext } from '../types.js';
import { info } from './info.js';
import type { OpnView } from './view.js';

type Format = 'default' | 'mvc';

export const OPNSENSE: Product = {
  name: 'OPNsense',
  reflectionSetting: 'Firewall > Settings > Advanced: "Reflection for destination NAT"',
  reflectionHelper: 'Firewall > Settings > Advanced: "Automatic outbound NAT for Reflection"',
};

const NAT_MENU: Record<Format, string> = { default: 'Firewall > NAT > Port Forward', mvc: 'Firewall > NAT > Destination NAT' };
const BACKUPS = 'System > Configuration > Backups';

function applyLines(plan: Plan, format: Format, merged: boolean, merge: string): string[] {
  const layout =
    format === 'mvc'
      ? 'Layout: the Destination NAT model of OPNsense 26.1 and later (each port forward registers its own filter rule); for 25.7 and older use the default format.'
      : 'Layout: port forwards with linked filter rules, as OPNsense up to 25.7 saves them (26.1 converts them when it loads them); for 26.1 and later prefer format mvc.';
  const lines = merged
    ? [
        layout,
        `Your configuration with the rules of profile ${plan.profile.name} merged in: ${
          format === 'mvc'
            ? `its port forwards come last in ${NAT_MENU.mvc} (sequence numbers after the highest of the other rules), in place of the ones an earlier run added.`
            : `its port forwards are at the end of ${NAT_MENU.default}, or in the place of the ones an earlier run added.`
        } Everything else is unchanged. Merge a fresh download: changes made on the router after it are lost when this file is restored.`,
        `${BACKUPS}: Restore, this file (all areas); this REPLACES the running configuration with it. Then reboot when asked, or apply the changes on the NAT and rules pages.`,
      ]
    : [
        layout,
        'This file holds ONLY the rules of this profile. A restore REPLACES whole sections: restored as it is, it deletes every other port forward and firewall rule (restored as the whole configuration, everything else too).',
        `So first download your configuration (${BACKUPS}: Download), let synfw merge these rules into it, and restore the merged file:`,
      ];
  return [...lines.flatMap((l) => wrap(l, 96)), ...(merged ? [] : [`  ${merge}`])];
}

function removeLines(plan: Plan, format: Format, ipv6: boolean, iface: string): string[] {
  const tag = profileTag(plan);
  const lines = [
    format === 'mvc'
      ? `${NAT_MENU.mvc}: delete the rules whose description starts with ${tag} (their registered filter rules go with them), then Apply.`
      : `${NAT_MENU.default}: delete the rules whose description starts with ${tag}; OPNsense deletes their linked filter rules with them. Then Apply.`,
    ...(ipv6 ? [`Firewall > Rules (legacy in 26.1 and later), interface ${iface}: delete the IPv6 rules whose description starts with ${tag} ipv6, then Apply.`] : []),
  ];
  return lines.flatMap((l) => wrap(l, 96));
}

export function header(plan: Plan, view: OpnView, ctx: RenderContext): HeaderParts {
  const format = ctx.format as Format;
  return {
    about: optionNotes(plan, OPNSENSE, ctx),
    apply: applyLines(plan, format, view.user !== null, genCommand(plan, ctx, ' -m config-backup.xml -o merged.xml')),
    remove: removeLines(plan, format, view.allows6.length > 0, view.iface),
    notes: [checkLaterLine(info, plan.profile)],
  };
}
