// The iptables target's profile options: allowFrom (source restriction), hairpin (NAT loopback
// with run-time address look-ups) and nas.address6 (ip6tables accepts), on hand-built plans, with
// the strict parsers, the in-memory runner, and real iptables/ip6tables in `unshare -n`.

import { describe, expect, test } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { TargetError } from '../../src/targets/types.js';
import { manyPortsPlan, samplePlan } from '../fixtures/plans.js';
import { applied, chainsOf, checkParseBack, envFor, planAccepts6, render, restore, sh } from '../support/readers/iptables/check.js';
import { inNetns, need, NETNS_TOOLS, ours } from '../support/iptables-netns.js';
import { acceptedPorts, dnatTuples, dumpRuleset, emptyRuleset, masqueraded, parseRestore, tupleKey } from '../../src/readers/iptables/index.js';
import { execOps, parseShScript, runOps } from '../support/readers/iptables/script.js';

const NAS6 = '2001:db8::10';
const base = samplePlan();
const v6 = { ...base.nas, address6: NAS6 };
const restricted = (over: Partial<Plan> = {}) => samplePlan({ allowFrom: ['198.51.100.0/24', '203.0.113.7/32'], allowFrom6: [], ...over });
const hairpin = (over: Partial<Plan> = {}) => samplePlan({ hairpin: true, router: { lan: 'br-lan' }, ...over });

function targetError(fn: () => unknown): TargetError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TargetError) return e;
    throw e;
  }
  throw new Error('no TargetError');
}

describe('iptables allowFrom', () => {
  test('every WAN DNAT rule and FORWARD accept is restricted, one rule per source (no comma lists)', () => {
    const plan = restricted();
    const { nat, filter } = applied(plan);
    const unrestricted = applied(samplePlan());
    expect(nat).toHaveLength(unrestricted.nat.length * 2);
    expect(filter).toHaveLength(unrestricted.filter.length * 2);
    expect(new Set(nat.map((r) => r.src))).toEqual(new Set(plan.allowFrom));
    for (const r of filter) expect(r.ctdir === 'ORIGINAL' ? r.src : r.dst).toMatch(/^(198\.51\.100\.0\/24|203\.0\.113\.7\/32)$/);
    expect(sh(plan)).not.toMatch(/-s \S+,/);
    checkParseBack(plan);
  });

  test('the restore form holds the same restricted rules, and its header names the sources', () => {
    const plan = restricted();
    const file = parseRestore(restore(plan));
    expect(file.rules.nat.get('synfw-sample-dnat')!.map((r) => r.spec)).toEqual(applied(plan).nat.map((r) => r.spec));
    expect(file.header).toContain('allowFrom: the forwards take IPv4 only from 198.51.100.0/24, 203.0.113.7/32.');
  });

  test('packing is per rule: 16 ports x 3 sources = 2 multiport rules per source, each within 15 slots', () => {
    const plan = { ...manyPortsPlan(16), allowFrom: ['198.51.100.0/24', '203.0.113.0/28', '192.0.2.9/32'] };
    const { nat } = applied(plan);
    expect(nat.map((r) => `${r.src} ${r.dports!.length}`)).toEqual([
      '198.51.100.0/24 15',
      '203.0.113.0/28 15',
      '192.0.2.9/32 15',
      '198.51.100.0/24 1',
      '203.0.113.0/28 1',
      '192.0.2.9/32 1',
    ]);
    checkParseBack(plan);
  });

  test('a duplicate source gives no duplicate rule; 0.0.0.0/0 means anyone (no -s, as iptables-save would print it)', () => {
    expect(applied(restricted({ allowFrom: ['198.51.100.0/24', '198.51.100.0/24'] })).nat).toHaveLength(applied(samplePlan()).nat.length);
    const any = restricted({ allowFrom: ['0.0.0.0/0', '198.51.100.0/24'] });
    expect(applied(any).nat.every((r) => r.src === undefined)).toBe(true);
    expect(sh(any)).toContain('# allowFrom: the forwards take any IPv4 source (allowFrom holds 0.0.0.0/0).');
    checkParseBack(any);
  });

  test('IPv4 sources only with nas.address6: no IPv6 rules at all, and the header says so', () => {
    const plan = restricted({ nas: v6 });
    const { fwd6, rs } = applied(plan);
    expect(fwd6).toEqual([]);
    expect(rs.filter6.has('synfw-sample-fwd6')).toBe(false);
    const text = sh(plan);
    expect(text).toContain('# allowFrom lists no IPv6 source, so no IPv6 source may reach nas.address6: no IPv6 (ip6tables) rules are generated.');
    expect(text).not.toMatch(/^ip6tables .* -A /m);
    checkParseBack(plan);
  });

  test('IPv6 sources only: no IPv4 source may use the forwards (no WAN DNAT), IPv6 restricted to them', () => {
    const plan = samplePlan({ allowFrom: [], allowFrom6: ['2001:db8:100::/48'], nas: v6 });
    const { nat, filter, fwd6 } = applied(plan);
    expect([nat, filter]).toEqual([[], []]);
    expect(new Set(fwd6.map((r) => (r.ctdir === 'ORIGINAL' ? r.src : r.dst)))).toEqual(new Set(['2001:db8:100::/48']));
    expect(sh(plan)).toContain('# allowFrom: the forwards take no IPv4 source (allowFrom lists only IPv6 ones), so there are no IPv4 DNAT rules.');
    checkParseBack(plan);
  });
});

