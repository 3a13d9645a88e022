// Plain-text tables for the terminal: left-aligned columns two spaces apart, no trailing blanks,
// fitted to a width. When the natural layout is too wide, the widest columns wrap first, always
// between words (a column never gets narrower than its longest word), and rows grow downwards.

import { outputWidth } from './terminal.js';

export interface TableOptions {
  /** Total width to fit; default: the output's width (COLUMNS, the terminal, or 80). */
  width?: number;
  /** Colours a cell's text after layout (padding stays plain); `row` indexes `rows`. */
  style?: (column: number, text: string, row: number) => string;
  /** Columns that may be left out, first one first, when the table cannot fit otherwise. */
  optional?: number[];
}

const words = (s: string) => s.split(' ').filter(Boolean);
const longestWord = (s: string) => Math.max(0, ...words(s).map((w) => w.length));

/**
 * Greedy word wrap; a word longer than the width keeps its own line (it is never split). The first
 * line may have another width (a paragraph whose next lines are indented).
 */
export function wrapWords(text: string, width: number, firstWidth = width): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of words(text)) {
    if (line && line.length + 1 + w.length > (lines.length ? width : firstWidth)) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines;
}

export function table(header: string[], rows: string[][], indent = '  ', options: TableOptions = {}): string {
  const width = options.width ?? outputWidth();
  const sum = (ws: number[]) => indent.length + ws.reduce((a, b) => a + b, 0) + 2 * (ws.length - 1);
  // Leave out optional columns while even the narrowest layout (every column at its longest word) is too wide.
  let keep = header.map((_, i) => i);
  const floorOf = (i: number) => Math.max(...[header, ...rows].map((r) => longestWord(r[i] ?? '')));
  for (const drop of options.optional ?? []) {
    if (sum(keep.map(floorOf)) <= width) break;
    keep = keep.filter((i) => i !== drop);
  }
  if (keep.length < header.length) {
    const style = options.style;
    return table(
      keep.map((i) => header[i]!),
      rows.map((r) => keep.map((i) => r[i] ?? '')),
      indent,
      { width, ...(style ? { style: (col: number, text: string, row: number) => style(keep[col]!, text, row) } : {}) },
    );
  }
  const cells = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const floor = header.map((_, i) => floorOf(i));
  const total = () => sum(widths);
  // Narrow the widest column that can still give up a character, one character at a time.
  while (total() > width) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > floor[i]! && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    if (widest < 0) break;
    widths[widest]!--;
  }
  const style = options.style ?? ((_: number, t: string) => t);
  const render = (row: string[], index: number): string[] => {
    const wrapped = header.map((_, i) => wrapWords(row[i] ?? '', widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, l) => {
      const parts = wrapped.map((w, i) => {
        const text = w[l] ?? '';
        const padded = i === wrapped.length - 1 ? text : text.padEnd(widths[i]!);
        return index < 0 || !text ? padded : style(i, text, index) + padded.slice(text.length);
      });
      return (indent + parts.join('  ')).trimEnd();
    });
  };
  return [...render(header, -1), ...rows.flatMap((r, i) => render(r, i))].join('\n');
}

/**
 * A line of text wrapped to the output's width: it keeps its own indentation, and continuation
 * lines are indented `hang` more. Multi-line text (a table) is left as it is.
 */
export function wrapParagraph(text: string, hang = 2, width = outputWidth()): string {
  if (text.includes('\n')) return text;
  const lead = /^ */.exec(text)![0];
  return wrapWords(text.slice(lead.length), width - lead.length - hang, width - lead.length)
    .map((l, i) => `${lead}${i ? ' '.repeat(hang) : ''}${l}`)
    .join('\n');
}
