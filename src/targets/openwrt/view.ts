// The OpenWrt view model: the redirect and IPv6 rule sections (sections.ts), which both forms print
// (templates/openwrt/default.hbs as uci commands, config.hbs as config text), redirects first.

import type { Plan } from '../../plan/types.js';
import { profileTag } from '../shared/text.js';
import { neededNames, type NeededName } from '../shared/interfaces.js';
import type { RenderContext } from '../types.js';
import { buildRedirects, type Redirects } from './redirects.js';
import { buildRules6, type Rules6 } from './rules6.js';

export interface OpenwrtModel {
  /** Every redirect and rule's name option starts with this tag and a space. */
  tag: string;
  /** The WAN and LAN zones. */
  src: string;
  dest: string;
  /** dest_ip of the redirects and of the IPv6 rules. */
  address: string;
  address6: string | null;
  redirects: Redirects;
  rules6: Rules6;
  /** The zones the script checks before it changes anything; pattern is " <zone> " for a case match. */
  needed: (NeededName & { pattern: string })[];
}

export function buildModel(plan: Plan, ctx: RenderContext): OpenwrtModel {
  const redirects = buildRedirects(plan, ctx);
  const rules6 = buildRules6(plan, ctx);
  const needed = neededNames(ctx, 'firewall zone', true).map((n) => ({ ...n, pattern: ` ${n.name} ` }));
  const address6 = plan.nas.address6 ?? null;
  return { tag: profileTag(plan), src: ctx.wan, dest: ctx.lan!, address: plan.nas.address, address6, redirects, rules6, needed };
}
