// Text edits on a config.xml that keep every byte around them: replacing, removing and appending
// <rule> elements in the file's own line ends and indentation. Used by --merge (pf-xml-merge.ts).

import { childrenNamed, type XmlElement } from '../../xml/parse.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Layout {
  /** Line break between inserted lines: the file's own, or '' in a file written on one line. */
  eol: string;
  /** One indentation level of the file. */
  unit: string;
  /** One indentation level of the generated text (tab for pfSense, two spaces for OPNsense). */
  genUnit: string;
}

/** Applies edits from the end backwards, so offsets stay valid; inserts at one offset keep their order. */
export function applyEdits(src: string, edits: Edit[]): string {
  let out = src;
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  for (const { e } of order) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Puts `texts` (rules, first line unindented) into `section`: in place of the first of its `old`
 * rules (the others are removed), or after its last <rule>, or as its last content.
 */
export function sectionEdits(src: string, section: XmlElement, old: XmlElement[], rules: (indent: string) => string[], layout: Layout): Edit[] {
  const { eol } = layout;
  const sectionIndent = indentOf(src, section.start) ?? '';
  const sibling = section.children.find((c) => indentOf(src, c.start) !== undefined);
  const indent = eol === '' ? '' : sibling ? indentOf(src, sibling.start)! : sectionIndent + layout.unit;
  const texts = rules(indent);
  if (section.selfClosing) {
    if (!texts.length) return [];
    const open = src.slice(section.start, section.openEnd).replace(/[ \t\r\n]*\/>$/, '>');
    const body = texts.map((r) => `${eol}${indent}${r}`).join('');
    return [{ start: section.start, end: section.end, text: `${open}${body}${eol}${sectionIndent}</${section.name}>` }];
  }
  if (old.length && texts.length) {
    // The new rules take the first old rule's place; the other old rules go, with their lines.
    const [first, ...rest] = old;
    return [{ start: first!.start, end: first!.end, text: texts.join(`${eol}${indent}`) }, ...rest.map((r) => removal(src, r))];
  }
  if (old.length) return old.map((r) => removal(src, r));
  const last = childrenNamed(section, 'rule').pop();
  if (last) return [{ start: last.end, end: last.end, text: texts.map((r) => `${eol}${indent}${r}`).join('') }];
  if (!texts.length) return [];
  return [insertBeforeClose(src, section, texts.map((r) => `${indent}${r}`).join(eol), layout, sectionIndent)];
}

/** Inserts `text` (one or more lines, unindented first line) as the last content of `el`. */
export function insertBeforeClose(src: string, el: XmlElement, text: string, layout: Layout, elIndent = indentOf(src, el.start) ?? ''): Edit {
  const { eol } = layout;
  const lineStart = src.lastIndexOf('\n', el.closeStart - 1) + 1;
  if (eol !== '' && lineStart > el.openEnd && /^[ \t]*$/.test(src.slice(lineStart, el.closeStart))) {
    return { start: lineStart, end: lineStart, text: `${text}${eol}` };
  }
  return { start: el.closeStart, end: el.closeStart, text: `${eol}${text}${eol}${elIndent}` };
}

/** Removes an element and, when it sits alone on its lines, those lines. */
function removal(src: string, el: XmlElement): Edit {
  const lineStart = src.lastIndexOf('\n', el.start - 1) + 1;
  const after = /^[ \t]*(\r?\n|$)/.exec(src.slice(el.end));
  if (indentOf(src, el.start) !== undefined && after) return { start: lineStart, end: el.end + after[0].length, text: '' };
  return { start: el.start, end: el.end, text: '' };
}

/** The whitespace before `pos` on its line, or undefined when something else precedes it there. */
export function indentOf(src: string, pos: number): string | undefined {
  const lineStart = src.lastIndexOf('\n', pos - 1) + 1;
  const before = src.slice(lineStart, pos);
  return /^[ \t]*$/.test(before) && lineStart > 0 ? before : undefined;
}

/** One indentation level: how far the root's first indented child sits in from the root. */
export function indentUnit(src: string, root: XmlElement, fallback: string): string {
  const rootIndent = indentOf(src, root.start) ?? '';
  for (const c of root.children) {
    const i = indentOf(src, c.start);
    if (i !== undefined && i.length > rootIndent.length && i.startsWith(rootIndent)) return i.slice(rootIndent.length);
  }
  return fallback;
}

/** A generated element (at depth `depth` in genUnit steps) re-indented for its place in the user's file. */
export function reindent(text: string, indent: string, layout: Layout, depth = 2): string {
  const [first, ...rest] = text.split('\n');
  const strip = layout.genUnit.repeat(depth);
  return [
    first,
    ...rest.map((l) => {
      const body = l.startsWith(strip) ? l.slice(strip.length) : l.replace(/^[ \t]+/, '');
      let level = 0;
      let at = 0;
      while (layout.genUnit && body.startsWith(layout.genUnit, at)) {
        level++;
        at += layout.genUnit.length;
      }
      return indent + layout.unit.repeat(level) + body.slice(at);
    }),
  ].join(layout.eol);
}
