// Running the CLI on a terminal: `script` (util-linux, Debian's essential bsdutils) gives the
// command a pseudo-terminal for stdin, stdout and stderr, and copies what it prints.

import { spawnSync } from 'node:child_process';
import { ROOT } from './profiles.js';
import { BIN, cliEnv } from './run-cli.js';

export const haveScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;

const shellQuote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** What synfw prints on a terminal of `columns` columns (stdout and stderr interleaved, "\r\n" as "\n"). */
export function onTerminal(args: string[], env: Record<string, string | undefined> = {}, columns = 80): string {
  const command = `stty cols ${columns} 2>/dev/null; ${[process.execPath, BIN, ...args].map(shellQuote).join(' ')}`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: cliEnv({ NO_COLOR: undefined, ...env }), encoding: 'utf8' });
  return r.stdout.replace(/\r\n/g, '\n');
}
