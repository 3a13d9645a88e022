import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, type TestContext } from 'vitest';
import type { Plan, Proto } from '../../src/plan/types.js';
import { shQuote } from '../../src/render/escape/shell.js';
import { fitName, NAME_MAX_BYTES } from '../../src/render/escape/uci.js';
import { byteLength } from '../../src/render/text.js';
import { ruleText } from '../../src/targets/shared/text.js';
import { TARGETS } from '../../src/targets/index.js';
import { target } from '../../src/targets/openwrt/index.js';
import { redirectText } from '../../src/targets/openwrt/names.js';
import { sectionId } from '../../src/targets/openwrt/redirects.js';
import { TargetError } from '../../src/targets/types.js';
import { hostilePlan, HOSTILE_TEXTS, manyPortsPlan, samplePlan, customForward as fwd } from '../fixtures/plans.js';
import { parseUciConfig, redirectTuples, UciParseError, type UciSection } from '../../src/readers/uci/index.js';
import { parseUciScript, shCommands } from '../support/readers/uci/script.js';
import { expectSectionsMatch, key, plain, readBothForms } from '../support/readers/uci/check.js';
import { parseOpenwrtScript } from '../support/readers/uci/openwrt-script.js';
import { ALL_PROFILES, HOSTILE_PROFILE, planOf, VERSION } from '../support/profiles.js';

const render = (plan: Plan, format?: string) => target.render(plan, { version: VERSION, ...(format ? { format } : {}) });
const script = (plan: Plan) => render(plan).text;
const config = (plan: Plan) => render(plan, 'config').text;


/** Everything the parse-back test checks for one plan, on both output forms. */
const checkParseBack = (plan: Plan): UciSection[] => readBothForms(plan, script(plan), config(plan));

/** A section's options, with the proto list joined by spaces (as `uci get` prints a list). */
const section = (sections: UciSection[], id: string): Record<string, string | undefined> => {
  const s = sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return { ...Object.fromEntries(s.options), proto: s.lists.get('proto')?.join(' ') };
};

const lastIndex = <T>(a: T[], pred: (x: T) => boolean): number => {
  for (let i = a.length - 1; i >= 0; i--) if (pred(a[i]!)) return i;
  return -1;
};

describe('openwrt: redirect sections for the sample plan', () => {
  const plan = samplePlan();
  const sections = checkParseBack(plan);

  test('one named section per forward, a remapped range one per port, in plan order', () => {
    expect(sections.map((s) => s.id)).toEqual([
      'synfw_sample_tcp_443',
      'synfw_sample_tcp_5001',
      'synfw_sample_tcp_6001_6010',
      'synfw_sample_tcp_6690',
      'synfw_sample_tcp_7001',
      'synfw_sample_tcp_7002',
      'synfw_sample_tcp_7003',
      'synfw_sample_tcp_21',
      'synfw_sample_udp_1194',
      'synfw_sample_udp_16881',
    ]);
  });

  test('a remapped port DNATs to the NAS port', () => {
    expect(section(sections, 'synfw_sample_tcp_443')).toEqual({
      name: 'synfw:sample dsm,synology-photos tcp/443 -> 5001',
      target: 'DNAT',
      src: 'wan',
      src_dport: '443',
      dest: 'lan',
      dest_ip: '192.168.1.10',
      dest_port: '5001',
      proto: 'tcp',
      family: 'ipv4',
    });
  });

  test('hairpin: omitted leaves reflection unset (fw4 default on); true sets it on; false sets it off', () => {
    const on = parseUciConfig(config(samplePlan({ hairpin: true }))).filter((s) => s.type === 'redirect');
    const off = parseUciConfig(config(samplePlan({ hairpin: false }))).filter((s) => s.type === 'redirect');
    expect(on.every((s) => s.options.get('reflection') === '1' && s.options.get('reflection_src') === 'internal')).toBe(true);
    expect(off.every((s) => s.options.get('reflection') === '0' && !s.options.has('reflection_src'))).toBe(true);
    expect(sections.every((s) => !s.options.has('reflection') && !s.options.has('reflection_src'))).toBe(true);
  });

  test('an identity range is one section without dest_port (DNAT keeps the port)', () => {
    const s = section(sections, 'synfw_sample_tcp_6001_6010');
    expect(s.src_dport).toBe('6001-6010');
    expect(s.dest_port).toBeUndefined();
  });

  test('a remapped range is split per port, each with its own NAS port', () => {
    for (let i = 0; i < 3; i++) {
      const s = section(sections, `synfw_sample_tcp_${7001 + i}`);
      expect([s.src_dport, s.dest_port, s.name]).toEqual([`${7001 + i}`, `${8001 + i}`, `synfw:sample remapped tcp/${7001 + i} -> ${8001 + i} Remapped range`]);
    }
  });

  test('the name of an unsplit single-protocol section is ruleText()', () => {
    for (const f of plan.forwards) expect(redirectText(plan, [f], f.external, f.internal)).toBe(ruleText(plan, f));
  });

  test('router.wan and router.lan become the src and dest zones', () => {
    const p = samplePlan({ router: { wan: 'wan6', lan: 'guest' } });
    checkParseBack(p);
    expect(script(p)).toContain('# WAN: wan6 (router.wan)');
    expect(config(p)).toContain('dest zone guest (router.lan)');
  });

  test('router.openwrt.wan and .lan win over router.wan and router.lan', () => {
    const p = samplePlan({ router: { wan: 'eth0', lan: 'br-lan', targets: { openwrt: { wan: 'wan', lan: 'lan' } } } });
    checkParseBack(p);
    expect(script(p)).toContain('# WAN: wan (router.openwrt.wan)');
    expect(config(p)).toContain('dest zone lan (router.openwrt.lan)');
    expect(config(p)).not.toMatch(/eth0|br-lan/);
  });

  test('a zone name fw4 cannot have is an error naming the per-target key', () => {
    const p = samplePlan({ router: { wan: 'eth 0' }, keyPos: { wan: { file: 'p.yaml', line: 4, column: 8 } } });
    expect(() => script(p)).toThrow(TargetError);
    try {
      script(p);
    } catch (e) {
      expect((e as TargetError).diagnostics).toEqual([
        {
          code: 'SFW304',
          severity: 'error',
          message: expect.stringMatching(/^target openwrt: router\.wan "eth 0" is not an OpenWrt firewall zone name .*set router\.openwrt\.wan for openwrt$/),
          pos: { file: 'p.yaml', line: 4, column: 8 },
        },
      ]);
    }
  });

  test('many single ports: one section each, all names distinct', () => {
    const p = manyPortsPlan(40);
    const s = checkParseBack(p);
    expect(s).toHaveLength(40);
    expect(new Set(s.map((x) => x.id)).size).toBe(40);
  });

  test('an empty plan only removes: no sections, still a commit', () => {
    const p = samplePlan({ forwards: [] });
    expect(parseUciScript(script(p)).sections).toEqual([]);
    expect(parseUciConfig(config(p))).toEqual([]);
  });
});

