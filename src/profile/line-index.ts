// Offset -> 1-based line and column, with a binary search over line starts (profiles are small,
// but the 10,000-port benchmark profiles are not). Line breaks are counted as YAML counts them:
// "\n", "\r\n" and a lone "\r" each end a line.

import type { SourcePos } from '../diagnostics.js';

export interface LineIndex {
  pos(file: string, offset: number): SourcePos;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // The usual text: found by indexOf, not by a look at each character (a long flow list is one line).
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
  }
  // An offset on a line's "\r\n" or past the end still belongs to that line, never to column 0.
  const clamp = (offset: number) => Math.min(Math.max(offset, 0), text.length);
  return {
    pos(file, offset) {
      const at = clamp(offset);
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      return { file, line: lo + 1, column: at - starts[lo]! + 1 };
    },
  };
}
