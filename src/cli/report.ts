// Diagnostics on stderr: one line each, `file:line:col: severity CODE: message`, in one write.
// On a terminal, "error" and "warning" are coloured, and a long list of warnings after a table
// is cut to a summary that says how to see all of them.

import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { writeStderr } from './output.js';
import { palette, terminalStream, useColor } from './terminal.js';

export interface PrintOptions {
  /** On a terminal, show at most this many warnings and summarise the rest. */
  summariseAfter?: number;
  /** The command that lists them all, for the summary line. */
  fullListCommand?: string;
}

export function diagnosticLines(diagnostics: readonly Diagnostic[], file: string, color = useColor(terminalStream(2))): string[] {
  const p = palette(color);
  return diagnostics.map((d) => {
    const line = formatDiagnostic(d, file);
    if (!color) return line;
    const word = ` ${d.severity} ${d.code}:`;
    const paint = d.severity === 'error' ? p.error : p.warning;
    return line.replace(word, ` ${paint(p.bold(d.severity))} ${d.code}:`);
  });
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], file: string, options: PrintOptions = {}): void {
  if (!diagnostics.length) return;
  const limit = options.summariseAfter;
  const cut = limit !== undefined && terminalStream(2).isTTY === true && diagnostics.length > limit;
  const shown = cut ? diagnostics.slice(0, limit) : diagnostics;
  const lines = diagnosticLines(shown, file);
  if (cut) {
    const rest = diagnostics.length - shown.length;
    lines.push(`... and ${rest} more (${options.fullListCommand ?? 'synfw check'} lists them all)`);
  }
  writeStderr(`${lines.join('\n')}\n`);
}
