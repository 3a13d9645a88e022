import { describe, expect, it, test } from 'vitest';
import type { Forward, Plan } from '../../src/plan/types.js';
import { byteLength, fitBytes, oneLine, ruleText } from '../../src/targets/common.js';
import { target } from '../../src/targets/mikrotik.js';
import { COMMENT_MAX } from '../../src/targets/mikrotik-view.js';
import { TargetError } from '../../src/targets/types.js';
import { hostilePlan, HOSTILE_TEXTS, manyPortsPlan, samplePlan } from '../fixtures/plans.js';
import { parseRosRules, type RosRules } from '../support/parse-routeros-rules.js';
import { RosSyntaxError } from '../support/parse-routeros.js';
import { ALL_PROFILES, goldenPath, planOf, VERSION } from '../support/profiles.js';

const render = (plan: Plan) => target.render(plan, { version: VERSION });
const text = (plan: Plan) => render(plan).text;
const parsed = (plan: Plan): RosRules => parseRosRules(text(plan));

const fwd = (proto: Forward['proto'], ext: [number, number], int: [number, number] = ext, name = 'x', app = 'app'): Forward => ({
  proto,
  external: { first: ext[0], last: ext[1] },
  internal: { first: int[0], last: int[1] },
  apps: [app],
  origins: [{ app, label: 'l', name, kind: 'custom', exposure: 'public' }],
  exposure: 'public',
});

const ANCHOR = 'chain=forward and dynamic=no and (action=drop or action=reject or action=tarpit or action=jump)';

/** The plan expanded per port: what the dst-nat rules must do, nothing more, nothing less. */
function planTuples(plan: Plan): string[] {
  return plan.forwards
    .flatMap((f) => Array.from({ length: f.external.last - f.external.first + 1 }, (_, i) => `${f.proto} ${f.external.first + i} ${plan.nas.address} ${f.internal.first + i}`))
    .sort();
}

/** NAS ports the forward chain must accept (each exactly once). */
function planNasPorts(plan: Plan): string[] {
  const set = new Set<string>();
  for (const f of plan.forwards) for (let p = f.internal.first; p <= f.internal.last; p++) set.add(`${f.proto} ${plan.nas.address} ${p}`);
  return [...set].sort();
}

/** Everything the script does must be exactly what the plan says, and structured to be re-runnable. */
function expectFaithful(plan: Plan, r: RosRules): void {
  expect([...r.tuples].sort()).toEqual(planTuples(plan));
  expect(new Set(r.tuples).size).toBe(r.tuples.length);
  expect([...r.forwardPorts].sort()).toEqual(planNasPorts(plan));
  expect([...r.replyPorts].sort()).toEqual(planNasPorts(plan));
  // Delete-before-add in each menu, then the conditional move (only when there is something to move).
  const seq = r.sequence.join(' | ');
  const adds = (menu: string, n: number) => Array(n).fill(`add ${menu}`).join(' | ');
  const nat = ['menu nat', 'remove nat', ...(r.nat.length ? [adds('nat', r.nat.length)] : [])];
  const filter = ['menu filter', 'remove filter', ...(r.accepts.length ? [adds('filter', r.accepts.length), 'if-move filter'] : [])];
  expect(seq).toBe([...nat, ...filter].join(' | '));
  const regex = `^synfw:${plan.profile.name} `;
  expect(r.removes.map((x) => x.regex)).toEqual([regex, regex]);
  for (const m of r.moves) expect(m).toMatchObject({ condition: ANCHOR, anchor: ANCHOR, numbersRegex: regex });
  // Every comment carries the tag, fits the limit, and the remove regex finds it (POSIX ERE; this
  // subset reads the same as a JS regex) while another profile's tag does not match.
  const re = new RegExp(regex);
  for (const c of [...r.nat, ...r.accepts].map((x) => x.comment)) {
    expect(c.startsWith(`synfw:${plan.profile.name} `)).toBe(true);
    expect(byteLength(c)).toBeLessThanOrEqual(COMMENT_MAX);
    expect(re.test(c)).toBe(true);
    expect(re.test(c.replace(`synfw:${plan.profile.name} `, `synfw:${plan.profile.name}-2 `))).toBe(false);
  }
  // The header is comments only, at the top, ASCII, and never ends a line in a backslash.
  for (const c of r.comments) expect(c.text).not.toMatch(/[?\\]$/);
}

