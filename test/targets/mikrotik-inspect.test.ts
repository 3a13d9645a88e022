// Issue 8 §4: every RouterOS command synfw writes (the script and the commands its header gives)
// checked against MikroTik's own command trees, the /console/inspect dumps of RouterOS 7.9, 7.16.2
// and 7.23.3: every menu, command, argument name, find/where property and global command must exist
// in each version, and the header must state the oldest version in which all of them exist.

import { describe, expect, it, test } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { target } from '../../src/targets/mikrotik/index.js';
import { hostilePlan, manyPortsPlan, samplePlan } from '../fixtures/plans.js';
import { labDescribe } from '../lab/lab.js';
import { RosSyntaxError } from '../support/readers/routeros/script.js';
import { checkRouterOS, statedMinimum, type CheckReport } from '../support/readers/routeros/command-check.js';
import { DEFCONF_SCRIPT } from '../support/readers/routeros/defconf.js';
import { compareVersions, inspectAvailability, INSPECT_VERSIONS } from '../support/readers/routeros/inspect.js';
import { ALL_PROFILES, planOf, VERSION } from '../support/profiles.js';

const text = (plan: Plan): string => target.render(plan, { version: VERSION }).text;
const nas6 = { ...samplePlan().nas, address6: '2001:db8::10' };

/** The option variants mikrotik-options.test.ts builds, plus packing and hostile text. */
const VARIANTS: [string, () => Plan][] = [
  ['sample', () => samplePlan()],
  ['allowFrom', () => samplePlan({ allowFrom: ['198.51.100.0/24', '203.0.113.7/32'], allowFrom6: [] })],
  ['allowFrom IPv6 only', () => samplePlan({ allowFrom: [], allowFrom6: ['2001:db8:100::/48'] })],
  ['hairpin', () => samplePlan({ hairpin: true })],
  ['hairpin, router.lan', () => samplePlan({ hairpin: true, router: { lan: 'bridge1' } })],
  ['hairpin and allowFrom', () => samplePlan({ hairpin: true, allowFrom: ['198.51.100.0/24'], allowFrom6: [] })],
  ['nas.address6', () => samplePlan({ nas: nas6 })],
  ['nas.address6, allowFrom both', () => samplePlan({ nas: nas6, allowFrom: ['198.51.100.0/24'], allowFrom6: ['2001:db8:100::/48'] })],
  ['nas.address6, allowFrom IPv4 only', () => samplePlan({ nas: nas6, allowFrom: ['198.51.100.0/24'], allowFrom6: [] })],
  ['nas.address6, router.wan', () => samplePlan({ nas: nas6, router: { wan: 'pppoe-out1' } })],
  ['router.wan needing quotes', () => samplePlan({ router: { wan: 'ether1:wan' } })],
  ['every option', () => samplePlan({ hairpin: true, allowFrom: ['198.51.100.0/24'], allowFrom6: ['2001:db8:100::/48'], nas: nas6 })],
  ['no forwards', () => samplePlan({ forwards: [], skipped: [] })],
  ['40 ports', () => manyPortsPlan(40)],
  ['hostile texts', () => hostilePlan()],
];
const OUTPUTS: [string, () => string][] = [
  ...ALL_PROFILES.map((p): [string, () => string] => [p, () => text(planOf(p))]),
  ...VARIANTS.map(([name, plan]): [string, () => string] => [`sample: ${name}`, () => text(plan())]),
];

/** The versions lacking something, with what they lack: [] when every version has everything. */
const lacking = (r: CheckReport): CheckReport['missing'] => r.missing.filter((m) => m.lacks.length);

