import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { UsageError } from '../../src/diagnostics.js';
import type { Forward, Plan } from '../../src/plan/types.js';
import { byteLength } from '../../src/render/text.js';
import { TargetError } from '../../src/targets/types.js';
import { target, upnpMappings } from '../../src/targets/upnp/index.js';
import { shQuote } from '../../src/render/escape/shell.js';
import { UPNP_DESC_MAX, upnpDescription } from '../../src/render/escape/upnp.js';
import { HOSTILE_TEXTS, hostilePlan, manyPortsPlan, samplePlan } from '../fixtures/plans.js';
import { parseUpnp, type UpnpAdd } from '../support/parse-upnp.js';
import { ALL_PROFILES, HOSTILE_PROFILE, VERSION, planOf, renderProfile } from '../support/profiles.js';
import { expectedFlows } from '../../src/readers/expected.js';
import { refusals } from '../../src/targets/define.js';
import { TARGETS } from '../../src/targets/index.js';

const render = (plan: Plan, options: { upnpMax?: number; upnpLease?: number } = {}) => target.render(plan, { version: VERSION, ...options }).text;

/** The plan expanded the way UPnP must map it: one tuple per port and protocol. */
/** The plan's IPv4 WAN flows (the oracle's) as upnpc mappings, per port, with the lease. */
function expected(plan: Plan, lease = 0): string[] {
  return expectedFlows(plan, 'upnp')
    .filter((f) => f.family === 4 && f.via === 'wan')
    .map((f) => `${f.proto.toUpperCase()} ${f.wan} -> ${f.nas}:${f.port} lease ${lease}`)
    .sort();
}
const tuples = (adds: UpnpAdd[]): string[] => adds.map((a) => `${a.proto} ${a.external} -> ${a.address}:${a.internal} lease ${a.lease}`).sort();

function targetError(fn: () => unknown): TargetError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TargetError) return e;
    throw e;
  }
  throw new Error('no TargetError');
}

// ---------------------------------------------------------------- real tools (sh, shellcheck)

const hasTool = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
function needTool(ctx: TestContext, name: string): void {
  if (hasTool(name)) return;
  if (process.env.CI === 'true') throw new Error(`${name} is not installed (required with CI=true)`);
  ctx.skip(`${name} is not installed`);
}
function shellSyntaxOk(ctx: TestContext, text: string): void {
  const n = spawnSync('sh', ['-n'], { input: text, encoding: 'utf8' });
  expect(n.stderr).toBe('');
  expect(n.status).toBe(0);
  needTool(ctx, 'shellcheck');
  const sc = spawnSync('shellcheck', ['-s', 'sh', '-S', 'warning', '-'], { input: text, encoding: 'utf8' });
  expect(sc.stdout).toBe('');
  expect(sc.status).toBe(0);
}

// ---------------------------------------------------------------- the stub upnpc

