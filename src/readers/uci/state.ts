// An OpenWrt router's firewall config as flows (`uci export firewall` or /etc/config/firewall): each
// DNAT redirect per port and source, its NAT loopback (reflection, on unless '0' as fw3 and fw4
// default it), and each IPv6 forward accept of one NAS address. Tagged sections are synfw's by
// their name option (synfw:<profile> ...). A redirect, or a forward accept to an IPv6 address,
// with an option sections.ts does not understand is listed as skipped; other sections (zones,
// defaults, input rules) are not forwards and are not read.

import { canonicalAddress, canonicalSource, taggedProfile, uniqueFlows, type ReadFlow, type RouterState, type Skipped } from '../flow.js';
import { parseUciConfig } from './config.js';
import type { UciSection } from './model.js';
import { redirectTuples, rule6Tuples } from './sections.js';

/** Whether a rule section is a forward accept to an IPv6 address (what rule6Tuples reads). */
const isForward6 = (s: UciSection): boolean => s.type === 'rule' && s.options.has('dest') && [...(s.lists.get('dest_ip') ?? []), s.options.get('dest_ip') ?? ''].some((a) => a.includes(':'));

/** The flows of the sections; a redirect or IPv6 forward accept not understood is skipped. */
export function sectionFlows(sections: readonly UciSection[]): RouterState {
  const flows: ReadFlow[] = [];
  const skipped: Skipped[] = [];
  for (const s of sections) {
    const at = `section ${s.id}`;
    const profile = taggedProfile(s.options.get('name'));
    try {
      if (s.type === 'redirect') {
        for (const t of redirectTuples([s])) {
          const flow = { family: 4, proto: t.proto, wan: t.wanPort, nas: canonicalAddress(t.nasAddr), port: t.nasPort, profile, at } as const;
          flows.push({ ...flow, source: canonicalSource(t.source ?? 'any'), via: 'wan' });
          if (t.reflection) flows.push({ ...flow, source: 'any', via: 'hairpin' });
        }
      } else if (isForward6(s)) {
        for (const t of rule6Tuples([s])) {
          flows.push({ family: 6, proto: t.proto, wan: null, nas: canonicalAddress(t.nasAddr6), port: t.nasPort, source: canonicalSource(t.source ?? 'any'), via: 'wan', profile, at });
        }
      }
    } catch (e) {
      skipped.push({ at, text: `config ${s.type} '${s.id}'`, why: (e as Error).message });
    }
  }
  return { flows: uniqueFlows(flows), skipped };
}

/** A router's firewall config, read leniently: sections the model refuses are skipped too. */
export function readUciConfig(text: string): RouterState {
  const refused: Skipped[] = [];
  const state = sectionFlows(parseUciConfig(text, refused));
  return { flows: state.flows, skipped: [...refused, ...state.skipped] };
}