describe('mikrotik: sample plan', () => {
  const plan = samplePlan();
  const out = text(plan);
  const r = parseRosRules(out);

  it('recovers exactly the plan (per port, no TCP/UDP cross product) and covers the NAS ports', () => expectFaithful(plan, r));

  it('packs same-port forwards into comma lists without to-ports', () => {
    expect(out).toContain('protocol=tcp dst-port=21,5001,6001-6010,6690 to-addresses=192.168.1.10 comment=');
    expect(out).toContain('protocol=udp dst-port=1194,16881 to-addresses=192.168.1.10 comment=');
  });

  it('remaps a port with to-ports and a range with one rule per port', () => {
    expect(out).toContain('dst-port=443 to-addresses=192.168.1.10 to-ports=5001 ');
    for (const [w, n] of [[7001, 8001], [7002, 8002], [7003, 8003]]) expect(out).toContain(`dst-port=${w} to-addresses=192.168.1.10 to-ports=${n} `);
    expect(out).not.toMatch(/to-ports=\d+-/);
  });

  it('uses the interface list WAN by default and router.wan as in-interface when set', () => {
    expect(r.nat.every((n) => n.wan.key === 'in-interface-list' && n.wan.value === 'WAN')).toBe(true);
    const own = parseRosRules(text(samplePlan({ router: { wan: 'pppoe-out1' } })));
    expect(own.nat.every((n) => n.wan.key === 'in-interface' && n.wan.value === 'pppoe-out1')).toBe(true);
    const odd = text(samplePlan({ router: { wan: 'ether1:wan' } }));
    expect(odd).toContain('in-interface="ether1:wan" ');
    expect(parseRosRules(odd).nat[0]!.wan.value).toBe('ether1:wan');
  });

  it('uses the v6 menu form and moves the forward accepts above the first drop/reject/tarpit/jump', () => {
    expect(out).toMatch(/^\/ip firewall nat$/m);
    expect(out).toMatch(/^\/ip firewall filter$/m);
    expect(out).not.toMatch(/^\/ip\/firewall/m);
    expect(r.moves).toHaveLength(1);
    expect(r.accepts.filter((a) => a.dir === 'forward').every((a) => a.nasAddr === '192.168.1.10')).toBe(true);
  });

  it('has a header with version, profile, target, WAN, apply and the exact remove commands', () => {
    const header = r.comments.filter((c) => c.line < r.removes[0]!.line).map((c) => c.text);
    const all = header.join('\n');
    expect(r.comments[0]!.line).toBe(1);
    expect(all).toContain(`Generated by synfw ${VERSION} from profile "sample" for target mikrotik.`);
    expect(all).toContain('WAN: in-interface-list=WAN');
    expect(all).toContain('/import file-name=synfw-sample.rsc');
    expect(all).toContain('paste the whole file into a terminal');
    expect(header).toContain('   /ip firewall nat remove [find where comment~"^synfw:sample "]');
    expect(header).toContain('   /ip firewall filter remove [find where comment~"^synfw:sample "]');
    expect(all).toContain('tcp 5000 dsm http: risky');
    expect(all).not.toMatch(/\d{4}-\d\d-\d\d|\/work\//);
  });

  it('explains the forward-rule placement and the reply rules in a comment', () => {
    const note = r.comments.filter((c) => c.line > r.removes[0]!.line).map((c) => c.text).join('\n');
    expect(note).toContain('drop all from WAN not DSTNATed');
    expect(note).toContain('established,related');
    expect(note).toContain('fasttrack');
  });

  it('is deterministic', () => {
    expect(text(samplePlan())).toBe(out);
    expect(render(plan).warnings).toEqual([]);
  });

  it.each([
    ['allowFrom', { allowFrom: ['203.0.113.0/24'] }],
    ['hairpin', { hairpin: true }],
    ['nas.address6', { nas: { ...plan.nas, address6: '2001:db8::10' } }],
  ] as const)('refuses %s with SFW301', (key, overrides) => {
    try {
      render(samplePlan(overrides as Partial<Plan>));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TargetError);
      const d = (e as TargetError).diagnostics[0]!;
      expect(d.code).toBe('SFW301');
      expect(d.message).toContain(key);
      expect(d.message).toContain('mikrotik');
    }
  });
});