const work = mkdtempSync(join(tmpdir(), 'synfw-upnp-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Logs argv NUL-separated (count first) and answers like miniupnpc's upnpc 2.2: -s lists the
// gateway found by discovery (unless STUB_NO_IGD_DESC is set), every delete reports 714 "not found"
// with status 2, STUB_ADD_FAIL / STUB_DEL_FAIL make one port fail.
const IGD = 'http://192.168.1.1:5000/rootDesc.xml';
const STUB = `#!/bin/sh
printf '%s\\0' "$#" "$@" >>"$STUB_LOG"
if [ "$1" = -u ]; then shift 2; fi
case $1 in
-s)
	if [ -z "\${STUB_NO_IGD_DESC:-}" ]; then
		printf ' desc: http://192.168.1.10:5000/ssdp/desc-DSM-eth0.xml\\n st: upnp:rootdevice\\n\\n'
		printf ' desc: ${IGD}\\n st: urn:schemas-upnp-org:device:InternetGatewayDevice:1\\n\\n'
	fi
	printf 'Found valid IGD : http://192.168.1.1:5000/ctl/IPConn\\nLocal LAN ip address : %s\\n' "$STUB_LAN"
	;;
-d)
	if [ "$2" = "\${STUB_DEL_FAIL:-}" ]; then echo 'UPNP_DeletePortMapping() failed with code : 606'; exit 2; fi
	echo 'UPNP_DeletePortMapping() failed with code : 714'
	exit 2
	;;
-e)
	if [ "$6" = "\${STUB_ADD_FAIL:-}" ]; then
		echo "AddPortMapping($6, $5, $4) failed with code 718 (ConflictInMappingEntry)"
		exit "\${STUB_ADD_FAIL_STATUS:-2}"
	fi
	echo "external 203.0.113.1:$6 $7 is redirected to internal $4:$5 (duration=$8)"
	;;
esac
exit 0
`;

let runs = 0;
function runScript(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const dir = join(work, `run${runs++}`);
  spawnSync('mkdir', ['-p', join(dir, 'bin')]);
  writeFileSync(join(dir, 'bin', 'upnpc'), STUB);
  chmodSync(join(dir, 'bin', 'upnpc'), 0o755);
  writeFileSync(join(dir, 'upnp.sh'), script);
  const log = join(dir, 'argv.log');
  writeFileSync(log, '');
  const r = spawnSync('sh', ['upnp.sh', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}`, STUB_LOG: log, STUB_LAN: '192.168.1.10', ...env },
  });
  const fields = readFileSync(log, 'utf8').split('\0');
  const calls: string[][] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const n = Number(fields[i]);
    calls.push(fields.slice(i + 1, i + 1 + n));
    i += n + 1;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls, dir };
}

/** The calls a correct script makes for the plan, in order. */
function expectedCalls(plan: Plan, lease = 0, u = ['-u', IGD]): string[][] {
  return upnpMappings(plan).flatMap((m) => [
    [...u, '-d', String(m.external), m.proto],
    [...u, '-e', m.description, '-a', plan.nas.address, String(m.internal), String(m.external), m.proto, String(lease)],
  ]);
}

// ---------------------------------------------------------------- tests

describe('upnp description escaper', () => {
  it.each([
    ['a <b> & c', 'a (b> + c'],
    ['x ]]> y', 'x ]]) y'],
    ['two\nlines\r\n\ttab', 'two lines tab'],
    ['Grüße 🚀', 'Grüße 🚀'],
  ])('upnpDescription(%j)', (input, out) => {
    expect(upnpDescription(input)).toBe(out);
    expect(upnpDescription(out)).toBe(out);
  });
});

describe('parseUpnp is strict', () => {
  const text = render(samplePlan());
  const good = `upnpc -e 'synfw:sample dsm tcp/5001' -a 192.168.1.10 5001 5001 TCP 0 >"$log" 2>&1`;
  it.each([
    ['a description that leaves its quotes', good.replace(`'synfw:sample dsm tcp/5001'`, `'synfw:sample'; touch x; 'dsm'`)],
    ['a double-quoted description', good.replace(`'synfw:sample dsm tcp/5001'`, `"synfw:sample $HOME"`)],
    ['an expansion after the quotes', good.replace(`'synfw:sample dsm tcp/5001'`, `'synfw:sample'$(id)`)],
    ['an add without its delete', good.replace('-a 192.168.1.10 5001 5001', '-a 192.168.1.10 5001 5002')],
    ['a missing redirection', good.replace(' >"$log" 2>&1', '')],
    ['an unterminated quote', good.replace(`5001'`, '5001')],
  ])('rejects %s', (_, bad) => {
    expect(text).toContain(good);
    expect(() => parseUpnp(text.replace(good, bad))).toThrow();
  });
  it('rejects a missing added check', () => expect(() => parseUpnp(text.replace('added $? TCP 5001 5001\n', ''))).toThrow());
  it.each([
    ['no subshell', (t: string) => t.replace('\n(\nset -u\n', '\nset -u\n').replace(/\n\)\n$/, '\n'), /does not end with the subshell/],
    ['no ( after the comment', (t: string) => t.replace('\n(\nset -u\n', '\nset -u\n'), /expected "\("/],
    ['an unclosed subshell', (t: string) => t.replace(/\n\)\n$/, '\n'), /does not end with the subshell/],
    ['a command after the subshell', (t: string) => `${t}upnpc -d 1 TCP >/dev/null 2>&1\n`, /does not end with the subshell/],
    ['a subshell that ends early', (t: string) => t.replace('\nadded() {', '\n)\nadded() {'), /a \( or \) inside the subshell/],
    ['another comment before it', (t: string) => t.replace('# session.\n(', '# session, mostly.\n('), /expected "# session\."/],
  ])('rejects %s', (_, edit, why) => {
    expect(edit(text)).not.toBe(text);
    expect(() => parseUpnp(edit(text))).toThrow(why);
  });
  it('reads the unmodified script (control)', () => expect(parseUpnp(text).adds.length).toBeGreaterThan(0));
});

