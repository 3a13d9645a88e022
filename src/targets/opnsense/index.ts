// OPNsense: config.xml port forwards, in one of two layouts (--format):
// - default: the legacy <nat><rule> of OPNsense up to 25.7, each with a linked filter rule (same
//   associated-rule-id), as firewall_nat_edit.php saves them;
// - mvc: the Destination NAT model of 26.1 and later (<nat><rule uuid>, <sequence>, <pass>rule</pass>
//   registering the filter rule).
// Without --merge the file holds only synfw's rules; with --merge FILE they are merged into the
// user's downloaded configuration (merge.ts), because a restore replaces whole sections.

import { opnText, xmlComments } from '../../render/escape/xml.js';
import { checkInterfaces } from '../config-xml/merge.js';
import { parseXml } from '../../xml/parse.js';
import { usedInterfaces } from '../config-xml/rules.js';
import { defineTarget } from '../define.js';
import { header } from './header.js';
import { info } from './info.js';
import { layoutWarnings, mergeOpn, readOpnConfig } from './merge.js';
import { buildView } from './view.js';

export const target = defineTarget(info, {
  helpers: { comments: xmlComments, text: opnText },
  model: (plan, ctx) => {
    const user = ctx.options.merge ? readOpnConfig(ctx.options.merge) : null;
    if (user) checkInterfaces(user, usedInterfaces(plan, ctx));
    return buildView(plan, ctx, user);
  },
  header,
  warnings: (plan, view, ctx) => layoutWarnings(view.user ?? undefined, plan.profile.name, ctx.format as 'default' | 'mvc'),
  finish: (text, plan, view) => (view.user ? mergeOpn(view.user, parseXml(text), plan.profile.name) : text),
});
