// The iptables target: rules for hand-built plans and shipped profiles, a strict parse-back of
// both output forms, golden files, and real-tool checks (sh -n, shellcheck, and iptables itself
// inside a private network namespace from `unshare -n`, which never touches the host's rules).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Forward, Plan } from '../../src/plan/types.js';
import { byteLength, fitBytes, oneLine, ruleText } from '../../src/targets/common.js';
import { target } from '../../src/targets/iptables.js';
import { chainBase, packedText } from '../../src/targets/iptables-view.js';
import { TargetError } from '../../src/targets/types.js';
import { hostilePlan, HOSTILE_TEXTS, manyPortsPlan, samplePlan } from '../fixtures/plans.js';
import {
  activeKinds,
  applied,
  chainsOf,
  checkParseBack,
  expectRestoreRefusal,
  HOOKS,
  render,
  restore,
  restoreRefuses,
  sh,
  wanOf,
} from '../support/iptables-check.js';
import { dnatTuples, dumpRuleset, emptyRuleset, parseRestore, parseSpec, type Rule } from '../support/parse-iptables.js';
import { parseShScript, runOps } from '../support/parse-iptables-sh.js';
import { ALL_PROFILES, goldenPath, planOf, VERSION } from '../support/profiles.js';
import { inNetns, need, NETNS_TOOLS, ours } from '../support/iptables-netns.js';

const fwd = (proto: Forward['proto'], ext: [number, number], int: [number, number] = ext, name = 'x'): Forward => ({
  proto,
  external: { first: ext[0], last: ext[1] },
  internal: { first: int[0], last: int[1] },
  apps: ['app'],
  origins: [{ app: 'app', label: 'l', name, kind: 'custom', exposure: 'public' }],
  exposure: 'public',
});

