// Running commands on a router with the system's `ssh` (and `scp`): synfw handles no password or
// key; the user's ssh config, agent and keys apply, and --ssh-option adds `-o` options.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SshTarget {
  /** USER@HOST or a Host alias of ~/.ssh/config. */
  host: string;
  /** Each passed as `-o OPTION` (ssh_config syntax: Port=2222, IdentityFile=~/.ssh/router). */
  options: string[];
}

export interface SshResult {
  status: number | null;
  /** The signal that ended ssh, if any. */
  signal: string | null;
  stdout: string;
  stderr: string;
}

const ARGS = (t: SshTarget): string[] => t.options.flatMap((o) => ['-o', o]);

/** `program args`, `input` on its stdin; `onStderr` sees the remote side's stderr as it comes. */
function run(program: string, args: string[], input: string | null, limit: number, onStderr?: (text: string) => void): Promise<SshResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    child.stdout!.on('data', (b: Buffer) => {
      size += b.length;
      if (size > limit) child.kill('SIGTERM');
      else out.push(b);
    });
    child.stderr!.on('data', (b: Buffer) => {
      err.push(b);
      onStderr?.(b.toString('utf8'));
    });
    child.on('error', (e) => reject(new Error(`cannot run ${program}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found on PATH' : e.message}`)));
    child.on('close', (status, signal) => {
      const stdout = Buffer.concat(out).toString('utf8');
      if (size > limit) return reject(new Error(`${program} printed more than ${limit} bytes`));
      resolve({ status, signal, stdout, stderr: Buffer.concat(err).toString('utf8') });
    });
    if (input !== null) {
      // The remote side may end before reading everything (a script that fails early).
      child.stdin!.on('error', () => {});
      child.stdin!.end(input);
    }
  });
}

/** Runs `command` on the router (its login shell runs it), `input` on its stdin. */
export function sshRun(t: SshTarget, command: string, input: string | null, limit: number, onStderr?: (text: string) => void): Promise<SshResult> {
  return run('ssh', ['-T', ...ARGS(t), '--', t.host, command], input, limit, onStderr);
}

/** Copies `text` to `file` on the router (through a private temporary file: scp sends regular files only). */
export async function scpText(t: SshTarget, text: string, file: string): Promise<SshResult> {
  const dir = mkdtempSync(join(tmpdir(), 'synfw-apply-'));
  try {
    writeFileSync(join(dir, file), text, { mode: 0o600 });
    return await run('scp', ['-q', ...ARGS(t), '--', join(dir, file), `${t.host}:${file}`], null, 1024 * 1024);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The last lines of a command's stderr, for a message. */
export const tail = (text: string, lines = 5): string => text.trim().split('\n').slice(-lines).join('\n');
