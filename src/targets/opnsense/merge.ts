// --merge for OPNsense: the full configuration from System > Configuration > Backups (<opnsense>).
// The merge itself is shared with pfSense (config-xml/merge.ts); here: what OPNsense's files look like,
// where merged Destination NAT rules go in the sequence, and a check that the chosen format
// matches the layout the file already uses.

import type { Diagnostic } from '../../diagnostics.js';
import { fieldOf, mergeRules, readConfig, taggedBy, type MergeDialect, type UserConfig } from '../config-xml/merge.js';
import { childrenNamed, lineAt, type XmlDocument, type XmlElement } from '../../xml/parse.js';

export type { UserConfig };

export const OPNSENSE_MERGE: MergeDialect = {
  target: 'opnsense',
  roots: { opnsense: 'full' },
  expected: 'expected <opnsense> (the whole configuration, as System > Configuration > Backups downloads it)',
  foreign: { pfsense: 'pfSense configurations: use --target pfsense', nat: 'area backups are a pfSense feature: download the whole OPNsense configuration' },
  // OPNsense reads values with SimpleXML alone: the XML decoding is all there is.
  decode: (text) => text,
  genUnit: '  ',
};

export const readOpnConfig = (merge: { file: string; text: string }): UserConfig => readConfig(merge, OPNSENSE_MERGE);

export const mergeOpn = (user: UserConfig, generated: XmlDocument, profile: string): string => mergeRules(user, generated, profile, OPNSENSE_MERGE);

/** The user's port forwards that are not this profile's (by tag or by one of the new uuids). */
function otherNatRules(user: UserConfig, profile: string, uuids: ReadonlySet<string>): XmlElement[] {
  const nat = childrenNamed(user.doc.root, 'nat')[0];
  if (!nat) return [];
  return childrenNamed(nat, 'rule').filter((r) => !taggedBy(fieldOf(r, 'descr', OPNSENSE_MERGE), profile) && !uuids.has(r.attributes.uuid ?? ''));
}

/** The highest <sequence> among the port forwards of the user's file that stay: merged rules are numbered after it. */
export function sequenceBase(user: UserConfig, profile: string, uuids: ReadonlySet<string>): number {
  let max = 0;
  for (const r of otherNatRules(user, profile, uuids)) {
    const seq = fieldOf(r, 'sequence', OPNSENSE_MERGE);
    if (/^[0-9]{1,9}$/.test(seq)) max = Math.max(max, Number(seq));
  }
  return max;
}

/**
 * A warning when the file's own port forwards are in the other layout than the chosen format:
 * 26.1+ stores them as DNat model rules (uuid attribute, <sequence>), 25.7 and older without.
 */
export function layoutWarnings(user: UserConfig | undefined, profile: string, format: 'default' | 'mvc'): Diagnostic[] {
  if (!user) return [];
  const others = otherNatRules(user, profile, new Set());
  if (!others.length) return [];
  const mvc = others.some((r) => r.attributes.uuid !== undefined || childrenNamed(r, 'sequence').length > 0);
  if (mvc === (format === 'mvc')) return [];
  const message = mvc
    ? 'its port forwards are in the Destination NAT layout of OPNsense 26.1 and later; use --format mvc for such a router'
    : 'its port forwards are in the layout of OPNsense 25.7 and older; --format mvc writes the layout of 26.1 and later, use the default format for an older router';
  const first = others[0]!;
  return [{ code: 'SFW313', severity: 'warning', message: `target opnsense: ${message}`, pos: { file: user.file, line: lineAt(user.doc.source, first.start), column: 1 } }];
}
