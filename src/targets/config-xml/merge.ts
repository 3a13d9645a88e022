// --merge for pfSense and OPNsense: put this profile's rules into the user's exported config.xml by
// editing the text in place. Restoring replaces whole sections, so the merged file must hold the
// user's own rules exactly as they were. Only this profile's old rules (tagged "synfw:<profile> "
// in descr, or "NAT synfw:<profile> " on pfSense's linked pass rules, or linked to such a rule, or
// carrying one of the new ids) are replaced; the new ones take the place of the first old one, or go
// after the section's last rule (where the GUIs append). Everything else, including whitespace,
// comments and other profiles' rules, keeps its bytes.

import { applyEdits, indentUnit, insertBeforeClose, reindent, sectionEdits, type Edit, type Layout } from './edit.js';
import { childrenNamed, lineAt, parseXml, XmlSyntaxError, type XmlDocument, type XmlElement } from '../../xml/parse.js';
import { TargetError } from '../types.js';

export type ConfigKind = 'full' | 'nat' | 'filter';
export type Section = 'nat' | 'filter';

export interface MergeDialect {
  target: 'pfsense' | 'opnsense';
  /** Root element name -> what the file is. */
  roots: Record<string, ConfigKind>;
  /** The end of "not a ... configuration: its root element is <x>, " naming the accepted roots. */
  expected: string;
  /** Extra words for a known root of the wrong product. */
  foreign: Record<string, string>;
  /** A field as the product reads it, from the tokeniser's (XML-decoded) text. */
  decode: (text: string) => string;
  /** One indentation level of the generated text. */
  genUnit: string;
}

export interface UserConfig {
  file: string;
  doc: XmlDocument;
  kind: ConfigKind;
}

/** A problem with the --merge file: reported at that file (line 1 unless a line is known), not at the profile. */
export const mergeError = (file: string, message: string, line = 1): TargetError =>
  new TargetError([{ code: 'SFW303', severity: 'error', message, pos: { file, line, column: 1 } }]);

const PRODUCT = { pfsense: 'pfSense', opnsense: 'OPNsense' } as const;

/** Reads the file given with --merge and checks it is a configuration of the dialect's product. */
export function readConfig(merge: { file: string; text: string }, dialect: MergeDialect): UserConfig {
  const { file, text } = merge;
  const product = PRODUCT[dialect.target];
  if (/^\s*-+ ?BEGIN config\.xml/.test(text)) {
    throw mergeError(file, 'this is an encrypted backup; download the configuration again without encrypting it');
  }
  let doc: XmlDocument;
  try {
    doc = parseXml(text);
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    throw mergeError(file, `not a well-formed XML file (${e.message}); give the config.xml downloaded from the ${product} backup page`, e.line);
  }
  const name = doc.root.name;
  const kind = Object.hasOwn(dialect.roots, name) ? dialect.roots[name] : undefined;
  if (!kind) {
    const hint = Object.hasOwn(dialect.foreign, name) ? ` (${dialect.foreign[name]})` : '';
    throw mergeError(file, `not a ${product} configuration: its root element is <${name}>, ${dialect.expected}${hint}`);
  }
  for (const section of kind === 'full' ? ['nat', 'filter'] : []) {
    if (childrenNamed(doc.root, section).length > 1) throw mergeError(file, `<${section}> appears more than once (${product} refuses such a file)`);
  }
  return { file, doc, kind };
}

/**
 * The interface ids the rules name must exist in a full configuration (an area backup holds no
 * <interfaces>): a rule on an unknown interface is skipped by the router, silently.
 */
export function checkInterfaces(user: UserConfig, used: { id: string; key: string | null }[]): void {
  const section = user.kind === 'full' ? childrenNamed(user.doc.root, 'interfaces')[0] : undefined;
  // A backup cut down to its rules tells nothing about the interfaces.
  if (!section) return;
  const have = section.children.map((c) => c.name);
  for (const { id, key } of used) {
    if (have.includes(id)) continue;
    const from = key ? ` (${key})` : ' (the default; set router.wan or router.lan)';
    const line = lineAt(user.doc.source, section.start);
    throw mergeError(user.file, `interface "${id}"${from} is not in this configuration's <interfaces>${have.length ? ` (it has ${have.join(', ')})` : ', which is empty'}`, line);
  }
}

