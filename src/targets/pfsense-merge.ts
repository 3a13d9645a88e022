// --merge: put this profile's rules into the user's exported config.xml by editing the text in
// place. Restoring pfSense's NAT or Firewall Rules area replaces the whole section, so the merged
// file must hold the user's own rules exactly as they were. Only this profile's old rules (tagged
// "synfw:<profile> " in descr, or linked to such a rule, or carrying one of the new ids) are
// replaced; the new ones take the place of the first old one, or go after the section's last rule
// (where the GUI appends port forwards and their linked pass rules). Everything else, including
// whitespace, comments and other profiles' rules, keeps its bytes.

import { decodeEntities } from '../render/escape/xml.js';
import { childrenNamed, parseXml, XmlSyntaxError, type XmlDocument, type XmlElement } from './pfsense-xml.js';
import { TargetError } from './types.js';

export type ConfigKind = 'full' | 'nat' | 'filter';

export interface UserConfig {
  file: string;
  doc: XmlDocument;
  kind: ConfigKind;
}

const mergeError = (file: string, message: string): TargetError =>
  new TargetError([{ code: 'SFW303', severity: 'error', message: `${file}: ${message}` }]);

/** Reads the file given with --merge: a full backup (<pfsense>) or a NAT / Firewall Rules area backup. */
export function readConfig(merge: { file: string; text: string }): UserConfig {
  const { file, text } = merge;
  if (/^\s*-+ ?BEGIN config\.xml/.test(text)) {
    throw mergeError(file, 'this is an encrypted backup; download the configuration again without "Encrypt this configuration file"');
  }
  let doc: XmlDocument;
  try {
    doc = parseXml(text);
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    throw mergeError(file, `not a well-formed XML file (${e.message}); give the config.xml downloaded from Diagnostics > Backup & Restore`);
  }
  const name = doc.root.name;
  const kind: ConfigKind | undefined = name === 'pfsense' ? 'full' : name === 'nat' ? 'nat' : name === 'filter' ? 'filter' : undefined;
  if (!kind) {
    const hint = name === 'opnsense' ? ' (OPNsense configurations are not supported by this target)' : '';
    throw mergeError(file, `not a pfSense configuration: its root element is <${name}>, expected <pfsense> (full backup) or <nat> / <filter> (NAT or Firewall Rules area backup)${hint}`);
  }
  for (const section of kind === 'full' ? ['nat', 'filter'] : []) {
    if (childrenNamed(doc.root, section).length > 1) throw mergeError(file, `<${section}> appears more than once (pfSense refuses such a file)`);
  }
  return { file, doc, kind };
}

/** pfSense's view of a field: XML-decoded (done by the tokeniser), then html_entity_decode. */
const field = (rule: XmlElement, name: string): string => {
  const el = childrenNamed(rule, name)[0];
  return el ? decodeEntities(el.text).trim() : '';
};

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Layout {
  /** Line break between inserted lines: the file's own, or '' in a file written on one line. */
  eol: string;
  /** One indentation level. */
  unit: string;
}