labDescribe('mikrotik against the RouterOS command trees (/console/inspect 7.9, 7.16.2, 7.23.3)', inspectAvailability(), { timeout: 60_000 }, () => {
  describe('every output', () => {
    test.each(OUTPUTS)('%s: every command and argument exists in every version', (_name, out) => {
      const script = out();
      const r = checkRouterOS(script);
      expect(r.problems).toEqual([]);
      expect(lacking(r)).toEqual([]);
      expect(r.minimumVersion).toBe(INSPECT_VERSIONS[0]);
      // Not vacuous: every add line was looked up, with its arguments (at least 3 each).
      const adds = script.split('\n').filter((l) => l.startsWith('add ')).length;
      expect(r.used.filter((u) => / add$/.test(u))).toHaveLength(adds);
      expect(r.used.filter((u) => / add [a-z-]+=$/.test(u)).length).toBeGreaterThanOrEqual(3 * adds);
    });

    test.each(ALL_PROFILES)('%s: the header states the minimum RouterOS version the command trees give', (path) => {
      const script = text(planOf(path));
      const r = checkRouterOS(script);
      const stated = statedMinimum(script);
      expect(stated, 'the header must say "RouterOS <version> or later"').not.toBeNull();
      expect(stated).toBe(r.minimumVersion);
      expect(r.missing.filter((m) => compareVersions(m.version, stated!) >= 0 && m.lacks.length)).toEqual([]);
    });
  });

  describe('the checker reads the scripting language', () => {
    it("reads defconf's own firewall script ({ } blocks with menu-relative paths) and finds it in every version", () => {
      const r = checkRouterOS(DEFCONF_SCRIPT);
      expect([r.problems, lacking(r), r.minimumVersion]).toEqual([[], [], '7.9']);
      expect(r.used).toContain('/ipv6 firewall filter add hop-limit=');
      expect(r.used).toContain('/interface list member add interface=');
    });

    it('follows relative menus, .., v7 slash paths, line joining, blocks, variables and find/where', () => {
      const script = [
        '/ip firewall',
        'nat',
        'add chain=dstnat \\',
        '    action=dst-nat in-interface-list=WAN protocol=tcp dst-port=1 to-addresses=10.0.0.1 comment="a \\$HOME"',
        '..',
        'filter print count-only where chain=forward and !disabled',
        '/ip/firewall/mangle add chain=prerouting action=mark-connection new-connection-mark=m passthrough=yes',
        ':do {',
        '  :local n [/ip firewall nat find where comment~"^x" and (action=dst-nat or action=redirect)]',
        '  :foreach i in=$n do={:put "id $i"}',
        '  :if ([:len $n] > 0) do={/ip firewall nat remove $n} else={:log info "none"}',
        '} on-error={:put "failed"}',
        ':local a 1; :put $a',
        '/interface list print where name=WAN',
        '/interface list find name="WAN"',
        '',
      ].join('\n');
      const r = checkRouterOS(script);
      expect([r.problems, lacking(r)]).toEqual([[], []]);
      for (const u of [
        '/ip firewall nat add action=',
        'menu /ip firewall',
        '/ip firewall filter print count-only',
        '/ip firewall filter print where disabled',
        '/ip firewall mangle add new-connection-mark=',
        ':do on-error=',
        '/ip firewall nat find where comment',
        '/ip firewall nat find where action',
        ':foreach in=',
        '/ip firewall nat remove',
        '/log info',
        '/interface list find where name',
      ]) expect(r.used).toContain(u);
    });

    it('reads quoted variable names, ->, and strings joined across lines', () => {
      const r = checkRouterOS(':local "a-b" {k=1}; :put ($"a-b"->"k"); :put "x\\\ny"\n');
      expect([r.problems, lacking(r)]).toEqual([[], []]);
    });

    it('checks the commands the header gives (remove commands, /import)', () => {
      const script = '#   /ip firewall nat remove [find where comment~"^x "]\n# then in a terminal: /import file-name=x.rsc\n';
      expect(checkRouterOS(script).used).toEqual(['/ip firewall nat remove', '/ip firewall nat find', '/ip firewall nat find where comment', '/import', '/import file-name=']);
    });
  });

  describe('the checker catches', () => {
    const base = '/ip firewall nat\nadd chain=dstnat action=dst-nat in-interface-list=WAN protocol=tcp dst-port=1 to-addresses=10.0.0.1 comment="x"\n';
    const lacks = (script: string): Record<string, string[]> => Object.fromEntries(checkRouterOS(script).missing.map((m) => [m.version, m.lacks]));

    it('nothing in the baseline', () => expect(lacking(checkRouterOS(base))).toEqual([]));

    it('a misspelt argument, in every version', () => {
      const r = checkRouterOS(base.replace('in-interface-list', 'in-interface-lst'));
      expect(r.minimumVersion).toBeNull();
      for (const v of INSPECT_VERSIONS) expect(lacks(base.replace('in-interface-list', 'in-interface-lst'))[v]).toEqual(['line 2: /ip firewall nat add in-interface-lst=']);
    });

    it.each([
      ['an unknown menu', base.replace('/ip firewall nat', '/ip firewall nats'), /no menu or command "nats" in \/ip firewall/],
      ['an unknown command', base.replace('\nadd ', '\nappend '), /no menu or command "append" in \/ip firewall nat/],
      ['an unknown global command', ':frobnicate 1\n', /unknown global command :frobnicate/],
      ['a misspelt menu in a header command', `#   /ip firewall natt remove [find]\n${base}`, /line 1:.*"natt"/],
      ['a blank before =', base.replace('chain=dstnat', 'chain =dstnat'), /blank before "="/],
      ['a raw ? in a string', base.replace('"x"', '"x?"'), /console help/],
      ['a backslash that does not end the line', base.replace('chain=', '\\ chain='), /backslash outside a string/],
      ['a comment that is not at the line start', base.replace('"x"\n', '"x" # c\n'), /unexpected character "#"/],
      ['a comment ending in a backslash', `# a \\\n${base}`, /comment ending in a backslash/],
      ['a variable name with a dash', ':local "a-b" 1; :put $a-b\n', /letters and digits only/],
      ['a string continued on an indented line', ':put "a\\\n  b"\n', /indented line/],
      ['a line break inside [ ]', ':put [:len\n"a"]\n', /line break inside \[ \]/],
    ])('%s', (_n, script, why) => {
      expect(() => checkRouterOS(script)).toThrow(RosSyntaxError);
      expect(() => checkRouterOS(script)).toThrow(why);
    });

    it('a property only in newer versions: the minimum version moves up', () => {
      const script = base.replace('comment="x"', 'randomise-ports=yes comment="x"');
      expect(lacks(script)).toEqual({ '7.9': ['line 2: /ip firewall nat add randomise-ports='], '7.16.2': [], '7.23.3': [] });
      expect(checkRouterOS(script).minimumVersion).toBe('7.16.2');
      expect(checkRouterOS(base.replace('comment="x"', 'socks5-port=1080 comment="x"')).minimumVersion).toBe('7.23.3');
    });

    it('a find/where property that is misspelt, or only in newer versions', () => {
      expect(checkRouterOS(`${base}remove [find where coment~"x"]\n`).minimumVersion).toBeNull();
      expect(lacks(`${base}remove [find where randomise-ports=yes]\n`)['7.9']).toEqual(['line 3: /ip firewall nat find where randomise-ports']);
      expect(checkRouterOS('/ip firewall nat remove [find where dynamik=no]\n').minimumVersion).toBeNull();
    });

    it('global commands and their arguments only in newer versions', () => {
      expect(checkRouterOS(':onerror e in={:error "x"} do={:put $e}\n').minimumVersion).toBe('7.16.2');
      expect(checkRouterOS(':foreach i in=[/ip firewall nat find] do={:put $i} on-error={:put "x"}\n').minimumVersion).toBe('7.23.3');
    });

    it('variables used out of scope: undeclared, or a :local read on the next pasted line', () => {
      expect(checkRouterOS(':put $nope\n').problems).toEqual(['line 1: $nope is not declared in this scope (each line pasted into a terminal is a scope of its own)']);
      expect(checkRouterOS(':local a 1\n:put $a\n').problems).toHaveLength(1);
      expect(checkRouterOS(':put "home is $HOME"\n').problems).toHaveLength(1);
      expect(checkRouterOS(':foreach i in={1;2} do={:put $i}\n:put $i\n').problems).toHaveLength(1);
      expect(checkRouterOS('{\n:local a 1\n:put $a\n}\n:global g 1\n:put $g\n:put "\\$HOME"\n').problems).toEqual([]);
    });
  });
});