describe('upnp target on samplePlan', () => {
  const plan = samplePlan();
  const text = render(plan);
  const parsed = parseUpnp(text);

  it('maps every port of every forward once, internal port first, with no tcp/udp cross product', () => {
    expect(tuples(parsed.adds)).toEqual(expected(plan));
    expect(parsed.adds).toHaveLength(19);
    expect(text).toContain(`upnpc -e 'synfw:sample remapped tcp/7002 -> 8002 Remapped range' -a 192.168.1.10 8002 7002 TCP 0 >"$log" 2>&1`);
    expect(text).toContain(`-a 192.168.1.10 5001 443 TCP 0 `);
    expect(text).toContain(`-a 192.168.1.10 1194 1194 UDP 0 `);
    expect(text).not.toContain('1194 1194 TCP');
  });

  it('expands ranges: 6001-6010 is ten mappings, the remap 7001-7003 keeps its offset', () => {
    expect(parsed.adds.filter((a) => a.external >= 6001 && a.external <= 6010).map((a) => a.internal)).toEqual([6001, 6002, 6003, 6004, 6005, 6006, 6007, 6008, 6009, 6010]);
    expect(parsed.adds.filter((a) => a.external >= 7001 && a.external <= 7003).map((a) => a.internal)).toEqual([8001, 8002, 8003]);
  });

  it('deletes each mapping before adding it, and the remove section deletes the same set', () => {
    // parseUpnp already rejects an add that is not right after its own delete.
    expect(parsed.removes.map((r) => `${r.proto} ${r.external}`)).toEqual(parsed.adds.map((a) => `${a.proto} ${a.external}`));
    expect(parsed.checksHost).toBe(true);
  });

  it('describes each mapping with the tag, within 63 bytes', () => {
    for (const a of parsed.adds) {
      expect(a.description.startsWith('synfw:sample ')).toBe(true);
      expect(byteLength(a.description)).toBeLessThanOrEqual(UPNP_DESC_MAX);
      expect(a.raw).toBe(shQuote(a.description));
    }
    expect(parsed.adds[0]!.description).toBe('synfw:sample dsm,synology-photos tcp/443 -> 5001');
  });

  it('writes the lease option into every call and explains the IGDv2 cap', () => {
    const leased = parseUpnp(render(plan, { upnpLease: 86400 }));
    expect(tuples(leased.adds)).toEqual(expected(plan, 86400));
    expect(text).toMatch(/7 days \(604800 s\)/);
    expect(text).toMatch(/cron or DSM Task Scheduler/);
    expect(render(plan, { upnpLease: 700000 })).toContain('Lease: 700000 s (IGDv2 gateways cut it to 604800 s)');
  });

  it('has a header that says what, where, how to apply and how to remove', () => {
    const header = text.split('\n').filter((l) => l.startsWith('#'));
    const h = header.join('\n');
    expect(h).toContain(`Generated by synfw ${VERSION} from profile "sample" for target upnp.`);
    expect(h).toContain("WAN: the gateway's own (UPnP maps on whatever WAN the gateway uses)");
    expect(h).toContain('sh sample.upnp.sh remove');
    expect(h).toContain('run it there: sh sample.upnp.sh   (pasted into a shell it runs in a subshell: it cannot end your session)');
    expect(h).toContain(`docker run --rm --network host -v "$PWD":/w alpine sh -c 'apk add --no-cache miniupnpc >/dev/null && sh /w/sample.upnp.sh'`);
    expect(h).toContain('SYNFW_UPNP_ANY_HOST=1');
    expect(h).toContain('Mappings: 19');
    expect(render(samplePlan({ router: { wan: 'eth9' } }))).toContain('router.wan "eth9" is not used by this target');
  });

  it('is deterministic', () => expect(render(samplePlan())).toBe(text));

  it('passes sh -n and shellcheck', (ctx) => shellSyntaxOk(ctx, text));
});

