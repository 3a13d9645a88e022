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

/**
 * Where the bin keeps its code cache during tests: in the checkout's git-ignored .cache/, shared by
 * all runs (as a user's is), never in the user's own cache directory.
 */
export const TEST_CACHE_HOME = `${ROOT}.cache/xdg-cache`;

/**
 * The environment of every run: no colour, the default width and the tests' code cache unless a
 * test asks otherwise.
 */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: TEST_CACHE_HOME };
  delete env.NODE_DISABLE_COMPILE_CACHE;
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
