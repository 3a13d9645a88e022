// What the iptables target's output must do, in iptables' own terms (the interface each rule
// names, both conntrack directions, run-time addresses), projected from the plan's flows
// (expectedFlows), and the parse-back check that compares it with what the strict readers read
// from both output forms. Shared by test/targets/iptables*.test.ts.

import { expect } from 'vitest';
import ipaddr from 'ipaddr.js';
import type { Plan } from '../../../../src/plan/types.js';
import { byteLength, fitBytes, oneLine } from '../../../../src/render/text.js';
import { ruleText } from '../../../../src/targets/shared/text.js';
import { routerSides } from '../../../../src/targets/define.js';
import { TARGETS } from '../../../../src/targets/index.js';
import { target } from '../../../../src/targets/iptables/index.js';
import { chainBase } from '../../../../src/targets/iptables/view.js';
import { packedText } from '../../../../src/targets/shared/text.js';
import { TargetError } from '../../../../src/targets/types.js';
import { expectedFlows, hairpinOn } from '../../../../src/readers/expected.js';
import type { Flow } from '../../../../src/readers/flow.js';
import { acceptedPorts, dnatTuples, emptyRuleset, masqueraded, parseRestore, rulesetFlows, TABLES, tupleKey, type Rule, type Ruleset, type Table } from '../../../../src/readers/iptables/index.js';
import { parseShScript, runOps, type RunEnv, type ShScript } from './script.js';
import { neededChecks } from '../../router-checks.js';
import { VERSION } from '../../profiles.js';
import { expectFlows } from '../flows.js';

export const render = (plan: Plan, format?: string) => target.render(plan, { version: VERSION, ...(format ? { format } : {}) });
export const sh = (plan: Plan): string => render(plan).text;
export const restore = (plan: Plan): string => render(plan, 'restore').text;

export type Kind = 'dnat' | 'hpin' | 'masq' | 'fwd' | 'fwd6';
export const KINDS: Kind[] = ['dnat', 'hpin', 'masq', 'fwd', 'fwd6'];
/** Where each chain lives and which built-in chain jumps to it. */
export const HOOKS: Record<Kind, { table: Table; hook: string }> = {
  dnat: { table: 'nat', hook: 'PREROUTING' },
  hpin: { table: 'nat', hook: 'PREROUTING' },
  masq: { table: 'nat', hook: 'POSTROUTING' },
  fwd: { table: 'filter', hook: 'FORWARD' },
  fwd6: { table: 'filter6', hook: 'FORWARD' },
};

export const chainsOf = (plan: Plan): Record<Kind, string> =>
  Object.fromEntries(KINDS.map((k) => [k, `${chainBase(plan.profile.name)}-${k}`])) as Record<Kind, string>;

export const wanOf = (plan: Plan): string => routerSides(TARGETS.iptables, plan).wan;
/** The LAN interface the output names: only hairpin uses it. */
export const lanOf = (plan: Plan): string | undefined => (plan.hairpin === true ? routerSides(TARGETS.iptables, plan).lan : undefined);

/** The interfaces the script must check before it changes anything: the WAN, and the LAN for hairpin. */
export const neededLinks = (plan: Plan): { iface: string; message: string }[] =>
  neededChecks('iptables', plan, 'interface', plan.hairpin === true).map(({ name, message }) => ({ iface: name, message }));

/** The router's LAN address in the NAS's /24: .1, or .254 when the NAS is .1. */
export function lanAddress(plan: Plan): string {
  const parts = plan.nas.address.split('.');
  return `${parts.slice(0, 3).join('.')}.${parts[3] === '1' ? 254 : 1}`;
}

/** The router's interfaces and their addresses: the WAN with an address, and the LAN with its /24 when hairpin is on. */
export function envFor(plan: Plan): Required<RunEnv> {
  const lan = lanOf(plan);
  return { addrs: { [wanOf(plan)]: ['203.0.113.1/24'], ...(lan ? { [lan]: [`${lanAddress(plan)}/24`] } : {}) } };
}

const flowsOf = (plan: Plan, family: 4 | 6, via: Flow['via']): Flow[] => expectedFlows(plan, 'iptables').filter((f) => f.family === family && f.via === via);
const sourceOf = (f: Flow): string | undefined => (f.source === 'any' ? undefined : f.source);

/** The kinds of chain the plan must fill (the others must be absent). */
export function activeKinds(plan: Plan): Kind[] {
  const hairpin = hairpinOn(plan, 'iptables');
  const v6 = flowsOf(plan, 6, 'wan').length > 0;
  return KINDS.filter((k) => k === 'dnat' || k === 'fwd' || ((k === 'hpin' || k === 'masq') && hairpin) || (k === 'fwd6' && v6));
}

