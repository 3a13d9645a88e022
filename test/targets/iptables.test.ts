// The iptables target: rules for hand-built plans and shipped profiles, a strict parse-back of
// both output forms, golden files, and real-tool checks (sh -n, shellcheck, and iptables itself
// inside a private network namespace from `unshare -n`, which never touches the host's rules).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, type TestContext } from 'vitest';
import type { Forward, Plan } from '../../src/plan/types.js';
import { byteLength, fitBytes, oneLine, ruleText } from '../../src/targets/common.js';
import { target } from '../../src/targets/iptables.js';
import { chainBase, packedText } from '../../src/targets/iptables-view.js';
import { TargetError } from '../../src/targets/types.js';
import { hostilePlan, HOSTILE_TEXTS, manyPortsPlan, samplePlan } from '../fixtures/plans.js';
import {
  acceptedPorts,
  dnatTuples,
  dumpRuleset,
  emptyRuleset,
  parseRestore,
  parseShScript,
  parseSpec,
  runOps,
  tupleKey,
  type Rule,
  type Ruleset,
} from '../support/parse-iptables.js';
import { ALL_PROFILES, goldenPath, planOf, VERSION } from '../support/profiles.js';

const render = (plan: Plan, format?: string) => target.render(plan, { version: VERSION, ...(format ? { format } : {}) });
const sh = (plan: Plan) => render(plan).text;
const restore = (plan: Plan) => render(plan, 'restore').text;

const fwd = (proto: Forward['proto'], ext: [number, number], int: [number, number] = ext, name = 'x'): Forward => ({
  proto,
  external: { first: ext[0], last: ext[1] },
  internal: { first: int[0], last: int[1] },
  apps: ['app'],
  origins: [{ app: 'app', label: 'l', name, kind: 'custom', exposure: 'public' }],
  exposure: 'public',
});

const chainsOf = (plan: Plan) => ({ nat: `${chainBase(plan.profile.name)}-dnat`, filter: `${chainBase(plan.profile.name)}-fwd` });

/** The plan expanded per port: what the DNAT rules must do, nothing more, nothing less. */
function planTuples(plan: Plan): string[] {
  return plan.forwards
    .flatMap((f) =>
      Array.from({ length: f.external.last - f.external.first + 1 }, (_, i) =>
        tupleKey({ proto: f.proto, wanPort: f.external.first + i, nasAddr: plan.nas.address, nasPort: f.internal.first + i }),
      ),
    )
    .sort();
}

/** NAS ports the filter chain must accept, in both directions of DNATed connections. */
function planAccepts(plan: Plan): string[] {
  const set = new Set<string>();
  for (const f of plan.forwards)
    for (let p = f.internal.first; p <= f.internal.last; p++)
      for (const dir of ['ORIGINAL', 'REPLY']) set.add(`${dir} ${f.proto} ${plan.nas.address}:${p}`);
  return [...set].sort();
}

/** Runs the script's apply part on an empty ruleset and returns it with the plan's chains. */
function applied(plan: Plan, start: Ruleset = emptyRuleset()) {
  const script = parseShScript(sh(plan));
  const rs = runOps(script.apply, start);
  const c = chainsOf(plan);
  return { script, rs, nat: rs.nat.get(c.nat)!, filter: rs.filter.get(c.filter)! };
}

