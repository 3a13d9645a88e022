// The profile options on MikroTik: allowFrom (address lists + src-address-list), hairpin (LAN
// dst-nat, connection marking, masquerade of that mark) and nas.address6 (/ipv6 firewall filter
// accepts), read back with the strict RouterOS reader and compared with the plan.

import { describe, expect, it, test } from 'vitest';
import type { Forward, Plan } from '../../src/plan/types.js';
import { target } from '../../src/targets/mikrotik/index.js';
import { HOSTILE_TEXTS, samplePlan } from '../fixtures/plans.js';
import { RosSyntaxError } from '../support/readers/routeros/script.js';
import { expectFaithful } from '../support/readers/routeros/check.js';
import { parseRosRules, type RosRules } from '../support/readers/routeros/script-rules.js';
import { runMove } from '../support/readers/routeros/move.js';
import { VERSION } from '../support/profiles.js';

const text = (plan: Plan) => target.render(plan, { version: VERSION }).text;
/** Renders, reads back strictly and checks everything against the plan. */
function faithful(plan: Plan): RosRules {
  const r = parseRosRules(text(plan));
  expectFaithful(plan, r);
  return r;
}
const nas6 = (address6: string) => ({ ...samplePlan().nas, address6 });
const header = (r: RosRules) => r.comments.filter((c) => c.line < r.removes[0]!.line).map((c) => c.text).join('\n');

describe('mikrotik allowFrom: an address list of the sources', () => {
  const plan = samplePlan({ allowFrom: ['198.51.100.0/24', '203.0.113.7/32'], allowFrom6: [] });
  const out = text(plan);
  const r = faithful(plan);

  it('writes the list after removing it by name, and restricts the WAN dst-nat rules and forward accepts', () => {
    expect(out).toContain(
      '/ip firewall address-list\nremove [find where list="synfw-sample"]\n' +
        'add list=synfw-sample address=198.51.100.0/24 comment="synfw:sample allowFrom 198.51.100.0/24"\n' +
        'add list=synfw-sample address=203.0.113.7/32 comment="synfw:sample allowFrom 203.0.113.7/32"\n',
    );
    expect(r.nat.every((n) => n.srcList === 'synfw-sample')).toBe(true);
    expect(out).toContain('add chain=dstnat action=dst-nat in-interface-list=WAN src-address-list=synfw-sample protocol=tcp dst-port=443 ');
    expect(r.accepts.filter((a) => a.dir === 'forward').every((a) => a.srcList === 'synfw-sample')).toBe(true);
    // Replies of dst-natted connections need no list: only allowed sources get dst-natted here.
    expect(r.accepts.filter((a) => a.dir === 'reply').every((a) => a.srcList === null)).toBe(true);
  });

  it('says so in the header', () => {
    expect(header(r)).toContain('allowFrom: only the address list synfw-sample (198.51.100.0/24, 203.0.113.7/32) may use the forwards:');
  });

  it('with IPv6 sources only, no IPv4 source may connect: no WAN dst-nat rule, no accepts', () => {
    const p = samplePlan({ allowFrom: [], allowFrom6: ['2001:db8:100::/48'] });
    const x = faithful(p);
    expect([x.nat, x.accepts, x.addresses]).toEqual([[], [], []]);
    expect(header(x)).toContain('allowFrom lists only IPv6 sources: no IPv4 source may use the forwards, so no WAN dst-nat rule is written.');
    expect(header(x)).toContain('apply to nas.address6, which is not set: nothing uses them.');
  });
});

