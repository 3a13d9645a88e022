// stdout and stderr as a Unix tool uses them: when the reader of stdout goes away (`synfw apps
// --json | head`), synfw stops quietly with the status a shell reports for SIGPIPE; a write that
// fails for another reason (a full disk) is a one-line error; stderr never throws.
//
// Output is written to the file descriptors directly where that is what process.stdout would do
// anyway (on Linux and macOS, writes to files and terminals are synchronous): creating
// process.stdout or process.stderr loads Node's stream, net and tty modules, which costs a short
// command like `synfw gen` about a tenth of its run. A descriptor that is non-blocking (EAGAIN)
// gets the rest through the stream, which waits until it can write.

import { writeSync } from 'node:fs';
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

/**
 * Errors are delivered to the write callbacks; without a listener Node would crash with a trace.
 * The listener is added when the stream is first created (yargs prints help through console.log),
 * so that a run that never uses the streams does not create them.
 */
export function guardStreams(): void {
  for (const name of ['stdout', 'stderr'] as const) {
    const own = Object.getOwnPropertyDescriptor(process, name);
    if (!own?.get || !own.configurable) {
      streamMade = true;
      process[name].on('error', () => {});
      continue;
    }
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: own.enumerable,
      get() {
        streamMade = true;
        Object.defineProperty(process, name, own);
        const stream = process[name];
        stream.on('error', () => {});
        return stream;
      },
    });
  }
}

let streamMade = false;

/**
 * Whether all output so far went to the descriptors directly: no stdout or stderr stream was
 * made, so no write can still be waiting in one.
 */
export const wroteDirectlyOnly = (): boolean => !streamMade;

/** Whether a descriptor is written through its stream from now on (it was non-blocking, or Windows). */
const viaStream = { 1: process.platform === 'win32', 2: process.platform === 'win32' };

/**
 * Text is encoded a piece at a time into one buffer, so that a large output is not held twice (as
 * text and as bytes). A UTF-16 unit never takes more than 3 bytes in UTF-8.
 */
const CHUNK = 1 << 16;
let chunkBuffer: Buffer | undefined;

/**
 * Writes what it can of `text` to the descriptor directly; returns the rest (empty when all was
 * written, the rest as bytes when the descriptor would block). Other errors are thrown.
 */
function writeDirect(fd: 1 | 2, text: string): Buffer {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + CHUNK, text.length);
    // Never between the two halves of a surrogate pair: each half alone would be encoded as U+FFFD.
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    chunkBuffer ??= Buffer.allocUnsafe(3 * CHUNK);
    const bytes = chunkBuffer.subarray(0, chunkBuffer.write(text.slice(start, end)));
    let done = 0;
    while (done < bytes.length) {
      try {
        done += writeSync(fd, bytes, done, bytes.length - done);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        viaStream[fd] = true;
        return Buffer.concat([bytes.subarray(done), Buffer.from(text.slice(end))]);
      }
    }
    start = end;
  }
  return Buffer.alloc(0);
}

function writeFailure(err: Error): Error {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code === 'EPIPE' || code === 'ECONNRESET') return new OutputClosed();
  return new UsageError(`cannot write to stdout: ${REASONS[code] ?? err.message}`);
}

export function writeStdout(text: string): Promise<void> {
  let rest: Buffer | string = text;
  if (!viaStream[1]) {
    try {
      rest = writeDirect(1, text);
    } catch (e) {
      return Promise.reject(writeFailure(e as Error));
    }
    if (rest.length === 0) return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    process.stdout.write(rest, (err) => (err ? reject(writeFailure(err)) : resolve()));
  });
}

export function writeStderr(text: string): void {
  try {
    const rest = viaStream[2] ? text : writeDirect(2, text);
    if (rest.length) process.stderr.write(rest);
  } catch {
    // Nowhere left to report to.
  }
}
