// --merge for pfSense: a full backup (<pfsense>) or a NAT / Firewall Rules area backup. The merge
// itself is shared with OPNsense (config-xml/merge.ts); this is what is particular to pfSense.

import { decodeEntities } from '../../render/escape/xml.js';
import { mergeRules, readConfig, type ConfigKind, type MergeDialect, type UserConfig } from '../config-xml/merge.js';
import type { XmlDocument } from '../../xml/parse.js';

export type { ConfigKind, UserConfig };

export const PFSENSE_MERGE: MergeDialect = {
  target: 'pfsense',
  roots: { pfsense: 'full', nat: 'nat', filter: 'filter' },
  expected: 'expected <pfsense> (full backup) or <nat> / <filter> (NAT or Firewall Rules area backup)',
  foreign: { opnsense: 'OPNsense configurations are not supported by this target; use --target opnsense' },
  // pfSense html_entity_decodes every value after the XML parser: entities inside CDATA count.
  decode: decodeEntities,
  genUnit: '\t',
};

export const readPfConfig = (merge: { file: string; text: string }): UserConfig => readConfig(merge, PFSENSE_MERGE);

export const mergePf = (user: UserConfig, generated: XmlDocument, profile: string): string => mergeRules(user, generated, profile, PFSENSE_MERGE);
