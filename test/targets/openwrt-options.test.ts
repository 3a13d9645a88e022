// The profile options on OpenWrt: allowFrom (src_ip, one redirect per source), hairpin (reflection)
// and nas.address6 (IPv6 accept rules), read back with the strict UCI readers and compared with the plan.

import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import type { Plan, Proto } from '../../src/plan/types.js';
import { NAME_MAX_BYTES } from '../../src/render/escape/uci.js';
import { byteLength } from '../../src/render/text.js';
import { target } from '../../src/targets/openwrt/index.js';
import { ruleId } from '../../src/targets/openwrt/rules6.js';
import { sectionId } from '../../src/targets/openwrt/redirects.js';
import { hostilePlan, HOSTILE_TEXTS, samplePlan } from '../fixtures/plans.js';
import { parseUciConfig, redirectTuples, rule6Tuples, UciParseError, type UciSection } from '../../src/readers/uci/index.js';
import { readBothForms } from '../support/readers/uci/check.js';
import { VERSION } from '../support/profiles.js';

const render = (plan: Plan, format?: string) => target.render(plan, { version: VERSION, ...(format ? { format } : {}) });
const script = (plan: Plan) => render(plan).text;
const config = (plan: Plan) => render(plan, 'config').text;
const nas6 = (address6: string) => ({ ...samplePlan().nas, address6 });

/** Both forms read back, equal to each other and to the plan. */
const sections = (plan: Plan): UciSection[] => readBothForms(plan, script(plan), config(plan));

const byId = (s: UciSection[], id: string): Record<string, string | undefined> => {
  const x = s.find((y) => y.id === id);
  if (!x) throw new Error(`no section ${id}`);
  return { ...Object.fromEntries(x.options), ...Object.fromEntries([...x.lists].map(([k, v]) => [k, v.join(' ')])) };
};

describe('openwrt allowFrom: one redirect per IPv4 source (src_ip is a single value)', () => {
  const plan = samplePlan({ allowFrom: ['198.51.100.0/24', '203.0.113.7/32'], allowFrom6: [] });
  const s = sections(plan);

  test('every port section exists once per source, suffixed _S<n>, with that src_ip', () => {
    const redirects = s.filter((x) => x.type === 'redirect');
    expect(redirects).toHaveLength(20);
    // hairpin is not set: the first copy keeps fw4's default reflection, the others have it off.
    expect(byId(s, 'synfw_sample_tcp_443_S1')).toMatchObject({ src_ip: '198.51.100.0/24', src_dport: '443', dest_port: '5001' });
    expect(byId(s, 'synfw_sample_tcp_443_S1').reflection).toBeUndefined();
    expect(byId(s, 'synfw_sample_tcp_443_S2')).toMatchObject({ src_ip: '203.0.113.7/32', src_dport: '443', dest_port: '5001', reflection: '0' });
    expect(redirects.every((x) => /_S[12]$/.test(x.id))).toBe(true);
    expect(redirectTuples(s).every((t) => t.source !== null)).toBe(true);
  });

  test('the name says which source; src_ip is written as one option, never a list', () => {
    expect(byId(s, 'synfw_sample_tcp_7002_S2').name).toBe('synfw:sample remapped tcp/7002 -> 8002 from 203.0.113.7/32 Remapped range');
    expect(config(plan)).toContain("\toption src_ip '198.51.100.0/24'\n");
    expect(config(plan)).not.toContain('list src_ip');
    expect(script(plan)).toContain("\tuci set firewall.synfw_sample_udp_1194_S1.src_ip='198.51.100.0/24'\n");
  });

  test('header: the sources and why there are copies', () => {
    const text = script(plan);
    expect(text).toContain('# allowFrom: only 198.51.100.0/24, 203.0.113.7/32 may use the forwards (redirect option src_ip).\n');
    expect(text).toContain('so each port has one redirect per source');
  });

  test('with nas.address6 but no IPv6 source: no IPv6 rule, and the header says why', () => {
    const p = samplePlan({ allowFrom: ['198.51.100.0/24'], allowFrom6: [], nas: nas6('2001:db8::10') });
    expect(sections(p).filter((x) => x.type === 'rule')).toEqual([]);
    expect(script(p)).toContain('# IPv6: allowFrom lists only IPv4 sources, so no IPv6 source may connect: no IPv6 rules are written (nas.address6 2001:db8::10).\n');
  });

  test('a cut name keeps its source: it comes before the free text', () => {
    const p = { ...hostilePlan(), allowFrom: ['198.51.100.0/24'] };
    const r = render(p);
    const s = sections(p);
    const long = byId(s, 'synfw_hostile_tcp_30005_S1').name!;
    expect(byteLength(long)).toBe(NAME_MAX_BYTES);
    expect(long).toMatch(/^synfw:hostile evil-4 tcp\/30005 from 198\.51\.100\.0\/24 x+\.\.\.$/);
    for (const x of s) expect(x.options.get('name')).toContain(' from 198.51.100.0/24');
    const cut = s.filter((x) => x.options.get('name')!.endsWith('...')).length;
    expect(cut).toBeGreaterThan(1);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'SFW310', severity: 'warning' });
    expect(r.warnings[0]!.message).toMatch(new RegExp(`^target openwrt: ${cut} section names? \\([^)]*\\) cut to ${NAME_MAX_BYTES} bytes`));
  });

  test('only IPv6 sources listed: no IPv4 source may connect, so no redirect at all', () => {
    const p = samplePlan({ allowFrom: [], allowFrom6: ['2001:db8:100::/48'] });
    expect(sections(p)).toEqual([]);
    expect(script(p)).toContain('# allowFrom lists only IPv6 sources: no IPv4 source may use the forwards, so no redirects are written.\n');
    expect(script(p)).toContain("apply to nas.address6, which is not set: nothing uses them.");
  });
});

