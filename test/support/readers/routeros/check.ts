// What synfw's mikrotik script must do for a plan, compared with what the strict reader recovers
// (script-rules.ts): the flows (the common check), then in RouterOS's own terms, projected from the
// plan's flows: WAN dst-nat per port and its source list, hairpin dst-nat, marking and masquerade,
// IPv4 and IPv6 accepts per NAS port, address lists, and the remove-then-add structure.

import { expect } from 'vitest';
import type { Plan } from '../../../../src/plan/types.js';
import { routerSides } from '../../../../src/targets/define.js';
import { TARGETS } from '../../../../src/targets/index.js';
import { byteLength } from '../../../../src/render/text.js';
import { info as mikrotikInfo } from '../../../../src/targets/mikrotik/info.js';

import { expectedFlows, hairpinOn, restricts } from '../../../../src/readers/expected.js';
import type { Flow } from '../../../../src/readers/flow.js';
import { rulesFlows } from '../../../../src/readers/routeros/index.js';
import type { RosRules } from './script-rules.js';
import { neededChecks } from '../../router-checks.js';
import { expectFlows, expectOwnFlows } from '../flows.js';

const COMMENT_MAX = mikrotikInfo.comments.max;

/** The IPv4 accepts go above the first of these (defconf: "drop invalid", below fasttrack). */
export const ANCHOR = 'chain=forward and dynamic=no and (action=drop or action=reject or action=tarpit or action=jump)';
/** The IPv6 accepts go just above the last of these (defconf: "drop everything else not coming from LAN"). */
export const ANCHOR6 = 'chain=forward and dynamic=no and (action=drop or action=reject or action=tarpit)';

const flowsOf = (plan: Plan, family: 4 | 6, via: Flow['via']): Flow[] => expectedFlows(plan, 'mikrotik').filter((f) => f.family === family && f.via === via);
const uniqueSorted = (xs: string[]): string[] => [...new Set(xs)].sort();

/** What the dst-nat rules of one path must do per WAN port, each once: "tcp 443 192.168.1.10 5001". */
export function planTuples(plan: Plan, via: Flow['via'] = 'wan'): string[] {
  return uniqueSorted(flowsOf(plan, 4, via).map((f) => `${f.proto} ${f.wan} ${f.nas} ${f.port}`));
}

/** The NAS ports a path's flows reach (each once), as "tcp ADDRESS PORT" (`address`: how the rules print it). */
const nasPorts = (flows: Flow[], address?: string): string[] => uniqueSorted(flows.map((f) => `${f.proto} ${address ?? f.nas} ${f.port}`));

const sorted = (xs: string[]): string[] => [...xs].sort();

