// Help text that fits the terminal. yargs lays out commands and options; the examples are laid out
// here, as shell lines under a "# what it does" comment, a long command continued with "\" so
// that it can still be pasted, never split inside a word.

import type { Argv } from 'yargs';
import { wrapWords } from './table.js';
import { outputWidth } from './terminal.js';

export const HELP_WIDTH_MAX = 100;

let width: number | undefined;

/**
 * The width help is laid out for. Asked several times a run (every command's examples and yargs'
 * own layout), and asking costs a stat or two of stdout: the first answer is kept.
 */
export function helpWidth(): number {
  width ??= Math.min(HELP_WIDTH_MAX, outputWidth());
  return width;
}

/** "Examples:" with each command under its comment, wrapped to `width`. */
export function examplesText(examples: Array<[string, string]>, width = helpWidth()): string {
  const lines = ['Examples:'];
  for (const [command, what] of examples) {
    lines.push(...wrapWords(`# ${what}`, width - 2).map((l, i) => `  ${i ? '# ' : ''}${l}`));
    const parts = wrapWords(command.replace(/\$0/g, 'synfw'), width - 6);
    lines.push(...parts.map((l, i) => `${i ? '      ' : '  '}${l}${i < parts.length - 1 ? ' \\' : ''}`));
  }
  return lines.join('\n');
}

/** Sets a command's examples (and an optional closing paragraph) as its help epilogue. */
export function withExamples<T>(y: Argv<T>, examples: Array<[string, string]>, closing?: string): Argv<T> {
  return y.epilogue(`${examplesText(examples)}${closing ? `\n\n${closing}` : ''}`);
}