describe('openwrt hairpin: reflection on the redirects', () => {
  test('reflection 1 and reflection_src internal on every redirect; header explains masq and zones', () => {
    const plan = samplePlan({ hairpin: true });
    const s = sections(plan);
    for (const x of s) expect(byId(s, x.id)).toMatchObject({ reflection: '1', reflection_src: 'internal' });
    const text = script(plan);
    expect(text).toContain("# reflection '1' (hairpin): LAN clients in zone lan reach the forwards at the router's WAN address too\n");
    expect(text).toContain("only when the src zone wan has masquerading (masq '1'");
    expect(text).toContain('Hairpin traffic from the LAN is not subject to allowFrom');
    expect(text).not.toContain("reflection '0'");
  });

  test('router.lan is the dest zone, so the loopback rules are made for it (fw4 default reflection_zone)', () => {
    const plan = samplePlan({ hairpin: true, router: { wan: 'wan', lan: 'guest' } });
    const s = sections(plan);
    expect(s.every((x) => x.options.get('dest') === 'guest' && !x.lists.has('reflection_zone'))).toBe(true);
    expect(config(plan)).toContain('LAN clients in zone guest reach');
  });

  test('with allowFrom only the first copy of a port reflects, so each loopback rule exists once', () => {
    const plan = samplePlan({ hairpin: true, allowFrom: ['198.51.100.0/24', '203.0.113.7/32'], allowFrom6: [] });
    const s = sections(plan);
    expect(byId(s, 'synfw_sample_tcp_21_S1')).toMatchObject({ reflection: '1', reflection_src: 'internal' });
    expect(byId(s, 'synfw_sample_tcp_21_S2').reflection).toBe('0');
    expect(byId(s, 'synfw_sample_tcp_21_S2').reflection_src).toBeUndefined();
    expect(script(plan)).toContain('Only the first redirect of a port (_S1) reflects');
  });
});

