// HTML for the checklist's self-contained page. Free text becomes one line of text content: the
// characters HTML forbids in a document (C0 and C1 controls, lone surrogates, noncharacters) are
// removed, line breaks become spaces (printable), and & < > " ' become character references, so
// the result is text in element content and inside a quoted attribute value alike.

import { printable } from '../text.js';
import { cleanText } from './xml.js';

/** Noncharacters beyond U+FFFE/U+FFFF (cleanText's): U+FDD0-U+FDEF and U+nFFFE/U+nFFFF of every plane. */
const NONCHARACTERS = /[\ufdd0-\ufdef]|[\u{1fffe}\u{1ffff}\u{2fffe}\u{2ffff}\u{3fffe}\u{3ffff}\u{4fffe}\u{4ffff}\u{5fffe}\u{5ffff}\u{6fffe}\u{6ffff}\u{7fffe}\u{7ffff}\u{8fffe}\u{8ffff}\u{9fffe}\u{9ffff}\u{afffe}\u{affff}\u{bfffe}\u{bffff}\u{cfffe}\u{cffff}\u{dfffe}\u{dffff}\u{efffe}\u{effff}\u{ffffe}\u{fffff}\u{10fffe}\u{10ffff}]/gu;

const REFERENCE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Free text as HTML text, for element content and double- or single-quoted attribute values. */
export function htmlText(text: string): string {
  return cleanText(printable(text))
    .replace(NONCHARACTERS, '')
    .replace(/[&<>"']/g, (c) => REFERENCE[c]!);
}
