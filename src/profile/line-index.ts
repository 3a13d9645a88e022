// Offset -> 1-based line and column, with a binary search over line starts (profiles are small,
// but the 10,000-port benchmark profiles are not).

import type { SourcePos } from '../diagnostics.js';

export interface LineIndex {
  pos(file: string, offset: number): SourcePos;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return {
    pos(file, offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { file, line: lo + 1, column: offset - starts[lo]! + 1 };
    },
  };
}