/** Everything the script does must be exactly what the plan says, and structured to be re-runnable. */
export function expectFaithful(plan: Plan, r: RosRules): void {
  const name = plan.profile.name;
  const list = `synfw-${name}`;
  const mark = `synfw-${name}-hairpin`;
  const restricted = restricts(plan);
  const a6 = plan.nas.address6;
  const wanFlows = flowsOf(plan, 4, 'wan');
  const hairpinFlows = flowsOf(plan, 4, 'hairpin');
  const v6Flows = flowsOf(plan, 6, 'wan');
  // What the router does, in plan terms (the common check of every target); then RouterOS's own.
  expectFlows(rulesFlows(r), plan, 'mikrotik');
  expectOwnFlows(rulesFlows(r), plan);
  // router.wan/lan name interface lists on RouterOS (router.mikrotik.* first); defconf's WAN and LAN otherwise.
  const sides = routerSides(TARGETS.mikrotik, plan);
  const wan = { key: 'in-interface-list', value: sides.wan };
  const lan = { key: 'in-interface-list', value: sides.lan! };

  // WAN side: per port, from the allowed sources only.
  expect(sorted(r.tuples)).toEqual(planTuples(plan));
  expect(new Set(r.tuples).size).toBe(r.tuples.length);
  for (const n of r.nat) expect([n.wan, n.srcList]).toEqual([wan, restricted ? list : null]);
  expect(r.addresses.filter((a) => a.family === 4).map((a) => [a.list, a.address])).toEqual(plan.allowFrom.map((a) => [list, a]));

  // Hairpin: the same forwards for LAN clients, marked before dstnat, masqueraded by that mark only.
  expect(sorted(r.hairpinTuples)).toEqual(planTuples(plan, 'hairpin'));
  for (const n of r.hairpinNat) expect([n.wan, n.srcList]).toEqual([lan, null]);
  expect(sorted(r.markedPorts)).toEqual(uniqueSorted(hairpinFlows.map((f) => `${f.proto} ${f.wan}`)));
  expect(new Set(r.markedPorts).size).toBe(r.markedPorts.length);
  for (const m of r.mangles) expect([m.iface, m.mark]).toEqual([lan, mark]);
  expect(r.masquerades.map((m) => [m.mark, m.nasAddr])).toEqual(hairpinOn(plan, 'mikrotik') ? [[mark, plan.nas.address]] : []);

  // IPv4 accepts.
  expect(sorted(r.forwardPorts)).toEqual(nasPorts(wanFlows));
  for (const a of r.accepts.filter((x) => x.dir === 'forward')) expect(a.srcList).toBe(restricted ? list : null);
  // Without allowFrom the forward accepts take LAN clients too; with it they need accepts of their own.
  expect(sorted(r.hairpinPorts)).toEqual(restricted ? nasPorts(hairpinFlows) : []);
  for (const a of r.accepts.filter((x) => x.dir === 'hairpin')) expect(a.iface).toEqual(lan);
  expect(sorted(r.replyPorts)).toEqual(nasPorts([...wanFlows, ...hairpinFlows]));

  // IPv6: the NAS's own ports on its address, from the allowed IPv6 sources.
  const addr6 = `${a6}/128`;
  expect(sorted(r.ipv6Ports)).toEqual(nasPorts(v6Flows, addr6));
  expect(sorted(r.ipv6ReplyPorts)).toEqual(nasPorts(v6Flows, addr6));
  const out = { key: wan.key.replace('in-', 'out-'), value: wan.value };
  for (const a of r.accepts6) expect([a.iface, a.srcList]).toEqual(a.dir === 'inbound' ? [wan, restricted ? list : null] : [out, null]);
  expect(r.addresses.filter((a) => a.family === 6).map((a) => [a.list, a.address])).toEqual(a6 ? plan.allowFrom6.map((a) => [list, a]) : []);

  // Before anything else, the interface lists the rules use must exist: exactly those, each with its message.
  const checks = neededChecks('mikrotik', plan, 'interface list', plan.hairpin === true);
  expect(r.listChecks.map(({ list, message }) => ({ name: list, message }))).toEqual(checks);
  const used = new Set([...r.nat.map((n) => n.wan), ...r.hairpinNat.map((n) => n.wan), ...r.mangles.map((m) => m.iface), ...r.accepts.flatMap((a) => (a.iface ? [a.iface] : [])), ...r.accepts6.map((a) => a.iface)].map((i) => i.value));
  for (const u of used) expect(r.listChecks.map((c) => c.list)).toContain(u);
  if (wanFlows.length) expect([...used].sort()).toEqual(checks.map((c) => c.name).sort());

  // Remove-then-add in each menu, then the conditional moves.
  const adds = (menu: string, n: number): string[] => Array<string>(n).fill(`add ${menu}`);
  const v4Filter = r.accepts.length;
  const v6Filter = r.accepts6.length;
  expect(r.block).toBe(true);
  const expected = [
    'declare', 'list-names', ...checks.map(() => 'check-list'),
    'menu address-list', 'remove address-list', ...adds('address-list', r.addresses.filter((a) => a.family === 4).length),
    'menu nat', 'remove nat', ...adds('nat', r.nat.length + r.hairpinNat.length + r.masquerades.length),
    'menu mangle', 'remove mangle', ...adds('mangle', r.mangles.length),
    'menu filter', 'remove filter', ...adds('filter', v4Filter), ...(v4Filter ? ['if-move filter'] : []),
    ...(a6 === undefined
      ? []
      : [
          'menu v6 address-list', 'remove v6 address-list', ...adds('v6 address-list', r.addresses.filter((a) => a.family === 6).length),
          'menu v6 filter', 'remove v6 filter', ...adds('v6 filter', v6Filter), ...(v6Filter ? ['if-move v6 filter'] : []),
        ]),
  ];
  expect(r.sequence).toEqual(expected);
  const regex = `^synfw:${name} `;
  for (const x of r.removes) expect([x.by, x.value]).toEqual(x.menu.endsWith('address-list') ? ['list', list] : ['comment', regex]);
  for (const m of r.moves) {
    const [anchor, position] = m.menu === 'ip firewall filter' ? [ANCHOR, 'first'] : [ANCHOR6, 'last'];
    expect(m).toMatchObject({ condition: anchor, anchor, numbersRegex: regex, position });
  }

  // Every comment carries the tag, fits the limit, and the remove regex finds it (POSIX ERE; this
  // subset reads the same as a JS regex) while another profile's tag does not match.
  const re = new RegExp(regex);
  const comments = [...r.nat, ...r.hairpinNat, ...r.masquerades, ...r.mangles, ...r.accepts, ...r.accepts6, ...r.addresses].map((x) => x.comment);
  for (const c of comments) {
    expect(c.startsWith(`synfw:${name} `)).toBe(true);
    expect(byteLength(c)).toBeLessThanOrEqual(COMMENT_MAX);
    expect(re.test(c)).toBe(true);
    expect(re.test(c.replace(`synfw:${name} `, `synfw:${name}-2 `))).toBe(false);
  }
  // The header is comments only, at the top, ASCII, and never ends a line in a backslash.
  for (const c of r.comments) expect(c.text).not.toMatch(/[?\\]$/);
}