export function mergeRules(user: UserConfig, generated: XmlDocument, profile: string): string {
  const src = user.doc.source;
  const fileEol = src.includes('\r\n') ? '\r\n' : '\n';
  const root = user.doc.root;
  const pretty = src.slice(root.openEnd, root.closeStart).includes('\n') || root.children.length === 0;
  const layout: Layout = { eol: pretty ? fileEol : '', unit: pretty ? indentUnit(src, root) : '' };
  const gen = generated.root;
  const genRules = (section: string): XmlElement[] => childrenNamed(childrenNamed(gen, section)[0]!, 'rule');
  const newIds = new Set(genRules('nat').map((r) => field(r, 'associated-rule-id')));
  const ruleText = (section: string, indent: string): string[] =>
    genRules(section).map((r) => reindent(generated.source.slice(r.start, r.end), indent, layout));

  const tag = `synfw:${profile}`;
  const tagged = (descr: string, prefix: string): boolean => descr.startsWith(`${prefix}${tag} `) || descr === `${prefix}${tag}`;
  const removedNatIds = new Set<string>();
  const ours: Record<'nat' | 'filter', (rule: XmlElement) => boolean> = {
    nat: (r) => tagged(field(r, 'descr'), '') || newIds.has(field(r, 'associated-rule-id')),
    filter: (r) => {
      const id = field(r, 'associated-rule-id');
      return tagged(field(r, 'descr'), 'NAT ') || tagged(field(r, 'descr'), '') || newIds.has(id) || removedNatIds.has(id);
    },
  };

  const edits: Edit[] = [];
  const sections: ('nat' | 'filter')[] = user.kind === 'full' ? ['nat', 'filter'] : [user.kind];
  for (const name of sections) {
    const section = user.kind === 'full' ? childrenNamed(root, name)[0] : root;
    if (!section) {
      // No such section yet: create it before the root's end tag (unless there is nothing to put in it).
      if (!genRules(name).length) continue;
      const indent = layout.unit;
      const body = ruleText(name, indent + layout.unit).map((r) => `${layout.eol}${indent}${layout.unit}${r}`).join('');
      edits.push(insertBeforeClose(src, root, `${indent}<${name}>${body}${layout.eol}${indent}</${name}>`, layout));
      continue;
    }
    const old = childrenNamed(section, 'rule').filter(ours[name]);
    if (name === 'nat') {
      for (const r of old) {
        const id = field(r, 'associated-rule-id');
        if (id !== '' && id !== 'pass') removedNatIds.add(id);
      }
    }
    edits.push(...sectionEdits(src, section, old, (indent) => ruleText(name, indent), layout));
  }
  edits.push(headerEdit(user.doc, generated, profile, fileEol));

  // From the end backwards, so offsets stay valid; inserts at one offset keep the order they were made in.
  let out = src;
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  for (const { e } of order) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  parseXml(out); // the edits keep the document well-formed; a bug here must not reach a router
  return out;
}

function sectionEdits(src: string, section: XmlElement, old: XmlElement[], rules: (indent: string) => string[], layout: Layout): Edit[] {
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
function insertBeforeClose(src: string, el: XmlElement, text: string, layout: Layout, elIndent = indentOf(src, el.start) ?? ''): Edit {
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
function indentOf(src: string, pos: number): string | undefined {
  const lineStart = src.lastIndexOf('\n', pos - 1) + 1;
  const before = src.slice(lineStart, pos);
  return /^[ \t]*$/.test(before) && lineStart > 0 ? before : undefined;
}

/** One indentation level: how far the root's first indented child sits in from the root. */
function indentUnit(src: string, root: XmlElement): string {
  const rootIndent = indentOf(src, root.start) ?? '';
  for (const c of root.children) {
    const i = indentOf(src, c.start);
    if (i !== undefined && i.length > rootIndent.length && i.startsWith(rootIndent)) return i.slice(rootIndent.length);
  }
  return '\t';
}

/** A generated rule (tab-indented, at depth 2) re-indented for its place in the user's file. */
function reindent(rule: string, indent: string, layout: Layout): string {
  const [first, ...rest] = rule.split('\n');
  return [first, ...rest.map((l) => indent + layout.unit.repeat(/^\t*/.exec(l.slice(2))![0].length) + l.replace(/^\t+/, ''))].join(layout.eol);
}

/** This profile's header comment: replaces the one an earlier merge left, or follows the XML declaration. */
function headerEdit(doc: XmlDocument, generated: XmlDocument, profile: string, eol: string): Edit {
  const c = generated.comments[0]!;
  const text = generated.source.slice(c.start, c.end).replace(/\n/g, eol);
  const mine = (body: string): boolean => body.includes('Generated by synfw') && body.includes(`from profile "${profile}" for target pfsense`);
  const previous = doc.comments.find((k) => mine(k.body));
  if (previous) return { start: previous.start, end: previous.end, text };
  if (doc.declEnd >= 0) return { start: doc.declEnd, end: doc.declEnd, text: `${eol}${text}` };
  const bom = doc.source.startsWith('\ufeff') ? 1 : 0;
  return { start: bom, end: bom, text: `${text}${eol}` };
}