describe('iptables: rules for the sample plan', () => {
  const text = sh(samplePlan());
  const lines = text.split('\n');

  test('is a POSIX sh script with set -eu and a usage check', () => {
    expect(lines[0]).toBe('#!/bin/sh');
    expect(text).toContain('\nset -eu\n');
    expect(text).toContain('echo "usage: sh $0 [remove]" >&2\n    exit 2\n');
  });

  test('packs identity forwards with multiport and DNATs them to the bare address', () => {
    expect(text).toContain(
      "iptables -w -t nat -A synfw-sample-dnat -i eth0 -p tcp -m multiport --dports 5001,6001:6010,6690,21 -m comment --comment 'synfw:sample dsm tcp/5001; custom-range tcp/6001-6010 A custom range; synology-drive-server tcp/6690; ftp tcp/21' -j DNAT --to-destination 192.168.1.10\n",
    );
    expect(text).toMatch(/-i eth0 -p udp -m multiport --dports 1194,16881 -m comment --comment '[^']*' -j DNAT --to-destination 192\.168\.1\.10\n/);
  });

  test('remaps a port with ip:port and a range with ip:a-b/base', () => {
    expect(text).toMatch(/-i eth0 -p tcp -m tcp --dport 443 -m comment --comment 'synfw:sample dsm,synology-photos tcp\/443 -> 5001' -j DNAT --to-destination 192\.168\.1\.10:5001\n/);
    expect(text).toMatch(/-i eth0 -p tcp -m tcp --dport 7001:7003 -m comment --comment '[^']*' -j DNAT --to-destination 192\.168\.1\.10:8001-8003\/7001\n/);
    expect(text).toContain('needs iptables >= 1.8.0 and Linux >= 4.18');
  });

  test('accepts exactly the DNATed connections in FORWARD, both directions', () => {
    expect(text).toContain(
      '-A synfw-sample-fwd -d 192.168.1.10/32 -i eth0 -p tcp -m multiport --dports 21,5001,6001:6010,6690,8001:8003 -m conntrack --ctstate DNAT --ctdir ORIGINAL -m comment',
    );
    expect(text).toContain(
      '-A synfw-sample-fwd -s 192.168.1.10/32 -o eth0 -p tcp -m multiport --sports 21,5001,6001:6010,6690,8001:8003 -m conntrack --ctstate DNAT --ctdir REPLY -m comment',
    );
  });

  test('creates chains only if missing, flushes them, and hooks them only if missing', () => {
    const natCreate = lines.indexOf('iptables -w -t nat -S synfw-sample-dnat >/dev/null 2>&1 || iptables -w -t nat -N synfw-sample-dnat');
    const natFlush = lines.indexOf('iptables -w -t nat -F synfw-sample-dnat');
    const natHook = lines.indexOf(
      "iptables -w -t nat -C PREROUTING -m comment --comment 'synfw:sample' -j synfw-sample-dnat 2>/dev/null || iptables -w -t nat -A PREROUTING -m comment --comment 'synfw:sample' -j synfw-sample-dnat",
    );
    const fwdHook = lines.indexOf(
      "iptables -w -t filter -C FORWARD -m comment --comment 'synfw:sample' -j synfw-sample-fwd 2>/dev/null || iptables -w -t filter -I FORWARD -m comment --comment 'synfw:sample' -j synfw-sample-fwd",
    );
    const firstRule = lines.findIndex((l) => l.startsWith('iptables -w -t nat -A synfw-sample-dnat '));
    expect(natCreate).toBeGreaterThan(0);
    expect(natCreate).toBeLessThan(natFlush);
    expect(natFlush).toBeLessThan(firstRule);
    expect(firstRule).toBeLessThan(natHook);
    expect(fwdHook).toBeGreaterThan(natHook);
    expect(lines.filter((l) => l.startsWith('iptables') && !l.startsWith('iptables -w '))).toEqual([]);
  });

  test('the header says version, profile, WAN, how to apply and how to remove', () => {
    const { header } = parseShScript(text);
    expect(header[0]).toBe(`Generated by synfw ${VERSION} from profile "sample" for target iptables.`);
    expect(header).toContain('WAN: eth0 (default; set router.wan to change it)');
    expect(header.join('\n')).toMatch(/Apply:\n {2}save this script as FILE, then as root on the router: sh FILE /);
    expect(header.join('\n')).toMatch(/Remove what this added:\n {2}as root: sh FILE remove /);
    expect(header.join('\n')).toContain('Chains: nat synfw-sample-dnat');
  });

  test('router.wan is used in every rule and named in the header', () => {
    const plan = samplePlan({ router: { wan: 'ppp0' } });
    const out = sh(plan);
    expect(out).toContain('# WAN: ppp0 (router.wan)');
    expect(out).not.toContain('eth0');
    checkParseBack(plan);
  });

  test('no shifted-range note when no range is remapped', () => {
    expect(sh(manyPortsPlan(3))).not.toContain('/BASE');
  });

  test('restore format: tables, chains, COMMIT, and a header with load, hook and remove commands', () => {
    const out = restore(samplePlan());
    expect(out).toMatch(/\n\*nat\n:synfw-sample-dnat - \[0:0\]\n-A synfw-sample-dnat /);
    expect(out).toMatch(/\nCOMMIT\n\*filter\n:synfw-sample-fwd - \[0:0\]\n-A synfw-sample-fwd /);
    expect(out.endsWith('\nCOMMIT\n')).toBe(true);
    const { header } = parseRestore(out);
    expect(header[0]).toBe(`Generated by synfw ${VERSION} from profile "sample" for target iptables (format restore).`);
    expect(header).toContain('  save this file as FILE, then as root: iptables-restore -w --noflush < FILE   (never without --noflush: that empties the whole tables)');
    // The hook commands are the sh script's own lines, so both forms hook the same way.
    const scriptLines = sh(samplePlan()).split('\n');
    const hooks = header.filter((l) => l.includes(' -C ')).map((l) => l.trim());
    expect(hooks).toHaveLength(2);
    for (const h of hooks) expect(scriptLines).toContain(h);
    expect(header).toContain("  iptables -w -t nat -D PREROUTING -m comment --comment 'synfw:sample' -j synfw-sample-dnat");
    expect(header).toContain('  iptables -w -t filter -F synfw-sample-fwd && iptables -w -t filter -X synfw-sample-fwd');
    expect(out).toContain('-m comment --comment "synfw:sample dsm,synology-photos tcp/443 -> 5001" -j DNAT --to-destination 192.168.1.10:5001\n');
  });

  test('a packed comment names an app group once; for one forward it is ruleText', () => {
    const plan = samplePlan();
    for (const f of plan.forwards.filter((x) => x.external.first === x.internal.first)) expect(packedText(plan, [f])).toBe(ruleText(plan, f));
    const many = manyPortsPlan(3);
    expect(packedText(many, many.forwards)).toBe('synfw:bulk bulk tcp/20000,20002,20004 Bulk ports');
  });

  test('an empty plan still gives valid, removable chains', () => {
    const plan = samplePlan({ forwards: [] });
    const { nat, filter } = applied(plan);
    expect([nat, filter]).toEqual([[], []]);
    expect(parseRestore(restore(plan)).declared.nat).toEqual(['synfw-sample-dnat']);
  });
});

