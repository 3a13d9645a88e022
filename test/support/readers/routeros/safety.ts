// What issue 8 §5 asks of a RouterOS script, checked by running it in the simulator on a router
// fresh from RouterOS 7's default configuration (routeros-defconf.ts), both as /import and as a
// terminal paste:
//  - it runs without an error where everything it names exists, and a second run changes nothing;
//  - where an interface or interface list it names is missing, it changes nothing at all (not even
//    the forwards of an earlier run) and says what it looked for and what it found;
//  - its IPv6 accepts end up below defconf's bad_ipv6 drops (and above the final drop);
//  - its IPv4 accepts end up below fasttrack / "accept established" and above defconf's drops.

import { expect } from 'vitest';
import { allStatements, scriptUnits, type Stmt } from './scripting.js';
import { DEFCONF_INTERFACES, defconfRouter, V4_ACCEPT_ESTABLISHED, V4_LAST_DROP, V6_BAD_DST, V6_BAD_SRC, V6_LAST_DROP, type DefconfOptions } from './defconf.js';
import type { RouterState } from './sim-state.js';
import { simulate, type RunMode } from './sim.js';

export const RUN_MODES: RunMode[] = ['import', 'paste'];

export interface Requirement {
  kind: 'interface' | 'interface list';
  name: string;
}

const REFERENCES: Record<string, Requirement['kind']> = {
  'in-interface': 'interface',
  'out-interface': 'interface',
  'in-interface-list': 'interface list',
  'out-interface-list': 'interface list',
};
const SYNFW = /^synfw:/;

const commands = (text: string): Stmt[] => allStatements(scriptUnits(text));

/** The interfaces and interface lists the script's firewall rules name. */
export function reliedNames(text: string): Requirement[] {
  const out = new Map<string, Requirement>();
  for (const s of commands(text)) {
    if (s.k !== 'cmd' || s.path[1] !== 'firewall' || s.cmd !== 'add') continue;
    for (const a of s.args) {
      const kind = a.name === null ? undefined : REFERENCES[a.name];
      if (kind && (a.value?.k === 'word' || a.value?.k === 'str')) {
        const name = a.value.text.replace(/^!/, '');
        out.set(`${kind} ${name}`, { kind, name });
      }
    }
  }
  return [...out.values()];
}

/** Firewall adds per menu ("ip firewall filter"): how many rules a clean run must leave. */
export function addCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of commands(text)) if (s.k === 'cmd' && s.cmd === 'add' && s.path[1] === 'firewall') out.set(s.path.join(' '), (out.get(s.path.join(' ')) ?? 0) + 1);
  return out;
}

/** defconf plus the interfaces the script names (router.wan / router.lan). */
export function routerFor(text: string, options: DefconfOptions = {}): RouterState {
  const interfaces = reliedNames(text)
    .filter((r) => r.kind === 'interface' && !DEFCONF_INTERFACES.includes(r.name))
    .map((r) => r.name);
  return defconfRouter({ ...options, interfaces });
}

/** The same router without one interface or interface list (and its list memberships). */
export function without(state: RouterState, r: Requirement): RouterState {
  const s = state.clone();
  const drop = (path: string[], pred: (p: Record<string, string>) => boolean): void => {
    const t = s.table(path);
    for (let i = t.length - 1; i >= 0; i--) if (pred(t[i]!.props)) t.splice(i, 1);
  };
  if (r.kind === 'interface list') {
    drop(['interface', 'list'], (p) => p.name === r.name);
    drop(['interface', 'list', 'member'], (p) => p.list === r.name);
  } else {
    drop(['interface'], (p) => p.name === r.name);
    drop(['interface', 'list', 'member'], (p) => p.interface === r.name);
  }
  return s;
}

/** Runs on defconf without an error, leaves every rule it adds, and a second run changes nothing. */
export function expectRunsClean(text: string, mode: RunMode, options: DefconfOptions = {}): RouterState {
  const state = routerFor(text, options);
  expect(simulate(text, state, mode).errors).toEqual([]);
  for (const [menu, n] of addCounts(text)) {
    expect(state.table(menu.split(' ')).filter((i) => SYNFW.test(i.props.comment ?? '')), `synfw rules in /${menu}`).toHaveLength(n);
  }
  const once = state.dump(false);
  expect(simulate(text, state, mode).errors).toEqual([]);
  expect(state.dump(false)).toBe(once);
  return state;
}

/**
 * For each interface or list the script names: on a router that ran the script once and then lost
 * that one, a new run changes nothing and its messages name the missing one and one that exists.
 */
export function expectChecksFirst(text: string, mode: RunMode): void {
  const ran = routerFor(text);
  expect(simulate(text, ran, 'import').errors).toEqual([]);
  const relied = reliedNames(text);
  expect(relied.length).toBeGreaterThan(0);
  for (const r of relied) {
    const broken = without(ran, r);
    const before = broken.dump();
    const result = simulate(text, broken, mode);
    expect(broken.dump(), `${mode}: the run without ${r.kind} ${r.name} changed the router`).toBe(before);
    const said = [...result.errors.map((e) => e.message), ...result.output].join('\n');
    expect(result.errors.length, `${mode}: no error without ${r.kind} ${r.name}`).toBeGreaterThan(0);
    expect(said, `${mode}: the message must name the missing ${r.kind}`).toContain(r.name);
    const found = broken.table(r.kind === 'interface' ? ['interface'] : ['interface', 'list']).filter((i) => i.props.builtin !== 'yes').map((i) => i.props.name!);
    expect(found.some((n) => said.includes(n)), `${mode}: the message must say what exists (${found.join(', ')}): ${said}`).toBe(true);
  }
}

const forwardChain = (state: RouterState, path: string[]): string[] =>
  state.table(path).filter((i) => i.props.chain === 'forward').map((i) => i.props.comment ?? '');

/** Every synfw rule of the forward chain strictly between the last of `after` and `before`. */
function expectBetween(chain: string[], after: string[], before: string, what: string): void {
  const mine = chain.flatMap((c, i) => (SYNFW.test(c) ? [i] : []));
  expect(mine.length, `${what}: no synfw rule in the forward chain`).toBeGreaterThan(0);
  const lo = Math.max(...after.map((a) => chain.indexOf(a)));
  const hi = chain.indexOf(before);
  expect(Math.min(...after.map((a) => chain.indexOf(a))), `${what}: defconf rules missing`).toBeGreaterThanOrEqual(0);
  const order = chain.map((c, i) => `${i}: ${c}`).join('\n');
  for (const i of mine) expect(i > lo && i < hi, `${what}: synfw rule at ${i}, must be after ${lo} and before ${hi}:\n${order}`).toBe(true);
}

/** IPv6 accepts below defconf's bad_ipv6 drops and above its last drop (with and without fasttrack6). */
export function expectV6BelowBadIpv6(text: string, mode: RunMode): void {
  for (const fasttrack6 of [false, true]) {
    const state = expectRunsClean(text, mode, { fasttrack6 });
    expectBetween(forwardChain(state, ['ipv6', 'firewall', 'filter']), [V6_BAD_SRC, V6_BAD_DST], V6_LAST_DROP, `${mode}, fasttrack6 ${fasttrack6}`);
  }
}

/** IPv4 accepts below fasttrack and "accept established" (fasttrack keeps working), above defconf's WAN drop. */
export function expectV4Placement(text: string, mode: RunMode): void {
  const state = expectRunsClean(text, mode);
  expectBetween(forwardChain(state, ['ip', 'firewall', 'filter']), ['defconf: fasttrack', V4_ACCEPT_ESTABLISHED], V4_LAST_DROP, mode);
}
