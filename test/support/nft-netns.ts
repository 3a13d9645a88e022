// Runs the real nft inside a private, throw-away network namespace (`unshare -n`): the host's own
// ruleset is never read or touched, and everything loaded vanishes with the namespace. Tests skip
// with a message when nft, unshare or root is missing, and fail instead when CI=true.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'vitest';
import { linksSetup } from './netns-links.js';

const CI = process.env.CI === 'true';
const PATH = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`;
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`], { env: { ...process.env, PATH } }).status === 0;

/** Skips the test (or fails it with CI=true) unless nft can run in a private namespace. */
export function needNft(ctx: TestContext): void {
  const problems = [...['nft', 'unshare'].filter((t) => !has(t)).map((t) => `${t} not installed`), ...(process.getuid?.() !== 0 ? ['not root'] : [])];
  if (!problems.length) return;
  if (CI) throw new Error(`required for this test: ${problems.join(', ')}`);
  ctx.skip(`skipped: ${problems.join(', ')} (nft runs in a private network namespace from unshare -n)`);
}

export interface NetnsRun {
  status: number;
  stderr: string;
  /** stdout split at lines "=== NAME" into sections. */
  sections: Record<string, string>;
}

/**
 * Writes `files` to a temp dir and runs the sh `steps` there in a new network namespace that has
 * the interfaces `links` (a synfw file loads only where the interfaces it names exist).
 */
export function inNetns(files: Record<string, string>, steps: string, links: string[] = []): NetnsRun {
  const dir = mkdtempSync(join(tmpdir(), 'synfw-nft-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const r = spawnSync('unshare', ['-n', 'sh', '-c', `set -e\ncd "$0"\n${linksSetup(links)}\n${steps}`, dir], { encoding: 'utf8', env: { ...process.env, PATH, LC_ALL: 'C' } });
    const sections: Record<string, string> = {};
    for (const part of (r.stdout ?? '').split(/^=== /m).slice(1)) {
      const nl = part.indexOf('\n');
      sections[part.slice(0, nl)] = part.slice(nl + 1);
    }
    return { status: r.status ?? -1, stderr: r.stderr ?? '', sections };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Like inNetns, but throws with nft's message when a step fails. */
export function inNetnsOk(files: Record<string, string>, steps: string, links: string[] = []): Record<string, string> {
  const r = inNetns(files, steps, links);
  if (r.status !== 0) throw new Error(`netns run failed (${r.status}): ${r.stderr}`);
  return r.sections;
}