describe('iptables: multiport packing (15 slots, a range takes 2)', () => {
  const natRules = (plan: Plan) => applied(plan).nat;

  test('15 single ports fit one rule; 16 need two, the lone one without multiport', () => {
    expect(natRules(manyPortsPlan(15)).map((r) => r.dports!.length)).toEqual([15]);
    const two = natRules(manyPortsPlan(16));
    expect(two.map((r) => r.dports!.length)).toEqual([15, 1]);
    expect(sh(manyPortsPlan(16))).toContain('-p tcp -m tcp --dport 20030 -m comment');
    checkParseBack(manyPortsPlan(16));
    checkParseBack(manyPortsPlan(40, 'udp'));
  });

  test('ranges count two slots and are never written a:a', () => {
    const forwards = Array.from({ length: 9 }, (_, i) => fwd('tcp', [10000 + i * 10, 10000 + i * 10 + 3]));
    forwards.push(fwd('tcp', [11000, 11000]));
    const plan = samplePlan({ forwards });
    const rules = natRules(plan);
    const slots = (r: Rule) => r.dports!.reduce((n, p) => n + (p.first === p.last ? 1 : 2), 0);
    expect(rules.map(slots)).toEqual([14, 5]);
    expect(sh(plan)).not.toMatch(/\b(\d+):\1\b/);
    checkParseBack(plan);
  });

  test('the filter chain joins adjacent NAS ports into ranges', () => {
    const plan = manyPortsPlan(20, 'tcp', 20000, 1);
    const { filter } = applied(plan);
    expect(filter.map((r) => r.spec.slice(6, 10).join(' '))).toEqual(['-m tcp --dport 20000:20019', '-m tcp --sport 20000:20019']);
  });

  test('a tcp and a udp forward on the same port stay separate rules (no cross product)', () => {
    const plan = samplePlan({ forwards: [fwd('tcp', [25565, 25565]), fwd('udp', [25565, 25565])] });
    checkParseBack(plan);
    expect(applied(plan).nat.map((r) => r.proto)).toEqual(['tcp', 'udp']);
  });
});

describe('iptables: chain names', () => {
  test('synfw-<name>-dnat / -fwd when they fit in 28 characters', () => {
    expect(chainBase('home')).toBe('synfw-home');
    const name17 = 'a'.repeat(17);
    expect(`${chainBase(name17)}-dnat`).toHaveLength(28);
    expect(chainBase(name17)).toBe(`synfw-${name17}`);
  });

  test('longer names are cut with a stable hash, so two profiles never share chains', () => {
    const a = 'my-very-long-profile-name-number1';
    const b = 'my-very-long-profile-name-number2';
    expect(chainBase(a)).toBe(chainBase(a));
    expect(chainBase(a)).not.toBe(chainBase(b));
    expect(chainBase(a)).toMatch(/^synfw-my-very-_[0-9a-f]{8}$/);
    expect(`${chainBase(a)}-dnat`.length).toBeLessThanOrEqual(28);
    // A cut name holds "_", which no profile name can: it never equals another profile's full name.
    expect(chainBase('a'.repeat(18))).toContain('_');
    const plan = samplePlan({ profile: { name: 'x'.repeat(32), file: 'x.yaml' } });
    checkParseBack(plan);
  });
});

