// Markdown (CommonMark and GitHub Flavored Markdown) for the checklist target. Free text becomes
// one line of literal text wherever it is placed in a line: every character that could start
// emphasis, a link or image ([ ]), a code span, raw HTML or an autolink (< >), an entity (&), a
// heading's closing sequence (#), a table cell (|), strikethrough (~) or math ($) is escaped with
// a backslash, and so is a leading block marker (-, +, =, "1." or "1)"). Parentheses, ! and the
// like are markup only after an escaped [ and stay as they are. Values (ports, addresses, rule
// names) go into code spans, which take any text literally.

import { printable } from '../text.js';

/** Punctuation that is markup anywhere in a line (CommonMark inlines, GFM tables and strikethrough, math). */
const INLINE = /[\\`*_[\]<>#|~&$]/g;

/** Free text as literal Markdown text on one line. */
export function mdText(text: string): string {
  const escaped = printable(text).trim().replace(INLINE, (c) => `\\${c}`);
  // At the start of a line: "-", "+" begin a list (or a thematic break), "1." or "1)" an ordered
  // list, "=" a setext underline.
  return escaped.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');
}

/**
 * A code span holding `text` literally: fenced with one backtick more than the longest run inside,
 * and padded with a space where the text starts or ends with a backtick or a space (CommonMark
 * strips one space from each side when both are there).
 */
export function mdCode(text: string): string {
  const s = printable(text).trim();
  if (s === '') return '` `';
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(s) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/**
 * Lines as a fenced code block that shows them literally: the fence is one backtick longer than the
 * longest run of backticks inside (three at least), so no line can close it early.
 */
export function mdFence(lines: readonly string[], info = 'text'): string {
  const body = lines.map((l) => printable(l).trimEnd());
  const longest = Math.max(2, ...body.flatMap((l) => (l.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${info}`, ...body, fence].join('\n');
}