describe('mikrotik hairpin: LAN dst-nat, marked connections, masquerade of the mark only', () => {
  const plan = samplePlan({ hairpin: true });
  const out = text(plan);
  const r = faithful(plan);

  it('mirrors every WAN rule for the LAN (interface list LAN by default) with dst-address-type=local', () => {
    expect(r.hairpinNat.map((n) => [n.proto, n.dstPorts, n.toPort])).toEqual(r.nat.map((n) => [n.proto, n.dstPorts, n.toPort]));
    expect(out).toContain('add chain=dstnat action=dst-nat in-interface-list=LAN dst-address-type=local protocol=tcp dst-port=443 to-addresses=192.168.1.10 to-ports=5001 comment="synfw:sample hairpin dsm,synology-photos tcp/443 -> 5001"\n');
  });

  it('marks new LAN connections to a local address on the WAN ports in prerouting, and masquerades only that mark', () => {
    expect(out).toContain(
      'add chain=prerouting action=mark-connection new-connection-mark=synfw-sample-hairpin passthrough=yes connection-state=new in-interface-list=LAN dst-address-type=local protocol=tcp dst-port=21,443,5001,6001-6010,6690,7001-7003 ',
    );
    expect(out).toContain('add chain=srcnat action=masquerade connection-mark=synfw-sample-hairpin dst-address=192.168.1.10 comment="synfw:sample masquerade hairpin connections to 192.168.1.10"\n');
    expect(out.match(/action=masquerade/g)).toHaveLength(1);
  });

  it('router.lan names the LAN interface list (in-interface-list)', () => {
    const x = faithful(samplePlan({ hairpin: true, router: { lan: 'bridge1' } }));
    expect(x.hairpinNat.every((n) => n.wan.key === 'in-interface-list' && n.wan.value === 'bridge1')).toBe(true);
    expect(x.mangles.every((m) => m.iface.value === 'bridge1')).toBe(true);
  });

  it('documents the dst-address-type=local trade-off and the masquerade choice', () => {
    const h = header(r);
    expect(h).toContain("dst-address-type=local also matches the router's own");
    expect(h).toContain('add dst-address=!<router LAN address> to the hairpin rules');
    expect(h).toContain('connections from the WAN');
    expect(h).toContain('are never masqueraded');
    expect(h).toContain('Hairpin traffic from the LAN is not subject to allowFrom.');
  });

  it('with allowFrom, LAN clients are not restricted and get accepts of their own', () => {
    const x = faithful(samplePlan({ hairpin: true, allowFrom: ['198.51.100.0/24'], allowFrom6: [] }));
    expect(x.hairpinNat.every((n) => n.srcList === null)).toBe(true);
    expect(x.accepts.filter((a) => a.dir === 'hairpin').map((a) => a.iface)).toEqual([
      { key: 'in-interface-list', value: 'LAN' },
      { key: 'in-interface-list', value: 'LAN' },
    ]);
  });

  it('with IPv6 sources only, the hairpin rules and reply accepts stay (no WAN rules)', () => {
    const x = faithful(samplePlan({ hairpin: true, allowFrom: [], allowFrom6: ['2001:db8::/32'] }));
    expect(x.nat).toEqual([]);
    expect(x.hairpinNat.length).toBeGreaterThan(0);
  });

  it('hostile free text in hairpin comments stays data', () => {
    const forwards: Forward[] = HOSTILE_TEXTS.map((t, i) => ({
      proto: 'tcp',
      external: { first: 31000 + i, last: 31000 + i },
      internal: { first: 41000 + i, last: 41000 + i },
      apps: [`evil-${i}`],
      origins: [{ app: `evil-${i}`, label: 'l', name: t, kind: 'custom', exposure: 'public' }],
      exposure: 'public',
    }));
    const p = samplePlan({ hairpin: true, forwards, skipped: [] });
    const x = faithful(p);
    expect(x.hairpinNat[0]!.comment).toBe(`synfw:sample hairpin evil-0 tcp/31000 -> 41000 ${HOSTILE_TEXTS[0]}`);
    expect(text(p)).toMatch(/^[\x20-\x7e\n]*$/);
  });
});