/** WAN DNAT per port and allowed source, on the WAN interface. */
export function planTuples(plan: Plan): string[] {
  return flowsOf(plan, 4, 'wan')
    .map((f) => tupleKey({ in: wanOf(plan), ...(sourceOf(f) ? { src: sourceOf(f) } : {}), proto: f.proto, wanPort: f.wan!, nasAddr: f.nas, nasPort: f.port }))
    .sort();
}

/** Hairpin DNAT per port and WAN address: from the LAN, to the WAN address only, anyone on the LAN. */
export function planHairpinTuples(plan: Plan, env: RunEnv): string[] {
  const wanHosts = (env.addrs?.[wanOf(plan)] ?? []).map((a) => `${a.split('/')[0]}/32`);
  return flowsOf(plan, 4, 'hairpin')
    .flatMap((f) => wanHosts.map((dst) => tupleKey({ in: lanOf(plan)!, dst, proto: f.proto, wanPort: f.wan!, nasAddr: f.nas, nasPort: f.port })))
    .sort();
}

const uniqueSorted = (xs: string[]): string[] => [...new Set(xs)].sort();

/** FORWARD accepts: both directions, per NAS port, per allowed source; hairpin ones in and out on the LAN. */
export function planAccepts(plan: Plan): string[] {
  const wan = wanOf(plan);
  const lan = lanOf(plan);
  const wanSide = flowsOf(plan, 4, 'wan').flatMap((f) => [`ORIGINAL ${f.proto} ${f.nas}:${f.port} ${wan}>* peer=${f.source}`, `REPLY ${f.proto} ${f.nas}:${f.port} *>${wan} peer=${f.source}`]);
  const lanSide = flowsOf(plan, 4, 'hairpin').flatMap((f) => [`ORIGINAL ${f.proto} ${f.nas}:${f.port} ${lan}>${lan} peer=any`, `REPLY ${f.proto} ${f.nas}:${f.port} ${lan}>${lan} peer=any`]);
  return uniqueSorted([...wanSide, ...lanSide]);
}

/** IPv6 accepts: the NAS's own ports (no NAT), per allowed IPv6 source. */
export function planAccepts6(plan: Plan): string[] {
  const wan = wanOf(plan);
  return uniqueSorted(
    flowsOf(plan, 6, 'wan').flatMap((f) => [`ORIGINAL ${f.proto} ${f.nas}:${f.port} ${wan}>* peer=${f.source}`, `REPLY ${f.proto} ${f.nas}:${f.port} *>${wan} peer=${f.source}`]),
  );
}

/** Masquerade: LAN-subnet sources only, per NAS port. */
export function planMasq(plan: Plan, env: RunEnv): string[] {
  const lan = lanOf(plan)!;
  const subnets = (env.addrs?.[lan] ?? []).map((a) => `${ipaddr.IPv4.networkAddressFromCIDR(a).toString()}/${a.split('/')[1]}`);
  return uniqueSorted(flowsOf(plan, 4, 'hairpin').flatMap((f) => subnets.map((s) => `${s} ${f.proto} ${f.nas}:${f.port} out=${lan}`)));
}

/** Runs the script's apply part on `start` and returns it with the plan's chains. */
export function applied(plan: Plan, start: Ruleset = emptyRuleset(), env: RunEnv = envFor(plan)) {
  const script = parseShScript(sh(plan));
  const rs = runOps(script.apply, start, env);
  const c = chainsOf(plan);
  const get = (k: Kind): Rule[] => rs[HOOKS[k].table].get(c[k]) ?? [];
  return { script, rs, nat: get('dnat'), filter: get('fwd'), hpin: get('hpin'), masq: get('masq'), fwd6: get('fwd6') };
}

/** The keys the restore form refuses for this plan (SFW301 each), in refuseOptions' order. */
export const restoreRefuses = (plan: Plan): string[] => [...(plan.hairpin ? ['hairpin'] : []), ...(plan.nas.address6 !== undefined ? ['nas.address6'] : [])];

