// Real iptables/ip6tables for the iptables target's tests, inside a throw-away network namespace
// (`unshare -n`): the host's interfaces and rules are never touched. Each run gets the plan's WAN
// (and LAN, for hairpin) interfaces as veth ends with addresses, so the script's look-ups work.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'vitest';
import type { Plan } from '../../src/plan/types.js';
import { envFor, wanOf } from './readers/iptables/check.js';
import { parseRestore, type Family, type Ruleset } from '../../src/readers/iptables/index.js';
import type { RunEnv } from './readers/iptables/script.js';
import { linksSetup } from './netns-links.js';

const CI = process.env.CI === 'true';
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** Skips the test when a tool (or root) is missing, unless CI=true, where that is a failure. */
export function need(ctx: TestContext, tools: string[], root = false): void {
  const missing = tools.filter((t) => !has(t));
  const problems = [...missing.map((t) => `${t} not installed`), ...(root && process.getuid?.() !== 0 ? ['not root'] : [])];
  if (!problems.length) return;
  if (CI) throw new Error(`required for this test: ${problems.join(', ')}`);
  ctx.skip(`skipped: ${problems.join(', ')}`);
}

export const NETNS_TOOLS = ['unshare', 'ip', 'awk', 'iptables', 'iptables-save', 'ip6tables', 'ip6tables-save'];

/** Our chains, hooks and declarations from an iptables-save / ip6tables-save (the setup's rules are not ours). */
export const ours = (save: string, family: Family = 4): Ruleset =>
  parseRestore(save.split('\n').filter((l) => !l.startsWith('-A ') || l.includes('synfw')).join('\n'), family).rules;

/** iptables-save output without the timestamp lines and with counters zeroed. */
const normalise = (save: string) =>
  save
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.replace(/\[\d+:\d+\]/g, '[0:0]'))
    .join('\n');

/** A router's own rules, there before synfw's: FORWARD DROP in both families, masquerade to the WAN. */
export function routerSetup(wan: string): string {
  return [
    'iptables -P FORWARD DROP',
    'iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
    `iptables -t nat -A POSTROUTING -o ${wan} -j MASQUERADE`,
    'ip6tables -P FORWARD DROP',
    'ip6tables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
  ].join('\n');
}

/** `dump NAME` prints "=== NAME" with iptables-save and "=== NAME v6" with ip6tables-save. */
const DUMP = 'dump() { echo "=== $1"; iptables-save; echo "=== $1 v6"; ip6tables-save; }';

/**
 * Runs `steps` in a throw-away network namespace after the router setup and the plan's interfaces;
 * returns each "=== name" section's output.
 */
export function inNetns(plan: Plan, files: Record<string, string>, steps: string, env: RunEnv = envFor(plan)): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'synfw-ipt-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const script = ['set -e', 'cd "$0"', DUMP, linksSetup(env.addrs ?? {}), routerSetup(wanOf(plan)), steps].join('\n');
    const r = spawnSync('unshare', ['-n', 'sh', '-c', script, dir], { encoding: 'utf8' });
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