describe('upnp limits and refusals', () => {
  it('refuses more than --upnp-max mappings with SFW302, saying why and what to do', () => {
    const e = targetError(() => render(manyPortsPlan(65)));
    expect(e.diagnostics).toHaveLength(1);
    expect(e.diagnostics[0]!.code).toBe('SFW302');
    expect(e.message).toContain('UPnP IGD maps one port per request');
    expect(e.message).toContain('needs 65 mappings');
    expect(e.message).toMatch(/raise --upnp-max, narrow the range .* router target/i);
    expect(parseUpnp(render(manyPortsPlan(64))).adds).toHaveLength(64);
    expect(parseUpnp(render(manyPortsPlan(65), { upnpMax: 65 })).adds).toHaveLength(65);
  });

  it('counts a range as all of its ports', () => {
    const e = targetError(() => render(samplePlan(), { upnpMax: 18 }));
    expect(e.message).toContain('needs 19 mappings (the largest forward, tcp 6001-6010, alone needs 10)');
    expect(parseUpnp(render(samplePlan(), { upnpMax: 19 })).adds).toHaveLength(19);
  });

  it('rejects nonsense option values as usage errors', () => {
    expect(() => render(samplePlan(), { upnpMax: 0 })).toThrow(UsageError);
    expect(() => render(samplePlan(), { upnpMax: 1.5 })).toThrow(UsageError);
    expect(() => render(samplePlan(), { upnpLease: -1 })).toThrow(UsageError);
    expect(() => render(samplePlan(), { upnpLease: 2 ** 32 })).toThrow(UsageError);
  });

  it.each([
    ['allowFrom', { allowFrom: ['198.51.100.0/24'] }, /cannot express allowFrom: a UPnP IGD mapping cannot be limited to source networks/],
    ['hairpin', { hairpin: true }, /cannot express hairpin: NAT loopback/],
    ['nas.address6', { nas: { ...samplePlan().nas, address6: '2001:db8::10' } }, /cannot express nas.address6: IPv6 needs firewall pinholes/],
  ])('refuses %s with SFW301', (key, override, message) => {
    const e = targetError(() => render(samplePlan(override as Partial<Plan>)));
    expect(e.diagnostics.map((d) => d.code)).toEqual(['SFW301']);
    expect(e.message).toContain(`target upnp cannot express ${key}`);
    expect(e.message).toMatch(message);
  });
});

describe('upnp hostile strings', () => {
  const plan = hostilePlan();
  const text = render(plan);

  it('keeps every description one quoted word, sanitised exactly as documented', () => {
    const parsed = parseUpnp(text);
    expect(tuples(parsed.adds)).toEqual(expected(plan));
    expect(parsed.adds.map((a) => a.description)).toEqual(upnpMappings(plan).map((m) => m.description));
    for (const a of parsed.adds) {
      expect(byteLength(a.description)).toBeLessThanOrEqual(UPNP_DESC_MAX);
      expect(a.description).not.toMatch(/[<&\u0000-\u001f]|]]>/);
    }
    expect(parsed.adds[0]!.description).toBe(`synfw:hostile evil-0 tcp/30001 it's "quoted" \\ back\\slash $H...`);
    expect(parsed.adds[1]!.description.startsWith('synfw:hostile evil-1 tcp/30002 ]]) (![CDATA[ (rule>+amp;')).toBe(true);
    expect(parsed.adds[3]!.description).toBe('synfw:hostile evil-3 tcp/30004 Grüße, 日本語, emoji...');
    expect(HOSTILE_TEXTS).toHaveLength(5);
  });

  it('passes sh -n and shellcheck', (ctx) => shellSyntaxOk(ctx, text));
});

