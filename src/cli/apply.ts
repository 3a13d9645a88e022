// `synfw apply`: read the router's state over ssh, show the diff, confirm, run the generated script
// on the router, read the state again. It succeeds only when the router then matches the plan; on
// any failure after the script started it says what the router has now (the diff read afterwards).

import { createInterface } from 'node:readline';
import { escapeUnsafe, formatDiagnostic, ProfileError, UsageError } from '../diagnostics.js';
import { formatReport } from '../diff/format.js';
import type { DiffReport } from '../diff/types.js';
import { renderTarget } from '../gen/render-target.js';
import type { Plan } from '../plan/types.js';
import { stateAccess, type ApplyTargetId } from '../targets/index.js';
import type { ApplyAccess } from '../targets/types.js';
import { APPLY_FAILED, DIFFERS, ExitStatus } from './exit-status.js';
import { diffText, reportText, STATE_LIMIT } from './diff.js';
import { loadPlan } from './load-plan.js';
import { writeStderr, writeStdout } from './output.js';
import { scpText, sshRun, tail, type SshTarget } from './ssh.js';
import { synfwVersion } from './version.js';

export interface ApplyRequest {
  profile: string;
  target: ApplyTargetId;
  ssh: SshTarget;
  yes: boolean;
  dryRun: boolean;
  json: boolean;
}

/** The router's export over ssh, or an error saying which command failed and how. */
async function readState(req: ApplyRequest): Promise<string> {
  let text = '';
  for (const command of stateAccess(req.target).apply!.read) {
    const r = await sshRun(req.ssh, command, null, STATE_LIMIT);
    if (r.status !== 0) throw new Error(`ssh ${req.ssh.host} ${command}: ${r.signal ? `killed by ${r.signal}` : `exit status ${r.status}`}${r.stderr.trim() ? `: ${tail(r.stderr)}` : ''}`);
    text += r.stdout;
  }
  return text;
}

/** The diff of the router now, for a message after the script ran; never throws. */
async function stateNow(req: ApplyRequest, plan: Plan): Promise<{ report?: DiffReport; problem?: string }> {
  try {
    return { report: diffText(plan, req.target, await readState(req), `ssh ${req.ssh.host}`) };
  } catch (e) {
    return { problem: (e as Error).message };
  }
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) => {
      rl.question(question, resolve);
      rl.on('close', () => resolve(''));
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Runs the script: piped to the router's shell, or uploaded and imported (RouterOS). */
async function runScript(req: ApplyRequest, script: string, profile: string): Promise<{ ok: boolean; why: string }> {
  const way: ApplyAccess = stateAccess(req.target).apply!;
  const echo = (text: string): void => writeStderr(text);
  let file = '';
  if (way.upload) {
    file = way.upload(profile);
    const up = await scpText(req.ssh, script, file);
    if (up.status !== 0) return { ok: false, why: `copying the script to ${file} on the router failed (scp exit status ${up.status}): ${tail(up.stderr)}; nothing ran` };
  }
  const r = await sshRun(req.ssh, way.run(file), way.upload ? null : script, STATE_LIMIT, echo);
  if (r.stdout) writeStderr(r.stdout);
  if (way.cleanup) await sshRun(req.ssh, way.cleanup(file), null, STATE_LIMIT);
  // RouterOS reports a failed /import on its output, with a zero exit status.
  const failedImport = way.upload !== undefined && /failure:|error|Script Error/i.test(r.stdout);
  if (r.status === 0 && !failedImport) return { ok: true, why: '' };
  const how = r.signal ? `killed by ${r.signal}` : `exit status ${r.status}`;
  return { ok: false, why: `the script failed on ${req.ssh.host} (${how})${r.stderr.trim() ? `; its last words: ${tail(r.stderr, 3)}` : ''}` };
}

export async function runApply(req: ApplyRequest): Promise<void> {
  const { plan, warnings, name } = loadPlan(req.profile);
  const rendered = await renderTarget(req.target, plan, { version: synfwVersion() }, name);
  if (!rendered.ok) throw new ProfileError(rendered.errors);
  if (warnings.length + rendered.warnings.length) writeStderr(`${[...warnings, ...rendered.warnings].map((d) => formatDiagnostic(d)).join('\n')}\n`);
  const host = escapeUnsafe(req.ssh.host);

  let before: DiffReport;
  try {
    before = diffText(plan, req.target, await readState(req), `ssh ${req.ssh.host}`);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`${e.message}; nothing was changed`);
    throw new UsageError(`cannot read the router's state: ${(e as Error).message}; nothing was changed`);
  }
  await writeStdout(reportText(before, req.json));
  if (before.inSync) {
    writeStderr(`synfw apply: ${host} already matches profile ${plan.profile.name}; nothing to do\n`);
    return;
  }
  if (req.dryRun) {
    writeStderr(`synfw apply: --dry-run: nothing was changed on ${host}\n`);
    throw new ExitStatus(DIFFERS);
  }
  if (!req.yes) {
    if (!process.stdin.isTTY) throw new UsageError(`not changing ${req.ssh.host} without a confirmation: run synfw apply on a terminal, or add --yes; nothing was changed`);
    if (!(await confirm(`Apply profile ${plan.profile.name} to ${host} (${req.target})? [y/N] `))) {
      writeStderr('synfw apply: nothing was changed\n');
      throw new ExitStatus(DIFFERS);
    }
  }

  const ran = await runScript(req, rendered.text, plan.profile.name);
  const after = await stateNow(req, plan);
  const now = after.report
    ? `the router now has:\n${formatReport(after.report)}`
    : `reading its state again failed (${after.problem}), so what it has now is unknown: run synfw diff to see`;
  if (!ran.ok) {
    writeStderr(`synfw apply: ${escapeUnsafe(ran.why)}; ${now}`);
    throw new ExitStatus(APPLY_FAILED);
  }
  if (!after.report?.inSync) {
    writeStderr(`synfw apply: the script ran on ${host}, but ${now}`);
    throw new ExitStatus(APPLY_FAILED);
  }
  writeStderr(`synfw apply: done; ${host} matches profile ${plan.profile.name} (${after.report.same.length} port(s))\n`);
}
