// Runs the built binary (dist/, built by `npm test` before vitest) as a user would.

import { spawnSync } from 'node:child_process';
import { ROOT } from './profiles.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function synfw(args: string[], options: { cwd?: string; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [`${ROOT}dist/synfw.cjs`, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