describe('iptables hairpin', () => {
  test('needs router.lan: SFW305 at the hairpin key', () => {
    const pos = { file: 'p.yaml', line: 9, column: 1 };
    const e = targetError(() => sh(samplePlan({ hairpin: true, keyPos: { hairpin: pos } })));
    expect(e.diagnostics).toEqual([{ code: 'SFW305', severity: 'error', message: 'target iptables: hairpin needs router.lan or router.iptables.lan (the LAN interface, e.g. br-lan)', pos }]);
  });

  test.each([
    ['a name too long for Linux', { lan: 'a-very-long-lan-name' }],
    ['the WAN interface', { wan: 'eth1', lan: 'eth1' }],
  ])('router.lan that is %s: SFW304', (_why, router) => {
    expect(targetError(() => sh(samplePlan({ hairpin: true, router }))).diagnostics.map((d) => d.code)).toEqual(['SFW304']);
  });

  test('DNAT only for the WAN address(es) looked up at run time, arriving on the LAN, same ports and remaps as from the WAN', () => {
    const plan = hairpin();
    const text = sh(plan);
    expect(text).toContain(`wan4=$(ip -4 -o addr show dev eth0 | awk '{ sub("/.*", "", $4); print $4 "/32" }')\n`);
    expect(text).toContain(`lan4=$(ip -4 -o addr show dev br-lan | awk '{ print $4 }')\n`);
    expect(text).toContain(
      "for a in $wan4; do\n  iptables -w -t nat -A synfw-sample-hpin -d \"$a\" -i br-lan -p tcp -m multiport --dports 5001,6001:6010,6690,21 -m comment --comment 'synfw:sample hairpin dsm tcp/5001;",
    );
    const env = { addrs: { eth0: ['203.0.113.1/24', '198.51.100.77/28'], 'br-lan': ['192.168.1.1/24'] } };
    const { hpin, nat } = applied(plan, emptyRuleset(), env);
    expect(new Set(hpin.map((r) => r.dst))).toEqual(new Set(['203.0.113.1/32', '198.51.100.77/32']));
    // The router's LAN address is never a hairpin destination: its own web UI on 443 stays its own.
    expect(hpin.some((r) => r.dst === '192.168.1.1/32' || r.dst === undefined)).toBe(false);
    expect(dnatTuples(hpin).map((t) => `${t.proto} ${t.wanPort} -> ${t.nasPort}`).sort()).toEqual(
      [...new Set(dnatTuples(nat).map((t) => `${t.proto} ${t.wanPort} -> ${t.nasPort}`))].flatMap((x) => [x, x]).sort(),
    );
    checkParseBack(plan, env);
  });

  test('masquerades only LAN-subnet sources of DNATed connections to the NAS, out on the LAN', () => {
    const plan = hairpin();
    const env = { addrs: { eth0: ['203.0.113.1/24'], 'br-lan': ['192.168.1.1/24', '10.9.0.1/16'] } };
    const { masq } = applied(plan, emptyRuleset(), env);
    expect(new Set(masq.map((r) => r.src))).toEqual(new Set(['192.168.1.0/24', '10.9.0.0/16']));
    expect(masq.every((r) => r.ctstate === 'DNAT' && r.out === 'br-lan' && r.dst === '192.168.1.10/32' && r.jump === 'MASQUERADE')).toBe(true);
    // NAS ports, not WAN ports: 443 arrives at the NAS as 5001.
    expect(masqueraded(masq).some((m) => m.includes(':443 '))).toBe(false);
    expect(masqueraded(masq)).toContain('192.168.1.0/24 tcp 192.168.1.10:5001 out=br-lan');
    // A WAN-originated connection keeps its source: no masquerade rule without a LAN -s.
    expect(sh(plan)).not.toMatch(/-A synfw-sample-masq (?!-s "\$s")/);
    checkParseBack(plan, env);
  });

  test('FORWARD accepts hairpin traffic in and out on the LAN, both directions; allowFrom does not apply to it', () => {
    const plan = hairpin({ allowFrom: ['198.51.100.0/24'] });
    const { filter, hpin } = applied(plan);
    const lan = acceptedPorts(filter).filter((a) => a.includes(' br-lan>br-lan '));
    expect(lan).toContain('ORIGINAL tcp 192.168.1.10:5001 br-lan>br-lan peer=any');
    expect(lan).toContain('REPLY udp 192.168.1.10:1194 br-lan>br-lan peer=any');
    expect(hpin.every((r) => r.src === undefined)).toBe(true);
    expect(sh(plan)).toContain('LAN clients are trusted: allowFrom does not apply to them.');
    checkParseBack(plan);
  });

  test('the header says the addresses are read at run time and to re-run the script when the WAN address changes', () => {
    const text = sh(hairpin());
    expect(text).toContain("# The script reads eth0's IPv4 address(es) and br-lan's subnet(s) when it runs (with ip and awk: ip -4 -o addr show dev ...): run it again whenever the WAN address changes");
    expect(text).toContain('connections from the WAN keep their real source address');
  });

  test('LAN without an IPv4 address: exit 1 with a message before changing anything', () => {
    const plan = hairpin();
    const start = applied(samplePlan()).rs;
    const r = execOps(parseShScript(sh(plan)).apply, start, { addrs: { eth0: ['203.0.113.1/24'], 'br-lan': [] } });
    expect(r.status).toBe(1);
    expect(r.stderr).toEqual(['synfw: br-lan (router.lan) has no IPv4 address, so hairpin cannot work: check router.lan; nothing was changed']);
    expect(dumpRuleset(r.rs)).toBe(dumpRuleset(start));
  });

  test('WAN without an IPv4 address (link down): a warning, the rest is applied, hairpin DNAT waits for the next run', () => {
    const plan = hairpin();
    const r = execOps(parseShScript(sh(plan)).apply, emptyRuleset(), { addrs: { eth0: [], 'br-lan': ['192.168.1.1/24'] } });
    expect(r.status).toBe(0);
    expect(r.stderr).toEqual(['synfw: warning: eth0 has no IPv4 address now: no hairpin DNAT until this script runs again']);
    expect(r.rs.nat.get('synfw-sample-hpin')).toEqual([]);
    expect(r.rs.nat.get('synfw-sample-masq')!.length).toBeGreaterThan(0);
    // Running it again once the address is there fills it.
    const later = runOps(parseShScript(sh(plan)).apply, r.rs, envFor(plan));
    expect(dumpRuleset(later)).toBe(dumpRuleset(applied(plan).rs));
  });

  test('a new WAN address and a re-run: the old address is gone, the new one is DNATed', () => {
    const plan = hairpin();
    const { rs } = applied(plan, emptyRuleset(), { addrs: { eth0: ['203.0.113.1/24'], 'br-lan': ['192.168.1.1/24'] } });
    const after = runOps(parseShScript(sh(plan)).apply, rs, { addrs: { eth0: ['198.51.100.5/24'], 'br-lan': ['192.168.1.1/24'] } });
    expect(new Set(after.nat.get('synfw-sample-hpin')!.map((r) => r.dst))).toEqual(new Set(['198.51.100.5/32']));
  });

  test('an empty plan with hairpin has no loop (an empty for body is a syntax error in sh)', () => {
    const text = sh(hairpin({ forwards: [] }));
    expect(text).not.toContain('for a in');
    expect(applied(hairpin({ forwards: [] })).hpin).toEqual([]);
  });
});

