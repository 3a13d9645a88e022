// Runs the built binary (dist/, built by `npm test` before vitest) as a user would.

import { spawnSync } from 'node:child_process';
import { ROOT } from './profiles.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string;
  /** Added to the environment; a value of undefined removes the variable. */
  env?: Record<string, string | undefined>;
  /** A file descriptor to give the process as its stdout (then `stdout` is empty). */
  stdoutFd?: number;
}

export const BIN = `${ROOT}dist/synfw.cjs`;

/** The environment of every run: no colour and the default width unless a test asks otherwise. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['COLUMNS', 'FORCE_COLOR', 'SYNFW_DEBUG']) delete env[key];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function synfw(args: string[], options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: cliEnv(options.env),
    ...(options.stdoutFd !== undefined ? { stdio: ['pipe', options.stdoutFd, 'pipe'] } : {}),
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr };
}