describe('mikrotik nas.address6: /ipv6 firewall filter accepts', () => {
  const plan = samplePlan({ nas: nas6('2001:db8::10') });
  const out = text(plan);
  const r = faithful(plan);

  it('accepts inbound (not invalid) from the WAN on the NAS ports, and replies; IPv4 accepts move above the first drop, IPv6 ones above the last', () => {
    expect(out).toContain(
      'add chain=forward action=accept connection-state=!invalid in-interface-list=WAN dst-address=2001:db8::10/128 protocol=tcp dst-port=21,5001,6001-6010,6690,8001-8003 ',
    );
    expect(out).toContain('add chain=forward action=accept connection-state=established out-interface-list=WAN src-address=2001:db8::10/128 protocol=udp src-port=1194,16881 ');
    expect(r.moves.map((m) => [m.menu, m.position])).toEqual([['ip firewall filter', 'first'], ['ipv6 firewall filter', 'last']]);
    expect(header(r)).toContain('with reply accepts; moved just above the last drop, reject or tarpit of the forward chain');
  });

  // RouterOS 7 defconf's forward chains (/export of a fresh router), as find sees them.
  const rule = (action: string, comment: string, extra: Record<string, string> = {}) => ({ chain: 'forward', action, dynamic: 'no', comment, ...extra });
  const DEFCONF4 = [
    rule('accept', 'defconf: accept in ipsec policy'),
    rule('accept', 'defconf: accept out ipsec policy'),
    rule('fasttrack-connection', 'defconf: fasttrack'),
    rule('accept', 'defconf: accept established,related, untracked'),
    rule('drop', 'defconf: drop invalid'),
    rule('drop', 'defconf: drop all from WAN not DSTNATed'),
  ];
  const DEFCONF6 = [
    rule('accept', 'defconf: accept established,related,untracked'),
    rule('drop', 'defconf: drop invalid'),
    rule('drop', 'defconf: drop packets with bad src ipv6'),
    rule('drop', 'defconf: drop packets with bad dst ipv6'),
    rule('drop', 'defconf: rfc4890 drop hop-limit=1'),
    rule('accept', 'defconf: accept ICMPv6'),
    rule('accept', 'defconf: accept HIP'),
    rule('accept', 'defconf: accept IKE'),
    rule('accept', 'defconf: accept ipsec AH'),
    rule('accept', 'defconf: accept ipsec ESP'),
    rule('accept', 'defconf: accept all that matches ipsec policy'),
    rule('drop', 'defconf: drop everything else not coming from LAN'),
  ];
  const comments = (chain: Record<string, string>[]) => chain.map((x) => x.comment!.replace(/^synfw:sample .*/, 'synfw'));

  it('on a defconf router: IPv4 accepts land below fasttrack, above drop invalid; IPv6 ones below every defconf drop but the last', () => {
    const [move4, move6] = r.moves;
    const added = (n: number) => Array.from({ length: n }, (_, i) => rule('accept', `synfw:sample accept ${i}`));
    const v4 = [...DEFCONF4, ...added(r.accepts.length)];
    expect(comments(runMove(v4, move4!))).toEqual([...comments(DEFCONF4.slice(0, 4)), ...r.accepts.map(() => 'synfw'), ...comments(DEFCONF4.slice(4))]);
    const v6 = [...DEFCONF6, ...added(r.accepts6.length)];
    expect(comments(runMove(v6, move6!))).toEqual([...comments(DEFCONF6.slice(0, -1)), ...r.accepts6.map(() => 'synfw'), 'defconf: drop everything else not coming from LAN']);
    // A jump is an anchor for IPv4 only; dynamic rules never are; without a drop nothing moves.
    const jump = [rule('jump', 'mine', { 'jump-target': 'x' }), rule('drop', 'dyn', { dynamic: 'yes' }), ...added(1)];
    expect(comments(runMove(jump, move4!))).toEqual(['synfw', 'mine', 'dyn']);
    expect(comments(runMove(jump, move6!))).toEqual(['mine', 'dyn', 'synfw']);
  });

  it('restricted by the /ipv6 address list when allowFrom has IPv6 sources', () => {
    const p = samplePlan({ nas: nas6('2001:db8::10'), allowFrom: ['198.51.100.0/24'], allowFrom6: ['2001:db8:100::/48'] });
    const x = faithful(p);
    expect(x.accepts6.filter((a) => a.dir === 'inbound').every((a) => a.srcList === 'synfw-sample')).toBe(true);
    expect(text(p)).toContain('/ipv6 firewall address-list\nremove [find where list="synfw-sample"]\nadd list=synfw-sample address=2001:db8:100::/48 ');
  });

  it('IPv4 sources only: the /ipv6 rules of earlier runs are removed and none are added', () => {
    const p = samplePlan({ nas: nas6('2001:db8::10'), allowFrom: ['198.51.100.0/24'], allowFrom6: [] });
    const x = faithful(p);
    expect(x.accepts6).toEqual([]);
    expect(x.sequence.slice(-4)).toEqual(['menu v6 address-list', 'remove v6 address-list', 'menu v6 filter', 'remove v6 filter']);
    expect(header(x)).toContain('IPv6: allowFrom lists only IPv4 sources, so no IPv6 source may connect: no IPv6 accepts are written.');
  });

  it('router.wan is the in- and out-interface list of the IPv6 rules', () => {
    const x = faithful(samplePlan({ nas: nas6('2001:db8::10'), router: { wan: 'WAN2' } }));
    expect(x.accepts6.map((a) => `${a.iface.key}=${a.iface.value}`)).toContain('in-interface-list=WAN2');
    expect(x.accepts6.map((a) => `${a.iface.key}=${a.iface.value}`)).toContain('out-interface-list=WAN2');
  });

  it('the header lists the /ipv6 remove commands and says they are only run while address6 is set', () => {
    const h = header(r);
    expect(h).toContain('   /ipv6 firewall filter remove [find where comment~"^synfw:sample "]');
    expect(h).toContain('   /ipv6 firewall address-list remove [find where list="synfw-sample"]');
    expect(h).toContain('run the two /ipv6 remove commands above yourself');
  });

  it('is deterministic with every option on', () => {
    const all = samplePlan({ hairpin: true, allowFrom: ['198.51.100.0/24'], allowFrom6: ['2001:db8:100::/48'], nas: nas6('2001:db8::10') });
    faithful(all);
    expect(text(all)).toBe(text(all));
  });
});

