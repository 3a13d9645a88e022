// Shipped profiles and the test-only hostile profile, rendered through the real pipeline.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planFromText } from '../../src/pipeline.js';
import type { Plan } from '../../src/plan/types.js';
import { loadTarget } from '../../src/targets/index.js';
import type { TargetId } from '../../src/targets/index.js';
import type { RenderOptions } from '../../src/targets/types.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

/** Paths relative to the repository root, as a user would type them. */
export const SHIPPED_PROFILES = readdirSync(`${ROOT}profiles`)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `profiles/${f}`);

export const HOSTILE_PROFILE = 'test/fixtures/profiles/hostile.yaml';

/** Every shipped profile plus the hostile-strings profile. */
export const ALL_PROFILES = [...SHIPPED_PROFILES, HOSTILE_PROFILE];

export function profileSlug(path: string): string {
  return path.split('/').pop()!.replace(/\.ya?ml$/, '');
}

export function planOf(path: string): Plan {
  const r = planFromText(readFileSync(`${ROOT}${path}`, 'utf8'), path);
  if (!r.plan) throw new Error(`${path} does not resolve:\n${r.diagnostics.map((d) => d.message).join('\n')}`);
  return r.plan;
}

export async function renderProfile(path: string, target: TargetId, options: Partial<RenderOptions> = {}): Promise<{ plan: Plan; text: string }> {
  const plan = planOf(path);
  const t = await loadTarget(target);
  return { plan, text: t.render(plan, { version: VERSION, ...options }).text };
}

/** Where a golden file lives: test/golden/<profile>/<target>[.<format>].<ext> */
export function goldenPath(path: string, target: TargetId, ext: string, format?: string): string {
  return `${ROOT}test/golden/${profileSlug(path)}/${target}${format && format !== 'default' ? `.${format}` : ''}.${ext}`;
}