describe('openwrt: tcp and udp on the same ports', () => {
  test('identical tcp and udp forwards share one section with proto tcp and udp', () => {
    const plan = samplePlan({ forwards: [fwd('tcp', [9000, 9001], [9000, 9001], 'Both', 'b'), fwd('udp', [9000, 9001], [9000, 9001], 'Both', 'b')] });
    const s = checkParseBack(plan);
    expect(s.map((x) => x.id)).toEqual(['synfw_sample_tcpudp_9000_9001']);
    expect(section(s, 'synfw_sample_tcpudp_9000_9001')).toMatchObject({ proto: 'tcp udp', name: 'synfw:sample b tcp+udp/9000-9001 Both' });
    expect(s[0]!.lists.get('proto')).toEqual(['tcp', 'udp']);
  });

  test('no cross product: same WAN port, different NAS ports stay two sections', () => {
    const plan = samplePlan({ forwards: [fwd('tcp', [80, 80], [8080, 8080]), fwd('udp', [80, 80], [8081, 8081])] });
    const s = checkParseBack(plan);
    expect(s.map((x) => x.id)).toEqual(['synfw_sample_tcp_80', 'synfw_sample_udp_80']);
    expect(redirectTuples(s).map(key)).toEqual(['tcp 80 -> 192.168.1.10:8080', 'udp 80 -> 192.168.1.10:8081']);
  });
});

describe('openwrt: section names', () => {
  test('profile - becomes _, then proto and port or range', () => {
    expect(sectionId('my-nas', ['tcp'], { first: 80, last: 80 })).toBe('synfw_my_nas_tcp_80');
    expect(sectionId('my-nas', ['tcp', 'udp'], { first: 6001, last: 6010 })).toBe('synfw_my_nas_tcpudp_6001_6010');
  });

  test('collision-free across profiles whose names look alike', () => {
    const profiles = ['a', 'a-b', 'ab', 'a-b-c', 'a-tcp', 'a-tcp-80', 'a-tcp-80-90', 'a-80', 'a-udp-1', 'tcp', 'a-tcpudp', '1', '1-2'];
    const ranges = [
      { first: 1, last: 1 },
      { first: 80, last: 80 },
      { first: 90, last: 90 },
      { first: 80, last: 90 },
      { first: 1, last: 80 },
      { first: 2, last: 80 },
    ];
    const protos: Proto[][] = [['tcp'], ['udp'], ['tcp', 'udp']];
    const seen = new Map<string, string>();
    for (const p of profiles)
      for (const pr of protos)
        for (const r of ranges) {
          const id = sectionId(p, pr, r);
          const what = `${p} ${pr.join('+')} ${r.first}-${r.last}`;
          expect(seen.get(id), `${id} from ${what}`).toBeUndefined();
          seen.set(id, what);
          expect(id).toMatch(/^[A-Za-z0-9_]+$/);
        }
  });

  test('the guard: a name outside the slug alphabet is refused, so "a_b" can never meet "a-b"', () => {
    for (const bad of ['a_b', 'A', 'a.b', '', '-a']) expect(() => sectionId(bad, ['tcp'], { first: 1, last: 1 })).toThrow(/not a slug/);
  });
});