describe('mikrotik: the strict reader knows the IPv6 move exactly', () => {
  const out = text(samplePlan({ nas: nas6('2001:db8::10') }));
  const line = out.split('\n').find((l) => l.startsWith(':if ([:len [/ipv6 firewall filter'))!;
  it('control: the move as written reads as "above the last drop"', () => {
    expect(line).toContain('do={:local drops [/ipv6 firewall filter find where chain=forward and dynamic=no and (action=drop or action=reject or action=tarpit)]; ');
    expect(parseRosRules(out).moves.at(-1)!.position).toBe('last');
  });
  test.each([
    ['the first drop instead', (l: string) => l.replace('[:pick $drops ([:len $drops] - 1)]', '[:pick $drops 0]'), /expected destination=\[:pick \$drops/],
    ['the second-to-last drop', (l: string) => l.replace('([:len $drops] - 1)', '([:len $drops] - 2)'), /expected destination=\[:pick \$drops/],
    ['another list for the length', (l: string) => l.replace('([:len $drops] - 1)', '([:len [/ipv6 firewall filter find]] - 1)'), /expected destination=\[:pick \$drops/],
    ['another rule set than the :if', (l: string) => l.replace(':local drops [/ipv6 firewall filter find where chain=forward and dynamic=no and (action=drop or ', ':local drops [/ipv6 firewall filter find where chain=forward and dynamic=no and (action=accept or '), /another rule set/],
    ['two :local in a block', (l: string) => l.replace('do={:local drops', 'do={:local all [/ipv6 firewall filter find]; :local drops'), /unknown command :local/],
  ])('refuses %s', (_name, edit, why) => {
    const bad = out.replace(line, edit(line));
    expect(bad).not.toBe(out);
    expect(() => parseRosRules(bad)).toThrow(RosSyntaxError);
    expect(() => parseRosRules(bad)).toThrow(why);
  });
});

describe('mikrotik: the strict reader refuses unsafe option rules', () => {
  const nat = '/ip firewall nat\n';
  const masq = 'add chain=srcnat action=masquerade connection-mark=m dst-address=10.0.0.1 comment="synfw:x m"\n';
  const mangle =
    '/ip firewall mangle\nadd chain=prerouting action=mark-connection new-connection-mark=m passthrough=yes connection-state=new in-interface-list=LAN dst-address-type=local protocol=tcp dst-port=1 comment="synfw:x k"\n';
  const a6 = '/ipv6 firewall filter\nadd chain=forward action=accept connection-state=!invalid in-interface-list=WAN dst-address=2001:db8::1/128 protocol=tcp dst-port=1 comment="synfw:x v"\n';
  const hp = 'add chain=dstnat action=dst-nat in-interface-list=LAN dst-address-type=local protocol=tcp dst-port=1 to-addresses=10.0.0.1 comment="synfw:x h"\n';

  it('accepts the baselines', () => {
    const r = parseRosRules(nat + masq + hp + mangle + a6);
    expect([r.masquerades.length, r.hairpinTuples, r.markedPorts, r.ipv6Ports]).toEqual([1, ['tcp 1 10.0.0.1 1'], ['tcp 1'], ['tcp 2001:db8::1/128 1']]);
  });

  test.each([
    ['masquerade without a mark', nat + masq.replace('connection-mark=m ', ''), /would rewrite connections from the WAN/],
    ['masquerade with a source list', nat + masq.replace('dst-address=', 'src-address-list=l dst-address='), /src-address-list is not expected/],
    ['hairpin rule restricted to a list', nat + hp.replace('protocol', 'src-address-list=l protocol'), /src-address-list is not expected in a synfw hairpin/],
    ['hairpin rule not local', nat + hp.replace('type=local', 'type=unicast'), /dst-address-type=unicast is not one of local/],
    ['WAN rule with a connection mark', nat + hp.replace('dst-address-type=local ', 'connection-mark=m '), /connection-mark is not expected/],
    ['mangle without passthrough', mangle.replace('passthrough=yes', 'passthrough=no'), /passthrough=no/],
    ['mangle on every connection state', mangle.replace('connection-state=new ', ''), /missing connection-state/],
    ['ipv6 accept of any state', a6.replace('connection-state=!invalid ', ''), /missing connection-state/],
    ['ipv6 accept without a prefix length', a6.replace('/128', ''), /bad IPv6 CIDR/],
    ['ipv6 accept of an IPv4 address', a6.replace('2001:db8::1/128', '10.0.0.1/32'), /bad IPv6 CIDR/],
    ['address entry with a bad CIDR', '/ip firewall address-list\nadd list=l address=10.0.0.0/33 comment="synfw:x a"\n', /bad IPv4 address or CIDR/],
    ['address list removed by comment', '/ip firewall address-list\nremove [find where comment~"^synfw:x "]\n', /expected find where list=/],
    ['unknown menu', '/ipv6 firewall nat\nremove [find where comment~"x"]\n', /unknown menu/],
    ['a variable outside its block', `/ipv6 firewall filter\n:if ([:len $drops] > 0) do={/ipv6 firewall filter move numbers=[/ipv6 firewall filter find where comment~"x"] destination=[:pick $drops 0]}\n`, /\$drops is not a :local/],
    [':local outside a block', ':local drops [/ipv6 firewall filter find]\n', /expected :local NAME "\.\.\." in the script's block/],
    ['two commands in a block without :local', `/ipv6 firewall filter\n:if ([:len [/ipv6 firewall filter find where chain=forward]] > 0) do={/ipv6 firewall filter move numbers=[/ipv6 firewall filter find where comment~"x"] destination=[:pick [/ipv6 firewall filter find where chain=forward] 0]; /ipv6 firewall filter remove [/ipv6 firewall filter find where comment~"x"]}\n`, /one command per block/],
  ])('%s', (_name, bad, why) => {
    expect(() => parseRosRules(bad)).toThrow(RosSyntaxError);
    expect(() => parseRosRules(bad)).toThrow(why);
  });
});
