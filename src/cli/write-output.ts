// Writing output files so that they keep what they replace: a temporary file beside the real
// target (through any symbolic links, which stay links) is renamed over it, with the mode and
// owner of the file it replaces. Never a half-written config; never a device, FIFO or socket.
// Several files are staged first and renamed only when all of them were written, so a failure
// replaces none.

import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../diagnostics.js';
import { describeErrno } from './read-input.js';

const KINDS: Array<[(s: Stats) => boolean, string]> = [
  [(s) => s.isDirectory(), 'a directory'],
  [(s) => s.isCharacterDevice(), 'a character device'],
  [(s) => s.isBlockDevice(), 'a block device'],
  [(s) => s.isFIFO(), 'a FIFO'],
  [(s) => s.isSocket(), 'a socket'],
];

function kindOf(st: Stats): string | undefined {
  return KINDS.find(([test]) => test(st))?.[1];
}

const WRITE_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such directory',
  ENOTDIR: 'a part of the path is not a directory',
  EXDEV: 'cannot rename across file systems',
};

function cannotWrite(file: string, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return new UsageError(`cannot write ${file}: ${WRITE_REASONS[code] ?? describeErrno(e)}`);
}

/** The file a path finally names: symbolic links followed (a dangling link names its target). */
function finalTarget(file: string): { path: string; st?: Stats } {
  let path = resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path };
      throw cannotWrite(file, e);
    }
    if (!st.isSymbolicLink()) return { path, st };
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw new UsageError(`cannot write ${file}: too many symbolic links`);
}

interface Staged {
  file: string;
  target: string;
  tmp: string;
}

function stage(file: string, text: string): Staged {
  if (file === '') throw new UsageError('cannot write to an empty file name');
  const { path: target, st } = finalTarget(file);
  const kind = st && kindOf(st);
  if (kind) throw new UsageError(`cannot write ${file}: it is ${kind}, not a regular file${kind === 'a directory' ? '' : ' (for stdout, use -)'}`);
  const tmp = join(dirname(target), `.${basename(target)}.${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o666);
  } catch (e) {
    throw cannotWrite(file, e);
  }
  try {
    if (st) {
      // Keep what the replaced file had: its permission bits and, where allowed, its owner.
      fchmodSync(fd, st.mode & 0o7777);
      try {
        fchownSync(fd, st.uid, st.gid);
      } catch {
        // Only root may give a file away; the mode is what matters for a config.
      }
    }
    const bytes = Buffer.from(text, 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw cannotWrite(file, e);
  }
  closeSync(fd);
  return { file, target, tmp };
}

/**
 * Writes every file or none: all are staged beside their targets, then renamed into place. With
 * noClobber the last step is a hard link, which fails instead of replacing an existing file.
 */
export function writeFilesAtomic(files: Array<{ file: string; text: string }>, options: { noClobber?: boolean } = {}): void {
  const staged: Staged[] = [];
  try {
    for (const f of files) staged.push(stage(f.file, f.text));
    for (const s of staged) {
      try {
        if (options.noClobber) linkSync(s.tmp, s.target);
        else renameSync(s.tmp, s.target);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${s.file} exists; not overwriting it`);
        throw cannotWrite(s.file, e);
      }
    }
  } finally {
    for (const s of staged) rmSync(s.tmp, { force: true });
  }
}

export function writeFileAtomic(file: string, text: string, options: { noClobber?: boolean } = {}): void {
  writeFilesAtomic([{ file, text }], options);
}

/** Checks a --out-dir before anything is rendered: a directory, or nothing yet. */
export function checkOutDir(dir: string): void {
  if (dir === '') throw new UsageError('--out-dir needs a directory name');
  let st: Stats;
  try {
    st = statSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new UsageError(`--out-dir ${dir}: ${describeErrno(e)}`);
  }
  if (!st.isDirectory()) throw new UsageError(`--out-dir ${dir} is ${kindOf(st) ?? 'a file'}, not a directory`);
}

/** Creates a --out-dir once everything rendered, so a failing command leaves no empty directory. */
export function makeOutDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`--out-dir ${dir}: cannot create it: ${describeErrno(e)}`);
  }
}
