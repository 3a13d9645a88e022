// stdout and stderr as a Unix tool uses them: when the reader of stdout goes away (`synfw apps
// --json | head`), synfw stops quietly with the status a shell reports for SIGPIPE; a write that
// fails for another reason (a full disk) is a one-line error; stderr never throws.

import { UsageError } from '../diagnostics.js';

/** The reader of stdout closed the pipe: stop without a word. */
export class OutputClosed extends Error {
  constructor() {
    super('stdout closed');
    this.name = 'OutputClosed';
  }
}

/** What a shell reports for a process that SIGPIPE ended (128 + 13). */
export const CLOSED_PIPE_STATUS = 141;

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EBADF: 'it is closed',
  EFBIG: 'the file is too large',
};

/** Errors are delivered to the write callbacks; without a listener Node would crash with a trace. */
export function guardStreams(): void {
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
}

export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => {
      if (!err) return resolve();
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code === 'EPIPE' || code === 'ECONNRESET') reject(new OutputClosed());
      else reject(new UsageError(`cannot write to stdout: ${REASONS[code] ?? err.message}`));
    });
  });
}

export function writeStderr(text: string): void {
  try {
    process.stderr.write(text);
  } catch {
    // Nowhere left to report to.
  }
}