describe('openwrt nas.address6: IPv6 accept rules on the NAS ports', () => {
  const plan = samplePlan({ nas: nas6('2001:db8::10') });
  const s = sections(plan);
  const rules = s.filter((x) => x.type === 'rule');

  test('one rule per NAS port or range (remaps use the NAS port; WAN ports to one NAS port collapse)', () => {
    expect(rules.map((x) => x.id)).toEqual([
      'synfw_sample_V6_tcp_21',
      'synfw_sample_V6_tcp_5001',
      'synfw_sample_V6_tcp_6001_6010',
      'synfw_sample_V6_tcp_6690',
      'synfw_sample_V6_tcp_8001_8003',
      'synfw_sample_V6_udp_1194',
      'synfw_sample_V6_udp_16881',
    ]);
    expect(byId(s, 'synfw_sample_V6_tcp_5001')).toEqual({
      name: 'synfw:sample dsm,synology-photos tcp/5001 ipv6',
      family: 'ipv6',
      src: 'wan',
      dest: 'lan',
      dest_ip: '2001:db8::10',
      dest_port: '5001',
      proto: 'tcp',
      target: 'ACCEPT',
    });
  });

  test('tcp and udp on the same NAS range share one rule; adjacent ranges join', () => {
    const f = (proto: Proto, a: number, b: number) => ({ ...samplePlan().forwards[2]!, proto, external: { first: a, last: b }, internal: { first: a, last: b } });
    const p = samplePlan({ nas: nas6('2001:db8::10'), forwards: [f('tcp', 9000, 9001), f('tcp', 9002, 9002), f('udp', 9000, 9002)] });
    const r = sections(p).filter((x) => x.type === 'rule');
    expect(r.map((x) => [x.id, x.lists.get('proto')])).toEqual([['synfw_sample_V6_tcpudp_9000_9002', ['tcp', 'udp']]]);
  });

  test('allowFrom6 becomes list src_ip (a list in rules, fw3 and fw4)', () => {
    const p = samplePlan({ nas: nas6('2001:db8::10'), allowFrom: ['198.51.100.0/24'], allowFrom6: ['2001:db8:100::/48', '2001:db8:200::/40'] });
    const r = sections(p).filter((x) => x.type === 'rule');
    expect(r.every((x) => x.lists.get('src_ip')?.join(' ') === '2001:db8:100::/48 2001:db8:200::/40')).toBe(true);
    expect(config(p)).toContain("\tlist src_ip '2001:db8:100::/48'\n\tlist src_ip '2001:db8:200::/40'\n");
    expect(script(p)).toContain('only from 2001:db8:100::/48, 2001:db8:200::/40 (list src_ip).');
  });

  test('header: IPv6 has no NAT, which address, from anywhere', () => {
    expect(script(plan)).toContain('# IPv6 has no NAT: config rule sections (family ipv6, src zone wan, dest zone lan, target ACCEPT) open\n');
    expect(script(plan)).toContain('on 2001:db8::10, one section per port or range (dest_port), from anywhere.');
  });

  test('hostile free text in rule names: sanitised like redirect names, quoting holds', () => {
    // Spaced ports, so each text gets a rule of its own (adjacent NAS ports join into one range).
    const forwards = hostilePlan().forwards.map((f, i) => ({ ...f, external: { first: 30001 + 2 * i, last: 30001 + 2 * i }, internal: { first: 30001 + 2 * i, last: 30001 + 2 * i } }));
    const p = { ...hostilePlan(), forwards, nas: nas6('2001:db8::10'), allowFrom6: ['2001:db8:100::/48'], allowFrom: ['198.51.100.0/24'] };
    const r = sections(p).filter((x) => x.type === 'rule');
    const name = (id: string) => r.find((x) => x.id === id)!.options.get('name');
    expect(name('synfw_hostile_V6_tcp_30007')).toBe(`synfw:hostile evil-3 tcp/30007 ipv6 ${HOSTILE_TEXTS[3]}`);
    expect(name('synfw_hostile_V6_tcp_30005')).toBe('synfw:hostile evil-2 tcp/30005 ipv6 two lines and tab; rm -rf / # not a comment');
    expect(name('synfw_hostile_V6_tcp_30001')).toBe(`synfw:hostile evil-0 tcp/30001 ipv6 it's 'quoted' \\ back\\slash $HOME \`id\` $(touch /tmp/synfw-canary)`);
    expect(name('synfw_hostile_V6_tcp_30009')).toMatch(/^synfw:hostile evil-4 tcp\/30009 ipv6 x+\.\.\.$/);
    expect(byteLength(name('synfw_hostile_V6_tcp_30009')!)).toBe(NAME_MAX_BYTES);
  });

  test('the script deletes each rule before setting it', () => {
    const text = script(plan);
    for (const r of rules) expect(text).toContain(`\tuci -q delete firewall.${r.id} || true\n\tuci set firewall.${r.id}=rule\n`);
  });
});

