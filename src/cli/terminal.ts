// What the terminal allows: how wide output may be and whether it may be coloured. COLUMNS wins
// (so `COLUMNS=60 synfw plan` and scripts get what they ask for); otherwise a terminal's own width,
// and 80 when the output is not a terminal. Colour only on a terminal, never with NO_COLOR set,
// always with FORCE_COLOR (https://no-color.org, https://force-color.org).

import { fstatSync, statSync } from 'node:fs';

export interface Stream {
  isTTY?: boolean;
  columns?: number;
}

/**
 * stdout (1) or stderr (2) for asking whether it is a terminal and how wide. Only a character
 * device can be a terminal, so for a file, a pipe or /dev/null the answer comes from fstat instead of
 * process.stdout, whose creation loads Node's tty, net and stream modules (see output.ts).
 */
export function terminalStream(fd: 1 | 2): Stream {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice() || isNullDevice(st.rdev)) return { isTTY: false };
  } catch {
    return { isTTY: false };
  }
  return fd === 1 ? process.stdout : process.stderr;
}

/**
 * /dev/null is a character device too, and where output is thrown away (git hooks, scripts,
 * benchmarks) asking process.stdout about it cost every run its stream modules. Where there is no
 * /dev/null (Windows), the answer comes from process.stdout as before.
 */
function isNullDevice(rdev: number): boolean {
  try {
    return statSync('/dev/null').rdev === rdev;
  } catch {
    return false;
  }
}

export function outputWidth(stream: Stream = terminalStream(1), env: NodeJS.ProcessEnv = process.env): number {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns >= 20) return columns;
  if (stream.isTTY && stream.columns && stream.columns >= 20) return stream.columns;
  return 80;
}

export function useColor(stream: Stream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export type Paint = (text: string) => string;

const sgr =
  (open: number, close: number): ((on: boolean) => Paint) =>
  (on) =>
    on ? (t) => `\u001b[${open}m${t}\u001b[${close}m` : (t) => t;

export function palette(on: boolean) {
  return {
    error: sgr(31, 39)(on),
    warning: sgr(33, 39)(on),
    good: sgr(32, 39)(on),
    dim: sgr(2, 22)(on),
    bold: sgr(1, 22)(on),
  };
}

export type Palette = ReturnType<typeof palette>;

/** The colour for an exposure class word, where one fits. */
export function classPaint(p: Palette, cls: string): Paint {
  if (cls.startsWith('public')) return p.good;
  if (cls.startsWith('risky')) return p.warning;
  if (cls.startsWith('lan-only') || cls.startsWith('outbound')) return p.dim;
  return (t) => t;
}

/** A table style that colours the exposure classes in one column, when stdout may be coloured. */
export function classColumnStyle(column: number, color = useColor(terminalStream(1))): (col: number, text: string) => string {
  const p = palette(color);
  return (col, text) => (col === column ? text.replace(/[a-z-]+/g, (w) => classPaint(p, w)(w)) : text);
}