describe('upnp script run against a stub upnpc', (): void => {
  it('makes exactly the plan calls: status check, then delete + add per mapping', () => {
    const plan = samplePlan();
    const r = runScript(render(plan));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([['-s'], ...expectedCalls(plan)]);
    expect(r.stdout).toContain('mapped TCP 7002 -> 192.168.1.10:8002');
    expect(r.stdout).toContain('synfw: 19 mappings of synfw:sample to 192.168.1.10 are in place');
  });

  it('passes hostile descriptions as one intact argument and never runs them', () => {
    const names = ['$(touch c1)', '`touch c2`', `'; touch c3; '`, '"$(touch c4)"', '\\$(touch c5) $HOME ${IFS}'];
    const forwards: Forward[] = names.map((name, i) => ({
      proto: 'tcp',
      external: { first: 40000 + i, last: 40000 + i },
      internal: { first: 40000 + i, last: 40000 + i },
      apps: ['x'],
      origins: [{ app: 'x', label: 'x', name, kind: 'custom', exposure: 'public' }],
      exposure: 'public',
    }));
    const plan = samplePlan({ profile: { name: 'x', file: 'x.yaml' }, forwards, skipped: [] });
    const r = runScript(render(plan, { upnpLease: 3600 }));
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([['-s'], ...expectedCalls(plan, 3600)]);
    r.calls.filter((c) => c[2] === '-e').forEach((c, i) => expect(c[3]).toBe(`synfw:x x tcp/${40000 + i} ${names[i]}`));
    for (const f of ['c1', 'c2', 'c3', 'c4', 'c5']) expect(existsSync(join(r.dir, f))).toBe(false);
  });

  it('runs the hostile plan without creating the canary', () => {
    const before = existsSync('/tmp/synfw-canary');
    const plan = hostilePlan();
    const r = runScript(render(plan));
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([['-s'], ...expectedCalls(plan)]);
    if (!before) expect(existsSync('/tmp/synfw-canary')).toBe(false);
  });

  it('stops with status 1 at the first failing add and says which one', () => {
    const plan = samplePlan();
    const r = runScript(render(plan), [], { STUB_ADD_FAIL: '6003' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('failed with code 718');
    expect(r.stderr).toContain('synfw: mapping TCP 6003 -> 192.168.1.10:6003 failed');
    const last = r.calls[r.calls.length - 1]!;
    expect(last.slice(4)).toEqual(['-a', '192.168.1.10', '6003', '6003', 'TCP', '0']);
  });

  it('treats "failed with code" as a failure even when upnpc exits 0 (miniupnpc before 2.0)', () => {
    const r = runScript(render(samplePlan()), [], { STUB_ADD_FAIL: '1194', STUB_ADD_FAIL_STATUS: '0' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('synfw: mapping UDP 1194 -> 192.168.1.10:1194 failed');
  });

  it('refuses to run on a host that is not the NAS, unless told the gateway allows it', () => {
    const wrong = runScript(render(samplePlan()), [], { STUB_LAN: '192.168.1.99' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("LAN address as '192.168.1.99', not 192.168.1.10: run this script on the NAS itself");
    expect(wrong.calls).toEqual([['-s']]);
    const anyHost = runScript(render(samplePlan()), [], { STUB_LAN: '192.168.1.99', SYNFW_UPNP_ANY_HOST: '1' });
    expect(anyHost.status).toBe(0);
    expect(anyHost.calls).toEqual([['-s'], ...expectedCalls(samplePlan())]);
  });

  it('falls back to discovery on every call when upnpc -s names no IGD description', () => {
    const r = runScript(render(samplePlan()), [], { STUB_NO_IGD_DESC: '1' });
    expect(r.status).toBe(0);
    expect(r.calls).toEqual([['-s'], ...expectedCalls(samplePlan(), 0, [])]);
  });

  it('removes every mapping with "remove", ignoring "not found" but not other errors', () => {
    const plan = samplePlan();
    const ok = runScript(render(plan), ['remove']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.calls).toEqual([['-s'], ...upnpMappings(plan).map((m) => ['-u', IGD, '-d', String(m.external), m.proto])]);
    const bad = runScript(render(plan), ['remove'], { STUB_DEL_FAIL: '6690' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('synfw: removing TCP 6690 failed');
    expect(bad.stderr).toContain('1 of 19 mappings could not be removed');
    expect(bad.calls).toHaveLength(20);
  });

  it('rejects an unknown action', () => {
    const r = runScript(render(samplePlan()), ['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.calls).toEqual([]);
  });
});

// The golden files, the header, determinism, the flows and the refusals are the contract test's
// (test/targets/contract.test.ts); here the profiles upnp renders get its own checks.
const rendered = ALL_PROFILES.filter((p) => refusals(TARGETS.upnp, 'default', planOf(p)).length === 0);

describe.each(rendered)('upnp profile %s', (profile) => {
  it('reads back with the descriptions and lease, passes the shell checks', async (ctx) => {
    const { plan, text } = await renderProfile(profile, 'upnp');
    const parsed = parseUpnp(text);
    expect(tuples(parsed.adds)).toEqual(expected(plan));
    expect(parsed.adds.map((a) => a.description)).toEqual(upnpMappings(plan).map((m) => m.description));
    if (profile === HOSTILE_PROFILE) {
      // The 63-byte cut keeps the quote, backslash and $ of the first hostile text: quoting is exercised.
      expect(parsed.adds.some((a) => a.description.includes(`it's "quoted" \\ back\\slash $`))).toBe(true);
      expect(runScript(text, [], { STUB_LAN: plan.nas.address }).status).toBe(0);
    }
    shellSyntaxOk(ctx, text);
  });
});