describe('iptables nas.address6', () => {
  test('ip6tables accepts for the NAS ports (not the WAN side of a remap), both directions, hooked first in FORWARD', () => {
    const plan = samplePlan({ nas: v6 });
    const text = sh(plan);
    const { fwd6 } = applied(plan);
    expect(acceptedPorts(fwd6, 6).sort()).toEqual(planAccepts6(plan));
    expect(acceptedPorts(fwd6, 6).some((a) => a.includes(':443 '))).toBe(false);
    expect(text).toContain(
      "ip6tables -w -t filter -A synfw-sample-fwd6 -d 2001:db8::10/128 -i eth0 -p tcp -m multiport --dports 21,5001,6001:6010,6690,8001:8003 -m conntrack --ctdir ORIGINAL -m comment --comment 'synfw:sample ",
    );
    expect(text).toContain(
      "ip6tables -w -t filter -C FORWARD -m comment --comment 'synfw:sample' -j synfw-sample-fwd6 2>/dev/null || ip6tables -w -t filter -I FORWARD -m comment --comment 'synfw:sample' -j synfw-sample-fwd6\n",
    );
    expect(text).toContain('# IPv6 (no NAT): ip6tables filter synfw-sample-fwd6 (inserted first in ip6tables FORWARD)');
    checkParseBack(plan);
  });

  test('allowFrom6 restricts the inbound source and the replies\' destination', () => {
    const plan = samplePlan({ nas: v6, allowFrom: ['198.51.100.0/24'], allowFrom6: ['2001:db8:100::/48', '2001:db8:200::1/128'] });
    const { fwd6 } = applied(plan);
    for (const r of fwd6) expect(['2001:db8:100::/48', '2001:db8:200::1/128']).toContain(r.ctdir === 'ORIGINAL' ? r.src : r.dst);
    expect(fwd6).toHaveLength(applied(samplePlan({ nas: v6 })).fwd6.length * 2);
    checkParseBack(plan);
  });

  test('remove deletes the ip6tables hook and chain too', () => {
    const plan = samplePlan({ nas: v6 });
    const { script, rs } = applied(plan);
    expect(dumpRuleset(runOps(script.remove, rs))).toBe(dumpRuleset(emptyRuleset()));
  });
});

