// Reading a profile or a --merge file: from a path, a pipe or process substitution (/dev/fd/N), or
// stdin ("-"), always with a size limit, so that /dev/zero or a 2 GB file is an error within a
// second instead of a gigabyte of memory.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../diagnostics.js';
import { decodeUtf8, type Decoded } from '../profile/decode.js';
import { writeStderr } from './output.js';

export interface Input extends Decoded {
  /** The name diagnostics use: the path as given, or "<stdin>". */
  name: string;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error',
  ENXIO: 'no such device',
};

export function describeErrno(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return (err.code && REASONS[err.code]) ?? err.message.replace(/^[A-Z]+: /, '').replace(/, \w+ .*$/, '');
}

const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

/** Sleeps without spinning, for a non-blocking stdin that has nothing yet. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readAll(fd: number, limit: number, fail: (why: string) => never): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(5);
        continue;
      }
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      fail(describeErrno(e));
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > limit) fail(`larger than ${mib(limit)}, synfw's limit for it`);
  }
  return Buffer.concat(chunks, total);
}

/** Reads `path` ("-" for stdin) as UTF-8 text of at most `limit` bytes, or throws a UsageError. */
export function readInput(path: string, what: string, limit: number): Input {
  const name = path === '-' ? '<stdin>' : path;
  const fail = (why: string): never => {
    throw new UsageError(`cannot read ${what} ${path === '-' ? 'from stdin' : name}: ${why}`);
  };
  if (path === '') fail('the file name is empty');
  let fd = 0;
  // node:tty (and the net module it loads) only for stdin: a few milliseconds of every other run.
  if (path === '-' && process.getBuiltinModule('node:tty').isatty(0)) writeStderr(`synfw: reading the ${what} from stdin; end it with Ctrl-D\n`);
  if (path !== '-') {
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      fail(describeErrno(e));
    }
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) fail('is a directory');
    if (st.isFile() && st.size > limit) fail(`larger than ${mib(limit)} (${st.size} bytes), synfw's limit for it`);
    return decode(name, readAll(fd, limit, fail));
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function decode(name: string, bytes: Buffer): Input {
  return { name, ...decodeUtf8(bytes) };
}
