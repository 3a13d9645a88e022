// The OPNsense view models, from the rules shared with pfSense (config-xml/rules.ts):
// - default: the legacy <nat><rule> layout of firewall_nat_edit.php (OPNsense up to 25.7), each
//   port forward with a linked filter rule (same associated-rule-id, same description);
// - mvc: the OPNsense\Firewall\DNat model of 26.1+ (<nat><rule uuid>), whose <pass>rule</pass>
//   registers the filter rule itself.
// The IPv6 pass rules are legacy <filter><rule>s in both.

import type { Plan } from '../../plan/types.js';
import { cleanText } from '../../render/escape/xml.js';
import { ruleUuid, unique } from '../config-xml/ids.js';
import { mergeError } from '../config-xml/merge.js';
import { allowViews, buildRules, interfaceAddress, linkedRules, type Allow6View, type LinkedRule, type PfProtocol, type PfRules, type PfSource, type Reflection } from '../config-xml/rules.js';
import type { RenderContext } from '../types.js';
import { sequenceBase, type UserConfig } from './merge.js';

/** DNatSequenceField bounds; OPNsense numbers new rules max + 100. */
export const SEQUENCE_MAX = 999_999;
export const SEQUENCE_STEP = 100;

export type LegacyRule = LinkedRule;

export interface MvcRule {
  uuid: string;
  sequence: number;
  protocol: PfProtocol;
  extPort: string;
  target: string;
  localPort: number;
  /** <source><network>: any, an address or CIDR, or an interface network. */
  sourceNet: string;
  reflection: Reflection | null;
  descr: string;
}

export interface OpnView {
  iface: string;
  /** The port forwards' destination: the WAN interface's own address ("wanip", "opt1ip"). */
  ifaceAddress: string;
  rules: LegacyRule[] | MvcRule[];
  allows6: Allow6View[];
  /** The user's config.xml from --merge, parsed. */
  user: UserConfig | null;
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

function mvcRules(plan: Plan, built: PfRules, user: UserConfig | null): MvcRule[] {
  const uuids = mvcUuids(plan, built);
  // Without --merge no rule stays to be numbered after (and no set of 10,000 uuids is made for it).
  const base = user ? sequenceBase(user, plan.profile.name, new Set(uuids)) : 0;
  const seq = sequences(base, built.forwards.length);
  if (!seq) throw mergeError(user?.file ?? '', `no room for ${built.forwards.length} port forwards after sequence ${base} (the model allows up to 999999)`);
  return built.forwards.map((f, i) => ({
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
}

export function buildView(plan: Plan, ctx: RenderContext, user: UserConfig | null): OpnView {
  // Stored as written: no CDATA, no entities in the value the model validates.
  const built = buildRules(plan, { stored: cleanText, lan: ctx.lan! }, ctx);
  const rules = ctx.format === 'mvc' ? mvcRules(plan, built, user) : linkedRules(plan, built);
  return { iface: ctx.wan, ifaceAddress: interfaceAddress(ctx.wan), rules, allows6: allowViews(plan, built), user };
}