describe('mikrotik: packing', () => {
  it('splits 40 single ports into lists of at most 15', () => {
    const plan = manyPortsPlan(40);
    const r = parsed(plan);
    expectFaithful(plan, r);
    expect(r.nat.map((n) => n.dstPorts.length)).toEqual([15, 15, 10]);
    expect(r.accepts.map((a) => a.ports.length)).toEqual([15, 15, 15, 15, 10, 10]);
  });

  it('counts a range as 2 slots and joins adjacent ports', () => {
    const forwards = Array.from({ length: 9 }, (_, i) => fwd('udp', [40000 + i * 10, 40003 + i * 10]));
    const plan = samplePlan({ forwards: [...forwards, fwd('udp', [40004, 40004])], skipped: [] });
    const r = parsed(plan);
    expectFaithful(plan, r);
    // 40000-40003 and 40004 join; then 9 ranges = 18 slots: 7 ranges (14 slots) + 2 ranges.
    expect(r.nat.map((n) => n.dstPorts.map((p) => `${p.first}-${p.last}`).join(','))).toEqual([
      '40000-40004,40010-40013,40020-40023,40030-40033,40040-40043,40050-40053,40060-40063',
      '40070-40073,40080-40083',
    ]);
    const adjacent = parsed(manyPortsPlan(20, 'tcp', 20000, 1));
    expect(adjacent.nat.map((n) => n.dstPorts)).toEqual([[{ first: 20000, last: 20019 }]]);
  });

  it('merges NAS ports that several WAN ports forward to', () => {
    const plan = samplePlan({ forwards: [fwd('tcp', [443, 443], [5001, 5001]), fwd('tcp', [5001, 5001]), fwd('tcp', [8443, 8443], [5001, 5001])], skipped: [] });
    const r = parsed(plan);
    expectFaithful(plan, r);
    expect(r.accepts.map((a) => a.ports)).toEqual([[{ first: 5001, last: 5001 }], [{ first: 5001, last: 5001 }]]);
  });

  it('with no forwards still removes the old rules and adds nothing', () => {
    const plan = samplePlan({ forwards: [], skipped: [] });
    const r = parsed(plan);
    expectFaithful(plan, r);
    expect(r.sequence).toEqual(['menu nat', 'remove nat', 'menu filter', 'remove filter']);
  });
});

describe('mikrotik: hostile text', () => {
  it('keeps every free text intact as data, or cut to 255 bytes with "..."', () => {
    // Remapped ports, so each text gets a rule of its own (same-port forwards share a list).
    const forwards = HOSTILE_TEXTS.map((t, i) => fwd('tcp', [31000 + i, 31000 + i], [41000 + i, 41000 + i], t, `evil-${i}`));
    const plan = samplePlan({ profile: { name: 'hostile', file: 'h.yaml' }, forwards, skipped: [] });
    const rendered = render(plan);
    const r = parseRosRules(rendered.text);
    expectFaithful(plan, r);
    forwards.forEach((f, i) => {
      const full = oneLine(ruleText(plan, f));
      const got = r.nat[i]!.comment;
      expect(got).toBe(fitBytes(full, COMMENT_MAX));
      if (byteLength(full) <= COMMENT_MAX) expect(got).toBe(full);
      else expect(byteLength(got)).toBe(COMMENT_MAX);
    });
    expect(r.nat[3]!.comment).toContain('Grüße, 日本語, emoji 🚀, and a ? for RouterOS help');
    expect(r.nat[0]!.comment).toContain(`"quoted" \\ back\\slash $HOME \`id\` $(touch /tmp/synfw-canary)`);
    expect(rendered.warnings).toEqual([expect.objectContaining({ code: 'SFW310', severity: 'warning' })]);
  });

  it('renders hostilePlan() to a script the strict parser accepts', () => {
    const plan = hostilePlan();
    const out = text(plan);
    expect(out).toMatch(/^[\x20-\x7e\n]*$/);
    expectFaithful(plan, parseRosRules(out));
  });
});