describe('openwrt: names of redirects and rules never collide', () => {
  test('across look-alike profiles, sources and IPv6 rules', () => {
    const profiles = ['a', 'a-b', 'a-s1', 'a-v6', 'a-v6-tcp', 'a-tcp', 'a-tcp-80', 'v6', 's1', 'a-tcp-80-s1'];
    const ranges = [
      { first: 1, last: 1 },
      { first: 80, last: 80 },
      { first: 80, last: 90 },
      { first: 1, last: 80 },
    ];
    const protos: Proto[][] = [['tcp'], ['udp'], ['tcp', 'udp']];
    const seen = new Map<string, string>();
    const put = (id: string, what: string) => {
      expect(seen.get(id), `${id} from ${what}`).toBeUndefined();
      seen.set(id, what);
      expect(id).toMatch(/^[A-Za-z0-9_]+$/);
    };
    for (const p of profiles)
      for (const pr of protos)
        for (const r of ranges) {
          const what = `${p} ${pr.join('+')} ${r.first}-${r.last}`;
          put(sectionId(p, pr, r), what);
          for (const n of [1, 2, 11]) put(sectionId(p, pr, r, n), `${what} source ${n}`);
          put(ruleId(p, pr, r), `${what} ipv6`);
        }
  });
});

describe('openwrt: strict reading of IPv6 rules', () => {
  const base = "config rule 'r'\n\toption family 'ipv6'\n\toption src 'wan'\n\toption dest 'lan'\n\toption dest_ip '2001:db8::1'\n\tlist proto 'tcp'\n\toption target 'ACCEPT'\n";

  test('reads ports, ranges, lists and sources per port', () => {
    const t = rule6Tuples(parseUciConfig(`${base}\tlist dest_port '80'\n\tlist dest_port '90-91'\n\tlist src_ip '2001:db8:1::/48'\n`));
    expect(t.map((x) => `${x.proto} ${x.nasPort} ${x.source}`)).toEqual(['tcp 80 2001:db8:1::/48', 'tcp 90 2001:db8:1::/48', 'tcp 91 2001:db8:1::/48']);
  });

  test.for([
    [`${base}`, /no dest_port/],
    [`${base}\toption dest_port '80'\n\toption icmp_type 'echo-request'\n`, /icmp_type changes the rule/],
    [base.replace("'ACCEPT'", "'DROP'") + "\toption dest_port '80'\n", /target is not ACCEPT/],
    [base.replace("'ipv6'", "'ipv4'") + "\toption dest_port '80'\n", /family is not ipv6/],
    [base.replace("\toption dest 'lan'\n", '') + "\toption dest_port '80'\n", /needs a src and a dest zone/],
    [base.replace("'2001:db8::1'", "'192.168.1.10'") + "\toption dest_port '80'\n", /is not one IPv6 address/],
    [`${base}\toption dest_port '80'\n\tlist src_ip '198.51.100.0/24'\n`, /is not an IPv6 CIDR/],
    [`${base}\toption dest_port '80'\n\toption nmae 'x'\n`, /unknown rule option nmae/],
    [`${base}\toption dest_port '80'\n\tlist target 'ACCEPT'\n`, /set twice|not a list/],
  ] as [string, RegExp][])('refuses %j', ([text, err]) => {
    expect(() => rule6Tuples(parseUciConfig(text))).toThrow(UciParseError);
    expect(() => rule6Tuples(parseUciConfig(text))).toThrow(err);
  });

  test('redirects: reflection must be 0 or 1 and reflection_src internal', () => {
    const r = "config redirect 'x'\n\toption target 'DNAT'\n\toption src 'wan'\n\toption family 'ipv4'\n\toption dest_ip '10.0.0.1'\n\tlist proto 'tcp'\n\toption src_dport '5'\n";
    expect(() => redirectTuples(parseUciConfig(`${r}\toption reflection 'yes'\n`))).toThrow(/is not 0 or 1/);
    expect(() => redirectTuples(parseUciConfig(`${r}\toption reflection_src 'external'\n`))).toThrow(/is not internal/);
    expect(() => redirectTuples(parseUciConfig(`${r}\tlist reflection_zone 'lan'\n`))).toThrow(/reflection_zone changes the redirect/);
  });
});

describe('openwrt options: determinism and sh syntax', () => {
  const all = samplePlan({ allowFrom: ['198.51.100.0/24'], allowFrom6: ['2001:db8:100::/48'], hairpin: true, router: { lan: 'br_lan' }, nas: nas6('2001:db8::10') });

  test('two renders are byte-identical', () => {
    expect(script(all)).toBe(script(all));
    expect(config(all)).toBe(config(all));
  });

  test.for([
    ['sh', ['-n']],
    ['shellcheck', ['-s', 'sh', '-S', 'warning', '-']],
  ] as const)('%s accepts the script with every option', ([tool, args], ctx) => {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      if (process.env.CI === 'true') throw new Error(`${tool} is required`);
      ctx.skip(`${tool} not installed`);
    }
    const r = spawnSync(tool, [...args], { input: script(all), encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
