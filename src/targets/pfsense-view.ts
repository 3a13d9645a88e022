// The pfSense view model: the shared rules (pf-xml-rules.ts) with what pfSense's GUI would add:
// linking ids, the linked pass rule's "NAT " description cut to 62 bytes, trackers.

import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { pfEntities } from '../render/escape/xml.js';
import { byteLength } from './common.js';
import { associatedRuleId, trackerBase, unique } from './pf-xml-ids.js';
import { buildRules, sourceView, type PfProtocol, type SourceView } from './pf-xml-rules.js';

/**
 * pfSense sets no limit on a port forward's description; synfw keeps it to 255 bytes as stored
 * (after entity encoding) so the GUI list stays readable.
 */
export const NAT_DESCR_MAX = 255;
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
  warnings: Diagnostic[];
}

/** PHP substr($s, 0, n) on bytes, but backing off to a whole code point so the UTF-8 stays valid. */
export function cutBytes(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

export function buildView(plan: Plan, iface: string, lan: string): PfView {
  const built = buildRules(plan, { descrMax: NAT_DESCR_MAX, stored: pfEntities, lan });
  const warnings: Diagnostic[] = built.cut.map((what) => ({
    code: 'SFW310',
    severity: 'warning',
    message: `pfsense: description of ${what} cut to ${NAT_DESCR_MAX} bytes`,
  }));
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
    filterDescr: cutBytes(`NAT ${f.descr}`, FILTER_DESCR_MAX),
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
  return { iface, rules, allows6, warnings };
}
