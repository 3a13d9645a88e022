// The pfSense view model: the shared rules (config-xml/rules.ts) with what pfSense's GUI would add:
// linking ids, the linked pass rule's "NAT " description cut to 62 bytes, trackers.

import type { Plan } from '../../plan/types.js';
import { pfEntities } from '../../render/escape/xml.js';
import { bytePrefix } from '../../render/text.js';
import { trackerBase } from '../config-xml/ids.js';
import { allowViews, buildRules, interfaceAddress, linkedRules, sourceViews, type Allow6View, type LinkedRule } from '../config-xml/rules.js';
import type { RenderContext } from '../types.js';
import type { UserConfig } from './merge.js';

/** firewall_nat.inc: $filterent['descr'] = substr("NAT " . $descr, 0, 62): bytes, before encoding. */
export const FILTER_DESCR_MAX = 62;

export interface PfRule extends LinkedRule {
  filterDescr: string;
  tracker: number;
}

export interface PfAllow6View extends Allow6View {
  tracker: number;
}

export interface PfView {
  iface: string;
  /** The port forwards' destination: the WAN interface's own address ("wanip", "opt1ip"). */
  ifaceAddress: string;
  rules: PfRule[];
  allows6: PfAllow6View[];
  /** The user's config.xml from --merge, parsed. */
  user: UserConfig | null;
}

export function buildView(plan: Plan, ctx: RenderContext, user: UserConfig | null): PfView {
  const built = buildRules(plan, { stored: pfEntities, lan: ctx.lan! }, ctx);
  let tracker = trackerBase(plan.profile.name);
  const view = sourceViews();
  // The fields pfSense adds are set on the shared rules rather than spread into copies
  // ({ ...rule, tracker }): a copy with added fields cost about a kilobyte per rule.
  const rules = linkedRules(plan, built, view) as PfRule[];
  for (const rule of rules) {
    rule.filterDescr = bytePrefix(`NAT ${rule.descr}`, FILTER_DESCR_MAX);
    rule.tracker = tracker++;
  }
  const allows6 = allowViews(plan, built, view) as PfAllow6View[];
  for (const allow of allows6) allow.tracker = tracker++;
  return { iface: ctx.wan, ifaceAddress: interfaceAddress(ctx.wan), rules, allows6, user };
}
