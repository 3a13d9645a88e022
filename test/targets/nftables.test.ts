// The nftables target: rules for hand-built plans and shipped profiles, the profile options
// (allowFrom, hairpin, nas.address6), a strict parse-back, golden files, and the real nft inside a
// private network namespace (`unshare -n`): the file passes `nft -c`, loading it twice equals
// loading it once, and what the kernel holds (`nft list` text and JSON) is exactly the file.

import { describe, expect, test } from 'vitest';
import type { Plan, Proto } from '../../src/plan/types.js';
import { nftText } from '../../src/render/escape/nft.js';
import { byteLength, fitBytes } from '../../src/render/text.js';
import { originNames } from '../../src/targets/shared/text.js';
import { routerSides } from '../../src/targets/define.js';
import { TARGETS } from '../../src/targets/index.js';
import { target } from '../../src/targets/nftables/index.js';
import { info as nftInfo } from '../../src/targets/nftables/info.js';
import { MARK_ACCEPT, MARK_HAIRPIN, tableName } from '../../src/targets/nftables/view.js';

const COMMENT_MAX = nftInfo.comments.max;
import { TargetError } from '../../src/targets/types.js';
import { hostilePlan, HOSTILE_TEXTS, manyPortsPlan, samplePlan, customForward as fwd } from '../fixtures/plans.js';
import { admittedSources, expectedFlows } from '../../src/readers/expected.js';
import { sourceCover } from '../../src/readers/flow.js';
import { INTERFACES_COMMENT, parseNftFile, parseNftJson, parseNftList, recover, tableFlows, tupleKey, type NftTable, type Recovered } from '../../src/readers/nft/index.js';
import { expectFlows } from '../support/readers/flows.js';
import { inNetns, inNetnsOk, needNft } from '../support/nft-netns.js';
import { ALL_PROFILES, planOf, VERSION } from '../support/profiles.js';

const render = (plan: Plan) => target.render(plan, { version: VERSION });
const nft = (plan: Plan) => render(plan).text;


/** samplePlan with every option: both source lists, hairpin on br-lan, and an IPv6 NAS address. */
function optionsPlan(overrides: Partial<Plan> = {}): Plan {
  const base = samplePlan();
  return samplePlan({
    allowFrom: ['198.51.100.0/24', '203.0.113.7/32'],
    allowFrom6: ['2001:db8:100::/48'],
    hairpin: true,
    router: { lan: 'br-lan' },
    nas: { ...base.nas, address6: '2001:db8::10' },
    ...overrides,
  });
}
const withAddress6 = (plan: Plan, address6 = '2001:db8::10'): Plan => ({ ...plan, nas: { ...plan.nas, address6 } });

const hex = (mark: string) => Number(mark);
const A = hex(MARK_ACCEPT);
const H = hex(MARK_HAIRPIN);

/** The plan's flows of one family and path (the oracle), as what nft's rules show of them. */
const flowsOf = (plan: Plan, family: 4 | 6, via: 'wan' | 'hairpin') => expectedFlows(plan, 'nftables').filter((f) => f.family === family && f.via === via);
const uniqueSorted = (xs: string[]): string[] => [...new Set(xs)].sort();
/** "tcp 443 -> 192.168.1.10:5001" per WAN port, each once (a DNAT rule carries all its sources). */
const planTuples = (plan: Plan, via: 'wan' | 'hairpin' = 'wan'): string[] =>
  uniqueSorted(flowsOf(plan, 4, via).map((f) => tupleKey({ proto: f.proto, wanPort: f.wan!, nasAddr: f.nas, nasPort: f.port })));
/** "tcp ADDR:PORT" for every NAS port of the family (the forward chain matches after DNAT). */
const planAccepts = (plan: Plan, family: 4 | 6): string[] => uniqueSorted(flowsOf(plan, family, 'wan').map((f) => `${f.proto} ${f.nas}:${f.port}`));
/** The addresses a family's rules must admit, as nft would print its set; undefined without allowFrom. */
const planSources = (plan: Plan, family: 4 | 6): string[] | undefined => {
  const sources = admittedSources(plan, family);
  return sources[0] === 'any' ? undefined : sourceCover(sources);
};
const cover = (set: string[] | undefined): string[] | undefined => (set ? sourceCover(set) : undefined);

const all = <T>(xs: { [k: string]: unknown }[], key: string): T[] => xs.flatMap((x) => x[key] as T[]);

const wanOf = (plan: Plan): string => routerSides(TARGETS.nftables, plan).wan;
const lanOf = (plan: Plan): string | undefined => (plan.hairpin === true ? routerSides(TARGETS.nftables, plan).lan : undefined);
/** The interfaces the file must check when it loads (chain interfaces): the WAN, and the LAN for hairpin. */
const neededLinks = (plan: Plan): string[] => [wanOf(plan), ...(lanOf(plan) ? [lanOf(plan)!] : [])];

