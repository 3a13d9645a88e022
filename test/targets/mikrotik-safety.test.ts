// Issue 8 §5 for RouterOS, on a simulated router fresh from RouterOS 7's default configuration
// (routeros-defconf.ts, with sources), each script run both as /import (stops at the first error)
// and pasted into a terminal (every line runs on its own):
//  - the interface lists / interfaces a script names are checked before anything is removed or
//    added: without one, the router is left exactly as it was (an earlier run's forwards included)
//    and the message names what was looked for and what exists;
//  - IPv6 accepts sit below defconf's bad_ipv6 drops (and above its final drop);
//  - what already holds: clean runs, re-runs change nothing, IPv4 accepts below fasttrack.

import { describe, expect, it, test } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { target } from '../../src/targets/mikrotik/index.js';
import { samplePlan } from '../fixtures/plans.js';
import { labDescribe } from '../lab/lab.js';
import { defconfRouter } from '../support/readers/routeros/defconf.js';
import { inspectAvailability } from '../support/readers/routeros/inspect.js';
import { addCounts, expectChecksFirst, expectRunsClean, expectV4Placement, expectV6BelowBadIpv6, reliedNames, RUN_MODES } from '../support/readers/routeros/safety.js';
import { simulate } from '../support/readers/routeros/sim.js';
import { ALL_PROFILES, planOf, VERSION } from '../support/profiles.js';

const text = (plan: Plan): string => target.render(plan, { version: VERSION }).text;
const nas6 = { ...samplePlan().nas, address6: '2001:db8::10' };

const SCRIPTS: [string, string][] = [
  ...ALL_PROFILES.map((p): [string, string] => [p, text(planOf(p))]),
  ['sample, hairpin (LAN list)', text(samplePlan({ hairpin: true }))],
  // router.wan names an interface list on RouterOS; the simulated defconf router has WAN and LAN.
  ['sample, nas.address6, router.mikrotik.wan', text(samplePlan({ nas: nas6, router: { wan: 'eth0', targets: { mikrotik: { wan: 'WAN' } } } }))],
  ['sample, nas.address6, allowFrom IPv6 only', text(samplePlan({ nas: nas6, allowFrom: [], allowFrom6: ['2001:db8:100::/48'] }))],
];
const available = inspectAvailability();
/** [name, mode, script] per script that `pred` selects (it parses: nothing without the dumps). */
const cases = (pred: (script: string) => boolean): [string, string, string][] =>
  available.ok ? SCRIPTS.filter(([, s]) => pred(s)).flatMap(([name, s]) => RUN_MODES.map((m): [string, string, string] => [name, m, s])) : [];
const adds = (menu: string) => (s: string): boolean => (addCounts(s).get(menu) ?? 0) > 0;

labDescribe('mikrotik on a simulated RouterOS 7 default configuration (issue 8 §5)', available, { timeout: 60_000 }, () => {
  test.each(cases(() => true))('%s (%s): runs without an error, and a second run changes nothing', (_n, mode, s) => {
    expectRunsClean(s, mode as 'import' | 'paste');
  });

  test.each(cases(adds('ip firewall filter')))('%s (%s): IPv4 accepts below fasttrack and "accept established", above the WAN drop', (_n, mode, s) => {
    expectV4Placement(s, mode as 'import' | 'paste');
  });

  test.each(cases(adds('ipv6 firewall filter')))('%s (%s): IPv6 accepts below the bad_ipv6 drops, above the last drop', (_n, mode, s) => {
    expectV6BelowBadIpv6(s, mode as 'import' | 'paste');
  });

  test.each(cases((s) => reliedNames(s).length > 0))('%s (%s): a missing interface (list) stops the script before it changes anything', (_n, mode, s) => {
    expectChecksFirst(s, mode as 'import' | 'paste');
  });

  it('the cases cover the WAN and LAN lists and IPv6', () => {
    const relied = SCRIPTS.flatMap(([, s]) => reliedNames(s).map((r) => `${r.kind} ${r.name}`));
    expect(new Set(relied)).toEqual(new Set(['interface list WAN', 'interface list LAN']));
    expect(cases(adds('ipv6 firewall filter')).length).toBeGreaterThanOrEqual(6);
  });
});