export function expectRestoreRefusal(plan: Plan, keys: string[]): void {
  let err: unknown;
  try {
    restore(plan);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(TargetError);
  const d = (err as TargetError).diagnostics;
  expect(d.map((x) => x.code)).toEqual(keys.map(() => 'SFW301'));
  d.forEach((x, i) => expect(x.message).toMatch(new RegExp(`^target iptables cannot express ${keys[i]}: in --format restore: `)));
}

/** Every interface a script's rules and look-ups name. */
export function namedLinks(script: ShScript, rs: Ruleset): string[] {
  const names = new Set<string>();
  for (const op of script.apply) if (op.kind === 'lookup') names.add(op.iface);
  for (const t of TABLES) for (const rules of rs[t].values()) for (const r of rules) for (const i of [r.in, r.out]) if (i !== undefined) names.add(i);
  return [...names].sort();
}

/**
 * The interface checks: exactly the interfaces the plan names, which are the ones the rules and
 * look-ups use, each with its message, before anything else the script does.
 */
export function checkLinkChecks(plan: Plan, script: ShScript, rs: Ruleset): void {
  const checks = script.apply.filter((op) => op.kind === 'needLink');
  expect(checks.map(({ iface, message }) => ({ iface, message }))).toEqual(neededLinks(plan));
  expect(script.links).toEqual(checks.map((c) => c.iface));
  expect(script.apply.slice(0, checks.length)).toEqual(checks);
  if (plan.forwards.length) expect(namedLinks(script, rs)).toEqual([...script.links].sort());
}

/** Everything the parse-back test checks for one plan, on both output forms. */
export function checkParseBack(plan: Plan, env: RunEnv = envFor(plan)): void {
  const tag = `synfw:${plan.profile.name}`;
  const c = chainsOf(plan);
  const { script, rs, nat, filter, hpin, masq, fwd6 } = applied(plan, emptyRuleset(), env);
  const active = activeKinds(plan);
  checkLinkChecks(plan, script, rs);
  // What the router does, in plan terms (the common check of every target), then in iptables' own.
  const state = rulesetFlows(rs, { lan: lanOf(plan) });
  expect(state.skipped).toEqual([]);
  expectFlows(state.flows, plan, 'iptables');

  expect(dnatTuples(nat).map(tupleKey).sort()).toEqual(planTuples(plan));
  expect(acceptedPorts(filter).sort()).toEqual(planAccepts(plan));
  if (plan.hairpin) {
    expect(dnatTuples(hpin).map(tupleKey).sort()).toEqual(planHairpinTuples(plan, env));
    expect(masqueraded(masq).sort()).toEqual(planMasq(plan, env));
  }
  expect(acceptedPorts(fwd6, 6).sort()).toEqual(active.includes('fwd6') ? planAccepts6(plan) : []);

  // Comments are exactly the documented cut of the rule's own text: free text survives as data.
  const dnatText = (r: Rule): string => {
    const mine = plan.forwards.filter((f) => f.proto === r.proto && r.dports!.some((d) => d.first === f.external.first && d.last === f.external.last));
    return r.to!.ports ? ruleText(plan, mine[0]!) : packedText(plan, mine);
  };
  for (const r of nat) expect(r.comment).toBe(fitBytes(oneLine(dnatText(r)), 255));
  for (const r of hpin) expect(r.comment).toBe(fitBytes(oneLine(`${tag} hairpin ${dnatText(r).slice(tag.length + 1)}`), 255));
  for (const r of [...nat, ...filter, ...hpin, ...masq, ...fwd6]) {
    expect(r.comment!.startsWith(`${tag} `)).toBe(true);
    expect(byteLength(r.comment!)).toBeLessThanOrEqual(255);
  }
  // Active chains exist and are hooked exactly once, with the tag; the others do not exist at all.
  for (const k of KINDS) {
    const { table, hook } = HOOKS[k];
    const jumps = [...rs[table].values()].flat().filter((r) => r.jump === c[k]);
    if (active.includes(k)) {
      expect(rs[table].has(c[k])).toBe(true);
      expect(rs[table].get(hook)!.filter((r) => r.jump === c[k]).map((r) => r.comment)).toEqual([tag]);
      expect(jumps).toHaveLength(1);
    } else {
      expect(rs[table].has(c[k])).toBe(false);
      expect(jumps).toEqual([]);
    }
  }

  const refused = restoreRefuses(plan);
  if (refused.length) return expectRestoreRefusal(plan, refused);
  const file = parseRestore(restore(plan));
  expect(file.declared).toEqual({ nat: [c.dnat], filter: [c.fwd], filter6: [] });
  // The two forms hold the very same rules.
  expect(file.rules.nat.get(c.dnat)!.map((r) => r.spec)).toEqual(nat.map((r) => r.spec));
  expect(file.rules.filter.get(c.fwd)!.map((r) => r.spec)).toEqual(filter.map((r) => r.spec));
}
