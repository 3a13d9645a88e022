// What synfw prints on stderr, line by line: diagnostics (`file:line:col: severity CODE: message`,
// or `file: severity CODE: message` for one about a whole file), check's summary lines, and
// nothing else: no stack trace, no second line of a message.

import { expect } from 'vitest';

export const DIAGNOSTIC = /^(?<file>.+?):(?:(?<line>\d+):(?<column>\d+):)? (?<severity>error|warning) (?<code>SFW\d{3}): (?<message>\S.*)$/;
export const SUMMARY = /^(?<file>.+?): (?:ok|failed): .+$/;

export interface Position {
  file: string;
  line: number;
  column: number;
}

/** The lines of a text the way YAML counts them: "\n", "\r\n" and a lone "\r" end a line. */
export const textLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** Every stderr line is a diagnostic or a summary, without control characters; returns the positions. */
export function expectWellFormed(stderr: string, context: string): Position[] {
  const positions: Position[] = [];
  for (const line of stderr.split('\n').filter((l) => l !== '')) {
    // eslint-disable-next-line no-control-regex
    expect(line, `${context}: a control character on stderr`).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(line, `${context}: a stack trace`).not.toMatch(/^\s+at |internal error|Error: /);
    const d = DIAGNOSTIC.exec(line);
    if (d?.groups?.line) positions.push({ file: d.groups.file!, line: Number(d.groups.line), column: Number(d.groups.column) });
    expect(d !== null || SUMMARY.test(line), `${context}: not a diagnostic or summary line: ${line}`).toBe(true);
  }
  return positions;
}

/** A position is on a line of the file, at most one column past its end. */
export function expectInside(pos: Position, text: string, context: string): void {
  const lines = textLines(text);
  expect(pos.line, `${context}: line ${pos.line} of ${lines.length}`).toBeGreaterThanOrEqual(1);
  expect(pos.line, `${context}: line ${pos.line} of ${lines.length}`).toBeLessThanOrEqual(lines.length);
  expect(pos.column, `${context}: column ${pos.column} of line ${pos.line}`).toBeGreaterThanOrEqual(1);
  expect(pos.column, `${context}: column ${pos.column} of line ${pos.line} (${JSON.stringify(lines[pos.line - 1])})`).toBeLessThanOrEqual(lines[pos.line - 1]!.length + 1);
}