describe('openwrt: the script replaces, never duplicates', () => {
  const text = script(samplePlan());
  const lines = text.split('\n');

  test('each section is deleted right before it is set', () => {
    for (const s of parseUciScript(text).sections) {
      const set = lines.indexOf(`\tuci set firewall.${s.id}=redirect`);
      expect(set).toBeGreaterThan(0);
      expect(lines[set - 1]).toBe(`\tuci -q delete firewall.${s.id} || true`);
    }
  });

  test('the strict reader refuses a section that is set without the delete', () => {
    const broken = text.replace('\tuci -q delete firewall.synfw_sample_tcp_5001 || true\n', '');
    expect(() => parseUciScript(broken)).toThrow(/synfw_sample_tcp_5001 set without being deleted first/);
  });

  test("apply purges every redirect tagged with the profile first, then sets; remove only purges; then commit and reload", () => {
    expect(text).toContain("SYNFW_TAG='synfw:sample'\n");
    expect(text).toContain('\t\t"$SYNFW_TAG "*) uci -q delete "firewall.$id" ;;\n');
    expect(text).toMatch(/\nsynfw_apply\(\) \{\n\tsynfw_purge\n\n/);
    // The zone checks run before synfw_apply (every change is in it), never before remove.
    expect(text).toMatch(
      /\nif \[ "\$action" = remove \]; then\n\tsynfw_purge\nelse\n\tsynfw_need_zones\n\tsynfw_apply\nfi\nuci commit firewall\nif \[ -x \/etc\/init\.d\/firewall \]; then\n\t\/etc\/init\.d\/firewall reload\n/,
    );
    const { dynamic, literal, zones } = parseOpenwrtScript(text);
    // The only uci commands with shell expansions: the purge's reads and its delete, the zone names' read.
    expect(dynamic).toEqual([
      ['-q', 'get', 'firewall.$id'],
      ['-q', 'get', 'firewall.$id.name'],
      ['-q', 'delete', 'firewall.$id'],
      ['-q', 'get', 'firewall.$id.name'],
    ]);
    expect(literal.filter((a) => a[0] !== 'set' && a[0] !== 'add_list' && a[1] !== 'delete')).toEqual([
      ['-X', 'show', 'firewall'],
      ['-q', '-X', 'show', 'firewall'],
      ['-q', 'changes', 'firewall'],
      ['commit', 'firewall'],
    ]);
    expect(zones).toEqual([
      { zone: 'wan', message: 'synfw: firewall zone wan (the wan default; set router.wan or router.openwrt.wan) does not exist on this router; nothing was changed.' },
      { zone: 'lan', message: 'synfw: firewall zone lan (the lan default; set router.lan or router.openwrt.lan) does not exist on this router; nothing was changed.' },
    ]);
  });
});

describe('openwrt: header', () => {
  test('script: version, profile, WAN, apply and remove, reflection left to fw4', () => {
    const text = script(samplePlan());
    expect(text.startsWith(`#!/bin/sh\n# Generated by synfw ${VERSION} from profile "sample" for target openwrt.\n`)).toBe(true);
    expect(text).toContain('# WAN: wan (default; set router.wan to change it)\n');
    expect(text).toMatch(/# Apply:\n# {3}copy this script to the router \(fw3 or fw4\) and run there: sh FILE /);
    expect(text).toContain("#   It first deletes every redirect and rule whose name option starts with 'synfw:sample '\n");
    expect(text).toMatch(/# Remove what this added:\n# {3}sh FILE remove /);
    expect(text).toContain('# reflection is not set: fw3/fw4 apply their default (NAT loopback on');
    expect(script(samplePlan({ hairpin: false }))).toContain("# reflection '0': NAT loopback (hairpin) is off");
    expect(text).toContain(`at most ${NAME_MAX_BYTES} bytes`);
    expect(text).toContain('# A remapped port range is one section per port');
    expect(script(manyPortsPlan(2))).not.toContain('A remapped port range');
  });

  test('config: a # header that says where to paste it; sections tab-indented', () => {
    const text = config(samplePlan());
    expect(text.startsWith(`# Generated by synfw ${VERSION} from profile "sample" for target openwrt (format config).\n`)).toBe(true);
    expect(text).toContain(`# Apply:\n#   first make sure the zones wan and lan exist (uci show firewall | grep "\\.name='"): fw4 skips a section\n`);
    expect(text).toContain('#   /etc/config/firewall on the router and run /etc/init.d/firewall reload. Read what it prints: a line starting with [!]\n');
    expect(text).toContain('(the sh form does that itself, and checks the zones before it changes anything).\n');
    expect(text).toContain('# Remove what this added:\n');
    expect(text).toContain("\nconfig redirect 'synfw_sample_tcp_443'\n\toption name 'synfw:sample dsm,synology-photos tcp/443 -> 5001'\n\toption target 'DNAT'\n");
    expect(text).toContain("\tlist proto 'tcp'\n\toption family 'ipv4'\n");
    expect(text.endsWith("\toption family 'ipv4'\n")).toBe(true);
  });

  test('says how many names were cut, and warns', () => {
    const r = render(hostilePlan());
    expect(r.text).toContain(`# 1 name(s) were cut to ${NAME_MAX_BYTES} bytes and end in "..."`);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'SFW310', severity: 'warning' });
    expect(r.warnings[0]!.message).toMatch(new RegExp(`^target openwrt: 1 section name \\(the one for tcp \\d+\\) cut to ${NAME_MAX_BYTES} bytes`));
    expect(render(samplePlan()).warnings).toEqual([]);
  });
});

describe('openwrt: refusals and determinism', () => {
  test('refuses hairpin when allowFrom lists only IPv6 sources (no redirect to reflect), naming the key and the target', () => {
    for (const format of [undefined, 'config']) {
      let err: unknown;
      try {
        render(samplePlan({ hairpin: true, allowFrom: [], allowFrom6: ['2001:db8::/32'], keyPos: { hairpin: { file: 'p.yaml', line: 7, column: 1 } } }), format);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TargetError);
      const d = (err as TargetError).diagnostics;
      expect(d).toHaveLength(1);
      expect(d[0]).toMatchObject({ code: 'SFW301', severity: 'error', pos: { file: 'p.yaml', line: 7, column: 1 } });
      expect(d[0]!.message).toContain('hairpin');
      expect(d[0]!.message).toContain('openwrt');
    }
  });

  test('an unknown format is an error', () => {
    expect(() => render(samplePlan(), 'restore')).toThrow(/openwrt has no format "restore"/);
  });

  test.for([
    ['sample', samplePlan],
    ['hostile', hostilePlan],
  ] as const)('%s: two renders are byte-identical', ([, plan]) => {
    expect(script(plan())).toBe(script(plan()));
    expect(config(plan())).toBe(config(plan()));
  });
});

describe('openwrt: hostile free text', () => {
  const plan = hostilePlan();
  const sections = checkParseBack(plan);

  test('every name comes back as the documented sanitised text of ruleText', () => {
    expect(sections).toHaveLength(plan.forwards.length);
    for (const f of plan.forwards) {
      const s = section(sections, `synfw_hostile_${f.proto}_${f.external.first}`);
      expect(s.name).toBe(fitName(ruleText(plan, f)));
    }
    // Spot checks of the rule: quotes kept but " as ', newlines as one space, long text cut.
    expect(section(sections, 'synfw_hostile_tcp_30001').name).toBe(`synfw:hostile evil-0 tcp/30001 it's 'quoted' \\ back\\slash $HOME \`id\` $(touch /tmp/synfw-canary)`);
    expect(section(sections, 'synfw_hostile_tcp_30003').name).toBe('synfw:hostile evil-2 tcp/30003 two lines and tab; rm -rf / # not a comment');
    const long = section(sections, 'synfw_hostile_tcp_30005').name!;
    expect(byteLength(long)).toBe(NAME_MAX_BYTES);
    expect(long).toMatch(/^synfw:hostile evil-4 tcp\/30005 x+\.\.\.$/);
  });

  test('% never reaches fw3 as a printf conversion', () => {
    const p = samplePlan({ forwards: [fwd('tcp', [80, 80], [80, 80], '100% up %s%n')] });
    const [s] = checkParseBack(p);
    expect(s!.options.get('name')).toBe('synfw:sample app tcp/80 100\uff05 up \uff05s\uff05n');
  });

  test('unicode survives whole', () => {
    expect(section(sections, 'synfw_hostile_tcp_30004').name).toBe(`synfw:hostile evil-3 tcp/30004 ${HOSTILE_TEXTS[3]}`);
  });
});

describe('openwrt: the strict UCI config reader (uci file.c tokenizer)', () => {
  const sec = (body: string) => `config redirect 'r'\n${body}`;
  const nameOf = (text: string) => parseUciConfig(text)[0]!.options.get('name');

  test.for([
    ["\toption name plain\n", 'plain'],
    ["\toption name 'a b'\n", 'a b'],
    ['\toption name "a \\"b\\" \\\\ c\\n"\n', 'a "b" \\ cn'],
    ["\toption name 'it'\\''s'\n", "it's"],
    ["\toption name a'b c'\"d\"e\n", 'ab cde'],
    ["\toption name 'a#b' # comment\n", 'a#b'],
    ['\toption name ab#c d\n', 'ab'],
    ["\toption name a\\ b\n", 'a b'],
    ["\toption name 'a;b'; option target DNAT\n", 'a;b'],
    ["\toption name 'x' \\\n\n", 'x'],
    ["\to name 'short'\n", 'short'],
  ] as [string, string][])('%j reads as %j', ([body, value]) => {
    expect(nameOf(sec(body))).toBe(value);
  });

  test('reads lists, anonymous sections, comments, blank lines and a package line', () => {
    const s = parseUciConfig(
      "package firewall\n# top\n\nconfig redirect\n\tlist proto tcp\n\tlist proto 'udp'\n\nconfig zone 'lan'\n\toption whatever 'x'\n",
    );
    expect(plain(s)).toEqual([
      { type: 'redirect', id: '@redirect[0]', options: {}, lists: { proto: ['tcp', 'udp'] } },
      { type: 'zone', id: 'lan', options: { whatever: 'x' }, lists: {} },
    ]);
  });

  test.for([
    ["config redirect 'a-b'\n", /invalid character in name field/],
    ['config redirekt x\n', /unknown section type/],
    ["config redirect 'r'\n\toption nmae 'x'\n", /unknown redirect option nmae/],
    ["config redirect 'r'\n\toption 'na-me' 'x'\n", /invalid character in name field/],
    ["config redirect 'r'\n\toption name 'unterminated\n", /EOF with unterminated '/],
    ['config redirect \'r\'\n\toption name "x\n', /EOF with unterminated "/],
    ["config redirect 'r'\n\toption name 'a' 'b'\n", /too many arguments/],
    ["config redirect 'r'\n\toption name\n", /empty value/],
    ["config redirect 'r'\n\toption name 'two\nlines'\n", /control character/],
    ["config redirect 'r'\n\toption name 'x'\n\toption name 'y'\n", /set twice/],
    ["config redirect 'r'\n\tlist name 'x'\n", /not a list/],
    ["config redirect 'r'\nconfig redirect 'r'\n", /defined twice/],
    ["\toption name 'x'\n", /before the first section/],
    ["config redirect 'r'\n\tset name 'x'\n", /invalid command/],
    ["config redirect 'r';\n", /invalid command/],
    ['package network\n', /is not firewall/],
  ] as [string, RegExp][])('refuses %j', ([text, err]) => {
    expect(() => parseUciConfig(text)).toThrow(err);
  });
});

describe('openwrt: the strict uci script reader (sh words, then uci commands)', () => {
  const wrap = (body: string) => `#!/bin/sh\n${body}\nuci commit firewall\n`;
  const ok = wrap("uci -q delete firewall.r || true\nuci set firewall.r=redirect\nuci set firewall.r.name='a b'");

  test('reads sh quoting the way sh does', () => {
    const body = [
      'uci -q delete firewall.r || true',
      'uci set firewall.r=redirect',
      `uci set firewall.r.name='it'\\''s' # comment`,
      'uci set "firewall.r.src=w"\'a\'n',
      'uci set firewall.r.dest=l\\an \\',
      '  >/dev/null 2>&1',
      'uci add_list firewall.r.proto="tcp"; uci add_list firewall.r.proto=udp',
    ].join('\n');
    const [s] = parseUciScript(wrap(body)).sections;
    expect(plain([s!])).toEqual([{ type: 'redirect', id: 'r', options: { name: "it's", src: 'wan', dest: 'lan' }, lists: { proto: ['tcp', 'udp'] } }]);
  });

  test('a value may hold = and .; the first = splits', () => {
    const [s] = parseUciScript(wrap("uci -q delete firewall.r\nuci set firewall.r=redirect\nuci set 'firewall.r.name=a=b.c'")).sections;
    expect(s!.options.get('name')).toBe('a=b.c');
  });

  test.for([
    [ok.replace("'a b'", 'a b'), /exactly one argument/],
    [ok.replace("'a b'", '"$x"'), /uci set with a shell expansion/],
    [ok.replace("'a b'", '$(id)'), /uci set with a shell expansion/],
    [ok.replace("'a b'", "'a"), /unterminated '/],
    [ok.replace("'a b'", '`id`'), /backquotes/],
    [ok.replace('firewall.r.name', 'network.r.name'), /is not firewall/],
    [ok.replace('firewall.r.name', 'firewall.@redirect[0].name'), /not a plain name/],
    [ok.replace('firewall.r.name', 'firewall.r.nmae'), /unknown redirect option/],
    [ok.replace('uci -q delete firewall.r || true\n', ''), /set without being deleted first/],
    [ok.replace('uci set firewall.r=redirect', 'uci set firewall.r=redirekt'), /unknown section type/],
    [ok.replace('uci set firewall.r.name', 'uci rename firewall.r.name'), /unknown uci command/],
    [ok.replace("'a b'", "'a\nb'"), /control character/],
    [ok.replace('uci commit firewall\n', ''), /no uci commit firewall/],
    [`${ok}uci set firewall.r.src=wan\n`, /after uci commit/],
    [ok.replace('#!/bin/sh', "cat <<'EOF'\nEOF"), /here-documents/],
    [ok.replace('uci set firewall.r.name', '"$UCI" set firewall.r.name'), /command word with an expansion/],
    [ok.replace('uci set firewall.r.name', '/sbin/uci set firewall.r.nmae'), /unknown redirect option/],
  ] as [string, RegExp][])('refuses %j', ([text, err]) => {
    expect(() => parseUciScript(text)).toThrow(err);
  });

  const synfw = script(samplePlan());
  test.for([
    ['no subshell', (t: string) => t.replace('\n(\nset -eu\n', '\nset -eu\n').replace(/\n\)\n$/, '\n')],
    ['a line after the subshell', (t: string) => `${t}uci commit firewall\n`],
    ['no zone check', (t: string) => t.replace(/\tcase "\$zones" in\n(\t.*\n)*?\tesac\n/g, '')],
    ['the zone checks after synfw_apply', (t: string) => t.replace('\tsynfw_need_zones\n\tsynfw_apply\n', '\tsynfw_apply\n\tsynfw_need_zones\n')],
    ['the zone checks before remove too', (t: string) => t.replace('then\n\tsynfw_purge\nelse', 'then\n\tsynfw_need_zones\n\tsynfw_purge\nelse')],
    ['a zone check that goes on', (t: string) => t.replace('\t\texit 1\n\t\t;;\n\tesac', '\t\t;;\n\tesac')],
    ['a zone check that exits 0', (t: string) => t.replace('\t\texit 1\n\t\t;;\n\tesac', '\t\texit 0\n\t\t;;\n\tesac')],
    ['a zone pattern without spaces (a prefix would match)', (t: string) => t.replace("*' wan '*)", "*'wan'*)")],
    ['a message in double quotes', (t: string) => t.replace(/echo '(synfw: firewall zone wan [^']*)' >&2/, 'echo "$1" >&2')],
    ['a zone checked twice', (t: string) => t.replace(/(\tcase "\$zones" in\n(?:\t.*\n)*?\tesac\n)/, '$1$1')],
    ['a command in synfw_apply', (t: string) => t.replace('\tsynfw_purge\n\n', '\tsynfw_purge\n\trm -f /etc/config/firewall\n\n')],
    ['another tag', (t: string) => t.replace("SYNFW_TAG='synfw:sample'", "SYNFW_TAG='synfw:sample'*")],
    ['a changed purge', (t: string) => t.replace('"$SYNFW_TAG "*)', '"$SYNFW_TAG"*)')],
  ] as [string, (t: string) => string][])('the skeleton reader refuses %s', ([, edit]) => {
    expect(edit(synfw)).not.toBe(synfw);
    expect(() => parseOpenwrtScript(edit(synfw))).toThrow(UciParseError);
  });

  test('the skeleton reader reads the unmodified script (control)', () => {
    expect(parseOpenwrtScript(synfw).zones.map((z) => z.zone)).toEqual(['wan', 'lan']);
  });

  test('case patterns inside a subshell are not commands; an unbalanced ) or case is an error', () => {
    const inSubshell = wrap("(\ncase x in\nuci) uci -q delete firewall.r || true ;;\nesac\n)\nuci set firewall.r=redirect");
    expect(parseUciScript(inSubshell).sections.map((x) => x.id)).toEqual(['r']);
    expect(parseUciScript(inSubshell).literal).toEqual([['-q', 'delete', 'firewall.r'], ['set', 'firewall.r=redirect'], ['commit', 'firewall']]);
    expect(() => shCommands('case x in\na) : ;;\n')).toThrow(/unterminated case/);
    expect(() => parseUciScript(wrap('case x in\na) : ;;\n'))).toThrow(/newline inside a case pattern/);
    expect(() => parseUciScript(wrap('(\n: x'))).toThrow(/unterminated \(/);
    expect(() => parseUciScript(wrap(': x\n)'))).toThrow(/unmatched \)/);
  });

  test('tuples: refuses options that change the match, and unshiftable ranges', () => {
    const base = "config redirect 'r'\n\toption target 'DNAT'\n\toption src 'wan'\n\toption family 'ipv4'\n\toption dest_ip '10.0.0.1'\n\tlist proto 'tcp'\n";
    expect(redirectTuples(parseUciConfig(`${base}\toption src_dport '5-6'\n`)).map(key)).toEqual(['tcp 5 -> 10.0.0.1:5', 'tcp 6 -> 10.0.0.1:6']);
    expect(() => redirectTuples(parseUciConfig(`${base}\toption src_dport '5-6'\n\toption dest_port '7-8'\n`))).toThrow(/not a 1:1 mapping/);
    expect(() => redirectTuples(parseUciConfig(`${base}\toption src_dport '5'\n\toption ipset 'x'\n`))).toThrow(/ipset changes the redirect/);
    expect(() => redirectTuples(parseUciConfig(`${base}\toption src_dport '5'\n\toption src_ip '1.2.3.4/32 5.6.7.8/32'\n`))).toThrow(/not one IPv4 CIDR/);
    expect(redirectTuples(parseUciConfig(`${base}\toption src_dport '5'\n\toption src_ip '1.2.3.0/24'\n`))[0]).toMatchObject({ source: '1.2.3.0/24', reflection: true });
    expect(() => redirectTuples(parseUciConfig(`${base}\toption src_dport '70000'\n`))).toThrow(UciParseError);
  });
});

// ---- real tools and a stub uci ----------------------------------------------------------------

const CI = process.env.CI === 'true';
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

function need(ctx: TestContext, tools: string[]): void {
  const missing = tools.filter((t) => !has(t));
  if (!missing.length) return;
  if (CI) throw new Error(`required for this test: ${missing.join(', ')}`);
  ctx.skip(`skipped: ${missing.join(', ')} not installed`);
}

const PLANS: [string, () => Plan][] = [
  ['sample', samplePlan],
  ['hostile', hostilePlan],
  ['empty', () => samplePlan({ forwards: [] })],
  ...ALL_PROFILES.map((p): [string, () => Plan] => [p, () => planOf(p)]),
];

describe('openwrt: syntax checks with real tools', () => {
  test.for(PLANS)('%s: sh -n accepts the script', ([, plan], ctx) => {
    need(ctx, ['sh']);
    const r = spawnSync('sh', ['-n'], { input: script(plan()), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test.for(PLANS)('%s: shellcheck finds nothing at warning level', ([, plan], ctx) => {
    need(ctx, ['shellcheck']);
    const r = spawnSync('shellcheck', ['-s', 'sh', '-S', 'warning', '-'], { input: script(plan()), encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});

interface Canned {
  id: string;
  type: string;
  name?: string;
}

/** A firewall config as `uci -X show firewall` would print it (uci_print_value quoting). */
const showText = (cfg: Canned[]) =>
  cfg.map((s) => `firewall.${s.id}=${s.type}\n${s.name === undefined ? '' : `firewall.${s.id}.name='${s.name.replace(/'/g, `'\\''`)}'\n`}`).join('');

/**
 * A stub uci: logs its argv (each argument hex-encoded on its own line, `--` after each call), and
 * answers show / get / changes from the canned config. Deleting an unknown section fails, as uci's does.
 */
function stubUci(dir: string, cfg: Canned[], changes: string): string {
  const log = join(dir, 'uci.log');
  writeFileSync(join(dir, 'show.txt'), showText(cfg));
  writeFileSync(join(dir, 'changes.txt'), changes);
  const cases = cfg.flatMap((s) => [
    `${shQuote(`get firewall.${s.id}`)}) printf '%s\\n' ${shQuote(s.type)} ;;`,
    ...(s.name === undefined ? [] : [`${shQuote(`get firewall.${s.id}.name`)}) printf '%s\\n' ${shQuote(s.name)} ;;`]),
    `${shQuote(`delete firewall.${s.id}`)}) ;;`,
  ]);
  const stub = [
    '#!/bin/sh',
    `log=${shQuote(log)}`,
    `for a in "$@"; do printf '%s' "$a" | od -An -v -tx1 | tr -d ' \\n' >>"$log"; echo >>"$log"; done`,
    `printf '%s\\n' -- >>"$log"`,
    'while [ $# -gt 0 ]; do case "$1" in -q | -X) shift ;; *) break ;; esac; done',
    'case "$*" in',
    `'show firewall') cat ${shQuote(join(dir, 'show.txt'))} ;;`,
    `'changes firewall') cat ${shQuote(join(dir, 'changes.txt'))} ;;`,
    ...cases,
    'get\\ * | delete\\ *) exit 1 ;;',
    'esac',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'uci'), stub);
  chmodSync(join(dir, 'uci'), 0o755);
  return log;
}

function calls(log: string): string[][] {
  if (!existsSync(log)) return [];
  const out: string[][] = [];
  let cur: string[] = [];
  for (const line of readFileSync(log, 'utf8').split('\n').slice(0, -1)) {
    if (line === '--') {
      out.push(cur);
      cur = [];
    } else cur.push(Buffer.from(line, 'hex').toString('utf8'));
  }
  return out;
}

/** The shell that runs the script: sh, or e.g. SYNFW_TEST_SH='busybox sh' for OpenWrt's own ash. */
const SHELL = (process.env.SYNFW_TEST_SH ?? 'sh').split(' ');

/** Runs the script with SHELL and the stub uci first on PATH. */
function runScript(text: string, args: string[], cfg: Canned[], changes = '') {
  const dir = mkdtempSync(join(tmpdir(), 'synfw-owrt-'));
  try {
    const log = stubUci(dir, cfg, changes);
    writeFileSync(join(dir, 'fw.sh'), text);
    const r = spawnSync(SHELL[0]!, [...SHELL.slice(1), join(dir, 'fw.sh'), ...args], { encoding: 'utf8', env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } });
    return { status: r.status, stderr: r.stderr, stdout: r.stdout, calls: calls(log) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const withoutFlags = (argv: string[]) => argv.filter((a) => a !== '-q' && a !== '-X');

function canned(profile: string): Canned[] {
  return [
    { id: 'cfg01e63d', type: 'defaults' },
    { id: 'cfg0a1111', type: 'zone', name: 'lan' },
    { id: 'cfg0b2222', type: 'zone', name: 'wan' },
    { id: 'cfg02aaaa', type: 'redirect', name: `synfw:${profile} gone-app tcp/9999 An app removed from the profile` },
    { id: 'cfg03bbbb', type: 'redirect', name: "Plex (the user's own)" },
    { id: 'cfg04cccc', type: 'redirect', name: `synfw:${profile}-2 x tcp/1 another profile whose name starts the same` },
    { id: 'cfg05dddd', type: 'zone', name: `synfw:${profile} a zone, not a redirect or rule` },
    // A multi-line value whose middle line looks like a rule header of cfg05dddd.
    { id: 'cfg06eeee', type: 'redirect', name: 'x\nfirewall.cfg05dddd=rule\ny' },
    { id: 'cfg07ffff', type: 'rule', name: `synfw:${profile} old IPv6 rule` },
    { id: `synfw_${profile.replace(/-/g, '_')}_tcp_30001`, type: 'redirect', name: `synfw:${profile} old text of a current section` },
  ];
}

const initScript = existsSync('/etc/init.d/firewall');

describe.skipIf(initScript)('openwrt: the script run by sh against a stub uci', () => {
  test.for([
    ['hostile', hostilePlan],
    ['sample', samplePlan],
    [HOSTILE_PROFILE, () => planOf(HOSTILE_PROFILE)],
    ['restricted + hairpin + address6', () => samplePlan({ allowFrom: ['198.51.100.0/24', '203.0.113.7/32'], allowFrom6: ['2001:db8:100::/48'], hairpin: true, nas: { ...samplePlan().nas, address6: '2001:db8::10' } })],
  ] as [string, () => Plan][])('%s: apply deletes stale and current sections of this profile only, deletes before each set, commits', { timeout: 60_000 }, ([, planFn], ctx) => {
    need(ctx, ['sh', 'od', 'sed']);
    const plan = planFn();
    const cfg = canned(plan.profile.name);
    const r = runScript(script(plan), [], cfg);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('/etc/init.d/firewall not found');
    const argv = r.calls.map(withoutFlags);
    expect(argv[0]).toEqual(['changes', 'firewall']);
    // The zone checks read every zone's name before anything changes.
    const zoneIds = cfg.filter((s) => s.type === 'zone').map((s) => s.id);
    expect(argv.slice(1, 2 + zoneIds.length)).toEqual([['show', 'firewall'], ...zoneIds.map((id) => ['get', `firewall.${id}.name`])]);
    expect(argv[2 + zoneIds.length]).toEqual(['show', 'firewall']);
    expect(argv.at(-1)).toEqual(['commit', 'firewall']);
    expect(argv.filter((a) => a[0] === 'commit')).toHaveLength(1);

    // The purge's deletes: each right after it read that section's name.
    const purged = argv.filter((a, i) => a[0] === 'delete' && argv[i - 1]?.[0] === 'get' && argv[i - 1]?.[1] === `${a[1]}.name`).map((a) => a[1]);
    const tagged = cfg.filter((s) => ['redirect', 'rule'].includes(s.type) && s.name?.startsWith(`synfw:${plan.profile.name} `)).map((s) => `firewall.${s.id}`);
    expect(purged).toEqual(tagged);
    expect(lastIndex(argv, (a) => a[0] === 'get')).toBeLessThan(argv.findIndex((a) => a[0] === 'set'));
    const allDeleted = new Set(argv.filter((a) => a[0] === 'delete').map((a) => a[1]));
    for (const keep of ['cfg01e63d', 'cfg03bbbb', 'cfg04cccc', 'cfg05dddd', 'cfg06eeee']) expect(allDeleted.has(`firewall.${keep}`)).toBe(false);

    // Every section is deleted before it is set, and nothing is set twice.
    const sections = argv.filter((a) => a[0] === 'set' && /^firewall\.\w+=(redirect|rule)$/.test(a[1]!)).map((a) => a[1]!.split('=')[0]!);
    expect(sections).toHaveLength(parseUciScript(script(plan)).sections.length);
    for (const s of sections) {
      const set = argv.findIndex((a) => a[0] === 'set' && /^[^=]+=(redirect|rule)$/.test(a[1]!) && a[1]!.split('=')[0] === s);
      const lastTouch = lastIndex(argv.slice(0, set), (a) => a[1] === s || a[1]?.startsWith(`${s}.`) === true);
      expect(argv[lastTouch]).toEqual(['delete', s]);
    }

    // Free text reaches uci as one intact argument: exactly the name the strict reader recovers.
    const expected = parseUciScript(script(plan)).sections.map((s) => `firewall.${s.id}.name=${s.options.get('name')}`);
    const names = argv.filter((a) => a[0] === 'set' && /^firewall\.\w+\.name=/.test(a[1]!));
    expect(names.map((a) => a.length)).toEqual(expected.map(() => 2));
    expect(names.map((a) => a[1])).toEqual(expected);
    expect(existsSync('/tmp/synfw-canary')).toBe(false);
  });

  test('remove: purges this profile, sets nothing, commits', (ctx) => {
    need(ctx, ['sh', 'od', 'sed']);
    const plan = samplePlan();
    const r = runScript(script(plan), ['remove'], canned('sample'));
    expect(r.status).toBe(0);
    const argv = r.calls.map(withoutFlags);
    expect(argv.filter((a) => a[0] === 'set' || a[0] === 'add_list')).toEqual([]);
    expect(argv.filter((a) => a[0] === 'delete').map((a) => a[1])).toEqual(['firewall.cfg02aaaa', 'firewall.cfg07ffff', 'firewall.synfw_sample_tcp_30001']);
    expect(argv.at(-1)).toEqual(['commit', 'firewall']);
  });

  test.for([
    ['wan', samplePlan()],
    ['lan', samplePlan()],
    ['guest (router.openwrt.lan)', samplePlan({ router: { targets: { openwrt: { lan: 'guest' } } } })],
  ] as [string, Plan][])('zone %s missing: exit 1 naming it and the zones there, before any change', ([missing, plan], ctx) => {
    need(ctx, ['sh', 'od', 'sed']);
    const zone = missing.split(' ')[0]!;
    const cfg = canned('sample').filter((s) => !(s.type === 'zone' && s.name === zone));
    const r = runScript(script(plan), [], cfg);
    const check = parseOpenwrtScript(script(plan)).zones.find((z) => z.zone === zone)!;
    expect(check.message).toMatch(new RegExp(`^synfw: firewall zone ${zone} \\(`));
    const there = cfg.filter((s) => s.type === 'zone').map((s) => s.name);
    expect([r.status, r.stderr]).toEqual([1, `${check.message}\nsynfw: its zones: ${there.join(' ')} \n`]);
    const argv = r.calls.map(withoutFlags);
    expect(argv.filter((a) => !['changes', 'show', 'get'].includes(a[0]!))).toEqual([]);
  });

  test('remove checks no zone: it works when the zones are gone', (ctx) => {
    need(ctx, ['sh', 'od', 'sed']);
    const r = runScript(script(samplePlan()), ['remove'], canned('sample').filter((s) => s.type !== 'zone'));
    expect(r.status).toBe(0);
    expect(r.calls.map(withoutFlags).at(-1)).toEqual(['commit', 'firewall']);
  });

  test('uncommitted firewall changes: stops before touching anything', (ctx) => {
    need(ctx, ['sh', 'od', 'sed']);
    const r = runScript(script(samplePlan()), [], canned('sample'), "firewall.cfg03bbbb.name='edited'\n");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('uncommitted changes');
    expect(r.calls.map(withoutFlags)).toEqual([['changes', 'firewall']]);
  });

  test('an unknown argument: usage, exit 2, uci never called', (ctx) => {
    need(ctx, ['sh', 'od', 'sed']);
    const r = runScript(script(samplePlan()), ['bogus'], canned('sample'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: sh .*fw\.sh \[apply\|remove\]\n$/);
    expect(r.calls).toEqual([]);
  });
});

// The golden files, the header, determinism and the flows of both formats are the contract
// test's (test/targets/contract.test.ts); here the shipped profiles get OpenWrt's own full reading:
// the sections of both forms alike, zone checks, names and reflection.
describe('openwrt: shipped profiles read back in full', () => {
  test.for(ALL_PROFILES.flatMap((p) => Object.keys(TARGETS.openwrt.formats).map((f) => [p, f] as const)))('%s (%s)', ([path, format]) => {
    const plan = planOf(path);
    const text = render(plan, format).text;
    expectSectionsMatch(plan, format === 'config' ? parseUciConfig(text) : parseOpenwrtScript(text).sections);
    checkParseBack(plan);
    expect(text.includes('reflection_src')).toBe(plan.hairpin === true);
  });
});
