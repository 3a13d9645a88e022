// The OPNsense view models, from the rules shared with pfSense (pf-xml-rules.ts):
// - default: the legacy <nat><rule> layout of firewall_nat_edit.php (OPNsense up to 25.7), each
//   port forward with a linked filter rule (same associated-rule-id, same description);
// - mvc: the OPNsense\Firewall\DNat model of 26.1+ (<nat><rule uuid>), whose <pass>rule</pass>
//   registers the filter rule itself.
// The IPv6 pass rules are legacy <filter><rule>s in both.

import type { Diagnostic } from '../diagnostics.js';
import type { Plan } from '../plan/types.js';
import { cleanText } from '../render/escape/xml.js';
import { associatedRuleId, ruleUuid, unique } from './pf-xml-ids.js';
import { buildRules, sourceView, type PfProtocol, type PfRules, type PfSource, type SourceView } from './pf-xml-rules.js';

/** The DNat model's DescriptionField: /^(.){1,255}$/ without the u flag, so 255 bytes of the value. */
export const DESCR_MAX = 255;
/** DNatSequenceField bounds; OPNsense numbers new rules max + 100. */
export const SEQUENCE_MAX = 999_999;
export const SEQUENCE_STEP = 100;

export interface Allow6View {
  protocol: PfProtocol;
  address: string;
  port: string;
  source: SourceView;
  descr: string;
}

export interface LegacyRule {
  protocol: PfProtocol;
  extPort: string;
  target: string;
  localPort: number;
  filterPort: string;
  source: SourceView;
  reflection: boolean;
  descr: string;
  id: string;
}

export interface MvcRule {
  uuid: string;
  sequence: number;
  protocol: PfProtocol;
  extPort: string;
  target: string;
  localPort: number;
  /** <source><network>: any, an address or CIDR, or an interface network. */
  sourceNet: string;
  reflection: boolean;
  descr: string;
}

export interface OpnView<R> {
  iface: string;
  rules: R[];
  allows6: Allow6View[];
  warnings: Diagnostic[];
}

export function opnRules(plan: Plan, lan: string): { built: PfRules; warnings: Diagnostic[] } {
  // Stored as written: no CDATA, no entities in the value the model validates.
  const built = buildRules(plan, { descrMax: DESCR_MAX, stored: cleanText, lan });
  const warnings: Diagnostic[] = built.cut.map((what) => ({
    code: 'SFW310',
    severity: 'warning',
    message: `opnsense: description of ${what} cut to ${DESCR_MAX} bytes`,
  }));
  return { built, warnings };
}

const allows6Of = (plan: Plan, built: PfRules): Allow6View[] =>
  built.allows6.map((a) => ({ protocol: a.protocol, address: plan.nas.address6!, port: a.port, source: sourceView(a.source), descr: a.descr }));

export function legacyView(plan: Plan, iface: string, lan: string): OpnView<LegacyRule> {
  const { built, warnings } = opnRules(plan, lan);
  const ids = new Set<string>();
  const rules = built.forwards.map((f) => ({
    protocol: f.protocol,
    extPort: f.extPort,
    target: plan.nas.address,
    localPort: f.localPort,
    filterPort: f.filterPort,
    source: sourceView(f.source),
    reflection: f.reflection,
    descr: f.descr,
    id: unique(ids, (salt) => associatedRuleId(plan.profile.name, f.key, salt)),
  }));
  return { iface, rules, allows6: allows6Of(plan, built), warnings };
}

const sourceNet = (s: PfSource): string => (s.kind === 'address' ? s.address : s.kind === 'network' ? s.network : 'any');

/** The uuids the mvc rules of this plan get (they do not depend on the sequence). */
export function mvcUuids(plan: Plan, built: PfRules): string[] {
  const taken = new Set<string>();
  return built.forwards.map((f) => unique(taken, (salt) => ruleUuid(plan.profile.name, 'dnat', f.key, salt)));
}

/**
 * Sequence numbers after `base` (the highest sequence of the rules that stay): OPNsense's own
 * +100 steps while they fit under 999999, else +1; undefined when even that does not fit.
 */
export function sequences(base: number, count: number): number[] | undefined {
  if (base + count * SEQUENCE_STEP <= SEQUENCE_MAX) return Array.from({ length: count }, (_, i) => base + (i + 1) * SEQUENCE_STEP);
  if (base + count <= SEQUENCE_MAX) return Array.from({ length: count }, (_, i) => base + i + 1);
  return undefined;
}

export function mvcView(plan: Plan, iface: string, built: PfRules, warnings: Diagnostic[], seq: number[]): OpnView<MvcRule> {
  const uuids = mvcUuids(plan, built);
  const rules = built.forwards.map((f, i) => ({
    uuid: uuids[i]!,
    sequence: seq[i]!,
    protocol: f.protocol,
    extPort: f.extPort,
    target: plan.nas.address,
    localPort: f.localPort,
    sourceNet: sourceNet(f.source),
    reflection: f.reflection,
    descr: f.descr,
  }));
  return { iface, rules, allows6: allows6Of(plan, built), warnings };
}