describe('iptables: refusals', () => {
  test('the restore form refuses hairpin and nas.address6 with SFW301 saying why (the sh script does both)', () => {
    const p = samplePlan();
    const v6 = { ...p.nas, address6: '2001:db8::10' };
    expectRestoreRefusal(samplePlan({ hairpin: true, router: { lan: 'br-lan' } }), ['hairpin']);
    expectRestoreRefusal(samplePlan({ nas: v6 }), ['nas.address6']);
    expectRestoreRefusal(samplePlan({ hairpin: true, router: { lan: 'br-lan' }, nas: v6 }), ['hairpin', 'nas.address6']);
    expect(() => restore(samplePlan({ allowFrom: ['198.51.100.0/24'] }))).not.toThrow();
    expect(() => sh(samplePlan({ hairpin: true, router: { lan: 'br-lan' }, nas: v6 }))).not.toThrow();
  });

  test('a WAN name longer than a Linux interface name (15) is refused with SFW304', () => {
    expect(() => render(samplePlan({ router: { wan: 'a-very-long-wan-zone' } }))).toThrow(TargetError);
    try {
      render(samplePlan({ router: { wan: 'a-very-long-wan-zone' } }));
    } catch (e) {
      expect((e as TargetError).diagnostics.map((d) => d.code)).toEqual(['SFW304']);
    }
    expect(() => render(samplePlan({ router: { wan: 'abcdefghijklmno' } }))).not.toThrow();
  });
});

describe('iptables: idempotency (script run against an in-memory ruleset)', () => {
  test('running the script twice leaves the same ruleset as running it once', () => {
    const plan = samplePlan();
    const { script, rs } = applied(plan);
    expect(dumpRuleset(runOps(script.apply, rs))).toBe(dumpRuleset(rs));
  });

  test('remove deletes hooks and chains and nothing else, and can run twice', () => {
    const before = emptyRuleset();
    before.filter.get('FORWARD')!.push(parseSpec(['-i', 'lan0', '-j', 'ACCEPT']));
    const { script, rs } = applied(samplePlan(), before);
    expect(rs.filter.get('FORWARD')![0]!.jump).toBe('synfw-sample-fwd');
    const once = runOps(script.remove, rs);
    expect(dumpRuleset(once)).toBe(dumpRuleset(before));
    expect(dumpRuleset(runOps(script.remove, once))).toBe(dumpRuleset(before));
    expect(dumpRuleset(runOps(script.remove, emptyRuleset()))).toBe(dumpRuleset(emptyRuleset()));
  });

  test('re-running after the profile changed drops the old rules', () => {
    const { rs } = applied(samplePlan());
    const smaller = samplePlan({ forwards: samplePlan().forwards.slice(0, 2) });
    const again = runOps(parseShScript(sh(smaller)).apply, rs);
    expect(dumpRuleset(again)).toBe(dumpRuleset(applied(smaller).rs));
  });
});

describe('iptables: parse-back', () => {
  test.each([
    ['sample', samplePlan()],
    ['hostile', hostilePlan()],
    ['many tcp', manyPortsPlan(33)],
    ['many udp ranges', samplePlan({ forwards: Array.from({ length: 20 }, (_, i) => fwd('udp', [40000 + i * 5, 40002 + i * 5], [50000 + i * 5, 50002 + i * 5])) })],
  ])('%s plan: both forms give back exactly the plan, per port', (_name, plan) => {
    checkParseBack(plan);
  });

  test.each(ALL_PROFILES)('%s: both forms give back exactly the plan, per port', (path) => {
    checkParseBack(planOf(path));
  });
});