describe('iptables options: changing the profile and re-running', () => {
  const all = samplePlan({ hairpin: true, router: { lan: 'br-lan' }, nas: v6 });
  test.each([
    ['hairpin and address6 turned off', all, samplePlan()],
    ['address6 turned off', samplePlan({ nas: v6 }), samplePlan()],
    ['hairpin turned on', samplePlan(), all],
    ['IPv6 sources removed from allowFrom', samplePlan({ nas: v6, allowFrom6: ['2001:db8::/32'], allowFrom: ['198.51.100.0/24'] }), restricted({ nas: v6 })],
  ])('%s: the new script leaves exactly what it would leave on a clean router', (_what, before, after) => {
    const env = envFor(all);
    const { rs } = applied(before, emptyRuleset(), env);
    const again = runOps(parseShScript(sh(after)).apply, rs, env);
    expect(dumpRuleset(again)).toBe(dumpRuleset(applied(after, emptyRuleset(), env).rs));
  });

  test('sh FILE remove of a plain profile also removes chains a hairpin/IPv6 version of it added', () => {
    const { rs } = applied(all, emptyRuleset(), envFor(all));
    expect(dumpRuleset(runOps(parseShScript(sh(samplePlan())).remove, rs))).toBe(dumpRuleset(emptyRuleset()));
  });

  test('determinism with every option on', () => {
    expect(sh(all)).toBe(sh(all));
    expect(render(all).warnings).toEqual([]);
  });
});

