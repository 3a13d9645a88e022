// OPNsense: config.xml port forwards, in one of two layouts (--format):
// - default: the legacy <nat><rule> of OPNsense up to 25.7, each with a linked filter rule (same
//   associated-rule-id), as firewall_nat_edit.php saves them;
// - mvc: the Destination NAT model of 26.1 and later (<nat><rule uuid>, <sequence>, <pass>rule</pass>
//   registering the filter rule).
// Without --merge the file holds only synfw's rules; with --merge FILE they are merged into the
// user's downloaded configuration (opnsense-merge.ts), because a restore replaces whole sections.

import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { compileTemplate, type Template } from '../render/engine.js';
import { opnText, xmlComment } from '../render/escape/xml.js';
import { headerLines, profileTag } from './common.js';
import { TARGETS } from './index.js';
import { layoutWarnings, mergeOpn, readOpnConfig, sequenceBase, type UserConfig } from './opnsense-merge.js';
import { legacyView, mvcUuids, mvcView, opnRules, sequences } from './opnsense-view.js';
import { mergeError } from './pf-xml-merge.js';
import { ifaceWarnings, optionNotes, optionWarnings, withNotes, wrap, type NotesInput } from './pf-xml-notes.js';
import { parseXml } from './pf-xml-parse.js';
import type { Target } from './types.js';

type Format = 'default' | 'mvc';

const templates: Partial<Record<Format, Template>> = {};
const render = (format: Format, view: object): string => {
  templates[format] ??= compileTemplate(format === 'mvc' ? 'opnsense-mvc' : 'opnsense', { comment: xmlComment, text: opnText });
  return templates[format](view);
};

const NAT_MENU: Record<Format, string> = { default: 'Firewall > NAT > Port Forward', mvc: 'Firewall > NAT > Destination NAT' };
const BACKUPS = 'System > Configuration > Backups';

function applyLines(plan: Plan, format: Format, merged: boolean): string[] {
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
        `So first download your configuration (${BACKUPS}: Download), let synfw gen merge these rules into it (its merge option), and restore the merged file.`,
      ];
  return lines.flatMap((l) => wrap(l, 96));
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

function formatOf(format: string | undefined): Format {
  if (format === undefined || format === 'default') return 'default';
  if (format === 'mvc') return 'mvc';
  throw new Error(`opnsense: unknown format ${format}`);
}

export const target: Target = {
  info: TARGETS.opnsense,
  render(plan, options) {
    const format = formatOf(options.format);
    const iface = plan.router.wan ?? this.info.defaultWan;
    const notes: NotesInput = {
      product: 'OPNsense',
      target: 'opnsense',
      iface,
      lan: plan.router.lan ?? 'lan',
      reflectionHelper: 'Firewall > Settings > Advanced: "Automatic outbound NAT for Reflection"',
    };
    const user: UserConfig | undefined = options.merge ? readOpnConfig(options.merge) : undefined;
    let view: { iface: string; rules: object[]; allows6: object[]; warnings: Diagnostic[] };
    if (format === 'mvc') {
      const { built, warnings: cut } = opnRules(plan, notes.lan);
      const base = sequenceBase(user, plan.profile.name, new Set(mvcUuids(plan, built)));
      const seq = sequences(base, built.forwards.length);
      if (!seq) throw mergeError(user?.file ?? '', `no room for ${built.forwards.length} port forwards after sequence ${base} (the model allows up to 999999)`);
      view = mvcView(plan, iface, built, cut, seq);
    } else {
      view = legacyView(plan, iface, notes.lan);
    }
    const warnings: Diagnostic[] = [...view.warnings, ...ifaceWarnings(plan, notes), ...optionWarnings(plan, notes), ...layoutWarnings(user, plan.profile.name, format)];
    const header = headerLines(plan, {
      info: this.info,
      version: options.version,
      wan: iface,
      format,
      apply: applyLines(plan, format, user !== undefined),
      remove: removeLines(plan, format, view.allows6.length > 0, iface),
    });
    const text = render(format, { header: withNotes(header, optionNotes(plan, notes)), ...view });
    if (!user) return { text, warnings };
    return { text: mergeOpn(user, parseXml(text), plan.profile.name), warnings };
  },
};
