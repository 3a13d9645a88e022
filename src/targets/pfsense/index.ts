// pfSense: config.xml port forwards (<nat><rule>) with linked pass rules (<filter><rule>, same
// <associated-rule-id>), as pfSense's GUI would save them, for Diagnostics > Backup & Restore.
// Without --merge the file holds only synfw's rules; with --merge FILE they are merged into the
// user's own export (merge.ts), because restoring an area replaces the whole section.

import { pfCdata, xmlComments, xmlText } from '../../render/escape/xml.js';
import { checkInterfaces } from '../config-xml/merge.js';
import { parseXml } from '../../xml/parse.js';
import { usedInterfaces } from '../config-xml/rules.js';
import { defineTarget } from '../define.js';
import { header } from './header.js';
import { info } from './info.js';
import { mergePf, readPfConfig } from './merge.js';
import { buildView } from './view.js';

export const target = defineTarget(info, {
  helpers: { comments: xmlComments, text: xmlText, cdata: pfCdata },
  model: (plan, ctx) => {
    const user = ctx.options.merge ? readPfConfig(ctx.options.merge) : null;
    if (user) checkInterfaces(user, usedInterfaces(plan, ctx));
    return buildView(plan, ctx, user);
  },
  header,
  finish: (text, plan, view) => (view.user ? mergePf(view.user, parseXml(text), plan.profile.name) : text),
});