// The checks themselves, on small hand-written scripts: each must be able to fail.
labDescribe('the RouterOS simulator and the §5 checks', available, { timeout: 60_000 }, () => {
  const natAdd = 'add chain=dstnat action=dst-nat in-interface-list=WAN protocol=tcp dst-port=1 to-addresses=10.0.0.1 comment="synfw:t a"';
  const changes = `/ip firewall nat\nremove [find where comment~"^synfw:t "]\n${natAdd}\n`;
  const check = [
    ':local lists ""',
    ':foreach l in=[/interface list find] do={:set lists ($lists . " " . [/interface list get $l name])}',
    ':if ([:len [/interface list find where name="WAN"]] = 0) do={:error "no interface list WAN (lists:$lists)"}',
  ].join('\n');
  const checkThenChange = `{\n${check}\n${changes}}\n`;
  /** The check on its own lines: stops /import, but a terminal runs the next lines anyway. */
  const checkLines = `${check.replace(/\n/g, '; ')}\n${changes}`;

  it('remove-then-add without a check: caught in both modes', () => {
    for (const mode of RUN_MODES) expect(() => expectChecksFirst(changes, mode)).toThrow(/changed the router/);
  });

  it('check, then change, in one block: passes in both modes', () => {
    for (const mode of RUN_MODES) expectChecksFirst(checkThenChange, mode);
  });

  it('a check on its own line holds for /import only: a paste runs the next lines', () => {
    expectChecksFirst(checkLines, 'import');
    expect(() => expectChecksFirst(checkLines, 'paste')).toThrow(/paste: the run without interface list WAN changed the router/);
  });

  it('a message that does not say what exists is caught', () => {
    const mute = checkThenChange.replace(' (lists:$lists)', '');
    expect(() => expectChecksFirst(mute, 'import')).toThrow(/must say what exists/);
  });

  it('add refuses a missing interface list; :do on-error catches it; /import stops where a paste goes on', () => {
    const script = `/ip firewall nat add chain=dstnat action=dst-nat in-interface-list=NOPE protocol=tcp dst-port=1 to-addresses=10.0.0.1\n:do {/ip firewall nat add chain=dstnat in-interface-list=NOPE} on-error={:put "caught"}\n:put "after"\n`;
    const imported = simulate(script, defconfRouter(), 'import');
    expect(imported).toEqual({ errors: [{ line: 1, message: 'input does not match any value of in-interface-list (NOPE)' }], output: [] });
    const pasted = simulate(script, defconfRouter(), 'paste');
    expect(pasted).toEqual({ errors: [{ line: 1, message: 'input does not match any value of in-interface-list (NOPE)' }], output: ['caught', 'after'] });
  });

  it('a :local read on the next line fails that line only (the terminal scope rule)', () => {
    expect(simulate(':local a 1\n:put $a\n:put "ok"\n', defconfRouter(), 'paste')).toEqual({
      errors: [{ line: 2, message: 'syntax error: line 2: $a is not declared in this scope (each line pasted into a terminal is a scope of its own)' }],
      output: ['ok'],
    });
  });

  const v6 = (anchor: string): string =>
    [
      '/ipv6 firewall filter',
      'remove [find where comment~"^synfw:t "]',
      'add chain=forward action=accept connection-state=!invalid in-interface-list=WAN dst-address=2001:db8::1/128 protocol=tcp dst-port=1 comment="synfw:t a"',
      `:if ([:len [/ipv6 firewall filter find where ${anchor}]] > 0) do={/ipv6 firewall filter move numbers=[/ipv6 firewall filter find where comment~"^synfw:t "] destination=[:pick [/ipv6 firewall filter find where ${anchor}] 0]}`,
      '',
    ].join('\n');

  it('IPv6 accepts moved above the first drop are caught; moved below the bad_ipv6 drops they pass', () => {
    expect(() => expectV6BelowBadIpv6(v6('chain=forward and action=drop'), 'import')).toThrow(/synfw rule at 1, must be after 4 and before 12/);
    expectV6BelowBadIpv6(v6('chain=forward and action=drop and connection-state!=invalid and src-address-list!=bad_ipv6 and dst-address-list!=bad_ipv6'), 'import');
    // Left at the end, below the final drop, they would accept nothing.
    expect(() => expectV6BelowBadIpv6(v6('chain=nothing'), 'import')).toThrow(/synfw rule at 12, must be after 3 and before 11/);
  });
});