/** A rule's field as the product reads it ('' when absent). */
export function fieldOf(rule: XmlElement, name: string, dialect: MergeDialect): string {
  const el = childrenNamed(rule, name)[0];
  return el ? dialect.decode(el.text).trim() : '';
}

/** The ids that link or identify a rule: associated-rule-id (not the "pass" keyword) and the uuid attribute. */
export function idsOf(rule: XmlElement, dialect: MergeDialect): string[] {
  return [fieldOf(rule, 'associated-rule-id', dialect), rule.attributes.uuid ?? ''].filter((id) => id !== '' && id !== 'pass');
}

/** Whether a description marks a rule of this profile (optionally after a prefix such as "NAT "). */
export function taggedBy(descr: string, profile: string, prefix = ''): boolean {
  const tag = `${prefix}synfw:${profile}`;
  return descr.startsWith(`${tag} `) || descr === tag;
}

export function mergeRules(user: UserConfig, generated: XmlDocument, profile: string, dialect: MergeDialect): string {
  const src = user.doc.source;
  const fileEol = src.includes('\r\n') ? '\r\n' : '\n';
  const root = user.doc.root;
  const pretty = src.slice(root.openEnd, root.closeStart).includes('\n') || root.children.length === 0;
  const layout: Layout = { eol: pretty ? fileEol : '', unit: pretty ? indentUnit(src, root, dialect.genUnit) : '', genUnit: dialect.genUnit };
  const genRules = (section: Section): XmlElement[] => {
    const s = childrenNamed(generated.root, section)[0];
    return s ? childrenNamed(s, 'rule') : [];
  };
  const newIds = new Set([...genRules('nat'), ...genRules('filter')].flatMap((r) => idsOf(r, dialect)));
  const ruleText = (section: Section, indent: string): string[] =>
    genRules(section).map((r) => reindent(generated.source.slice(r.start, r.end), indent, layout));

  const descr = (r: XmlElement): string => fieldOf(r, 'descr', dialect);
  const removedNatIds = new Set<string>();
  const ours: Record<Section, (rule: XmlElement) => boolean> = {
    nat: (r) => taggedBy(descr(r), profile) || idsOf(r, dialect).some((id) => newIds.has(id)),
    filter: (r) =>
      taggedBy(descr(r), profile, 'NAT ') || taggedBy(descr(r), profile) || idsOf(r, dialect).some((id) => newIds.has(id) || removedNatIds.has(id)),
  };

  const edits: Edit[] = [];
  const sections: Section[] = user.kind === 'full' ? ['nat', 'filter'] : [user.kind];
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
    if (name === 'nat') for (const r of old) for (const id of idsOf(r, dialect)) removedNatIds.add(id);
    edits.push(...sectionEdits(src, section, old, (indent) => ruleText(name, indent), layout));
  }
  edits.push(headerEdit(user.doc, generated, profile, dialect.target, fileEol));

  const out = applyEdits(src, edits);
  parseXml(out); // the edits keep the document well-formed; a bug here must not reach a router
  return out;
}

/** This profile's header comment: replaces the one an earlier merge left, or follows the XML declaration. */
function headerEdit(doc: XmlDocument, generated: XmlDocument, profile: string, target: string, eol: string): Edit {
  const c = generated.comments[0]!;
  const text = generated.source.slice(c.start, c.end).replace(/\n/g, eol);
  const mine = (body: string): boolean => body.includes('Generated by synfw') && body.includes(`from profile "${profile}" for target ${target}`);
  const previous = doc.comments.find((k) => mine(k.body));
  if (previous) return { start: previous.start, end: previous.end, text };
  if (doc.declEnd >= 0) return { start: doc.declEnd, end: doc.declEnd, text: `${eol}${text}` };
  const bom = doc.source.startsWith('\ufeff') ? 1 : 0;
  return { start: bom, end: bom, text: `${text}${eol}` };
}
