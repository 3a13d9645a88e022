// The pfSense header: how to restore the file (what an area restore replaces depends on what the
// file holds), how to remove the rules in the GUI, and what the profile options became.

import type { Plan } from '../../plan/types.js';
import { optionNotes, type Product } from '../config-xml/notes.js';
import { checkLaterLine, genCommand } from '../shared/header.js';
import { profileTag } from '../shared/text.js';
import type { HeaderParts, RenderContext } from '../types.js';
import { info } from './info.js';
import type { ConfigKind } from './merge.js';
import type { PfView } from './view.js';

export const PFSENSE: Product = {
  name: 'pfSense',
  reflectionSetting: 'System > Advanced > Firewall & NAT: "NAT Reflection mode for port forwards"',
  reflectionHelper: 'System > Advanced > Firewall & NAT: "Enable automatic outbound NAT for Reflection"',
};

const RESTORE = 'Diagnostics > Backup & Restore > Restore Backup:';

/** How to use the file: what restoring does depends on what the file holds. */
function applyLines(plan: Plan, kind: ConfigKind | 'standalone', merge: string): string[] {
  switch (kind) {
    case 'standalone':
      return [
        'This file holds ONLY the rules of this profile. Restoring an area in pfSense REPLACES that',
        'whole section: restored as it is, it deletes every other port forward, the outbound NAT',
        'settings and every other firewall rule (the default LAN rules too). So first download your',
        'configuration (Diagnostics > Backup & Restore > Download configuration as XML, area All), let',
        `synfw merge these rules into it, and restore the merged file:`,
        `  ${merge}`,
        'Restoring this file itself only suits a router that has no rules of its own:',
        `${RESTORE} Restore area NAT, this file, Restore Configuration;`,
        'then the same with Restore area Firewall Rules. Restore both areas: each port forward needs',
        'its pass rule (same associated-rule-id).',
      ];
    case 'full':
      return [
        `Your configuration with the rules of profile ${plan.profile.name} merged in: its port forwards are`,
        'at the end of Firewall > NAT > Port Forward and their pass rules at the end of the rules list,',
        'or in the place of the ones an earlier run added. Everything else is unchanged. Merge a fresh',
        'download: changes made on the router after it are lost when this file is restored.',
        `${RESTORE} Restore area NAT, this file, Restore Configuration;`,
        'then the same with Restore area Firewall Rules. Each area restore REPLACES that whole section',
        'with the one in this file. (Restore area All restores the whole file and reboots the firewall.)',
      ];
    case 'nat':
    case 'filter': {
      const [area, other, mine, theirs] =
        kind === 'nat' ? ['NAT', 'Firewall Rules', 'port forwards', 'pass rules'] : ['Firewall Rules', 'NAT', 'pass rules', 'port forwards'];
      return [
        `Your ${area} area backup with the ${mine} of profile ${plan.profile.name} merged in, after the last`,
        'rule or in the place of the ones an earlier run added; everything else is unchanged. Their linked',
        `${theirs} belong in the ${other} area: merge your ${other} backup the same way (the linking ids`,
        'are the same on every run) and restore both files, or merge a full backup instead.',
        `${RESTORE} Restore area ${area}, this file, Restore Configuration.`,
        `This REPLACES the whole ${area} section with the one in this file.`,
      ];
    }
  }
}

function removeLines(plan: Plan, ipv6: boolean): string[] {
  const tag = profileTag(plan);
  return [
    `Firewall > NAT > Port Forward: select the rules whose description starts with ${tag} and Delete;`,
    `pfSense deletes their linked pass rules ("NAT ${tag} ...") with them. Then Apply Changes.`,
    ...(ipv6 ? [`Firewall > Rules: delete the IPv6 rules whose description starts with ${tag} ipv6, then Apply Changes.`] : []),
  ];
}

export function header(plan: Plan, view: PfView, ctx: RenderContext): HeaderParts {
  return {
    about: optionNotes(plan, PFSENSE, ctx),
    apply: applyLines(plan, view.user?.kind ?? 'standalone', genCommand(plan, ctx, ' -m config-backup.xml -o merged.xml')),
    remove: removeLines(plan, view.allows6.length > 0),
    notes: [checkLaterLine(info, plan.profile)],
  };
}