describe('iptables: hostile free text', () => {
  test('packed comments are the documented cut of the rule text: tag, one line, at most 255 bytes', () => {
    const plan = hostilePlan();
    const { nat } = applied(plan);
    const tcp = plan.forwards.filter((f) => f.proto === 'tcp');
    expect(nat[0]!.comment).toBe(fitBytes(oneLine(packedText(plan, tcp)), 255));
    expect(nat[0]!.comment!.endsWith('...')).toBe(true);
    expect(byteLength(nat[0]!.comment!)).toBeLessThanOrEqual(255);
    expect(render(plan).warnings.map((w) => w.code)).toEqual(['SFW310']);
  });

  test('each hostile text comes back intact (one rule per forward when remapped)', () => {
    // Remapped forwards are not packed: each rule carries exactly one forward's text.
    const base = hostilePlan();
    const plan = { ...base, forwards: base.forwards.map((f) => ({ ...f, internal: { first: f.internal.first + 1000, last: f.internal.last + 1000 } })) };
    for (const text of [sh(plan), restore(plan)]) {
      const rules = text.startsWith('#!') ? applied(plan).nat : parseRestore(text).rules.nat.get('synfw-hostile-dnat')!;
      expect(rules.map((r) => r.comment)).toEqual(plan.forwards.map((f) => fitBytes(oneLine(ruleText(plan, f)), 255)));
      for (const t of HOSTILE_TEXTS.slice(0, 4)) expect(rules.some((r) => r.comment!.endsWith(` ${oneLine(t)}`))).toBe(true);
    }
    checkParseBack(plan);
  });

  test('hostile profile: every comment within 255 bytes and parse-back exact', () => {
    const plan = planOf('test/fixtures/profiles/hostile.yaml');
    checkParseBack(plan);
    for (const text of [sh(plan), restore(plan)]) expect(text).not.toMatch(/[\r\t\u2028\u2029]/);
  });

  test('determinism: two renders are byte-identical', () => {
    for (const plan of [samplePlan(), hostilePlan()]) {
      expect(sh(plan)).toBe(sh(plan));
      expect(restore(plan)).toBe(restore(plan));
    }
  });
});

