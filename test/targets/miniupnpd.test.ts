import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import type { Forward, Plan } from '../../src/plan/types.js';
import { byteLength } from '../../src/render/text.js';
import { REMAP_PER_PORT_MAX, target } from '../../src/targets/miniupnpd/index.js';
import { TargetError } from '../../src/targets/types.js';
import { CONF_COMMENT_MAX, confComment } from '../../src/render/escape/upnp.js';
import { hostilePlan, manyPortsPlan, samplePlan } from '../fixtures/plans.js';
import { allowedPairs, parseMiniupnpd, permitted } from '../support/parse-miniupnpd.js';
import { ALL_PROFILES, VERSION, planOf, renderProfile } from '../support/profiles.js';
import { refusals } from '../../src/targets/define.js';
import { TARGETS } from '../../src/targets/index.js';

const render = (plan: Plan) => target.render(plan, { version: VERSION });

/**
 * What the lines should allow the NAS: each plan pair (external, internal) expanded per port;
 * a range that is not remapped is one line, which also allows any pairing inside the range.
 */
function expectedPairs(plan: Plan): Set<string> {
  const out = new Set<string>();
  for (const f of plan.forwards) {
    const n = f.external.last - f.external.first;
    const box = f.external.first === f.internal.first || n + 1 > REMAP_PER_PORT_MAX;
    for (let i = 0; i <= n; i++) {
      if (!box) out.add(`${f.external.first + i}>${f.internal.first + i}`);
      else for (let j = 0; j <= n; j++) out.add(`${f.external.first + i}>${f.internal.first + j}`);
    }
  }
  return out;
}

/** Checks the lines against the plan the way miniupnpd would decide each request. */
function checkAgainstPlan(plan: Plan, text: string) {
  const conf = parseMiniupnpd(text);
  const nas = plan.nas.address;
  expect(allowedPairs(conf.perms, nas)).toEqual(expectedPairs(plan));
  for (const f of plan.forwards) {
    for (let i = 0; i <= f.external.last - f.external.first; i++) {
      expect(permitted(conf.perms, f.external.first + i, nas, f.internal.first + i)).toBe(true);
      // Another LAN host may not take the NAS's mappings, nor any other.
      expect(permitted(conf.perms, f.external.first + i, '192.168.1.77', f.internal.first + i)).toBe(false);
    }
  }
  expect(permitted(conf.perms, 65535, nas, 65535)).toBe(false);
  return conf;
}

