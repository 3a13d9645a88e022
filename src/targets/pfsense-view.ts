// The pfSense view model: one <nat><rule> per forward (a tcp and a udp forward with identical
// ports become one tcp/udp rule) and its linked <filter><rule>, with the texts pfSense would store.

import type { Diagnostic } from '../diagnostics.js';
import { formatRange } from '../plan/ranges.js';
import type { Forward, Plan } from '../plan/types.js';
import { cleanText, decodeEntities, pfEntities } from '../render/escape/xml.js';
import { byteLength, fitBytes, profileTag, ruleText } from './common.js';
import { associatedRuleId, trackerBase } from './pfsense-ids.js';

/**
 * pfSense sets no limit on a port forward's description; synfw keeps it to 255 bytes as stored
 * (after entity encoding) so the GUI list stays readable.
 */
export const NAT_DESCR_MAX = 255;
/** firewall_nat.inc: $filterent['descr'] = substr("NAT " . $descr, 0, 62): bytes, before encoding. */
export const FILTER_DESCR_MAX = 62;

export interface PfRule {
  protocol: 'tcp' | 'udp' | 'tcp/udp';
  /** WAN port or "first-last". */
  extPort: string;
  target: string;
  /** First NAS port: pfSense computes the end of the range from it. */
  localPort: number;
  /** NAS port or range, for the linked pass rule. */
  filterPort: string;
  /** Free text, cleaned and cut; the template escapes it. */
  descr: string;
  filterDescr: string;
  id: string;
  tracker: number;
}

export interface PfView {
  iface: string;
  rules: PfRule[];
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


const key = (f: Forward): string => `${formatRange(f.external)}>${formatRange(f.internal)}`;

export function buildView(plan: Plan, iface: string): PfView {
  const udpByKey = new Map(plan.forwards.filter((f) => f.proto === 'udp').map((f) => [key(f), f]));
  const tcpKeys = new Set(plan.forwards.filter((f) => f.proto === 'tcp').map(key));
  const warnings: Diagnostic[] = [];
  const ids = new Set<string>();
  const base = trackerBase(plan.profile.name);
  const rules: PfRule[] = [];

  for (const f of plan.forwards) {
    if (f.proto === 'udp' && tcpKeys.has(key(f))) continue; // folded into its tcp twin
    const twin = f.proto === 'tcp' ? udpByKey.get(key(f)) : undefined;
    const protocol = twin ? 'tcp/udp' : f.proto;
    const text = cleanText(ruleText(plan, twin ? [f, twin] : f));
    // fitBytes measures the stored (encoded) form; the view keeps the decoded text for the template.
    const descr = decodeEntities(fitBytes(text, NAT_DESCR_MAX, pfEntities));
    if (descr !== text) {
      warnings.push({
        code: 'SFW310',
        severity: 'warning',
        message: `pfsense: description of ${protocol} ${formatRange(f.external)} cut to ${NAT_DESCR_MAX} bytes`,
      });
    }
    const extPort = formatRange(f.external);
    const filterPort = formatRange(f.internal);
    let salt = 0;
    let id = associatedRuleId(plan.profile.name, protocol, extPort, filterPort);
    while (ids.has(id)) id = associatedRuleId(plan.profile.name, protocol, extPort, filterPort, ++salt);
    ids.add(id);
    rules.push({
      protocol,
      extPort,
      target: plan.nas.address,
      localPort: f.internal.first,
      filterPort,
      descr,
      filterDescr: cutBytes(`NAT ${descr}`, FILTER_DESCR_MAX),
      id,
      tracker: base + rules.length,
    });
  }
  return { iface, rules, warnings };
}
