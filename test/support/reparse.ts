// Every target's output read back by the strict parsers of this folder, down to what it forwards:
// one "proto WAN-port NAS-address NAS-port" line per port, to compare with the plan. The full
// per-target checks (comments, hooks, hairpin) live in test/targets; this is the common core the
// fuzz tests apply to random profiles.

import { expect } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { loadTarget } from '../../src/targets/index.js';
import type { TargetId } from '../../src/targets/index.js';
import { chainsOf, checkParseBack as checkIptables, envFor } from './readers/iptables/check.js';
import { dnatTuples, emptyRuleset, parseRestore } from '../../src/readers/iptables/index.js';
import { parseShScript, runOps } from './readers/iptables/script.js';
import { checklistMeaning, planTuples as checklistTuples, readForm } from './parse-checklist.js';
import { allowedPairs, parseMiniupnpd, permitted } from './parse-miniupnpd.js';
import { parseNftFile } from '../../src/readers/nft/index.js';
import { recover as recoverNft } from '../../src/readers/nft/index.js';
import { parseOpn, opnRules } from '../../src/readers/config-xml/index.js';
import { readConfigDoc as parsePf, synfwRules } from '../../src/readers/config-xml/index.js';
import { expectFaithful as expectRouterOS } from './readers/routeros/check.js';
import { parseRosRules } from './readers/routeros/script-rules.js';
import { expectSectionsMatch } from './readers/uci/check.js';
import { parseUciConfig } from '../../src/readers/uci/index.js';
import { parseUciScript } from './readers/uci/script.js';
import { parseUpnp } from './parse-upnp.js';
import { applyCommands, recoverVyos } from '../../src/readers/vyos/model.js';
import { parseVyosCommands, parseVyosScript } from './readers/vyos/script.js';
import { VERSION } from './profiles.js';

/** The plan per port: "tcp 443 192.168.1.10 5001", sorted. */
export function planPorts(plan: Plan): string[] {
  return plan.forwards
    .flatMap((f) => Array.from({ length: f.external.last - f.external.first + 1 }, (_, i) => `${f.proto} ${f.external.first + i} ${plan.nas.address} ${f.internal.first + i}`))
    .sort();
}

const tuple = (proto: string, wan: number, address: string, nas: number) => `${proto.toLowerCase()} ${wan} ${address} ${nas}`;

/** What one output form forwards, per port, as read back by its strict parser. */
function readBack(target: TargetId, format: string, plan: Plan, text: string): string[] {
  switch (target) {
    case 'iptables': {
      const chain = chainsOf(plan).dnat;
      const rules = format === 'restore' ? (parseRestore(text).rules.nat.get(chain) ?? []) : (runOps(parseShScript(text).apply, emptyRuleset(), envFor(plan)).nat.get(chain) ?? []);
      return dnatTuples(rules).map((t) => tuple(t.proto, t.wanPort, t.nasAddr, t.nasPort));
    }
    case 'nftables':
      return recoverNft(parseNftFile(text).table).wanDnat.flatMap((d) => d.tuples.map((t) => tuple(t.proto, t.wanPort, t.nasAddr, t.nasPort)));
    case 'pfsense':
      return synfwRules(parsePf(text), plan.profile.name).tuples.map((t) => tuple(t.proto, t.wan, t.address, t.port));
    case 'opnsense':
      return opnRules(parseOpn(text), plan.profile.name, format === 'mvc' ? 'mvc' : 'default').tuples.map((t) => tuple(t.proto, t.wan, t.address, t.port));
    case 'mikrotik':
      return parseRosRules(text).tuples;
    case 'vyos': {
      const file = format === 'commands' ? parseVyosCommands(text) : parseVyosScript(text);
      return recoverVyos(applyCommands(file.cmds), plan.router.wan ?? 'eth0', plan.router.lan ?? null).tuples;
    }
    case 'upnp':
      return parseUpnp(text).adds.map((a) => tuple(a.proto, a.external, a.address, a.internal));
    default:
      throw new Error(`no per-port reader for ${target}`);
  }
}

/**
 * Checks that the strict parser of `target` reads back exactly the plan's forwards from `text`
 * (one output form). Targets with a complete parse-back check in test/support (openwrt's sections,
 * mikrotik's rules) run it as well.
 */
export function expectReparses(target: TargetId, format: string, plan: Plan, text: string, context: string): void {
  const want = planPorts(plan);
  const where = `${context}: ${target} ${format}`;
  if (target === 'openwrt') return expectSectionsMatch(plan, format === 'config' ? parseUciConfig(text) : parseUciScript(text).sections);
  if (target === 'miniupnpd') {
    const { perms } = parseMiniupnpd(text);
    for (const line of want) {
      const [, wan, address, nas] = line.split(' ');
      expect(permitted(perms, Number(wan), address!, Number(nas)), `${where}: ${line} not permitted`).toBe(true);
    }
    expect(allowedPairs(perms, '192.0.2.1').size, `${where}: another host is permitted`).toBe(0);
    return;
  }
  if (target === 'checklist') {
    // The default router model (generic) takes every option; its cards read back per port and source.
    expect(checklistMeaning(readForm(format, text), 'generic').tuples, where).toEqual(checklistTuples(plan));
    return;
  }
  if (target === 'mikrotik') expectRouterOS(plan, parseRosRules(text));
  expect(readBack(target, format, plan, text).sort(), where).toEqual(want);
}

/**
 * Renders every form of `target` for the plan (twice: the output must not change) and checks each
 * with expectReparses; iptables runs its complete parse-back check, which renders both forms.
 */
export async function expectTargetReparses(target: TargetId, plan: Plan, formats: string[], context: string): Promise<void> {
  const t = await loadTarget(target);
  const render = (format: string) => t.render(plan, { version: VERSION, ...(format === 'default' ? {} : { format }), upnpMax: 1 << 20 }).text;
  if (target === 'iptables') {
    expect(render('default'), `${context}: iptables is deterministic`).toBe(render('default'));
    return checkIptables(plan);
  }
  for (const format of formats) {
    const text = render(format);
    expect(render(format), `${context}: ${target} ${format} is deterministic`).toBe(text);
    expectReparses(target, format, plan, text, context);
  }
}