/** The file as `nft list table` prints it back: the table block, without the comment nft drops. */
function listed(text: string): string {
  const block = tableBlock(text);
  const comment = `${INTERFACES_COMMENT.join('\n')}\n`;
  expect(block.split(comment)).toHaveLength(2);
  return block.replace(comment, '');
}

/** What the plan must give, compared with what a table (from the file, nft list or nft -j) does. */
function checkRecovered(plan: Plan, table: NftTable): Recovered {
  const wan = wanOf(plan);
  const lan = lanOf(plan);
  const tag = `synfw:${plan.profile.name}`;
  expect(table.name).toBe(tableName(plan.profile.name));
  expect(table.chains.map((c) => [c.name, c.type, c.hook, c.prio, c.policy])).toEqual([
    ['dstnat', 'nat', 'prerouting', -100, 'accept'],
    ...(plan.hairpin ? [['srcnat', 'nat', 'postrouting', 100, 'accept']] : []),
    ['forward', 'filter', 'forward', -1, 'accept'],
  ]);
  const r = recover(table);
  // What the router does, in plan terms (nft merges sources: compared as the addresses they cover).
  expectFlows(tableFlows(table), plan, 'nftables', { cover: true });

  // Loading checks exactly the interfaces the rules use (iif in chain interfaces), the WAN first.
  expect(table.interfaces).toEqual(neededLinks(plan));
  const used = new Set(Object.values(r).flatMap((xs: { iif?: string }[]) => xs.flatMap((x) => (x.iif ? [x.iif] : []))));
  for (const i of used) expect(table.interfaces).toContain(i);
  if (expectedFlows(plan, 'nftables').length) expect([...used].sort()).toEqual([...table.interfaces!].sort());

  // WAN DNAT: every port once, exactly the plan, only from allowFrom; none when IPv4 is not allowed.
  const wanTuples = all<{ proto: Proto; wanPort: number; nasAddr: string; nasPort: number }>(r.wanDnat, 'tuples').map(tupleKey);
  expect(wanTuples.sort()).toEqual(planTuples(plan));
  for (const d of r.wanDnat) {
    expect(d.iif).toBe(wan);
    expect(cover(d.saddr)).toEqual(planSources(plan, 4));
  }
  expect(r.accept4.flatMap((a) => a.entries).sort()).toEqual(planAccepts(plan, 4));
  for (const a of r.accept4) {
    expect([a.iif, a.mark]).toEqual([wan, A]);
    expect(cover(a.saddr)).toEqual(planSources(plan, 4));
  }

  // Hairpin: the same tuples from router.lan, marked, masqueraded by that mark alone, not allowFrom-limited.
  const hp = all<{ proto: Proto; wanPort: number; nasAddr: string; nasPort: number }>(r.hairpinDnat, 'tuples').map(tupleKey);
  expect(hp.sort()).toEqual(planTuples(plan, 'hairpin'));
  for (const h of r.hairpinDnat) expect([h.iif, h.mark]).toEqual([lan, H]);
  expect(r.masquerade.map((m) => m.match)).toEqual(plan.hairpin ? [{ mask: H, value: H }] : []);
  expect(r.acceptHairpin.map((a) => [a.iif, a.match, a.mark])).toEqual(plan.hairpin ? [[lan, { mask: H, value: H }, A]] : []);

  // IPv6: no NAT, the NAS's own ports, only from allowFrom6.
  expect(r.accept6.flatMap((a) => a.entries).sort()).toEqual(planAccepts(plan, 6));
  for (const a of r.accept6) {
    expect([a.iif, a.mark]).toEqual([wan, A]);
    expect(cover(a.saddr)).toEqual(planSources(plan, 6));
  }
  const filled = r.accept4.length + r.accept6.length + r.acceptHairpin.length > 0;
  expect(r.replies.map((x) => x.match)).toEqual(filled ? [{ mask: A, value: A }] : []);

  // Comments: the tag, within nft's 128 bytes, no quote; a DNAT rule's is the documented cut of its text.
  const comments = Object.values(r).flatMap((xs: { comment?: string }[]) => xs.map((x) => x.comment));
  for (const c of comments) {
    expect(c!.startsWith(`${tag} `)).toBe(true);
    expect(byteLength(c!)).toBeLessThanOrEqual(COMMENT_MAX);
    // eslint-disable-next-line no-control-regex
    expect(c!).not.toMatch(/["\u0000-\u001f\u007f\u2028\u2029]/);
  }
  for (const d of [...r.wanDnat, ...r.hairpinDnat]) {
    const keys = new Set(d.tuples.map((t) => `${t.proto} ${t.wanPort}`));
    const mine = plan.forwards.filter((f) => keys.has(`${f.proto} ${f.external.first}`));
    const protos = [...new Set(d.tuples.map((t) => t.proto))].sort().join('+');
    const remap = mine.some((f) => f.external.first !== f.internal.first) ? ' remapped' : '';
    const names = originNames(mine);
    const text = `${tag} ${'mark' in d ? 'hairpin ' : ''}${protos}${remap} ${[...new Set(mine.flatMap((f) => f.apps))].sort().join(',')}${names ? ` ${names}` : ''}`;
    expect(d.comment).toBe(fitBytes(text, COMMENT_MAX, nftText));
  }
  return r;
}

function checkParseBack(plan: Plan): Recovered {
  return checkRecovered(plan, parseNftFile(nft(plan)).table);
}

/** The `table inet NAME { ... }` block of a file: what `nft list table` prints back. */
const tableBlock = (text: string) => text.slice(text.lastIndexOf('\ntable inet ') + 1);

describe('nftables: the sample plan', () => {
  const text = nft(samplePlan());
  const lines = text.split('\n');

  test('declares, deletes and redefines its own table, in that order, after the header', () => {
    expect(lines[0]).toBe('#!/usr/sbin/nft -f');
    const start = lines.findIndex((l) => !l.startsWith('#'));
    expect(lines.slice(start, start + 4)).toEqual(['', 'table inet synfw_sample', 'delete table inet synfw_sample', 'table inet synfw_sample {']);
    expect(lines.filter((l) => /^(table|delete|flush|add|insert|destroy)\b/.test(l))).toHaveLength(3);
    expect(text.endsWith('\n}\n')).toBe(true);
  });

  test('identity forwards share one set per protocol and DNAT to the bare address (the port is kept)', () => {
    expect(text).toContain(
      '\t\tiifname "eth0" tcp dport { 21, 5001, 6001-6010, 6690 } dnat ip to 192.168.1.10 comment "synfw:sample tcp custom-range,dsm,ftp,synology-drive-server A custom range"\n',
    );
    expect(text).toContain('\t\tiifname "eth0" udp dport { 1194, 16881 } dnat ip to 192.168.1.10 comment "synfw:sample udp download-station,vpn-server-openvpn"\n');
  });

  test('remapped forwards share one map per protocol, one element per port', () => {
    expect(text).toContain(
      '\t\tiifname "eth0" dnat ip to tcp dport map { 443 : 192.168.1.10 . 5001, 7001 : 192.168.1.10 . 8001, 7002 : 192.168.1.10 . 8002, 7003 : 192.168.1.10 . 8003 } comment "synfw:sample tcp remapped dsm,remapped,synology-photos Remapped range"\n',
    );
  });

  test('the forward chain accepts and marks the DNATed connections to the NAS ports, then their replies', () => {
    expect(text).toContain('\t\ttype filter hook forward priority filter - 1; policy accept;\n');
    expect(text).toContain('\t\tiifname "eth0" ct status dnat ip daddr 192.168.1.10 tcp dport { 21, 5001, 6001-6010, 6690, 8001-8003 } ct mark set ct mark | 0x10000000 accept comment ');
    expect(text).toContain('\t\tiifname "eth0" ct status dnat ip daddr 192.168.1.10 udp dport { 1194, 16881 } ct mark set ct mark | 0x10000000 accept comment ');
    expect(text).toContain('\t\tct mark & 0x10000000 == 0x10000000 accept comment "synfw:sample replies and later packets of the connections above"\n');
    expect(text).not.toContain('srcnat');
    expect(tableBlock(text)).not.toContain('policy drop');
  });

  test('rule count: one DNAT rule per protocol and kind, however many ports', () => {
    const many = parseNftFile(nft(manyPortsPlan(200))).table;
    expect(many.chains.map((c) => c.rules.length)).toEqual([1, 2]);
    const r = checkParseBack(manyPortsPlan(200));
    expect(r.wanDnat[0]!.tuples).toHaveLength(200);
    expect(parseNftFile(text).table.chains.map((c) => c.rules.length)).toEqual([3, 3]);
  });

  test('the header: version, profile, WAN, apply, remove, the policy and the integration rule', () => {
    const { header } = parseNftFile(text);
    expect(header[0]).toBe(`Generated by synfw ${VERSION} from profile "sample" for target nftables.`);
    expect(header).toContain('WAN: eth0 (default; set router.wan to change it)');
    const joined = header.join('\n');
    expect(joined).toMatch(/Apply:\n {2}save this file as FILE, then as root on the router: nft -f FILE /);
    expect(joined).toContain('Remove what this added:\n  nft delete table inet synfw_sample');
    expect(joined).toContain('an accept here does not override a drop elsewhere');
    expect(header).toContain('  e.g. nft insert rule inet filter forward ct mark and 0x10000000 == 0x10000000 accept');
    // The lab reads these two lines (test/lab/router.ts nftIntegrationCommands): keep their form.
    expect(header).toContain('  or   iptables -I FORWARD -m connmark --mark 0x10000000/0x10000000 -j ACCEPT   (and the same with ip6tables)');
    expect(joined).toContain('Sources: anyone on the internet may use the forwards (no allowFrom).');
    expect(joined).not.toMatch(/Hairpin|IPv6 \(no NAT\)|IPv6: allowFrom/);
  });

  test('router.wan is used in every rule and named in the header', () => {
    const plan = samplePlan({ router: { wan: 'ppp0' } });
    const out = nft(plan);
    expect(out).toContain('# WAN: ppp0 (router.wan)');
    expect(out).not.toContain('eth0');
    checkParseBack(plan);
  });

  test('an empty plan still gives a valid, removable table', () => {
    const plan = samplePlan({ forwards: [] });
    expect(parseNftFile(nft(plan)).table.chains.map((c) => c.rules.length)).toEqual([0, 0]);
    checkParseBack(plan);
  });

  test('determinism: two renders are byte-identical', () => {
    for (const plan of [samplePlan(), optionsPlan(), hostilePlan()]) expect(nft(plan)).toBe(nft(plan));
  });
});

describe('nftables: tcp and udp', () => {
  test('identical port sets on both protocols make one meta l4proto rule; no cross product otherwise', () => {
    const plan = samplePlan({ forwards: [fwd('tcp', [25565, 25565]), fwd('tcp', [27015, 27030]), fwd('udp', [25565, 25565]), fwd('udp', [27015, 27030])] });
    const out = nft(plan);
    expect(out).toContain('iifname "eth0" meta l4proto { tcp, udp } th dport { 25565, 27015-27030 } dnat ip to 192.168.1.10 comment "synfw:sample tcp+udp app x"');
    expect(out).toContain('ct status dnat ip daddr 192.168.1.10 meta l4proto { tcp, udp } th dport { 25565, 27015-27030 } ct mark set');
    checkParseBack(plan);
    const partial = samplePlan({ forwards: [fwd('tcp', [25565, 25565]), fwd('tcp', [80, 80]), fwd('udp', [25565, 25565])] });
    expect(nft(partial)).not.toContain('l4proto');
    checkParseBack(partial);
  });

  test('identical remaps on both protocols share one th dport map', () => {
    const plan = samplePlan({ forwards: [fwd('tcp', [7001, 7002], [8001, 8002]), fwd('udp', [7001, 7002], [8001, 8002])] });
    expect(nft(plan)).toContain('iifname "eth0" meta l4proto { tcp, udp } dnat ip to th dport map { 7001 : 192.168.1.10 . 8001, 7002 : 192.168.1.10 . 8002 } comment');
    checkParseBack(plan);
  });

  test('a NAS port reached from two WAN ports is accepted once; adjacent ports join into ranges', () => {
    const plan = samplePlan({ forwards: [fwd('tcp', [443, 443], [5001, 5001]), fwd('tcp', [5000, 5000]), fwd('tcp', [5001, 5001])] });
    expect(nft(plan)).toContain('ip daddr 192.168.1.10 tcp dport 5000-5001 ct mark set');
    checkParseBack(plan);
  });
});

describe('nftables: allowFrom', () => {
  test('restricts the DNAT and forward rules to an ip saddr set, as nft prints it', () => {
    const plan = samplePlan({ allowFrom: ['203.0.113.7/32', '198.51.100.0/24'], allowFrom6: [] });
    const out = nft(plan);
    expect(out).toContain('iifname "eth0" ip saddr { 198.51.100.0/24, 203.0.113.7 } tcp dport { 21, 5001, 6001-6010, 6690 } dnat ip to 192.168.1.10');
    expect(out).toContain('iifname "eth0" ip saddr { 198.51.100.0/24, 203.0.113.7 } dnat ip to tcp dport map {');
    expect(out).toContain('iifname "eth0" ip saddr { 198.51.100.0/24, 203.0.113.7 } ct status dnat ip daddr 192.168.1.10 tcp dport');
    expect(out).toContain('# Sources (allowFrom): only IPv4 203.0.113.7/32, 198.51.100.0/24 may use the forwards.');
    checkParseBack(plan);
  });

  test('overlapping, duplicate and adjacent sources are merged the way nft would', () => {
    const plan = samplePlan({ allowFrom: ['10.0.0.0/8', '10.1.0.0/16', '10.0.0.0/8', '192.0.2.1/32', '192.0.2.2/32', '192.0.2.4/31', '192.0.2.6/31'], allowFrom6: [] });
    expect(nft(plan)).toContain('ip saddr { 10.0.0.0/8, 192.0.2.1-192.0.2.2, 192.0.2.4/30 } tcp dport');
    checkParseBack(plan);
    const one = samplePlan({ allowFrom: ['203.0.113.7/32'], allowFrom6: [] });
    expect(nft(one)).toContain('iifname "eth0" ip saddr 203.0.113.7 tcp dport');
    checkParseBack(one);
  });

  test('IPv4 sources only: with nas.address6, no IPv6 rule at all, and the header says why', () => {
    const plan = withAddress6(samplePlan({ allowFrom: ['198.51.100.0/24'], allowFrom6: [] }));
    const out = nft(plan);
    expect(out).not.toContain('ip6 ');
    expect(out).toContain('# IPv6: allowFrom lists no IPv6 source, so no IPv6 source may reach 2001:db8::10: no IPv6 rules are generated.');
    checkParseBack(plan);
  });

  test('IPv6 sources only: no IPv4 source may use the forwards, so no IPv4 DNAT; IPv6 restricted', () => {
    const plan = withAddress6(samplePlan({ allowFrom: [], allowFrom6: ['2001:db8:100::/48'] }));
    const out = nft(plan);
    expect(out).not.toMatch(/^\t\t.*dnat/m);
    expect(out).toContain('# allowFrom lists no IPv4 source, so no IPv4 source may use the forwards: no IPv4 port forward rules are generated.');
    expect(out).toContain('iifname "eth0" ip6 saddr 2001:db8:100::/48 ip6 daddr 2001:db8::10 tcp dport { 21, 5001, 6001-6010, 6690, 8001-8003 } ct mark set ct mark | 0x10000000 accept');
    checkParseBack(plan);
  });
});

describe('nftables: nas.address6', () => {
  test('IPv6 allows on the NAS ports (no remap in IPv6) from anyone, marked like IPv4', () => {
    const plan = withAddress6(samplePlan(), '2001:0db8:0000::0010');
    const out = nft(plan);
    expect(out).toContain('\t\tiifname "eth0" ip6 daddr 2001:db8::10 tcp dport { 21, 5001, 6001-6010, 6690, 8001-8003 } ct mark set ct mark | 0x10000000 accept comment "synfw:sample ipv6 tcp to NAS');
    expect(out).toContain('\t\tiifname "eth0" ip6 daddr 2001:db8::10 udp dport { 1194, 16881 } ct mark set ct mark | 0x10000000 accept comment');
    expect(out).not.toContain('dnat ip6');
    expect(out).toContain("# IPv6 (no NAT): the forward chain accepts and marks connections from anyone to 2001:0db8:0000::0010 on the NAS's own ports.");
    checkParseBack(plan);
  });
});

describe('nftables: hairpin', () => {
  const plan = samplePlan({ hairpin: true, router: { wan: 'wan0', lan: 'br-lan' } });
  const out = nft(plan);

  test('DNATs LAN connections to a local address that is not the LAN interface own, and marks them', () => {
    const local = 'iifname "br-lan" meta nfproto ipv4 fib daddr type local fib daddr . iif type != local';
    expect(out).toContain(`\t\t${local} tcp dport { 21, 5001, 6001-6010, 6690 } ct mark set ct mark | 0x20000000 dnat ip to 192.168.1.10 comment "synfw:sample hairpin tcp `);
    // The port match before the mark: only connections that the map DNATs get the hairpin mark.
    expect(out).toContain(`\t\t${local} tcp dport { 443, 7001-7003 } ct mark set ct mark | 0x20000000 dnat ip to tcp dport map { 443 : 192.168.1.10 . 5001, `);
    checkParseBack(plan);
  });

  test('masquerades only the marked connections, and accepts them in the forward chain', () => {
    expect(out).toContain('\tchain srcnat {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n\t\tct mark & 0x20000000 == 0x20000000 masquerade comment ');
    expect(out.match(/^\t\t.*masquerade/gm)).toHaveLength(1);
    expect(out).toContain('\t\tiifname "br-lan" ct mark & 0x20000000 == 0x20000000 ct mark set ct mark | 0x10000000 accept comment ');
    expect(out).toContain('# Hairpin (NAT loopback): LAN clients on br-lan ');
    expect(out).toContain('Hairpin is not subject to allowFrom (LAN clients are trusted).');
  });

  test('is not limited by allowFrom', () => {
    const restricted = { ...plan, allowFrom: ['198.51.100.0/24'] };
    const r = checkParseBack(restricted);
    expect(r.hairpinDnat.every((h) => !('saddr' in h))).toBe(true);
    expect(nft(restricted)).not.toMatch(/iifname "br-lan"[^\n]*saddr/);
  });

  test('with every option at once', () => {
    checkParseBack(optionsPlan());
    checkParseBack(optionsPlan({ allowFrom6: [] }));
    checkParseBack(optionsPlan({ allowFrom: [] }));
  });
});

describe('nftables: refusals', () => {
  const codes = (plan: Plan): string[] => {
    try {
      render(plan);
    } catch (e) {
      expect(e).toBeInstanceOf(TargetError);
      const d = (e as TargetError).diagnostics;
      for (const x of d) expect(x.message).toMatch(/^target nftables: /);
      return d.map((x) => `${x.code} ${x.message}`);
    }
    return [];
  };

  test('hairpin without router.lan stops with SFW305 at the hairpin key', () => {
    const pos = { file: 'p.yaml', line: 9, column: 1 };
    const plan = samplePlan({ hairpin: true, keyPos: { hairpin: pos } });
    expect(codes(plan)).toEqual(['SFW305 target nftables: hairpin needs router.lan or router.nftables.lan (the LAN interface, e.g. br-lan)']);
    try {
      render(plan);
    } catch (e) {
      expect((e as TargetError).diagnostics[0]!.pos).toEqual(pos);
    }
  });

  test.each([
    ['a WAN name longer than 15 characters', { router: { wan: 'a-very-long-wan-name' } }],
    ['a quote in the WAN name', { router: { wan: 'eth0"' } }],
    ['an nft wildcard', { router: { wan: 'eth*' } }],
    ['a LAN name with a space', { hairpin: true, router: { lan: 'br lan' } }],
    ['the LAN equal to the WAN', { hairpin: true, router: { wan: 'eth0', lan: 'eth0' } }],
  ])('%s stops with SFW304', (_what, overrides) => {
    expect(codes(samplePlan(overrides as Partial<Plan>)).map((c) => c.slice(0, 6))).toEqual(['SFW304']);
  });

  test('the options are implemented, not refused: no SFW301 for allowFrom, hairpin or nas.address6', () => {
    expect(codes(optionsPlan())).toEqual([]);
    expect(() => render(samplePlan({ router: { wan: 'abcdefghijklmno' } }))).not.toThrow();
    // router.lan is only read for hairpin: another target's zone name there is no error.
    expect(nft(samplePlan({ router: { lan: 'LAN zone' } }))).not.toContain('LAN zone');
  });
});

describe('nftables: parse-back (plan -> file -> strict reader -> plan)', () => {
  test.each([
    ['sample', samplePlan()],
    ['options', optionsPlan()],
    ['hostile', hostilePlan()],
    ['many tcp', manyPortsPlan(33)],
    ['many udp remapped ranges', samplePlan({ forwards: Array.from({ length: 20 }, (_, i) => fwd('udp', [40000 + i * 5, 40002 + i * 5], [50000 + i * 5, 50002 + i * 5])) })],
  ])('%s plan', (_name, plan) => {
    checkParseBack(plan);
  });

  test.each(ALL_PROFILES)('%s', (path) => {
    checkParseBack(planOf(path));
  });
});

describe('nftables: hostile free text', () => {
  test('every comment is the documented cut: " becomes \', one line, at most 128 bytes', () => {
    const plan = hostilePlan();
    const r = checkParseBack(plan);
    const texts = r.wanDnat.map((d) => d.comment!);
    expect(texts[0]!.endsWith('...')).toBe(true);
    expect(render(plan).warnings.map((w) => w.code)).toEqual(['SFW310']);
    expect(nft(plan)).toMatch(/# \d+ rule comment\(s\) were cut to nft's 128 bytes/);
  });

  test('each hostile text comes back as data when a rule carries it alone', () => {
    for (const text of HOSTILE_TEXTS) {
      const plan = samplePlan({ profile: { name: 'h', file: 'h.yaml' }, forwards: [fwd('tcp', [30001, 30001], [30001, 30001], text, 'evil')] });
      const r = checkParseBack(plan);
      const want = fitBytes(`synfw:h tcp evil ${text}`, COMMENT_MAX, nftText);
      expect(r.wanDnat[0]!.comment).toBe(want);
      if (byteLength(nftText(`synfw:h tcp evil ${text}`)) <= COMMENT_MAX) expect(want).toBe(`synfw:h tcp evil ${nftText(text)}`);
    }
  });

  test('hostile profile: no control character and no stray quote anywhere in the file', () => {
    const out = nft(planOf('test/fixtures/profiles/hostile.yaml'));
    for (const line of out.split('\n')) expect(line.replace(/^\t+/, '')).not.toMatch(/[\r\t\u2028\u2029]/);
    for (const line of out.split('\n')) if (!line.startsWith('#')) expect(line.match(/"/g)?.length ?? 0).toBeLessThanOrEqual(4);
  });
});

describe('nftables: the strict reader refuses what it does not know', () => {
  const good = nft(samplePlan({ forwards: [fwd('tcp', [5001, 5001])] }));
  const rule = '\t\tiifname "eth0" tcp dport 5001 dnat ip to 192.168.1.10 comment "synfw:sample tcp app x"';
  test('control: the unmodified file parses', () => {
    expect(good).toContain(`${rule}\n`);
    expect(parseNftFile(good).table.interfaces).toEqual(['eth0']);
    expect(recover(parseNftFile(good).table).wanDnat[0]!.tuples.map(tupleKey)).toEqual(['tcp 5001 -> 192.168.1.10:5001']);
  });
  test.each([
    ['an escaped quote (nft has none)', rule.replace('app x"', 'app \\"x"')],
    ['a quote inside the comment', rule.replace('app x', 'app "x')],
    ['an unterminated string', rule.replace('app x"', 'app x')],
    ['text glued to a string', rule.replace('"eth0"', '"eth0"x')],
    ['a trailing # comment', `${rule} # hidden`],
    ['a line continuation', rule.replace(' dnat', ' \\\n dnat')],
    ['a second command after ;', `${rule}; flush ruleset`],
    ['a named set', rule.replace('5001', '@ports')],
    ['a variable', rule.replace('192.168.1.10', '$nas')],
    ['a wildcard interface', rule.replace('"eth0"', '"eth0*"')],
    ['an unknown statement', rule.replace('dnat', 'log dnat')],
    ['dnat ADDR:PORT for a range', rule.replace('dport 5001', 'dport 5001-5003').replace('10 comment', '10:6001 comment')],
    ['th dport without meta l4proto', rule.replace('tcp dport', 'th dport')],
    ['a rule after its verdict', rule.replace('dnat ip to 192.168.1.10', 'dnat ip to 192.168.1.10 accept accept')],
    ['an a-a range', rule.replace('dport 5001', 'dport 5001-5001')],
  ])('rejects %s', (_what, line) => {
    expect(line).not.toBe(rule);
    expect(() => recover(parseNftFile(good.replace(rule, line)).table)).toThrow();
  });
  test.each([
    ['a flush instead of the delete', (t: string) => t.replace('\ndelete table inet synfw_sample', '\nflush table inet synfw_sample')],
    ['a delete of another table', (t: string) => t.replace('\ndelete table inet synfw_sample', '\ndelete table inet other')],
    ['a second table block', (t: string) => `${t}table inet x {\n}\n`],
    ['a chain defined twice', (t: string) => t.replace('\tchain forward {', '\tchain dstnat {')],
    ['no interfaces chain', (t: string) => t.replace(/\t# nft resolves[^\n]*\n[^\n]*\n\tchain interfaces \{\n(\t\tiif[^\n]*\n)+\t\}\n\n/, '')],
    ['the interfaces chain without its comment', (t: string) => t.replace(/\t# nft resolves[^\n]*\n[^\n]*\n/, '')],
    ['another comment before the interfaces chain', (t: string) => t.replace('\t# nft resolves iif', '\t# nft resolves IIF')],
    ['an empty interfaces chain', (t: string) => t.replace('\t\tiif "eth0" return\n', '')],
    ['iifname in the interfaces chain (nft does not resolve it)', (t: string) => t.replace('iif "eth0" return', 'iifname "eth0" return')],
    ['an iif check without return', (t: string) => t.replace('iif "eth0" return', 'iif "eth0" accept')],
    ['an ifindex instead of a name', (t: string) => t.replace('iif "eth0" return', 'iif 5 return')],
    ['an interface checked twice', (t: string) => t.replace('\t\tiif "eth0" return\n', '\t\tiif "eth0" return\n\t\tiif "eth0" return\n')],
    ['a base chain named interfaces', (t: string) => t.replace('\tchain forward {', '\tchain interfaces {')],
    ['the interfaces chain after another chain', (t: string) => t.replace(/(\tchain interfaces \{\n(?:\t\tiif[^\n]*\n)+\t\}\n\n)(\tchain dstnat \{\n(?:\t\t[^\n]*\n)+\t\}\n)/, '$2\n$1'.replace(/\n\n$/, '\n'))],
    ['a hairpin mark on a map without the port match', (t: string) => t.replace(rule, '\t\tiifname "br-lan" meta nfproto ipv4 fib daddr type local fib daddr . iif type != local ct mark set ct mark | 0x20000000 dnat ip to tcp dport map { 443 : 192.168.1.10 . 5001 }')],
  ])('rejects %s', (_what, edit) => {
    expect(edit(good)).not.toBe(good);
    expect(() => recover(parseNftFile(edit(good)).table)).toThrow();
  });
});

// ---- the real nft, in a private network namespace ------------------------------------------------

const PLANS: [string, () => Plan][] = [
  ['sample', samplePlan],
  ['options', () => optionsPlan()],
  ['ipv6 sources only', () => withAddress6(samplePlan({ allowFrom: [], allowFrom6: ['2001:db8:100::/48', '2001:db8:200::1/128'] }))],
  ['tcp+udp', () => samplePlan({ forwards: [fwd('tcp', [25565, 25565]), fwd('udp', [25565, 25565]), fwd('tcp', [7001, 7002], [8001, 8002]), fwd('udp', [7001, 7002], [8001, 8002])] })],
  ['hostile', hostilePlan],
  ['empty', () => samplePlan({ forwards: [] })],
  ...ALL_PROFILES.map((p): [string, () => Plan] => [p, () => planOf(p)]),
];

describe('nftables: the real nft (private network namespace from unshare -n)', () => {
  test.for(PLANS)('%s: nft -c accepts it; loaded twice = once; nft lists back exactly the file', ([, planFn], ctx) => {
    needNft(ctx);
    const plan = planFn();
    const text = nft(plan);
    const t = `inet ${tableName(plan.profile.name)}`;
    const out = inNetnsOk(
      { 'fw.nft': text },
      `nft -c -f fw.nft
nft -f fw.nft; echo "=== once"; nft list ruleset
echo "=== json"; nft -j list table ${t}
nft -f fw.nft; echo "=== twice"; nft list ruleset
nft delete table ${t}; echo "=== removed"; nft list ruleset`,
      neededLinks(plan),
    );
    expect(out.twice).toBe(out.once);
    expect(out.removed).toBe('');
    // Byte for byte what nft prints: sets, maps, prefixes and comments are written in its own form.
    expect(out.once).toBe(listed(text));
    const fromFile = parseNftFile(text).table;
    expect(parseNftList(out.once!)).toEqual(fromFile);
    expect(parseNftJson(out.json!)).toEqual(fromFile);
    checkRecovered(plan, parseNftJson(out.json!));
  });

  test('loading a new version of the profile leaves no stale rule; other tables are untouched', (ctx) => {
    needNft(ctx);
    const big = optionsPlan();
    const small = samplePlan({ forwards: samplePlan().forwards.slice(0, 2) });
    const other = 'table inet filter {\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy drop;\n\t\tct state established,related accept\n\t}\n}\n';
    const out = inNetnsOk(
      { 'big.nft': nft(big), 'small.nft': nft(small), 'other.nft': other },
      `nft -f other.nft; echo "=== other"; nft list ruleset
nft -f small.nft; echo "=== small"; nft list ruleset
nft -f big.nft; nft -f small.nft; echo "=== again"; nft list ruleset
nft delete table inet synfw_sample; echo "=== removed"; nft list ruleset`,
      neededLinks(big),
    );
    expect(out.again).toBe(out.small);
    expect(out.small!.startsWith(out.other!)).toBe(true);
    expect(out.removed).toBe(out.other);
  });

  test('the integration rule the header gives is valid nft and lands in the user own forward chain', (ctx) => {
    needNft(ctx);
    const text = nft(optionsPlan());
    const cmd = parseNftFile(text).header.find((l) => l.startsWith('  e.g. nft insert rule '))!.replace('  e.g. ', '');
    const out = inNetnsOk(
      { 'fw.nft': text, 'filter.nft': 'table inet filter {\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy drop;\n\t}\n}\n' },
      `nft -f filter.nft; nft -f fw.nft; ${cmd}; echo "=== filter"; nft list table inet filter`,
      neededLinks(optionsPlan()),
    );
    expect(out.filter).toBe('table inet filter {\n\tchain forward {\n\t\ttype filter hook forward priority filter; policy drop;\n\t\tct mark & 0x10000000 == 0x10000000 accept\n\t}\n}\n');
  });

  test('a missing interface: nft -c and nft -f fail naming it, and nothing changes (nor an earlier version)', (ctx) => {
    needNft(ctx);
    const plan = optionsPlan();
    const earlier = samplePlan();
    expect(neededLinks(plan)).toEqual(['eth0', 'br-lan']);
    const r = inNetns(
      { 'fw.nft': nft(plan), 'earlier.nft': nft(earlier) },
      `rc=0; nft -c -f fw.nft 2>check.err || rc=$?; echo "=== check"; echo "$rc"; cat check.err
rc=0; nft -f fw.nft 2>load.err || rc=$?; echo "=== fresh"; echo "$rc"; nft list ruleset
nft -f earlier.nft; echo "=== earlier"; nft list ruleset
rc=0; nft -f fw.nft 2>reload.err || rc=$?; echo "=== reload"; echo "$rc"; nft list ruleset; echo "=== reload.err"; cat reload.err`,
      ['eth0'],
    );
    expect(r.status).toBe(0);
    const { check, fresh, earlier: before, reload } = r.sections;
    expect(check!.split('\n')[0]).not.toBe('0');
    expect(check).toContain('Error: Interface does not exist\n\t\tiif "br-lan" return\n');
    expect(check).not.toContain('iif "eth0"');
    expect(fresh).toMatch(/^[1-9]\d*\n$/);
    // The earlier version (WAN only) loads; the new one does not, and leaves it as it was.
    expect(before).toBe(listed(nft(earlier)));
    expect(reload).toMatch(/^[1-9]\d*\n/);
    expect(reload!.replace(/^\d+\n/, '')).toBe(before);
    expect(r.sections['reload.err']).toContain('iif "br-lan" return');
  });

  test('a 129-byte comment would be refused by nft: the limit is real and counted in bytes', (ctx) => {
    needNft(ctx);
    const file = (c: string) => `table inet t {\n\tchain c {\n\t\ttype filter hook forward priority filter; policy accept;\n\t\taccept comment "${c}"\n\t}\n}\n`;
    const ok = inNetns({ 'f.nft': file(`${'x'.repeat(126)}é`) }, 'nft -c -f f.nft');
    const long = inNetns({ 'f.nft': file(`${'x'.repeat(127)}é`) }, 'nft -c -f f.nft');
    expect(ok.status).toBe(0);
    expect(long.status).not.toBe(0);
    expect(long.stderr).toContain('comment too long, 128 characters maximum allowed');
  });
});

// The golden files, the header, determinism and the flows are the contract test's
// (test/targets/contract.test.ts); here the shipped profiles get nftables' own full reading: rule
// shapes, hooks, per-family tuples, interfaces and the link checks.
describe('nftables: shipped profiles read back in full', () => {
  test.each(ALL_PROFILES)('%s', (path) => {
    const plan = planOf(path);
    const text = nft(plan);
    expect(text).toContain(`\ntable inet ${tableName(plan.profile.name)}\ndelete table inet ${tableName(plan.profile.name)}\n`);
    for (const i of neededLinks(plan)) expect(text).toContain(`\t\tiif "${i}" return\n`);
    checkParseBack(plan);
  });
});
