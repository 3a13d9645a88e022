// YAML text -> plain JSON data plus the source offset of every key and value, so that schema and
// resolver diagnostics can point at the exact line and column. Pure: no file or process access.

import {
  constructFromEvents,
  EVENT_ID,
  getScalarValue,
  JSON_SCHEMA,
  parseEvents,
  YAMLException,
  type Event,
} from 'js-yaml';
import type { Diagnostic } from '../diagnostics.js';
import { lineIndex, type LineIndex } from './line-index.js';

/** Offsets (into the source text) of a node: its key in the parent mapping and its value. */
export interface NodeOffsets {
  key?: number;
  value: number;
}

export interface ParsedDocument {
  data: unknown;
  /** JSON pointer ("/apps/1/ports/0") -> offsets. The root is "". */
  offsets: Map<string, NodeOffsets>;
  lines: LineIndex;
}

export type ParseResult = { ok: true; doc: ParsedDocument } | { ok: false; diagnostics: Diagnostic[] };

export function parseYaml(text: string, file: string): ParseResult {
  const lines = lineIndex(text);
  let events: Event[];
  let data: unknown;
  try {
    events = parseEvents(text, { filename: file });
    const docs = constructFromEvents(events, { source: text, filename: file, schema: JSON_SCHEMA });
    if (docs.length !== 1) {
      const what = docs.length === 0 ? 'the profile is empty' : 'a profile is one YAML document, found several';
      return { ok: false, diagnostics: [{ code: 'SFW100', severity: 'error', message: what, pos: lines.pos(file, 0) }] };
    }
    data = docs[0];
  } catch (e) {
    if (e instanceof YAMLException) {
      const offset = e.mark?.position ?? 0;
      return {
        ok: false,
        diagnostics: [{ code: 'SFW100', severity: 'error', message: `YAML: ${e.reason}`, pos: lines.pos(file, offset) }],
      };
    }
    throw e;
  }
  return { ok: true, doc: { data, offsets: collectOffsets(text, events), lines } };
}

interface Frame {
  kind: 'map' | 'seq';
  pointer: string;
  index: number;
  /** For mappings: the pending key (text and offset) waiting for its value. */
  key?: { text: string; offset: number };
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function collectOffsets(text: string, events: Event[]): Map<string, NodeOffsets> {
  const offsets = new Map<string, NodeOffsets>();
  const stack: Frame[] = [];
  const source = (e: Event): number => ('valueStart' in e ? e.valueStart : 'start' in e ? e.start : 0);

  // Returns the pointer for a value node being opened at this point, or undefined when the node
  // is a mapping key (keys are recorded when their value arrives).
  const place = (offset: number, keyText: () => string): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) {
      offsets.set('', { value: offset });
      return '';
    }
    if (top.kind === 'seq') {
      const pointer = `${top.pointer}/${top.index++}`;
      offsets.set(pointer, { value: offset });
      return pointer;
    }
    if (!top.key) {
      top.key = { text: keyText(), offset };
      return undefined;
    }
    const pointer = `${top.pointer}/${escapePointer(top.key.text)}`;
    offsets.set(pointer, { key: top.key.offset, value: offset });
    top.key = undefined;
    return pointer;
  };

  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS: {
        place(source(e), () => (e.type === EVENT_ID.SCALAR ? getScalarValue(text, e) : ''));
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        // A collection used as a mapping key is not valid in a profile; the schema reports it.
        const pointer = place(source(e), () => '') ?? '/?';
        stack.push({ kind: e.type === EVENT_ID.MAPPING ? 'map' : 'seq', pointer, index: 0 });
        break;
      }
      case EVENT_ID.POP:
        stack.pop();
        break;
      default:
        break;
    }
  }
  return offsets;
}