/** Everything the parse-back test checks for one plan, on both output forms. */
function checkParseBack(plan: Plan): void {
  const wan = plan.router.wan ?? 'eth0';
  const tag = `synfw:${plan.profile.name}`;
  const c = chainsOf(plan);
  const { rs, nat, filter } = applied(plan);
  const file = parseRestore(restore(plan));
  expect(file.declared).toEqual({ nat: [c.nat], filter: [c.filter] });
  const rNat = file.rules.nat.get(c.nat)!;
  const rFilter = file.rules.filter.get(c.filter)!;
  // The two forms hold the very same rules.
  expect(rNat.map((r) => r.spec)).toEqual(nat.map((r) => r.spec));
  expect(rFilter.map((r) => r.spec)).toEqual(filter.map((r) => r.spec));

  expect(dnatTuples(nat).map(tupleKey).sort()).toEqual(planTuples(plan));
  expect(acceptedPorts(filter).sort()).toEqual(planAccepts(plan));
  for (const r of nat) expect(r.in).toBe(wan);
  for (const r of filter) expect(r.ctdir === 'ORIGINAL' ? r.in : r.out).toBe(wan);
  // DNAT comments are exactly the documented cut of the rule's own text: free text survives as data.
  for (const r of nat) {
    const mine = plan.forwards.filter((f) => f.proto === r.proto && r.dports!.some((d) => d.first === f.external.first && d.last === f.external.last));
    const text = r.to!.ports ? ruleText(plan, mine[0]!) : packedText(plan, mine);
    expect(r.comment).toBe(fitBytes(oneLine(text), 255));
  }
  for (const r of [...nat, ...filter]) {
    expect(r.comment!.startsWith(`${tag} `)).toBe(true);
    expect(byteLength(r.comment!)).toBeLessThanOrEqual(255);
  }
  // Hooked exactly once each, with the tag.
  const hook = (rules: Rule[], chain: string) => rules.filter((r) => r.jump === chain);
  expect(hook(rs.nat.get('PREROUTING')!, c.nat).map((r) => r.comment)).toEqual([tag]);
  expect(hook(rs.filter.get('FORWARD')!, c.filter).map((r) => r.comment)).toEqual([tag]);
}

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
  const refused = (plan: Plan, key: string) => {
    let err: unknown;
    try {
      render(plan);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TargetError);
    const d = (err as TargetError).diagnostics;
    expect(d.map((x) => x.code)).toEqual(['SFW301']);
    expect(d[0]!.message).toContain(key);
    expect(d[0]!.message).toContain('iptables');
  };
  test('allowFrom, hairpin and nas.address6 stop with SFW301 naming key and target', () => {
    refused(samplePlan({ allowFrom: ['198.51.100.0/24'] }), 'allowFrom');
    refused(samplePlan({ hairpin: true }), 'hairpin');
    const p = samplePlan();
    refused({ ...p, nas: { ...p.nas, address6: '2001:db8::10' } }, 'nas.address6');
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

const CI = process.env.CI === 'true';
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

function need(ctx: TestContext, tools: string[], root = false): void {
  const missing = tools.filter((t) => !has(t));
  const problems = [...missing.map((t) => `${t} not installed`), ...(root && process.getuid?.() !== 0 ? ['not root'] : [])];
  if (!problems.length) return;
  if (CI) throw new Error(`required for this test: ${problems.join(', ')}`);
  ctx.skip(`skipped: ${problems.join(', ')}`);
}

const PLANS: [string, () => Plan][] = [
  ['sample', samplePlan],
  ['hostile', hostilePlan],
  ...ALL_PROFILES.map((p): [string, () => Plan] => [p, () => planOf(p)]),
];

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

  test.for(PLANS)('%s: iptables-restore --test accepts the restore form (private netns)', ([, plan], ctx) => {
    need(ctx, ['unshare', 'iptables-restore'], true);
    const r = spawnSync('unshare', ['-n', 'iptables-restore', '--test', '--noflush'], { input: restore(plan()), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

/** Our chains, hooks and declarations from an iptables-save (the setup's rules are not ours). */
const ours = (save: string) => parseRestore(save.split('\n').filter((l) => !l.startsWith('-A ') || l.includes('synfw')).join('\n')).rules;

/** iptables-save output without the timestamp lines and with counters zeroed. */
const normalise = (save: string) =>
  save
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.replace(/\[\d+:\d+\]/g, '[0:0]'))
    .join('\n');

/** Runs `steps` in a throw-away network namespace; returns each "=== name" section's output. */
function inNetns(files: Record<string, string>, steps: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'synfw-ipt-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const r = spawnSync('unshare', ['-n', 'sh', '-c', `set -e\ncd "$0"\n${steps}`, dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`netns run failed (${r.status}): ${r.stderr}`);
    const out: Record<string, string> = {};
    for (const part of r.stdout.split(/^=== /m).slice(1)) {
      const nl = part.indexOf('\n');
      out[part.slice(0, nl)] = normalise(part.slice(nl + 1));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SETUP = [
  'iptables -P FORWARD DROP',
  'iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
  'iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE',
].join('\n');

/** The header's indented iptables commands between two header lines. */
function headerCommands(header: string[], from: string, to?: string): string[] {
  const start = header.indexOf(from);
  const end = to ? header.indexOf(to) : header.length;
  return header.slice(start + 1, end).filter((l) => l.startsWith('  iptables ')).map((l) => l.trim());
}

describe('iptables: applied for real in a private network namespace (unshare -n)', () => {
  test.for(PLANS)('%s: sh twice = once, remove leaves the ruleset as before, twice is fine', ([, planFn], ctx) => {
    need(ctx, ['unshare', 'iptables', 'iptables-save'], true);
    const canary = '/tmp/synfw-canary';
    const canaryBefore = existsSync(canary);
    const plan = planFn();
    const out = inNetns(
      { 'fw.sh': sh(plan) },
      `${SETUP}
echo "=== before"; iptables-save
sh fw.sh; echo "=== once"; iptables-save
sh fw.sh; echo "=== twice"; iptables-save
sh fw.sh remove; echo "=== removed"; iptables-save
sh fw.sh remove; echo "=== removed twice"; iptables-save
rc=0; sh fw.sh bogus 2>err || rc=$?; echo "=== bogus"; echo "$rc"; cat err
rc=0; sh fw.sh remove extra 2>/dev/null || rc=$?; echo "=== extra"; echo "$rc"`,
    );
    expect(out.twice).toBe(out.once);
    // The FORWARD hook goes first, before the router's own rules; PREROUTING's is appended.
    expect(out.once!.split('\n').find((l) => l.startsWith('-A FORWARD '))).toBe(`-A FORWARD -m comment --comment "synfw:${plan.profile.name}" -j ${chainsOf(plan).filter}`);
    expect(out.once).toContain(`-A PREROUTING -m comment --comment "synfw:${plan.profile.name}" -j ${chainsOf(plan).nat}`);
    expect(out.removed).toBe(out.before);
    expect(out['removed twice']).toBe(out.before);
    expect(out.removed).not.toContain('synfw');
    expect(out.bogus).toBe('2\nusage: sh fw.sh [remove]\n');
    expect(out.extra).toBe('2\n');
    // What the kernel holds is exactly what the parser read from the script.
    const saved = ours(out.once!);
    const { nat, filter } = applied(plan);
    expect(saved.nat.get(chainsOf(plan).nat)!.map((r) => r.spec)).toEqual(nat.map((r) => r.spec));
    expect(saved.filter.get(chainsOf(plan).filter)!.map((r) => r.spec)).toEqual(filter.map((r) => r.spec));
    if (!canaryBefore) expect(existsSync(canary)).toBe(false);
  });

  test.for(PLANS)('%s: restore form + header hooks = sh script; header remove cleans up', ([, planFn], ctx) => {
    need(ctx, ['unshare', 'iptables', 'iptables-save', 'iptables-restore'], true);
    const plan = planFn();
    const text = restore(plan);
    const { header } = parseRestore(text);
    const hooks = headerCommands(header, 'Apply:', 'Remove what this added:');
    const removal = headerCommands(header, 'Remove what this added:');
    expect(hooks).toHaveLength(2);
    expect(removal).toHaveLength(4);
    const out = inNetns(
      { 'fw.rules': text, 'fw.sh': sh(plan), 'hooks.sh': `${hooks.join('\n')}\n`, 'remove.sh': `${removal.join('\n')}\n` },
      `${SETUP}
echo "=== before"; iptables-save
iptables-restore -w --noflush < fw.rules; sh hooks.sh; echo "=== restored"; iptables-save
iptables-restore -w --noflush < fw.rules; sh hooks.sh; echo "=== restored twice"; iptables-save
sh remove.sh; echo "=== removed"; iptables-save
sh fw.sh; echo "=== script"; iptables-save`,
    );
    expect(out['restored twice']).toBe(out.restored);
    expect(out.script).toBe(out.restored);
    expect(out.removed).toBe(out.before);
    // iptables-save prints the rules back exactly as written (same words, same comments).
    const saved = ours(out.restored!);
    const mine = parseRestore(text).rules;
    for (const t of ['nat', 'filter'] as const) {
      const chain = chainsOf(plan)[t];
      expect(saved[t].get(chain)!.map((r) => r.spec)).toEqual(mine[t].get(chain)!.map((r) => r.spec));
    }
  });
});

describe('iptables: golden files', () => {
  test.each(ALL_PROFILES)('%s', async (path) => {
    const plan = planOf(path);
    for (const [format, info] of Object.entries(target.info.formats)) {
      const text = format === 'default' ? sh(plan) : restore(plan);
      // Key fragments from the plan first, so a bulk -u cannot approve a broken render.
      for (const f of plan.forwards) {
        expect(text).toContain(`--to-destination ${plan.nas.address}`);
        expect(text).toMatch(new RegExp(`-i ${plan.router.wan ?? 'eth0'} -p ${f.proto} -m (${f.proto} --dport |multiport --dports ([0-9:]+,)*)${f.external.first}[ :,]`));
      }
      checkParseBack(plan);
      await expect(text).toMatchFileSnapshot(goldenPath(path, 'iptables', info.extension, format));
    }
  });
});
