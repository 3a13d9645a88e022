// synfw diff's readers against every shipped profile (and the hostile one), for the targets whose
// export is a file synfw can make without root: OpenWrt's /etc/config/firewall (--format config),
// pfSense and OPNsense config.xml (the file synfw writes is what a backup holds), RouterOS exports
// from the simulator's state and VyOS `show configuration commands` from the stub router's calls
// (test/support/diff/exports.ts). Each must be in sync with its plan, and a drift made in the
// export (one forward's rules gone) must show as exactly that port missing. The real software's
// exports are in test/lab/diff-roundtrip.lab.test.ts.

import { describe, expect, it } from 'vitest';
import { compareState } from '../../src/diff/compare.js';
import { readRouterState, type DiffTarget } from '../../src/diff/read-state.js';
import type { Port } from '../../src/diff/types.js';
import type { Flow, ReadFlow } from '../../src/readers/flow.js';
import type { Plan } from '../../src/plan/types.js';
import { routerSides } from '../../src/targets/define.js';
import { TARGETS } from '../../src/targets/index.js';
import { TargetError } from '../../src/targets/types.js';
import { routerOsExport, vyosShowCommands } from '../support/diff/exports.js';
import { ALL_PROFILES, planOf, profileSlug, renderProfile } from '../support/profiles.js';

interface Way {
  target: DiffTarget;
  format?: string;
  /** The router's export after the output was applied. */
  export: (plan: Plan, text: string) => string;
}

const WAYS: Way[] = [
  { target: 'openwrt', format: 'config', export: (_, text) => text },
  { target: 'pfsense', export: (_, text) => text },
  { target: 'opnsense', export: (_, text) => text },
  { target: 'opnsense', format: 'mvc', export: (_, text) => text },
  { target: 'mikrotik', export: routerOsExport },
  { target: 'vyos', export: vyosShowCommands },
];

const XML = new Set<DiffTarget>(['pfsense', 'opnsense']);

const portLine = (p: Port): string => `${p.family} ${p.proto} ${p.wan ?? '-'} -> ${p.targets.join(',')} from ${p.sources.join(',')}${p.hairpin ? ' hairpin' : ''}`;

async function exported(path: string, way: Way): Promise<{ plan: Plan; text: string } | null> {
  try {
    const { plan, text } = await renderProfile(path, way.target as never, way.format ? { format: way.format } : {});
    return { plan, text: way.export(plan, text) };
  } catch (e) {
    // A plan the target refuses (SFW301) has no output to read.
    if (e instanceof TargetError) return null;
    throw e;
  }
}

describe('synfw diff reads what each router would export, for every profile', () => {
  for (const way of WAYS) {
    for (const path of ALL_PROFILES) {
      it(`${way.target}${way.format ? ` ${way.format}` : ''} ${profileSlug(path)}: in sync, and a deleted forward is exactly missing`, async () => {
        const got = await exported(path, way);
        if (!got) {
          expect(() => planOf(path)).not.toThrow();
          return;
        }
        const { plan, text } = got;
        const sides = routerSides(TARGETS[way.target], plan);
        const report = compareState(plan, way.target, readRouterState(way.target, text, sides));
        expect([report.skipped, report.missing, report.stale, report.changed, report.foreign]).toEqual([[], [], [], [], []]);
        expect(report.inSync).toBe(true);
        expect(report.same.length).toBeGreaterThan(0);

        // A drift: one rule deleted. What the reader then finds is what it found before without
        // that rule's flows, exactly (and no longer in sync: the self-check that this can fail).
        const state = readRouterState(way.target, text, sides);
        const victim = state.flows.find((f) => f.family === 4) ?? state.flows[0]!;
        const drifted = dropRule(way.target, text, victim.at, victim.wan ?? victim.port, victim.proto);
        // config.xml: every port forward of that WAN port goes (one per source), with its linked filter rule.
        const gone = XML.has(way.target) ? (f: Flow) => f.family === 4 && f.wan === victim.wan && f.proto === victim.proto : (f: ReadFlow) => f.at === victim.at;
        const want = compareState(plan, way.target, { flows: state.flows.filter((f) => !gone(f)), skipped: [] });
        const after = compareState(plan, way.target, readRouterState(way.target, drifted, sides));
        expect(want.inSync).toBe(false);
        expect([after.skipped, after.missing.map(portLine), after.changed.map((c) => portLine(c.router)), after.stale]).toEqual([[], want.missing.map(portLine), want.changed.map((c) => portLine(c.router)), []]);
      });
    }
  }
});

/** The export without one rule (where the reader found it): the drift a person makes by deleting it. */
function dropRule(target: DiffTarget, text: string, at: string, port: number, proto: string): string {
  switch (target) {
    case 'openwrt': {
      const id = /^section (\S+)$/.exec(at)![1]!;
      return text
        .split(/\n(?=config )/)
        .filter((s) => !s.startsWith(`config redirect '${id}'`) && !s.startsWith(`config rule '${id}'`))
        .join('\n');
    }
    case 'mikrotik': {
      const line = Number(/^line (\d+)$/.exec(at)![1]);
      return text
        .split('\n')
        .filter((_, i) => i + 1 !== line)
        .join('\n');
    }
    case 'vyos': {
      const rule = /^(.* rule \d+) \(line \d+\)$/.exec(at)![1]!;
      return text
        .split('\n')
        .filter((l) => !l.startsWith(`set ${rule} `))
        .join('\n');
    }
    default:
      return dropXml(text, proto, String(port));
  }
}

/**
 * config.xml: the port forwards of one WAN port (their <rule>s in <nat>), and the filter rules linked
 * to them (associated-rule-id), as deleting them in the GUI does.
 */
function dropXml(text: string, proto: string, port: string): string {
  const rule = /<rule(?: [^>]*)?>[\s\S]*?<\/rule>/g;
  const linked: string[] = [];
  const nat = text.replace(rule, (r) => {
    if (!r.includes(`<port>${port}</port>`) || !r.includes(`<protocol>${proto}</protocol>`) || !r.includes('<target>')) return r;
    const id = /<associated-rule-id>([^<]+)<\/associated-rule-id>/.exec(r)?.[1];
    if (id !== undefined) linked.push(id);
    return '';
  });
  return nat.replace(rule, (r) => (linked.some((id) => r.includes(`<associated-rule-id>${id}</associated-rule-id>`)) ? '' : r));
}