const work = mkdtempSync(join(tmpdir(), 'synfw-miniupnpd-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * miniupnpd itself as the syntax check: it parses the whole file, permission lines included, and
 * then stops because ext_ifname and listening_ip are missing, before touching any firewall or socket.
 */
function miniupnpdAccepts(ctx: TestContext, text: string): void {
  if (spawnSync('sh', ['-c', 'command -v miniupnpd']).status !== 0) {
    if (process.env.CI === 'true') throw new Error('miniupnpd is not installed (required with CI=true)');
    ctx.skip('miniupnpd is not installed');
  }
  const file = join(work, `check-${Math.random().toString(36).slice(2)}.conf`);
  writeFileSync(file, text);
  const r = spawnSync('miniupnpd', ['-f', file, '-d'], { encoding: 'utf8', timeout: 10000 });
  expect(r.stderr).not.toContain('parsing error');
  expect(r.stderr).toContain('ext_ifname is not set');
}

describe('miniupnpd escaper', () => {
  it.each([
    ['plain', 'plain'],
    ['two\nlines\r\nallow 1-65535 0.0.0.0/0 1-65535', 'two lines allow 1-65535 0.0.0.0/0 1-65535'],
    ['tab\tand\u0000nul', 'tab and nul'],
  ])('confComment(%j)', (input, out) => {
    expect(confComment(input)).toBe(out);
    expect(confComment(out)).toBe(out);
  });
});

describe('parseMiniupnpd is strict', () => {
  const ok = 'allow 1 192.168.1.10/32 1\ndeny 0-65535 0.0.0.0/0 0-65535\n';
  it.each([
    ['a missing deny-all', 'allow 1 192.168.1.10/32 1\n'],
    ['an option line', `ext_ifname=eth0\n${ok}`],
    ['a regex token', `allow 1 192.168.1.10/32 1 "x"\n${ok}`],
    ['a reversed range', `allow 2-1 192.168.1.10/32 1\n${ok}`],
    ['a port above 65535', `allow 65536 192.168.1.10/32 1\n${ok}`],
    ['a leading-zero address', `allow 1 192.168.001.10/32 1\n${ok}`],
    ['a comment longer than the fgets buffer', `#${'x'.repeat(1100)}\n${ok}`],
  ])('rejects %s', (_, bad) => expect(() => parseMiniupnpd(bad)).toThrow());
  it('accepts the minimal list', () => expect(parseMiniupnpd(ok).perms).toHaveLength(2));
});

describe('miniupnpd target on samplePlan', () => {
  const plan = samplePlan();
  const { text, warnings } = render(plan);

  it('allows exactly the plan mappings to the NAS and then denies everything', () => {
    const conf = checkAgainstPlan(plan, text);
    expect(warnings).toEqual([]);
    expect(conf.perms.map((p) => p.line)).toEqual([...conf.perms.map((p) => p.line)].sort((a, b) => a - b));
    expect(text).toContain('\nallow 443 192.168.1.10/32 5001\n');
    expect(text).toContain('\nallow 6001-6010 192.168.1.10/32 6001-6010\n');
    expect(text.trimEnd().split('\n').slice(-3)).toEqual([
      '# synfw:sample: deny every other mapping request (UPnP IGD, NAT-PMP, PCP) from any host',
      'deny 0-65535 0.0.0.0/0 0-65535',
      '# END synfw:sample',
    ]);
  });

  it('writes a remapped range port by port, because miniupnpd does not tie the ranges together', () => {
    expect(text).toContain('allow 7001 192.168.1.10/32 8001\nallow 7002 192.168.1.10/32 8002\nallow 7003 192.168.1.10/32 8003\n');
    expect(text).not.toContain('allow 7001-7003');
    const conf = parseMiniupnpd(text);
    expect(permitted(conf.perms, 7001, '192.168.1.10', 8003)).toBe(false);
  });

  it('shares one line between tcp and udp forwards with the same ports, commenting both', () => {
    const both = samplePlan({
      forwards: (['tcp', 'udp'] as const).map((proto): Forward => ({ ...samplePlan().forwards[6]!, proto })),
    });
    const out = render(both).text;
    expect(out.match(/^allow /gm)).toHaveLength(1);
    expect(out).toContain('# synfw:sample vpn-server-openvpn tcp/1194\n# synfw:sample vpn-server-openvpn udp/1194');
  });

  it('traces every line to the profile', () => {
    const conf = parseMiniupnpd(text);
    const lines = text.split('\n');
    for (const p of conf.perms.filter((x) => x.type === 'allow')) {
      const comment = lines.slice(0, p.line - 1).reverse().find((l) => l.startsWith('#'));
      expect(comment?.startsWith('# synfw:sample ')).toBe(true);
    }
  });

  it('has a header that says where the lines go, the first-match rule and the missing protocol', () => {
    const h = parseMiniupnpd(text).comments.map((c) => c.text).join('\n');
    expect(h).toContain(`Generated by synfw ${VERSION} from profile "sample" for target miniupnpd.`);
    expect(h).toContain("WAN: miniupnpd's ext_ifname (permission lines name no interface)");
    expect(h).toContain('plain miniupnpd.conf');
    expect(h).toContain('/etc/config/upnpd');
    expect(h).toContain('first line that matches');
    expect(h).toContain('carry no protocol');
    expect(h).toContain("sed -i '/^# BEGIN synfw:sample$/,/^# END synfw:sample$/d'");
    expect(render(samplePlan({ router: { wan: 'wan0' } })).text).toContain('set ext_ifname=wan0 in miniupnpd.conf');
  });

  it('is deterministic', () => expect(render(samplePlan()).text).toBe(text));

  it('is accepted by miniupnpd', (ctx) => miniupnpdAccepts(ctx, text));
});

describe('miniupnpd limits and refusals', () => {
  it('writes one line per single port, however many', () => {
    const plan = manyPortsPlan(300);
    expect(parseMiniupnpd(render(plan).text).perms).toHaveLength(301);
    checkAgainstPlan(plan, render(plan).text);
  });

  it('falls back to a range line with a warning for a remap longer than the per-port limit', () => {
    const f: Forward = { ...samplePlan().forwards[4]!, external: { first: 20000, last: 20300 }, internal: { first: 30000, last: 30300 } };
    const plan = samplePlan({ forwards: [f] });
    const { text, warnings } = render(plan);
    expect(warnings.map((w) => w.code)).toEqual(['SFW311']);
    expect(warnings[0]!.message).toContain('tcp 20000-20300 -> 30000-30300');
    expect(text).toContain('\nallow 20000-20300 192.168.1.10/32 30000-30300\n');
    checkAgainstPlan(plan, text);
  });

  it('allowFrom and hairpin leave the permission lines unchanged and say so in the header', () => {
    const plain = render(samplePlan()).text;
    const { text } = render(samplePlan({ allowFrom: ['198.51.100.0/24'], allowFrom6: ['2001:db8:100::/48'], hairpin: true }));
    const rules = (t: string) => t.split('\n').filter((l) => /^(allow|deny) /.test(l));
    expect(rules(text)).toEqual(rules(plain));
    expect(text).toMatch(/^# +allowFrom \(198\.51\.100\.0\/24, 2001:db8:100::\/48\) is not expressed here/m);
    expect(text).toMatch(/^# +hairpin \(on\) is not expressed here/m);
  });

  it.each([
    ['nas.address6', { nas: { ...samplePlan().nas, address6: '2001:db8::10' } }, /permission lines cover IPv4 mappings only/],
  ])('refuses %s with SFW301', (key, override, message) => {
    let error: unknown;
    try {
      render(samplePlan(override as Partial<Plan>));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TargetError);
    expect((error as TargetError).diagnostics.map((d) => d.code)).toEqual(['SFW301']);
    expect((error as TargetError).message).toContain(`target miniupnpd cannot express ${key}`);
    expect((error as TargetError).message).toMatch(message);
  });
});

describe('miniupnpd hostile strings', () => {
  const plan = hostilePlan();
  const { text } = render(plan);

  it('keeps free text in single comment lines of bounded length', () => {
    const conf = checkAgainstPlan(plan, text);
    for (const c of conf.comments) expect(byteLength(c.text)).toBeLessThanOrEqual(CONF_COMMENT_MAX + 1);
    const comments = conf.comments.map((c) => c.text);
    expect(comments).toContain(` synfw:hostile evil-0 tcp/30001 it's "quoted" \\ back\\slash $HOME \`id\` $(touch /tmp/synfw-canary)`);
    expect(comments).toContain(' synfw:hostile evil-2 tcp/30003 two lines and tab; rm -rf / # not a comment');
    expect(comments.find((c) => c.startsWith(' synfw:hostile evil-4 '))).toMatch(/^ synfw:hostile evil-4 tcp\/30005 x+\.\.\.$/);
  });

  it('is accepted by miniupnpd', (ctx) => miniupnpdAccepts(ctx, text));
});

// The golden files, the header, determinism, the flows and the refusals are the contract test's
// (test/targets/contract.test.ts); here the profiles miniupnpd renders get its own checks: the
// pairs miniupnpd would allow, comment lengths, the BEGIN marker, and miniupnpd's own parser.
const rendered = ALL_PROFILES.filter((p) => refusals(TARGETS.miniupnpd, 'default', planOf(p)).length === 0);

describe.each(rendered)('miniupnpd profile %s', (profile) => {
  it('allows exactly the plan\'s pairs to the NAS and is accepted by miniupnpd', async (ctx) => {
    const { plan, text } = await renderProfile(profile, 'miniupnpd');
    const conf = checkAgainstPlan(plan, text);
    for (const c of conf.comments) expect(byteLength(c.text)).toBeLessThanOrEqual(CONF_COMMENT_MAX + 1);
    expect(text).toContain(`\n# BEGIN synfw:${plan.profile.name}\n`);
    miniupnpdAccepts(ctx, text);
  });
});
