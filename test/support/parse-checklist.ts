// Strict readers for the checklist target's three forms (text, Markdown, HTML). Each reads the
// cards back to their fields, refusing any line or element it does not expect; checklistTuples
// then turns the fields into what the router would forward, port by port, using only the router
// model's field labels and the values' own meaning (a range in one box, a first port and a range
// length, "leave empty"), so that a wrong port, protocol, address or source cannot pass unseen.
// planTuples gives the same from the plan (expectedFlows, the one oracle), without the target's code.

import { spawnSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';
import type { Plan } from '../../src/plan/types.js';
import { decodeEntities } from '../../src/render/escape/xml.js';
import { expectedFlows } from '../../src/readers/expected.js';
import { canonicalAddress, canonicalSource, flowKey, flowKeys, type Flow } from '../../src/readers/flow.js';
import { MODELS, type FieldKind, type ModelId, type RouterModel } from '../../src/targets/checklist/models.js';
import { WORDS } from '../../src/targets/checklist/view.js';
import { TARGETS } from '../../src/targets/index.js';
import { ROOT, profileSlug } from './profiles.js';

/** test/golden/<profile>/checklist[.<model>][.<format>].<ext>: the generic text form keeps the plain name (goldenPath's). */
export function checklistGolden(profile: string, model: ModelId, format: string): string {
  const ext = TARGETS.checklist.formats[format]!.extension;
  return `${ROOT}test/golden/${profileSlug(profile)}/checklist${model === 'generic' ? '' : `.${model}`}${format === 'default' ? '' : `.${format}`}.${ext}`;
}

export class ChecklistSyntaxError extends Error {}

const fail = (msg: string): never => {
  throw new ChecklistSyntaxError(msg);
};

export interface ParsedField {
  label: string;
  value: string;
}

export interface ParsedCard {
  /** "rules" for the numbered rules, else the section's title. */
  section: string;
  heading: string;
  about: string[];
  risky: boolean;
  fields: ParsedField[];
}

export interface ParsedChecklist {
  cards: ParsedCard[];
  /** The rule names listed under "Remove these rules". */
  names: string[];
}

// ---------------------------------------------------------------------------------------------
// Text

const RULE_LINE = '-'.repeat(80);
const TITLE_LINE = '='.repeat(80);
const VALUE_INDENT = ' '.repeat(44);

/** The printable text form, back to its cards. */
export function parseChecklistText(text: string): ParsedChecklist {
  if (!text.endsWith('\n')) fail('the text does not end with a newline');
  const lines = text.slice(0, -1).split('\n');
  let i = lines.indexOf(TITLE_LINE);
  if (i < 0) fail('no title line');
  const cards: ParsedCard[] = [];
  const names: string[] = [];
  let section = 'rules';
  let rules = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === TITLE_LINE) {
      const title = lines[i + 1] ?? fail('a title line at the end');
      if (lines[i + 2] !== TITLE_LINE) fail(`line ${i + 3}: the title "${title}" is not closed`);
      section = title.startsWith('Port forwarding checklist: ') ? 'rules' : title;
      i += 3;
      if (section === 'Remove these rules') {
        for (; i < lines.length; i++) {
          const m = /^ {2}\[ \] (synfw-.*)$/.exec(lines[i]!);
          if (m) names.push(m[1]!);
          else if (!/^ {2,4}\S/.test(lines[i]!)) fail(`line ${i + 1}: unexpected in "Remove these rules": ${lines[i]}`);
        }
      }
      continue;
    }
    if (line !== RULE_LINE) {
      i++;
      continue;
    }
    // A card: heading between two rule lines, then For:, about lines, marks, a blank, fields.
    const heading = lines[i + 1] ?? fail('a card heading at the end');
    if (lines[i + 2] !== RULE_LINE) fail(`line ${i + 3}: the card "${heading}" is not closed`);
    if (section === 'rules') {
      const m = /^Rule (\d+) of (\d+): (.+)$/.exec(heading) ?? fail(`line ${i + 2}: not a rule heading: ${heading}`);
      if (Number(m[1]) !== ++rules) fail(`line ${i + 2}: rule ${m[1]} where ${rules} was expected`);
    }
    i += 3;
    const card: ParsedCard = { section, heading, about: [], risky: false, fields: [] };
    const take = (prefix: string): string => {
      let s = lines[i]!.slice(prefix.length);
      i++;
      while (i < lines.length && /^ {4,}\S/.test(lines[i]!) && !lines[i]!.startsWith('    - ')) s += ` ${lines[i++]!.trim()}`;
      return s;
    };
    if (section === 'rules' && !lines[i]!.startsWith('  For: ')) fail(`line ${i + 1}: expected "  For: " in ${heading}`);
    if (lines[i]!.startsWith('  For: ')) take('  For: ');
    while (lines[i]!.startsWith('    - ')) card.about.push(take('    - '));
    if (lines[i]!.startsWith('  !! ')) {
      card.risky = true;
      take('  !! ');
    }
    if (lines[i]!.startsWith('  Note: ')) take('  Note: ');
    if (lines[i] !== '') fail(`line ${i + 1}: expected a blank line before the fields of ${heading}, got: ${lines[i]}`);
    i++;
    while (i < lines.length && lines[i]!.startsWith('  [ ] ')) {
      const row = lines[i]!;
      const m = /^ {2}\[ \] (.+?) \.+ (.+)$/.exec(row);
      let label: string;
      let value: string;
      i++;
      if (m) {
        label = m[1]!;
        value = m[2]!;
      } else {
        // A label too long for the leader: the value starts on the next line, at the value column.
        label = row.slice(6);
        if (!lines[i]?.startsWith(VALUE_INDENT)) fail(`line ${i}: field "${label}" without a value`);
        value = lines[i++]!.trim();
      }
      while (i < lines.length && lines[i]!.startsWith(VALUE_INDENT)) value += ` ${lines[i++]!.trim()}`;
      card.fields.push({ label, value });
    }
    if (card.fields.length === 0) fail(`card "${heading}" has no fields`);
    if (i < lines.length && lines[i] !== '') fail(`line ${i + 1}: unexpected after the fields of ${heading}: ${lines[i]}`);
    cards.push(card);
  }
  return { cards, names };
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Literal text of mdText's output: backslash escapes removed. */
export const mdUnescape = (s: string): string => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** A code span's content (mdCode's output). */
function mdCodeContent(s: string): string {
  const m = /^(`+)( ?)(.*?)\2\1$/.exec(s) ?? fail(`not a code span: ${s}`);
  return m[3]!;
}

/** The Markdown form, back to its cards. */
export function parseChecklistMarkdown(text: string): ParsedChecklist {
  const lines = text.split('\n');
  const fence = /^(`{3,})text$/.exec(lines[0] ?? '') ?? fail('the Markdown does not start with the header in a fenced block');
  let i = lines.indexOf(fence[1]!, 1);
  if (i < 0) fail('the header block is not closed');
  const cards: ParsedCard[] = [];
  const names: string[] = [];
  let section = '';
  let rules = 0;
  let card: ParsedCard | undefined;
  const close = (): void => {
    if (card) {
      if (card.fields.length === 0) fail(`card "${card.heading}" has no fields`);
      cards.push(card);
    }
    card = undefined;
  };
  for (i++; i < lines.length; i++) {
    const line = lines[i]!;
    let m: RegExpExecArray | null;
    if ((m = /^## (.+)$/.exec(line))) {
      close();
      const title = mdUnescape(m[1]!);
      const rule = /^Rule (\d+) of (\d+): (.+)$/.exec(title);
      if (rule) {
        if (Number(rule[1]) !== ++rules) fail(`line ${i + 1}: rule ${rule[1]} where ${rules} was expected`);
        section = 'rules';
        card = { section, heading: title, about: [], risky: false, fields: [] };
      } else section = title;
    } else if ((m = /^### (.+)$/.exec(line))) {
      close();
      card = { section, heading: mdUnescape(m[1]!), about: [], risky: false, fields: [] };
    } else if (card && (m = /^- \[ \] (.+?): (`+.*`+)$/.exec(line))) {
      card.fields.push({ label: mdUnescape(m[1]!), value: mdCodeContent(m[2]!) });
    } else if (card && (m = /^\* (.+)$/.exec(line))) {
      if (card.fields.length) fail(`line ${i + 1}: an about line after the fields`);
      card.about.push(mdUnescape(m[1]!));
    } else if (card && line.startsWith('> **Risky:** ')) {
      card.risky = true;
    } else if (section === 'Remove these rules' && (m = /^- \[ \] (`+.*`+)$/.exec(line))) {
      names.push(mdCodeContent(m[1]!));
    } else if (card && !(line === '' || line.startsWith('For: ') || line.startsWith('> **Note:** '))) {
      fail(`line ${i + 1}: unexpected in card "${card.heading}": ${line}`);
    }
  }
  close();
  return { cards, names };
}

// ---------------------------------------------------------------------------------------------
// HTML: libxml2's HTML parser (xmllint --html) reads the page; its XML output is walked here.

type XNode = Record<string, unknown>;

/** xmllint --html's complaints about the page ('' when none), or 'missing'. */
export function xmllintHtml(html: string): string | 'missing' {
  const r = spawnSync('xmllint', ['--html', '--noout', '-'], { input: html, encoding: 'utf8' });
  if (r.error) return 'missing';
  // xmllint --html exits 0 even after parser errors: its messages are what counts.
  return `${r.stderr}${r.status === 0 ? '' : `exit ${r.status}`}`;
}

const htmlToXml = (html: string): string => {
  const r = spawnSync('xmllint', ['--html', '--xmlout', '--nowarning', '-'], { input: html, encoding: 'utf8' });
  if (r.status !== 0) fail(`xmllint --html --xmlout failed: ${r.stderr}`);
  return r.stdout;
};

const tag = (n: XNode): string => Object.keys(n).find((k) => k !== ':@' && k !== ':children') ?? '';
const attr = (n: XNode, name: string): string | undefined => ((n[':@'] as Record<string, string> | undefined) ?? {})[`@_${name}`];

/** The text content of a node, entity references decoded, runs of white space as one space. */
function textOf(n: XNode): string {
  const t = tag(n);
  if (t === '#text') return decodeEntities(String(n['#text']));
  return kids(n).map(textOf).join('');
}

const kids = (n: XNode): XNode[] => {
  const v = n[tag(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
};
const byClass = (n: XNode, cls: string): XNode[] => {
  const out: XNode[] = [];
  const walk = (x: XNode): void => {
    if ((attr(x, 'class') ?? '').split(' ').includes(cls)) out.push(x);
    for (const k of kids(x)) walk(k);
  };
  walk(n);
  return out;
};
const byTag = (n: XNode, name: string): XNode[] => kids(n).filter((k) => tag(k) === name);

/** The HTML page, back to its cards (and its check boxes with their labels, for the accessibility checks). */
export function parseChecklistHtml(html: string): ParsedChecklist & { checkboxes: { id: string; label: string }[] } {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: false, trimValues: false });
  const doc = parser.parse(htmlToXml(html)) as XNode[];
  const root = doc.find((n) => tag(n) === 'html') ?? fail('no <html> element');
  const cards: ParsedCard[] = [];
  for (const section of byClass(root, 'section')) {
    const h2 = byTag(section, 'h2')[0] ?? fail('a section without <h2>');
    const title = textOf(h2);
    for (const c of byTag(section, 'div').filter((d) => (attr(d, 'class') ?? '').split(' ').includes('card'))) {
      const h3 = byTag(c, 'h3')[0] ?? fail('a card without <h3>');
      if (attr(c, 'aria-labelledby') !== attr(h3, 'id')) fail(`card "${textOf(h3)}" is not labelled by its heading`);
      const fields = byClass(c, 'fields')
        .flatMap((ul) => byTag(ul, 'li'))
        .map((li): ParsedField => {
          const label = byTag(li, 'label')[0] ?? fail(`a field of "${textOf(h3)}" without <label>`);
          const spans = byTag(label, 'span');
          const l = spans.find((s) => attr(s, 'class') === 'label') ?? fail('a field without its label span');
          const v = spans.find((s) => attr(s, 'class') === 'value') ?? fail('a field without its value span');
          return { label: textOf(l), value: textOf(v) };
        });
      if (!fields.length) fail(`card "${textOf(h3)}" has no fields`);
      cards.push({
        section: title === 'Rules' ? 'rules' : title,
        heading: textOf(h3),
        about: byClass(c, 'about').flatMap((ul) => byTag(ul, 'li')).map(textOf),
        risky: (attr(c, 'class') ?? '').split(' ').includes('is-risky'),
        fields,
      });
    }
  }
  const remove = byClass(root, 'section').find((s) => textOf(byTag(s, 'h2')[0]!) === 'Remove these rules') ?? fail('no "Remove these rules" section');
  const names = byClass(remove, 'value').map(textOf);
  const checkboxes: { id: string; label: string }[] = [];
  const walk = (x: XNode): void => {
    const inputs = byTag(x, 'input').filter((n) => attr(n, 'type') === 'checkbox');
    for (const input of inputs) {
      const id = attr(input, 'id') ?? fail('a check box without id');
      const label = byTag(x, 'label').find((l) => attr(l, 'for') === id);
      checkboxes.push({ id, label: label ? textOf(label) : '' });
    }
    for (const k of kids(x)) walk(k);
  };
  walk(root);
  return { cards, names, checkboxes };
}

/** A form read back by its reader: "default" (text), "markdown" or "html". */
export function readForm(format: string, text: string): ParsedChecklist {
  return format === 'default' ? parseChecklistText(text) : format === 'markdown' ? parseChecklistMarkdown(text) : parseChecklistHtml(text);
}

// ---------------------------------------------------------------------------------------------
// What the cards forward

/** One thing the router is told to let in, as flowKey writes it: "4 tcp 443 -> 192.168.1.10:5001 from any via wan". */
export type Tuple = string;

const tuple = (family: 4 | 6, proto: string, wan: number | null, address: string, nas: number, source: string): Flow => ({
  family,
  proto: proto as Flow['proto'],
  wan,
  nas: canonicalAddress(address),
  port: nas,
  source: canonicalSource(source),
  via: 'wan',
});

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const CIDR4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\/(?:3[0-2]|[12]?\d))?$/;

function port(s: string, what: string): number {
  if (!/^[1-9]\d{0,4}$/.test(s) || Number(s) > 65535) fail(`${what}: "${s}" is not a port`);
  return Number(s);
}

function range(s: string, sep: string, what: string): [number, number] {
  const parts = s.split(sep);
  if (parts.length > 2) fail(`${what}: "${s}" is not a port or range`);
  const a = port(parts[0]!, what);
  const b = parts.length === 2 ? port(parts[1]!, what) : a;
  if (b <= a && parts.length === 2) fail(`${what}: "${s}" is not an ascending range`);
  return [a, b];
}

function protosOf(model: RouterModel, value: string): string[] {
  const p = model.protocols.value;
  if (value === p.tcp) return ['tcp'];
  if (value === p.udp) return ['udp'];
  if (p.both !== null && value === p.both) return ['tcp', 'udp'];
  return fail(`protocol "${value}" is not one ${model.title} offers`);
}

/** The fields of a rule card by kind, checked against the model's labels in order. */
function fieldsByKind(model: RouterModel, card: ParsedCard): Map<FieldKind, string> {
  const specs = model.fields.value;
  const out = new Map<FieldKind, string>();
  let j = 0;
  for (const spec of specs) {
    const f = card.fields[j];
    if (f?.label === spec.label) {
      if (spec.kind === 'fixed' && f.value !== spec.value) fail(`${card.heading}: ${spec.label} is "${f.value}", not "${spec.value}"`);
      out.set(spec.kind, f.value);
      j++;
    } else if (!(spec.kind === 'source' && spec.empty === undefined)) {
      // Only a source field without an "empty" word may be left out (the profile sets no allowFrom).
      fail(`${card.heading}: expected field "${spec.label}", got ${f ? `"${f.label}"` : 'nothing'}`);
    }
  }
  if (j !== card.fields.length) fail(`${card.heading}: unexpected field "${card.fields[j]!.label}"`);
  return out;
}

/** What one rule card forwards, port by port (IPv4, and IPv6 where the card turns it on). */
function ruleFlows(model: RouterModel, card: ParsedCard): Flow[] {
  const f = fieldsByKind(model, card);
  const get = (k: FieldKind): string => f.get(k) ?? fail(`${card.heading}: no ${k} field`);
  const sep = model.ranges.value?.separator ?? fail(`${model.title} takes no ranges`);
  const protos = protosOf(model, get('protocol'));
  const address = f.has('device') ? (get('device').startsWith(WORDS.device) ? get('device').slice(WORDS.device.length) : fail(`device "${get('device')}"`)) : get('ip');
  if (!IPV4.test(address)) fail(`${card.heading}: "${address}" is not an IPv4 address`);
  // Each side: a range in one box, or a first (and last) box; a side given by its first port only
  // is as long as the other side.
  type Side = { first: number; last?: number };
  const side = (one: FieldKind, first: FieldKind, last: FieldKind, what: string): Side | undefined => {
    if (f.has(one)) {
      const [a, b] = range(get(one), sep, what);
      return { first: a, last: b };
    }
    if (!f.has(first)) return undefined;
    return { first: port(get(first), `${what} (first)`), ...(f.has(last) ? { last: port(get(last), `${what} (last)`) } : {}) };
  };
  const extSide = side('external', 'externalFirst', 'externalLast', 'external port') ?? fail(`${card.heading}: no external port`);
  let intSide: Side | undefined;
  const same = f.get('sameRange');
  if (same !== undefined && same !== WORDS.tick && same !== WORDS.noTick) fail(`${card.heading}: "${same}" for the same-range box`);
  if (f.get('internal') === WORDS.sameAsExternal || same === WORDS.tick) {
    if (f.has('internalFirst') && get('internalFirst') !== WORDS.followsExternal) fail(`${card.heading}: same as outside, yet an internal port given`);
    intSide = extSide;
  } else intSide = side('internal', 'internalFirst', 'internalLast', 'internal port') ?? fail(`${card.heading}: no internal port`);
  const length = extSide.last !== undefined ? extSide.last - extSide.first : intSide.last !== undefined ? intSide.last - intSide.first : 0;
  const ext: [number, number] = [extSide.first, extSide.last ?? extSide.first + length];
  const int: [number, number] = [intSide.first, intSide.last ?? intSide.first + length];
  if (ext[1] - ext[0] !== int[1] - int[0]) fail(`${card.heading}: WAN ${ext.join('-')} and NAS ${int.join('-')} differ in length`);
  if (model.remap.value === 'single' && int[1] > int[0] && int[0] !== ext[0]) fail(`${card.heading}: a remapped range in a single-port box`);
  let sources = ['any'];
  const src = f.get('source');
  const spec = model.fields.value.find((s) => s.kind === 'source');
  if (src !== undefined && src !== spec?.empty) {
    const list = (spec?.prefix && src.startsWith(spec.prefix) ? src.slice(spec.prefix.length) : src).split(', ');
    for (const s of list) if (!CIDR4.test(s)) fail(`${card.heading}: source "${s}" is not an IPv4 address or network`);
    if (model.source.value === 'one' && list.length > 1) fail(`${card.heading}: ${model.title} takes one source per rule`);
    sources = list;
  }
  if (f.has('ipv4') && get('ipv4') !== WORDS.on) fail(`${card.heading}: IPv4 sharing is not on`);
  const out: Flow[] = [];
  for (const proto of protos) for (let i = 0; i <= ext[1] - ext[0]; i++) for (const s of sources) out.push(tuple(4, proto, ext[0] + i, address, int[0] + i, s));
  const v6 = f.get('ipv6');
  if (v6 !== undefined && v6 !== WORDS.off) {
    const m = new RegExp(`^${WORDS.on.replace(/[()]/g, '\\$&')} for ([0-9a-f:]+)$`).exec(v6) ?? fail(`${card.heading}: IPv6 "${v6}"`);
    for (const proto of protos) for (let p = int[0]; p <= int[1]; p++) out.push(tuple(6, proto, null, m[1]!, p, 'any'));
  }
  return out;
}

/** What an IPv6 allow card of the generic checklist lets in. */
function ipv6Flows(model: RouterModel, card: ParsedCard): Flow[] {
  const labels = card.fields.map((f) => f.label).join('|');
  if (labels !== 'Protocol|NAS IPv6 address|Port|Source (allowed from)') fail(`${card.heading}: IPv6 fields ${labels}`);
  const [proto, address, ports, source] = card.fields.map((f) => f.value) as [string, string, string, string];
  if (!/^[0-9a-f:]+$/.test(address)) fail(`${card.heading}: "${address}" is not an IPv6 address`);
  const [a, b] = range(ports, model.ranges.value!.separator, 'IPv6 port');
  const sources = source === WORDS.anySource ? ['any'] : source.split(', ');
  const out: Flow[] = [];
  for (const p of protosOf(model, proto)) for (let x = a; x <= b; x++) for (const s of sources) out.push(tuple(6, p, null, address, x, s));
  return out;
}

export interface ChecklistMeaning {
  /**
   * What the rule and IPv6 cards let in, each once, sorted (flowKey per port and source): two rules
   * may open one IPv6 port (443 -> 5001 and 5001 -> 5001 both tick IPv6 sharing for 5001).
   */
  tuples: Tuple[];
  flows: Flow[];
  hairpin: boolean | null;
  rules: number;
}

/** Everything the cards tell the router to do, read with the model's labels. */
export function checklistMeaning(parsed: ParsedChecklist, id: ModelId): ChecklistMeaning {
  const model = MODELS[id];
  const flows: Flow[] = [];
  let hairpin: boolean | null = null;
  let rules = 0;
  for (const card of parsed.cards) {
    if (card.section === 'rules') {
      rules++;
      flows.push(...ruleFlows(model, card));
    } else if (card.section.startsWith('IPv6')) flows.push(...ipv6Flows(model, card));
    else if (card.section === 'Router settings') {
      const f = card.fields[0]!;
      if (card.fields.length !== 1 || !/^NAT loopback/.test(f.label) || !/^(on|off)$/.test(f.value)) fail(`setting ${f.label}: ${f.value}`);
      hairpin = f.value === 'on';
    } else fail(`a card in an unknown section "${card.section}"`);
  }
  const unique = [...new Map(flows.map((f) => [flowKey(f), f])).values()];
  return { tuples: flowKeys(unique), flows: unique, hairpin, rules };
}

/**
 * What the checklist lets in, as flows: the cards', and with NAT loopback set on, each IPv4 port
 * from any LAN client (the setting covers every forward).
 */
export function checklistFlows(parsed: ParsedChecklist, id: ModelId): Flow[] {
  const m = checklistMeaning(parsed, id);
  const hairpin = m.hairpin === true ? m.flows.filter((f) => f.family === 4).map((f): Flow => ({ ...f, source: 'any', via: 'hairpin' })) : [];
  return [...m.flows, ...new Map(hairpin.map((f) => [flowKey(f), f])).values()];
}

/** What the plan forwards from the WAN, port by port, in the same terms (the oracle's, no target code involved). */
export function planTuples(plan: Plan): Tuple[] {
  return flowKeys(expectedFlows(plan, 'checklist').filter((f) => f.via === 'wan'));
}