describe('mikrotik: the strict parser rejects what RouterOS would misread', () => {
  const ok = '/ip firewall nat\nadd chain=dstnat action=dst-nat in-interface-list=WAN protocol=tcp dst-port=1 to-addresses=10.0.0.1 comment="synfw:x a"\n';
  it('accepts the baseline', () => expect(parseRosRules(ok).tuples).toEqual(['tcp 1 10.0.0.1 1']));
  it.each([
    ['unknown menu', ok.replace('/ip firewall nat', '/ip firewall mangle'), /unknown menu/],
    ['v7 slash path', ok.replace('/ip firewall nat', '/ip/firewall/nat'), /unknown menu/],
    ['unknown command', ok.replace('\nadd ', '\nset '), /unknown command set/],
    ['unknown property', ok.replace('protocol=tcp', 'protocol=tcp src-address=1.2.3.4'), /unknown property src-address/],
    ['duplicate property', ok.replace('protocol=tcp', 'protocol=tcp protocol=udp'), /duplicate property/],
    ['unbalanced quote', ok.replace('a"\n', 'a\n'), /unbalanced quote/],
    ['escaped closing quote', ok.replace('a"\n', 'a\\"\n'), /unbalanced quote/],
    ['unknown escape', ok.replace('x a', 'x \\q'), /unknown escape \\q /],
    ['lower-case hex escape', ok.replace('x a', 'x \\e2'), /unknown escape \\e2/],
    ['raw $ in a string', ok.replace('x a', 'x $HOME'), /variable/],
    ['raw ? in a string', ok.replace('x a', 'x why?'), /console help/],
    ['unbalanced bracket', '/ip firewall nat\nremove [find where comment~"^synfw:x "\n', /unbalanced "\["/],
    ['hash after the line start', ok.replace('\n', ' # note\n'), /beginning of the line/],
    ['comment ending in a backslash', `# a \\\n${ok}`, /comment ending in a backslash/],
    ['line joining', ok.replace('protocol=tcp ', 'protocol=tcp \\\n'), /line joining/],
    ['CR LF line ends', ok.replace(/\n/g, '\r\n'), /0xd/],
    ['non-ASCII byte', ok.replace('x a', 'x ü'), /0xfc/],
    ['tab', ok.replace(' action', '\taction'), /0x9 /],
    ['two commands on a line', ok.replace('a"\n', 'a"; add\n'), /one command per line/],
    ['add outside a menu', ok.replace('/ip firewall nat\n', ''), /outside any menu/],
    ['16 port-list slots', ok.replace('dst-port=1 ', `dst-port=${Array.from({ length: 16 }, (_, i) => i + 1).join(',')} `), /16 slots/],
    ['range of 8 + 1 = 17 slots', ok.replace('dst-port=1 ', `dst-port=${Array.from({ length: 8 }, (_, i) => `${i * 10 + 1}-${i * 10 + 2}`).join(',')},99 `), /17 slots/],
    ['to-ports with a list', ok.replace('dst-port=1 ', 'dst-port=1,2 to-ports=5 '), /not a 1:1 mapping/],
    ['to-ports range', ok.replace('dst-port=1 ', 'dst-port=1 to-ports=5-6 '), /bad port 5-6/],
    ['port 0', ok.replace('dst-port=1 ', 'dst-port=0 '), /bad port 0/],
    ['backwards range', ok.replace('dst-port=1 ', 'dst-port=9-3 '), /bad port range/],
    ['bad address', ok.replace('10.0.0.1', '10.0.0.256'), /bad IPv4/],
    ['protocol both', ok.replace('protocol=tcp', 'protocol=tcp-udp'), /not one of tcp, udp/],
    ['unquoted comment', ok.replace('comment="synfw:x a"', 'comment=x'), /quoted string/],
    ['missing interface', ok.replace('in-interface-list=WAN ', ''), /exactly one of in-interface/],
    ['multi-line block', '/ip firewall filter\n:if ([:len [/ip firewall filter find]] > 0) do={\n}\n', /unbalanced "\{"/],
    ['relative command in a block', `/ip firewall filter\n:if ([:len [find where chain=forward]] > 0) do={move numbers=[find where comment~"x"] destination=[:pick [find where chain=forward] 0]}\n`, /must name their menu/],
    ['unknown find key', '/ip firewall nat\nremove [find where disabled=no]\n', /unknown find property disabled/],
  ])('%s', (_name, bad, why) => {
    expect(() => parseRosRules(bad)).toThrow(RosSyntaxError);
    expect(() => parseRosRules(bad)).toThrow(why);
  });
});

describe('mikrotik profiles', () => {
  test.each(ALL_PROFILES)('%s: parse-back, limits and golden file', async (path) => {
    const plan = planOf(path);
    const out = text(plan);
    const r = parseRosRules(out);
    expectFaithful(plan, r);
    expect(out).toMatch(/^[\x20-\x7e\n]*$/);
    expect(out).toContain(`to-addresses=${plan.nas.address} `);
    for (const f of plan.forwards.filter((x) => x.external.first !== x.internal.first))
      expect(out).toContain(`dst-port=${f.external.first} to-addresses=${plan.nas.address} to-ports=${f.internal.first} `);
    expect(text(planOf(path))).toBe(out);
    await expect(out).toMatchFileSnapshot(goldenPath(path, 'mikrotik', 'rsc'));
  });
});
