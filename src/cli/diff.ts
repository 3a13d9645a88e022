// `synfw diff`: a profile against a router's exported state (a file or stdin). Reads, compares
// (src/diff, pure) and prints the report; the exit status says whether they match.

import { UsageError, formatDiagnostic } from '../diagnostics.js';
import { compareState } from '../diff/compare.js';
import { formatReport } from '../diff/format.js';
import { readRouterState, StateError, type DiffTarget } from '../diff/read-state.js';
import type { DiffReport } from '../diff/types.js';
import type { Plan } from '../plan/types.js';
import { routerSides } from '../targets/define.js';
import { TARGETS } from '../targets/index.js';
import { DIFFERS, ExitStatus } from './exit-status.js';
import { loadPlan } from './load-plan.js';
import { writeStderr, writeStdout } from './output.js';
import { readInput } from './read-input.js';

/** A whole config.xml with years of history fits; a runaway pipe does not. */
export const STATE_LIMIT = 64 * 1024 * 1024;

/** The report for a router state's text (`name` for messages: a file, "<stdin>", "ssh HOST"). */
export function diffText(plan: Plan, target: DiffTarget, text: string, name: string): DiffReport {
  const sides = routerSides(TARGETS[target], plan);
  try {
    return compareState(plan, target, readRouterState(target, text, sides));
  } catch (e) {
    if (e instanceof StateError) throw new UsageError(`cannot read the router state from ${name} as ${target} export: ${e.message}`);
    throw e;
  }
}

export const reportText = (r: DiffReport, json: boolean): string => (json ? `${JSON.stringify(r, null, 2)}\n` : formatReport(r));

export interface DiffRequest {
  profile: string;
  target: DiffTarget;
  from: string;
  json: boolean;
}

export async function runDiff(req: DiffRequest): Promise<void> {
  const { plan, warnings } = loadPlan(req.profile);
  const input = readInput(req.from, 'router state', STATE_LIMIT);
  const report = diffText(plan, req.target, input.text, input.name);
  await writeStdout(reportText(report, req.json));
  if (warnings.length) writeStderr(`${warnings.map((d) => formatDiagnostic(d)).join('\n')}\n`);
  if (!report.inSync) throw new ExitStatus(DIFFERS);
}
