// What synfw's OpenWrt output must make fw3/fw4 do for a plan, in the shapes the UCI readers return
// (src/readers/uci/sections.ts), projected from the plan's flows (expectedFlows), and one check that
// reads both output forms back and compares them with the plan: forwards per port and allowed
// source, NAT loopback once per WAN port when it is on, IPv6 accepts per NAS port and source;
// nothing missing, nothing extra.

import { expect } from 'vitest';
import type { Plan } from '../../../../src/plan/types.js';
import { NAME_MAX_BYTES } from '../../../../src/render/escape/uci.js';
import { byteLength } from '../../../../src/render/text.js';
import { expectedFlows } from '../../../../src/readers/expected.js';
import type { Flow } from '../../../../src/readers/flow.js';
import { parseUciConfig, redirectTuples, rule6Tuples, sectionFlows, type UciRule6Tuple, type UciSection, type UciTuple } from '../../../../src/readers/uci/index.js';
import { parseOpenwrtScript, type OpenwrtScript } from './openwrt-script.js';
import { neededChecks } from '../../router-checks.js';
import { expectFlows, expectOwnFlows } from '../flows.js';

export const key = (t: Pick<UciTuple, 'proto' | 'wanPort' | 'nasAddr' | 'nasPort'>): string => `${t.proto} ${t.wanPort} -> ${t.nasAddr}:${t.nasPort}`;
export const sourcedKey = (t: UciTuple): string => `${key(t)} from ${t.source ?? 'any'}`;
export const key6 = (t: Pick<UciRule6Tuple, 'proto' | 'nasAddr6' | 'nasPort' | 'source'>): string => `${t.proto} [${t.nasAddr6}]:${t.nasPort} from ${t.source ?? 'any'}`;

const flowsOf = (plan: Plan, family: 4 | 6, via: Flow['via']): Flow[] => expectedFlows(plan, 'openwrt').filter((f) => f.family === family && f.via === via);

/** The plan expanded per WAN port, each once: what the redirects must forward, nothing more, nothing less. */
export function planTuples(plan: Plan): string[] {
  return [...new Set(flowsOf(plan, 4, 'wan').map((f) => key({ proto: f.proto, wanPort: f.wan!, nasAddr: f.nas, nasPort: f.port })))].sort();
}

/** planTuples once per allowed IPv4 source ("any" when unrestricted, none when only IPv6 is listed). */
export function planSourcedTuples(plan: Plan): string[] {
  return flowsOf(plan, 4, 'wan')
    .map((f) => `${key({ proto: f.proto, wanPort: f.wan!, nasAddr: f.nas, nasPort: f.port })} from ${f.source}`)
    .sort();
}

/** The WAN ports LAN clients reach through NAT loopback, each once. */
const planReflected = (plan: Plan): string[] => flowsOf(plan, 4, 'hairpin').map((f) => key({ proto: f.proto, wanPort: f.wan!, nasAddr: f.nas, nasPort: f.port })).sort();

/** The NAS's IPv6 ports per protocol and allowed IPv6 source. */
export function planRule6Tuples(plan: Plan): string[] {
  return flowsOf(plan, 6, 'wan')
    .map((f) => key6({ proto: f.proto, nasAddr6: plan.nas.address6!, nasPort: f.port, source: f.source === 'any' ? null : f.source }))
    .sort();
}

/** Sections as plain data, to compare the two output forms. */
export const plain = (sections: UciSection[]) =>
  sections.map((s) => ({ type: s.type, id: s.id, options: Object.fromEntries(s.options), lists: Object.fromEntries(s.lists) }));

/** Everything the output must do for `plan`, read back from one output form's sections. */
export function expectSectionsMatch(plan: Plan, sections: UciSection[]): void {
  const tag = `synfw:${plan.profile.name}`;
  // What the router does, in plan terms (the common check of every target), then in UCI's own.
  const state = sectionFlows(sections);
  expect(state.skipped).toEqual([]);
  expectFlows(state.flows, plan, 'openwrt');
  expectOwnFlows(state.flows, plan);
  const tuples = redirectTuples(sections);
  expect(tuples.map(sourcedKey).sort()).toEqual(planSourcedTuples(plan));
  // Loopback once per WAN port (fw4 and fw3 copy no src_ip into reflection rules), or not at all;
  // a redirect without the reflection option reflects (fw3's and fw4's default).
  expect(tuples.filter((t) => t.reflection).map(key).sort()).toEqual(planReflected(plan));
  const rules = rule6Tuples(sections);
  expect(rules.map(key6).sort()).toEqual(planRule6Tuples(plan));
  expect(new Set(rules.map(key6)).size).toBe(rules.length);
  const [wan, lan] = neededChecks('openwrt', plan, 'firewall zone', true).map((c) => c.name);
  for (const s of sections) {
    expect(['redirect', 'rule']).toContain(s.type);
    expect(s.id.startsWith(`synfw_${plan.profile.name.replace(/-/g, '_')}_`)).toBe(true);
    const o = Object.fromEntries(s.options);
    if (s.type === 'redirect') {
      expect(o).toMatchObject({ target: 'DNAT', src: wan, dest: lan, family: 'ipv4', dest_ip: plan.nas.address });
      expect(o.reflection_src ?? 'internal').toBe('internal');
      if (o.reflection === '0') expect(o.reflection_src).toBeUndefined();
    } else {
      expect(o).toMatchObject({ target: 'ACCEPT', src: wan, dest: lan, family: 'ipv6', dest_ip: plan.nas.address6 });
    }
    expect(o.name!.startsWith(`${tag} `)).toBe(true);
    expect(byteLength(o.name!)).toBeLessThanOrEqual(NAME_MAX_BYTES);
    // eslint-disable-next-line no-control-regex
    expect(o.name!).not.toMatch(/["%\u0000-\u001f\u007f]/);
  }
}

/**
 * The script's zone checks: exactly the zones its sections name (src and dest), each with its
 * message, the WAN's first. The skeleton reader has already placed them before any change.
 */
export function expectZoneChecks(plan: Plan, script: OpenwrtScript): void {
  const want = neededChecks('openwrt', plan, 'firewall zone', true).map(({ name, message }) => ({ zone: name, message }));
  expect(script.zones).toEqual(want);
  const used = new Set(script.sections.flatMap((s) => [s.options.get('src'), s.options.get('dest')]));
  if (script.sections.length) expect([...used].sort()).toEqual(want.map((z) => z.zone).sort());
}

/** Both output forms read back: equal to each other and to the plan; the script's zone checks too. */
export function readBothForms(plan: Plan, script: string, config: string): UciSection[] {
  const fromScript = parseOpenwrtScript(script);
  const fromConfig = parseUciConfig(config);
  expect(plain(fromConfig)).toEqual(plain(fromScript.sections));
  expectSectionsMatch(plan, fromScript.sections);
  expectZoneChecks(plan, fromScript);
  return fromScript.sections;
}
