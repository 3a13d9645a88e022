// YAML text -> plain JSON data plus the source offset of every key and value, so that schema and
// resolver diagnostics can point at the exact line and column. Pure: no file or process access.

import {
  constructFromEvents,
  EVENT_ID,
  getScalarValue,
  JSON_SCHEMA,
  NOT_RESOLVED,
  parseEvents,
  SCALAR_STYLE,
  strTag,
  YAMLException,
  type Event,
  type ScalarTagDefinition,
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
  let walked: Walked;
  const fail = (message: string, offset = 0): ParseResult => ({
    ok: false,
    diagnostics: [{ code: 'SFW100', severity: 'error', message, pos: lines.pos(file, offset) }],
  });
  try {
    events = parseEvents(text, { filename: file });
    walked = walkEvents(text, events);
    // What the walk could not build as js-yaml would (tags, anchors, several documents, a
    // duplicate key...) js-yaml's own constructor builds, and throws about.
    const docs = walked.built ? walked.documents : constructFromEvents(events, { source: text, filename: file, schema: JSON_SCHEMA });
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
  return { ok: true, doc: { data, offsets: walked.offsets, lines } };
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

  /** The item list of the sequence at `pointer` (shared by sequences at the same pointer, as in a repeated key). */
  itemsOf(pointer: string): number[] {
    let list = this.items.get(pointer);
    if (!list) this.items.set(pointer, (list = []));
    return list;
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

/** An open mapping or sequence during the walk. */
interface Frame {
  seq: boolean;
  pointer: string;
  /** Sequences: the index of the next item. */
  index: number;
  /** Sequences: the offsets of its scalar items, once it has one. */
  items: number[] | undefined;
  /** Mappings: the pending key (text, offset, and the data key it makes) waiting for its value. */
  hasKey: boolean;
  keyText: string;
  keyOffset: number;
  dataKey: string;
  /** The array or object built for it (while the walk builds the data). */
  value: unknown[] | Record<string, unknown> | undefined;
}

interface Walked {
  offsets: Offsets;
  /** Whether `documents` holds the data exactly as js-yaml's constructFromEvents would build it. */
  built: boolean;
  documents: unknown[];
}

const NO_RANGE = -1;

/** The JSON schema's implicit scalar tags (null, bool, int, float), in its order of resolution. */
let implicitTags: readonly ScalarTagDefinition[] | undefined;

/**
 * A plain scalar's value as the JSON schema resolves it (js-yaml's Schema.resolveImplicitScalarTag:
 * the implicit tags that may match its first character, in order, else a string).
 */
function plainValue(source: string): unknown {
  implicitTags ??= JSON_SCHEMA.tags.filter((t): t is ScalarTagDefinition => t.nodeKind === 'scalar' && t.implicit);
  const first = source.charAt(0);
  for (const tag of implicitTags) {
    if (tag.implicitFirstChars !== null && !tag.implicitFirstChars.includes(first)) continue;
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return strTag.resolve(source, false, strTag.tagName);
}

/**
 * One pass over js-yaml's events: the offsets of every node, and the data itself, built as
 * js-yaml's constructFromEvents builds it with the JSON schema, for the documents profiles are
 * (plain, quoted and block scalars, mappings with scalar keys, sequences). A document with
 * anything else (a tag, an anchor or alias, a collection as a key, a duplicate key, "__proto__",
 * several documents) stops the building; js-yaml's constructor then builds it or reports it.
 * The constructor is generic (a tag lookup, a result object and a few calls per scalar); this
 * walk was needed for the offsets anyway, and the profile's port lists are thousands of scalars.
 */
function walkEvents(text: string, events: Event[]): Walked {
  const offsets = new Offsets();
  const nodes = offsets.nodes;
  const stack: Frame[] = [];
  const documents: unknown[] = [];
  let building = true;
  // The end of the last node seen, for placing empty values that have no text of their own.
  let lastEnd = 0;

  // Puts a value node (offset < 0: empty; `scalar`: a scalar or alias, whose value is `value`)
  // where its parent expects it, and returns its pointer; undefined for a mapping key (keys are
  // recorded when their value arrives) and for a sequence's scalar item (its offset is kept in
  // the sequence's list, and nobody asks for its pointer here). An empty mapping value points at
  // its key, an empty sequence item at its "-". `keyText` is the key's text when the node turns
  // out to be a mapping key, `i` the event's index.
  const place = (offset: number, i: number, scalar: boolean, value: unknown, keyText: string): string | undefined => {
    const empty = offset < 0;
    const top = stack[stack.length - 1];
    if (!top) {
      nodes.set('', empty ? { value: 0, empty } : { value: offset });
      if (building) documents[documents.length - 1] = value;
      return '';
    }
    if (top.seq) {
      if (building) (top.value as unknown[]).push(value);
      const at = empty ? dashBetween(text, lastEnd, scalar ? nextOffset(text, events, i) : text.length) : offset;
      if (scalar) {
        top.items ??= offsets.itemsOf(top.pointer);
        top.items[top.index++] = empty ? -1 - at : at;
        return undefined;
      }
      const pointer = `${top.pointer}/${top.index++}`;
      nodes.set(pointer, empty ? { value: at, empty } : { value: offset });
      return pointer;
    }
    if (!top.hasKey) {
      top.hasKey = true;
      top.keyText = keyText;
      top.keyOffset = empty ? lastEnd : offset;
      if (building) {
        // A collection as a key: object-based mappings reject it (js-yaml says so).
        if (!scalar || (value !== null && typeof value === 'object')) building = false;
        else top.dataKey = String(value);
      }
      return undefined;
    }
    const pointer = `${top.pointer}/${escapePointer(top.keyText)}`;
    nodes.set(pointer, empty ? { key: top.keyOffset, value: top.keyOffset, empty } : { key: top.keyOffset, value: offset });
    top.hasKey = false;
    if (building) {
      const object = top.value as Record<string, unknown>;
      // A duplicate key is js-yaml's error to report; "__proto__" its special case to handle.
      if (top.dataKey === '__proto__' || Object.hasOwn(object, top.dataKey)) building = false;
      else object[top.dataKey] = value;
    }
    return pointer;
  };

  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    switch (e.type) {
      case EVENT_ID.SCALAR: {
        const source = getScalarValue(text, e);
        let value: unknown;
        if (building) {
          if (e.tagStart !== NO_RANGE || e.anchorStart !== NO_RANGE) building = false;
          else value = e.style === SCALAR_STYLE.PLAIN ? plainValue(source) : strTag.resolve(source, false, strTag.tagName);
        }
        const top = stack[stack.length - 1];
        if (top !== undefined && top.seq && top.items !== undefined && e.valueStart >= 0) {
          // The bulk of a large profile (a port list's items), in short: what place() does for them.
          if (building) (top.value as unknown[]).push(value);
          top.items[top.index++] = e.valueStart;
        } else place(e.valueStart, i, true, value, source);
        if (e.valueEnd >= 0) lastEnd = e.valueEnd;
        break;
      }
      case EVENT_ID.ALIAS:
        building = false;
        place(NO_RANGE, i, true, undefined, '');
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const seq = e.type === EVENT_ID.SEQUENCE;
        if (e.tagStart !== NO_RANGE || e.anchorStart !== NO_RANGE) building = false;
        const value = building ? (seq ? [] : {}) : undefined;
        // A collection used as a mapping key is not valid in a profile; the schema reports it.
        const pointer = place(e.start, i, false, value, '') ?? '/?';
        lastEnd = Math.max(lastEnd, e.start);
        stack.push({ seq, pointer, index: 0, items: undefined, hasKey: false, keyText: '', keyOffset: 0, dataKey: '', value });
        break;
      }
      case EVENT_ID.POP:
        stack.pop();
        break;
      case EVENT_ID.DOCUMENT:
        // Several documents are an error; which one comes first is js-yaml's to say.
        if (documents.length > 0) building = false;
        documents.push(undefined);
        break;
      default:
        break;
    }
  }
  return { offsets, built: building, documents };
}

/** Where the node of events[i + 1] starts, or the end of the text when it has no offset. */
function nextOffset(text: string, events: Event[], i: number): number {
  const e = events[i + 1];
  const at = e === undefined ? -1 : 'valueStart' in e ? e.valueStart : 'start' in e ? e.start : -1;
  return at < 0 ? text.length : at;
}