describe('iptables options: the sh parser is strict about the new constructs', () => {
  const script = sh(hairpin());
  test.each([
    ['"$a" outside its loop', (s: string) => s.replace(/^(iptables -w -t nat -F synfw-sample-hpin)$/m, '$1\niptables -w -t nat -A synfw-sample-hpin -d "$a" -j ACCEPT')],
    ['an unquoted $a', (s: string) => s.replace('-d "$a"', '-d $a')],
    ['"${a}" braces', (s: string) => s.replace('-d "$a"', '-d "${a}"')],
    ['a loop over an unassigned variable', (s: string) => s.replace('for a in $wan4', 'for a in $wan6')],
    ['another awk program', (s: string) => s.replace("awk '{ print $4 }'", "awk '{ system($4) }'")],
    ['a look-up of another command', (s: string) => s.replace('ip -4 -o addr show dev br-lan', 'ip -4 -o route show dev br-lan')],
    ['an echo outside if [ -z ]', (s: string) => s.replace('\nfor a in', "\necho 'x' >&2\nfor a in")],
    ['an empty loop', (s: string) => s.replace(/for a in \$wan4; do\n(  .*\n)+done/, 'for a in $wan4; do\ndone')],
    ['a missing done', (s: string) => s.replace(/\ndone\n/, '\n')],
    ['a command in the look-up check', (s: string) => s.replace(/(has no IPv4 address[^\n]*\n {2}exit 1\n)/, '$1  iptables -w -t nat -F x\n')],
    ['no subshell', (s: string) => s.replace('\n(\nset -eu\n', '\nset -eu\n').replace(/\n\)\n$/, '\n')],
    ['an unclosed subshell', (s: string) => s.replace(/\n\)\n$/, '\n')],
    ['a line after the subshell', (s: string) => `${s}iptables -w -t nat -F x\n`],
    ['no interface check', (s: string) => s.replace(/^if ! ip link show dev [^\n]*\n(.*\n){3}fi\n/gm, '')],
    ['a change before the interface checks', (s: string) => s.replace("forward nothing.\n", "forward nothing.\niptables -w -t nat -F x\n")],
    ['an interface check after a change', (s: string) => s.replace(/\n\)\n$/, "\nif ! ip link show dev 'eth0' >/dev/null 2>&1; then\n  echo 'x' >&2\n  exit 1\nfi\n)\n")],
    ['an interface check that does not exit', (s: string) => s.replace(/(\n {2}echo "synfw: its interfaces: [^\n]*\n) {2}exit 1\n/, '$1  exit 0\n')],
    ['an interface check that goes on', (s: string) => s.replace(/(\n {2}echo "synfw: its interfaces: [^\n]*\n) {2}exit 1\n/, '$1')],
    ['an unquoted interface', (s: string) => s.replace("ip link show dev 'br-lan'", 'ip link show dev br-lan')],
    ['a message in double quotes', (s: string) => s.replace(/echo '(synfw: interface br-lan [^']*)' >&2/, 'echo "$1" >&2')],
    ['another listing of the interfaces', (s: string) => s.replace("printf \"%s \", $2", "system($2)")],
    ['an interface checked twice', (s: string) => s.replace(/(\nif ! ip link show dev 'eth0'[^\n]*\n(.*\n){3}fi\n)/, '$1$1')],
  ])('rejects %s', (_what, mutate) => {
    const bad = mutate(script);
    expect(bad).not.toBe(script);
    expect(() => runOps(parseShScript(bad).apply, emptyRuleset(), envFor(hairpin()))).toThrow();
  });

  test('accepts the unmodified script (control)', () => {
    expect(() => runOps(parseShScript(script).apply, emptyRuleset(), envFor(hairpin()))).not.toThrow();
  });
});

// ---- real iptables / ip6tables in a private network namespace ----------------------------------

describe('iptables options: applied for real (unshare -n)', () => {
  const ALL = samplePlan({ hairpin: true, router: { lan: 'br-lan' }, nas: v6, allowFrom: ['198.51.100.0/24', '203.0.113.7/32'], allowFrom6: ['2001:db8:100::/48'] });

  test.for([
    ['every option', ALL],
    ['allowFrom, IPv4 only, with address6', restricted({ nas: v6 })],
    ['hairpin only', hairpin()],
  ] as [string, Plan][])('%s: twice = once in both families, the kernel holds what the parser read, remove restores both', ([, plan], ctx) => {
    need(ctx, NETNS_TOOLS, true);
    const out = inNetns(plan, { 'fw.sh': sh(plan) }, 'dump before\nsh fw.sh; dump once\nsh fw.sh; dump twice\nsh fw.sh remove; dump removed');
    expect(out.twice).toBe(out.once);
    expect(out['twice v6']).toBe(out['once v6']);
    expect(out.removed).toBe(out.before);
    expect(out['removed v6']).toBe(out['before v6']);
    const { rs } = applied(plan);
    const c = chainsOf(plan);
    const kernel = ours(out.once!);
    const kernel6 = ours(out['once v6']!, 6);
    for (const [t, name] of [['nat', c.dnat], ['nat', c.hpin], ['nat', c.masq], ['filter', c.fwd]] as const) {
      expect(kernel[t].get(name)?.map((r) => r.spec)).toEqual(rs[t].get(name)?.map((r) => r.spec));
    }
    expect(kernel6.filter6.get(c.fwd6)?.map((r) => r.spec)).toEqual(rs.filter6.get(c.fwd6)?.map((r) => r.spec));
  });

  test('hairpin look-ups on real interfaces: every WAN address, never the LAN one; the LAN subnet; a WAN change and a re-run', (ctx) => {
    need(ctx, NETNS_TOOLS, true);
    const plan = hairpin();
    const env = { addrs: { eth0: ['203.0.113.1/24', '198.51.100.9/28'], 'br-lan': ['192.168.1.1/24'] } };
    const out = inNetns(
      plan,
      { 'fw.sh': sh(plan) },
      `sh fw.sh; dump once
ip addr del 203.0.113.1/24 dev eth0; ip addr add 203.0.113.99/24 dev eth0
sh fw.sh; dump moved`,
      env,
    );
    const hpin = (save: string) => ours(save).nat.get('synfw-sample-hpin')!;
    expect(new Set(hpin(out.once!).map((r) => r.dst))).toEqual(new Set(['203.0.113.1/32', '198.51.100.9/32']));
    expect(ours(out.once!).nat.get('synfw-sample-masq')!.map((r) => r.src)).toEqual(applied(plan).masq.map(() => '192.168.1.0/24'));
    expect(dnatTuples(hpin(out.once!)).map(tupleKey).sort()).toEqual(dnatTuples(applied(plan, emptyRuleset(), env).hpin).map(tupleKey).sort());
    expect(new Set(hpin(out.moved!).map((r) => r.dst))).toEqual(new Set(['203.0.113.99/32', '198.51.100.9/32']));
    expect(out.moved).not.toContain('203.0.113.1/32');
  });

  test('hairpin with a LAN interface that has no address: exit 1, the message, nothing changed', (ctx) => {
    need(ctx, NETNS_TOOLS, true);
    const plan = hairpin();
    const out = inNetns(
      plan,
      { 'fw.sh': sh(plan) },
      'dump before\nrc=0; sh fw.sh 2>err || rc=$?; echo "=== rc"; echo "$rc"; cat err; dump after',
      { addrs: { eth0: ['203.0.113.1/24'], 'br-lan': [] } },
    );
    expect(out.rc).toBe('1\nsynfw: br-lan (router.lan) has no IPv4 address, so hairpin cannot work: check router.lan; nothing was changed\n');
    expect(out.after).toBe(out.before);
    expect(out['after v6']).toBe(out['before v6']);
  });

  test('allowFrom through iptables-restore: iptables-save prints one rule per source exactly as written', (ctx) => {
    need(ctx, [...NETNS_TOOLS, 'iptables-restore'], true);
    const plan = restricted();
    const text = restore(plan);
    const out = inNetns(plan, { 'fw.rules': text }, 'iptables-restore -w --noflush < fw.rules; dump restored');
    const mine = parseRestore(text).rules;
    expect(ours(out.restored!).nat.get('synfw-sample-dnat')!.map((r) => r.spec)).toEqual(mine.nat.get('synfw-sample-dnat')!.map((r) => r.spec));
    expect(ours(out.restored!).filter.get('synfw-sample-fwd')!.map((r) => r.spec)).toEqual(mine.filter.get('synfw-sample-fwd')!.map((r) => r.spec));
  });
});