describe('iptables: the parser is strict', () => {
  const rule = "iptables -w -t nat -A synfw-sample-dnat -i eth0 -p tcp -m tcp --dport 5001 -m comment --comment 'synfw:x a' -j DNAT --to-destination 10.0.0.5";
  test.each([
    ['command substitution', rule.replace("'synfw:x a'", 'synfw:x$(id)')],
    ['backticks', rule.replace("'synfw:x a'", 'synfw:x`id`')],
    ['unquoted $', rule.replace("'synfw:x a'", 'synfw:$HOME')],
    ['double quotes', rule.replace("'synfw:x a'", '"synfw:x a"')],
    ['unterminated quote', rule.replace("'synfw:x a'", "'synfw:x a")],
    ['a glob', rule.replace('eth0', 'eth*')],
    ['a second command', `${rule}; touch /tmp/x`],
    ['a:a range', rule.replace('--dport 5001', '--dport 5001:5001')],
    ['16 multiport slots', rule.replace('-m tcp --dport 5001', `-m multiport --dports ${Array.from({ length: 8 }, (_, i) => `${100 + i * 10}:${105 + i * 10}`).join(',')}`)],
    ['an unknown option', rule.replace('-i eth0', '-i eth0 --log-prefix x')],
    ['-m tcp without -p tcp', rule.replace('-p tcp -m tcp', '-p udp -m tcp')],
  ])('rejects %s in the sh script', (_what, line) => {
    expect(line).not.toBe(rule);
    const script = sh(samplePlan({ forwards: [] }));
    expect(() => runOps(parseShScript(`${script}${line}\n`).apply)).toThrow();
  });

  test('accepts the unmodified line (control for the cases above)', () => {
    const script = sh(samplePlan({ forwards: [] }));
    expect(runOps(parseShScript(`${script}${rule}\n`).apply).nat.get('synfw-sample-dnat')!.map((r) => r.comment)).toEqual(['synfw:x a']);
  });

  test('a broken escape in the hostile script is caught', () => {
    const broken = sh(hostilePlan()).replace(`'\\''`, `'`);
    expect(() => parseShScript(broken)).toThrow();
  });

  test.each([
    ['glued text after a quote', '-A c -m comment --comment "a"b -j ACCEPT'],
    ['a quote inside a word', '-A c -m comment --comment a"b c" -j ACCEPT'],
    ['an unterminated quote', '-A c -m comment --comment "abc -j ACCEPT'],
    ['an unknown escape', '-A c -m comment --comment "a\\nb" -j ACCEPT'],
  ])('rejects %s in restore input', (_what, line) => {
    expect(() => parseRestore(`*filter\n:c - [0:0]\n${line}\nCOMMIT\n`)).toThrow();
  });

  test('accepts a well-formed quoted word with escapes (control)', () => {
    const { rules } = parseRestore('*filter\n:c - [0:0]\n-A c -m comment --comment "a \\"b\\" \\\\ it\\\'s" -j ACCEPT\nCOMMIT\n');
    expect(rules.filter.get('c')!.map((r) => r.comment)).toEqual(['a "b" \\ it\'s']);
  });

  test('DNAT to a port range without /base is refused as ambiguous', () => {
    const { rules } = parseRestore('*nat\n:c - [0:0]\n-A c -i eth0 -p tcp -m tcp --dport 7001:7003 -j DNAT --to-destination 10.0.0.5:8001-8003\nCOMMIT\n');
    expect(() => dnatTuples(rules.nat.get('c')!)).toThrow(/base/);
  });
});

// ---- real tools ---------------------------------------------------------------------------------

/** Every profile option on at once: allowFrom in both families, hairpin, nas.address6. */
const withOptions = (p: Plan): Plan => ({
  ...p,
  nas: { ...p.nas, address6: '2001:db8::10' },
  router: { ...p.router, lan: 'br-lan' },
  hairpin: true,
  allowFrom: ['198.51.100.0/24', '203.0.113.7/32'],
  allowFrom6: ['2001:db8:100::/48'],
});

const PLANS: [string, () => Plan][] = [
  ['sample', samplePlan],
  ['hostile', hostilePlan],
  ['sample, every option', () => withOptions(samplePlan())],
  ['hostile, every option', () => withOptions(hostilePlan())],
  ...ALL_PROFILES.map((p): [string, () => Plan] => [p, () => planOf(p)]),
];

/**
 * The profile/format pairs the target refuses, with the keys it names: the restore form cannot look
 * up addresses (hairpin) nor hold ip6tables rules (nas.address6). Golden and restore loops skip
 * exactly these; the first test below proves the list is complete and right.
 */
const RESTORE_REFUSED: Record<string, string[]> = {
  'profiles/hairpin.yaml': ['hairpin', 'nas.address6'],
  'profiles/restricted.yaml': ['nas.address6'],
  'sample, every option': ['hairpin', 'nas.address6'],
  'hostile, every option': ['hairpin', 'nas.address6'],
};
const RESTORE_PLANS = PLANS.filter(([name]) => !(name in RESTORE_REFUSED));

describe('iptables: the restore form on every plan', () => {
  test.for(PLANS)('%s: refused exactly when RESTORE_REFUSED says so', ([name, planFn]) => {
    const plan = planFn();
    expect(restoreRefuses(plan)).toEqual(RESTORE_REFUSED[name] ?? []);
    if (RESTORE_REFUSED[name]) expectRestoreRefusal(plan, RESTORE_REFUSED[name]);
    else expect(() => restore(plan)).not.toThrow();
  });

  test.for(PLANS)('%s: parse-back of every chain, with every option the plan has', ([, planFn]) => {
    checkParseBack(planFn());
  });
});

