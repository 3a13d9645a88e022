// Plain text for people (the checklist's printable text form): free text on one line, without
// control characters or bidirectional overrides, so that it can neither end a line early nor make
// a printed line read differently from what it holds. Plain text has no other markup to escape.

import { printable } from '../text.js';

/** Free text as one printable line. */
export function plainText(text: string): string {
  return printable(text);
}
