// Every target's output read back by its reader (OUTPUT_READERS) and compared with the plan's flows
// (expectedFlows): the common core the fuzz tests apply to random profiles. Targets with a complete
// reading of their own in test/support (iptables' chains, OpenWrt's sections, RouterOS's rules,
// miniupnpd's permissions for other hosts) run it as well; the rest of their checks live in
// test/targets.

import { expect } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { loadTarget } from '../../src/targets/index.js';
import type { TargetId } from '../../src/targets/index.js';
import { parseUciConfig } from '../../src/readers/uci/index.js';
import { checkParseBack as checkIptables } from './readers/iptables/check.js';
import { expectFlows } from './readers/flows.js';
import { expectFaithful as expectRouterOS } from './readers/routeros/check.js';
import { parseRosRules } from './readers/routeros/script-rules.js';
import { OUTPUT_READERS } from './readers/targets.js';
import { expectSectionsMatch } from './readers/uci/check.js';
import { parseOpenwrtScript } from './readers/uci/openwrt-script.js';
import { allowedPairs, parseMiniupnpd } from './parse-miniupnpd.js';
import { VERSION } from './profiles.js';

/**
 * Checks that the reader of `target` reads back exactly the plan's flows from `text` (one output
 * form), and runs the target's own complete reading where there is one.
 */
export function expectReparses(target: TargetId, format: string, plan: Plan, text: string, context: string): void {
  const where = `${context}: ${target} ${format}`;
  const reader = OUTPUT_READERS[target];
  expectFlows(reader.read(text, plan, format), plan, target, { ...reader, context: where });
  if (target === 'openwrt') expectSectionsMatch(plan, format === 'config' ? parseUciConfig(text) : parseOpenwrtScript(text).sections);
  if (target === 'mikrotik') expectRouterOS(plan, parseRosRules(text));
  // The NAS's mappings only: another LAN host may take none of them.
  if (target === 'miniupnpd') expect(allowedPairs(parseMiniupnpd(text).perms, '192.0.2.1').size, `${where}: another host is permitted`).toBe(0);
}

/**
 * Renders every form of `target` for the plan (twice: the output must not change) and checks each
 * with expectReparses; iptables also runs its complete parse-back check, which renders both forms.
 */
export async function expectTargetReparses(target: TargetId, plan: Plan, formats: string[], context: string): Promise<void> {
  const t = await loadTarget(target);
  const render = (format: string) => t.render(plan, { version: VERSION, ...(format === 'default' ? {} : { format }), upnpMax: 1 << 20 }).text;
  // iptables' own check first: it asserts the restore form's refusal itself, which a render below throws.
  if (target === 'iptables') checkIptables(plan);
  for (const format of formats) {
    const text = render(format);
    expect(render(format), `${context}: ${target} ${format} is deterministic`).toBe(text);
    expectReparses(target, format, plan, text, context);
  }
}
