// The printable text form's layout: lines of at most 80 columns (a printer's and a terminal's
// width), wrapped at spaces with hanging indents, and "label .... value" rows for the fields.
// Every text goes through plainText (one line, no control or bidirectional characters) first.

import { plainText } from '../../render/escape/text.js';
import { displayWidth, wrapText } from '../../render/text.js';

export const TEXT_WIDTH = 80;

/** Where field values start, so that the values of a card line up. */
const VALUE_COLUMN = 44;

/**
 * `text` after `prefix`, wrapped to 80 columns: continuation lines start under the text, or, for a
 * line without prefix (the header's), hang two columns further in; the text's own leading spaces
 * (the header's indented lines) are kept.
 */
export function textLine(prefix: string, text: string): string {
  const body = plainText(text);
  const start = `${prefix}${/^ */.exec(body)![0]}`;
  const hang = prefix === '' ? 2 : 0;
  return wrapText(`${start}${body.trimStart()}`, TEXT_WIDTH, ' '.repeat(displayWidth(start) + hang)).join('\n');
}

/**
 * A field row: `prefix` (the check box), the label and a leader of dots to the value column, then
 * the value; a value that does not fit the rest of the line continues under the value column, a
 * label too long for the leader puts the value on the next line.
 */
export function textField(prefix: string, label: string, value: string): string {
  const head = `${prefix}${plainText(label).trim()} `;
  const v = plainText(value).trim();
  const indent = ' '.repeat(VALUE_COLUMN);
  if (displayWidth(head) + 2 > VALUE_COLUMN) {
    return [head.trimEnd(), ...wrapText(`${indent}${v}`, TEXT_WIDTH, indent)].join('\n');
  }
  const leader = '.'.repeat(VALUE_COLUMN - displayWidth(head) - 1);
  return wrapText(`${head}${leader} ${v}`, TEXT_WIDTH, indent).join('\n');
}
