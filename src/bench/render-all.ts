// Child process of the benchmark: plan one profile and render it through every target, reporting
// milliseconds per step and the process's peak memory as JSON on stdout.

import { readFileSync } from 'node:fs';
import { planFromText } from '../pipeline.js';
import { loadTarget, targetIds } from '../targets/index.js';
import { TargetError } from '../targets/types.js';

const file = process.argv[2]!;
const text = readFileSync(file, 'utf8');
const t0 = performance.now();
const result = planFromText(text, file);
if (!result.plan) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
const planMs = performance.now() - t0;
const perTarget: Record<string, number> = {};
const refused: Record<string, string> = {};
for (const id of targetIds) {
  const target = await loadTarget(id);
  const t = performance.now();
  try {
    target.render(result.plan, { version: 'bench', upnpMax: 1_000_000 });
  } catch (e) {
    // A target limit (e.g. VyOS's block of 999 rule numbers) is an answer, not a crash.
    if (!(e instanceof TargetError)) throw e;
    refused[id] = e.diagnostics.map((d) => d.code).join(',');
  }
  perTarget[id] = performance.now() - t;
}
const totalMs = performance.now() - t0;
process.stdout.write(JSON.stringify({ planMs, perTarget, refused, totalMs, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