describe('iptables: syntax checks with real tools', () => {
  test.for(PLANS)('%s: sh -n accepts the script', ([, plan], ctx) => {
    need(ctx, ['sh']);
    const r = spawnSync('sh', ['-n'], { input: sh(plan()), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test.for(PLANS)('%s: shellcheck finds nothing at warning level', ([, plan], ctx) => {
    need(ctx, ['shellcheck']);
    const r = spawnSync('shellcheck', ['-s', 'sh', '-S', 'warning', '-'], { input: sh(plan()), encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  test.for(RESTORE_PLANS)('%s: iptables-restore --test accepts the restore form (private netns)', ([, plan], ctx) => {
    need(ctx, ['unshare', 'iptables-restore'], true);
    const r = spawnSync('unshare', ['-n', 'iptables-restore', '--test', '--noflush'], { input: restore(plan()), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

/** The header's indented iptables commands between two header lines. */
function headerCommands(header: string[], from: string, to?: string): string[] {
  const start = header.indexOf(from);
  const end = to ? header.indexOf(to) : header.length;
  return header.slice(start + 1, end).filter((l) => l.startsWith('  iptables ')).map((l) => l.trim());
}

/** Every chain of the plan in the kernel holds exactly what the parser read from the script. */
function expectKernelMatchesParser(plan: Plan, save: string, save6: string): void {
  const { rs } = applied(plan);
  const c = chainsOf(plan);
  const kernel = { 4: ours(save), 6: ours(save6, 6) };
  for (const k of activeKinds(plan)) {
    const { table } = HOOKS[k];
    const got = kernel[table === 'filter6' ? 6 : 4][table].get(c[k]);
    expect(got?.map((r) => r.spec), `${c[k]} in the kernel`).toEqual(rs[table].get(c[k])!.map((r) => r.spec));
  }
}

describe('iptables: applied for real in a private network namespace (unshare -n)', () => {
  test.for(PLANS)('%s: sh twice = once (both families), remove leaves the ruleset as before, twice is fine', ([, planFn], ctx) => {
    need(ctx, NETNS_TOOLS, true);
    const canary = '/tmp/synfw-canary';
    const canaryBefore = existsSync(canary);
    const plan = planFn();
    const out = inNetns(
      plan,
      { 'fw.sh': sh(plan) },
      `dump before
sh fw.sh; dump once
sh fw.sh; dump twice
sh fw.sh remove; dump removed
sh fw.sh remove; dump "removed twice"
rc=0; sh fw.sh bogus 2>err || rc=$?; echo "=== bogus"; echo "$rc"; cat err
rc=0; sh fw.sh remove extra 2>/dev/null || rc=$?; echo "=== extra"; echo "$rc"`,
    );
    expect(out.twice).toBe(out.once);
    expect(out['twice v6']).toBe(out['once v6']);
    const tag = `synfw:${plan.profile.name}`;
    const c = chainsOf(plan);
    // The FORWARD hooks go first, before the router's own rules; PREROUTING's are appended.
    expect(out.once!.split('\n').find((l) => l.startsWith('-A FORWARD '))).toBe(`-A FORWARD -m comment --comment "${tag}" -j ${c.fwd}`);
    expect(out.once).toContain(`-A PREROUTING -m comment --comment "${tag}" -j ${c.dnat}`);
    if (activeKinds(plan).includes('fwd6')) expect(out['once v6']!.split('\n').find((l) => l.startsWith('-A FORWARD '))).toBe(`-A FORWARD -m comment --comment "${tag}" -j ${c.fwd6}`);
    else expect(out['once v6']).toBe(out['before v6']);
    if (plan.hairpin) expect(out.once!.split('\n').find((l) => l.startsWith('-A POSTROUTING '))).toBe(`-A POSTROUTING -m comment --comment "${tag}" -j ${c.masq}`);
    for (const v of ['', ' v6']) {
      expect(out[`removed${v}`]).toBe(out[`before${v}`]);
      expect(out[`removed twice${v}`]).toBe(out[`before${v}`]);
      expect(out[`removed${v}`]).not.toContain('synfw');
    }
    expect(out.bogus).toBe('2\nusage: sh fw.sh [remove]\n');
    expect(out.extra).toBe('2\n');
    expectKernelMatchesParser(plan, out.once!, out['once v6']!);
    if (!canaryBefore) expect(existsSync(canary)).toBe(false);
  });

  test.for(RESTORE_PLANS)('%s: restore form + header hooks = sh script; header remove cleans up', ([, planFn], ctx) => {
    need(ctx, [...NETNS_TOOLS, 'iptables-restore'], true);
    const plan = planFn();
    const text = restore(plan);
    const { header } = parseRestore(text);
    const hooks = headerCommands(header, 'Apply:', 'Remove what this added:');
    const removal = headerCommands(header, 'Remove what this added:');
    expect(hooks).toHaveLength(2);
    expect(removal).toHaveLength(4);
    const out = inNetns(
      plan,
      { 'fw.rules': text, 'fw.sh': sh(plan), 'hooks.sh': `${hooks.join('\n')}\n`, 'remove.sh': `${removal.join('\n')}\n` },
      `dump before
iptables-restore -w --noflush < fw.rules; sh hooks.sh; dump restored
iptables-restore -w --noflush < fw.rules; sh hooks.sh; dump "restored twice"
sh remove.sh; dump removed
sh fw.sh; dump script`,
    );
    expect(out['restored twice']).toBe(out.restored);
    expect(out.script).toBe(out.restored);
    expect(out.removed).toBe(out.before);
    // iptables-save prints the rules back exactly as written (same words, same comments).
    const saved = ours(out.restored!);
    const mine = parseRestore(text).rules;
    const c = chainsOf(plan);
    expect(saved.nat.get(c.dnat)!.map((r) => r.spec)).toEqual(mine.nat.get(c.dnat)!.map((r) => r.spec));
    expect(saved.filter.get(c.fwd)!.map((r) => r.spec)).toEqual(mine.filter.get(c.fwd)!.map((r) => r.spec));
  });
});

describe('iptables: golden files', () => {
  test.each(ALL_PROFILES)('%s', async (path) => {
    const plan = planOf(path);
    checkParseBack(plan);
    for (const [format, info] of Object.entries(target.info.formats)) {
      if (format === 'restore' && path in RESTORE_REFUSED) continue; // refusal asserted above
      const text = format === 'default' ? sh(plan) : restore(plan);
      // Key fragments from the plan first, so a bulk -u cannot approve a broken render.
      for (const f of plan.forwards) {
        expect(text).toContain(`--to-destination ${plan.nas.address}`);
        expect(text).toMatch(new RegExp(`-i ${wanOf(plan)} -p ${f.proto} -m (${f.proto} --dport |multiport --dports ([0-9:]+,)*)${f.external.first}[ :,]`));
        if (plan.hairpin) expect(text).toMatch(new RegExp(`-d "\\$a" -i ${plan.router.lan} -p ${f.proto} -m (${f.proto} --dport |multiport --dports ([0-9:]+,)*)${f.external.first}[ :,]`));
        if (plan.nas.address6) expect(text).toMatch(new RegExp(`-d ${plan.nas.address6}/128 -i ${wanOf(plan)} -p ${f.proto} -m (${f.proto} --dport |multiport --dports ([0-9:]+,)*)${f.internal.first}[ :,]`));
      }
      for (const src of plan.allowFrom) expect(text).toContain(`-s ${src} -i ${wanOf(plan)} `);
      await expect(text).toMatchFileSnapshot(goldenPath(path, 'iptables', info.extension, format));
    }
  });
});
