// The pfSense view model: the shared rules (config-xml/rules.ts) with what pfSense's GUI would add:
// linking ids, the linked pass rule's "NAT " description cut to 62 bytes, trackers.

import type { Plan } from '../../plan/types.js';
import { pfEntities } from '../../render/escape/xml.js';
import { bytePrefix } from '../../render/text.js';
import { associatedRuleId, trackerBase, unique } from '../config-xml/ids.js';
import { buildRules, sourceView, type PfProtocol, type SourceView } from '../config-xml/rules.js';
import type { RenderContext } from '../types.js';
import type { UserConfig } from './merge.js';

/** firewall_nat.inc: $filterent['descr'] = substr("NAT " . $descr, 0, 62): bytes, before encoding. */
export const FILTER_DESCR_MAX = 62;

export interface PfRule {
  protocol: PfProtocol;
  extPort: string;
  target: string;
  localPort: number;
  filterPort: string;
  source: SourceView;
  reflection: boolean;
  /** Free text, cleaned and cut; the template escapes it. */
  descr: string;
  filterDescr: string;
  id: string;
  tracker: number;
}

export interface PfAllow6View {
  protocol: PfProtocol;
  address: string;
  port: string;
  source: SourceView;
  descr: string;
  tracker: number;
}

export interface PfView {
  iface: string;
  rules: PfRule[];
  allows6: PfAllow6View[];
  /** The user's config.xml from --merge, parsed. */
  user: UserConfig | null;
}

export function buildView(plan: Plan, ctx: RenderContext, user: UserConfig | null): PfView {
  const built = buildRules(plan, { stored: pfEntities, lan: ctx.lan! }, ctx);
  const ids = new Set<string>();
  let tracker = trackerBase(plan.profile.name);
  const rules: PfRule[] = built.forwards.map((f) => ({
    protocol: f.protocol,
    extPort: f.extPort,
    target: plan.nas.address,
    localPort: f.localPort,
    filterPort: f.filterPort,
    source: sourceView(f.source),
    reflection: f.reflection,
    descr: f.descr,
    filterDescr: bytePrefix(`NAT ${f.descr}`, FILTER_DESCR_MAX),
    id: unique(ids, (salt) => associatedRuleId(plan.profile.name, f.key, salt)),
    tracker: tracker++,
  }));
  const allows6: PfAllow6View[] = built.allows6.map((a) => ({
    protocol: a.protocol,
    address: plan.nas.address6!,
    port: a.port,
    source: sourceView(a.source),
    descr: a.descr,
    tracker: tracker++,
  }));
  return { iface: ctx.wan, rules, allows6, user };
}
