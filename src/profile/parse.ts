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
  /** An empty value (`name:` with nothing after it) has no text: this is then its key or "-". */
  value: number;
  /** Set when the value was written as nothing at all (`name:` or a bare "-"). */
  empty?: boolean;
}

/** JSON pointer ("/apps/1/ports/0") -> offsets. The root is "". */
export interface OffsetIndex {
  get(pointer: string): NodeOffsets | undefined;
  has(pointer: string): boolean;
}

export interface ParsedDocument {
  data: unknown;
  offsets: OffsetIndex;
  lines: LineIndex;
}

export type ParseResult = { ok: true; doc: ParsedDocument } | { ok: false; diagnostics: Diagnostic[] };

export function parseYaml(input: string, file: string): ParseResult {
  // A byte order mark is not part of the first line: columns there count from after it.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = lineIndex(text);
  let events: Event[];
  let data: unknown;
  const fail = (message: string, offset = 0): ParseResult => ({
    ok: false,
    diagnostics: [{ code: 'SFW100', severity: 'error', message, pos: lines.pos(file, offset) }],
  });
  try {
    events = parseEvents(text, { filename: file });
    const docs = constructFromEvents(events, { source: text, filename: file, schema: JSON_SCHEMA });
    if (docs.length > 1) {
      const second = events.findIndex((e, i) => i > 0 && e.type === EVENT_ID.DOCUMENT);
      return fail('a profile is one YAML document, found several', documentOffset(text, events, second));
    }
    if (docs.length === 0 || isEmptyDocument(events)) return fail('the profile is empty');
    data = docs[0];
  } catch (e) {
    if (e instanceof YAMLException) return fail(`YAML: ${e.reason}`, e.mark?.position ?? 0);
    if (e instanceof RangeError) return fail('YAML: nested too deeply');
    throw e;
  }
  return { ok: true, doc: { data, offsets: collectOffsets(text, events), lines } };
}

/** A document that is nothing but "---" (or comments): its root is an empty plain scalar. */
function isEmptyDocument(events: Event[]): boolean {
  const root = events[1];
  return root !== undefined && root.type === EVENT_ID.SCALAR && root.valueStart < 0;
}

/** Where the document opened by events[i] starts: its first node, or else the last "---" line. */
function documentOffset(text: string, events: Event[], i: number): number {
  const node = events[i + 1];
  const at = node && 'valueStart' in node ? node.valueStart : node && 'start' in node ? node.start : -1;
  if (at >= 0) return at;
  return [...text.matchAll(/^---/gm)].pop()?.index ?? 0;
}

interface Frame {
  kind: 'map' | 'seq';
  pointer: string;
  index: number;
  /** For mappings: the pending key (text and offset) waiting for its value. */
  key?: { text: string; offset: number };
}

function escapePointer(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

/**
 * The "-" that introduces an empty sequence item, searched between the end of the previous node
 * and the start of the next one (comments skipped); `from` when there is none.
 */
function dashBetween(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < to && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '-' && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) return i;
  }
  return from;
}

const INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * Offsets by pointer, except those of scalar items of sequences: a profile's port lists can hold
 * thousands of them, and a pointer string and an entry each cost more than the parse of the item.
 * Those are kept per sequence, by index (an empty item as -1 - its "-"), and made into
 * NodeOffsets when asked for.
 */
class Offsets implements OffsetIndex {
  readonly nodes = new Map<string, NodeOffsets>();
  readonly items = new Map<string, number[]>();

  item(sequence: string, index: number, value: number, empty: boolean): void {
    let list = this.items.get(sequence);
    if (!list) this.items.set(sequence, (list = []));
    list[index] = empty ? -1 - value : value;
  }

  get(pointer: string): NodeOffsets | undefined {
    const node = this.nodes.get(pointer);
    if (node) return node;
    const slash = pointer.lastIndexOf('/');
    const list = slash < 0 ? undefined : this.items.get(pointer.slice(0, slash));
    const token = pointer.slice(slash + 1);
    if (!list || !INDEX.test(token)) return undefined;
    const v = list[Number(token)];
    return v === undefined ? undefined : v < 0 ? { value: -1 - v, empty: true } : { value: v };
  }

  has(pointer: string): boolean {
    return this.get(pointer) !== undefined;
  }
}

function collectOffsets(text: string, events: Event[]): Offsets {
  const index = new Offsets();
  const offsets = index.nodes;
  const stack: Frame[] = [];
  const source = (e: Event | undefined): number =>
    e === undefined ? -1 : 'valueStart' in e ? e.valueStart : 'start' in e ? e.start : -1;
  // The end of the last node seen, for placing empty values that have no text of their own.
  let lastEnd = 0;

  // Returns the pointer for a value node being opened at this point, or undefined when the node
  // is a mapping key (keys are recorded when their value arrives). A negative offset is an empty
  // node: a mapping value then points at its key, a sequence item at its "-".
  // `keyOf` is the event whose text is the key when the node turns out to be a mapping key (only
  // scalars have one). Literals instead of spreads: this runs once per node of large profiles.
  // `scalar`: a scalar or alias, whose pointer nobody asks for here (an item's then needs no string).
  const place = (offset: number, keyOf: Event | undefined, next: number, scalar = false): string | undefined => {
    const empty = offset < 0;
    const top = stack[stack.length - 1];
    if (!top) {
      offsets.set('', empty ? { value: 0, empty } : { value: offset });
      return '';
    }
    if (top.kind === 'seq' && scalar) {
      index.item(top.pointer, top.index++, empty ? dashBetween(text, lastEnd, next < 0 ? text.length : next) : offset, empty);
      return undefined;
    }
    if (top.kind === 'seq') {
      const pointer = `${top.pointer}/${top.index++}`;
      offsets.set(pointer, empty ? { value: dashBetween(text, lastEnd, next < 0 ? text.length : next), empty } : { value: offset });
      return pointer;
    }
    if (!top.key) {
      top.key = { text: keyOf?.type === EVENT_ID.SCALAR ? getScalarValue(text, keyOf) : '', offset: empty ? lastEnd : offset };
      return undefined;
    }
    const pointer = `${top.pointer}/${escapePointer(top.key.text)}`;
    offsets.set(pointer, empty ? { key: top.key.offset, value: top.key.offset, empty } : { key: top.key.offset, value: offset });
    top.key = undefined;
    return pointer;
  };

  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    switch (e.type) {
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS: {
        place(source(e), e, source(events[i + 1]), true);
        if (e.type === EVENT_ID.SCALAR && e.valueEnd >= 0) lastEnd = e.valueEnd;
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        // A collection used as a mapping key is not valid in a profile; the schema reports it.
        const pointer = place(source(e), undefined, -1) ?? '/?';
        lastEnd = Math.max(lastEnd, source(e));
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
  return index;
}
