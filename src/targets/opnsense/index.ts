// OPNsense: config.xml port forwards, in one of two layouts (--format):
// - default: the legacy <nat><rule> of OPNsense up to 25.7, each with a linked filter rule (same
//   associated-rule-id), as firewall_nat_edit.php saves them;
// - mvc: the Destination NAT model of 26.1 and later (<nat><rule uuid>, <sequence>, <pass>rule</pass>
//   registering the filter rule).
// Without --merge the file holds only synfw's rules; with --merge FILE they are merged into the
// user's downloaded configuration (merge.ts), because a restore replaces whole sections.

import { opnText, xmlComment } from '../../render/escape/xml.js';
import { interfaceWarnings } from '../config-xml/notes.js';
import { parseXml } from '../config-xml/parse.js';
import { defineTarget } from '../define.js';
import { header, OPNSENSE } from './header.js';
import { info } from './info.js';
import { layoutWarnings, mergeOpn, readOpnConfig } from './merge.js';
import { buildView } from './view.js';

export const target = defineTarget(info, {
  helpers: { comment: xmlComment, text: opnText },
  model: (plan, ctx) => buildView(plan, ctx, ctx.options.merge ? readOpnConfig(ctx.options.merge) : null),
  header,
  warnings: (plan, view, ctx) => [
    ...interfaceWarnings(plan, OPNSENSE, ctx),
    ...layoutWarnings(view.user ?? undefined, plan.profile.name, ctx.format as 'default' | 'mvc'),
  ],
  finish: (text, plan, view) => (view.user ? mergeOpn(view.user, parseXml(text), plan.profile.name) : text),
});
