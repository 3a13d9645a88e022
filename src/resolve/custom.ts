// The `custom` list: ports outside the catalog. The user named them, so they are forwarded, except
// that a port or range that covers a port the catalog knows as risky (22/tcp SSH, 445/tcp SMB, ...)
// still needs allowRisky: writing SMB's port by number, or a range such as 1-65535, must not
// bypass the policy.

import type { CatalogIndex } from '../catalog/catalog.js';
import type { PortRange, Proto, Skipped } from '../plan/types.js';
import { formatRange, parsePortSpec, shift, type PortSpec } from '../plan/ranges.js';
import type { CustomEntry } from '../profile/types.js';
import { pointerKey, type ResolveContext } from './context.js';
import type { Candidate } from './merge.js';
import type { Listed, RiskyPolicy } from './risky.js';

/** "22/tcp" -> "ssh: SSH ..." for single ports that a first-party catalog app marks risky. */
function riskyWellKnown(index: CatalogIndex): Map<string, string> {
  const known = new Map<string, string>();
  for (const app of index.catalog.apps) {
    if (app.thirdParty) continue;
    for (const p of app.ports) {
      const key = `${p.port}/${p.proto}`;
      if (p.exposure === 'risky' && p.end === undefined && !known.has(key)) known.set(key, `${app.id}: ${p.purpose}`);
    }
  }
  return known;
}

/** The risky well-known ports inside a range, as "22/tcp (ssh: ...)" phrases, lowest first. */
function riskyInside(wellKnown: Map<string, string>, range: PortRange, proto: Proto): string[] {
  const hits: Array<[number, string]> = [];
  for (const [key, what] of wellKnown) {
    const [port, p] = key.split('/');
    const n = Number(port);
    if (p === proto && n >= range.first && n <= range.last) hits.push([n, `${key} (${what})`]);
  }
  return hits.sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

export function resolveCustom(
  ctx: ResolveContext,
  entries: CustomEntry[],
  index: CatalogIndex,
  listed: Listed,
  risky: RiskyPolicy,
  candidates: Candidate[],
  skipped: Skipped[],
): void {
  const wellKnown = entries.length ? riskyWellKnown(index) : new Map<string, string>();
  entries.forEach((entry, i) => {
    const base = `/custom/${i}`;
    if (index.byName.has(entry.id)) {
      const app = index.byName.get(entry.id)!;
      const what = app.id === entry.id ? 'a catalog app id' : `an alias of the catalog app ${app.id}`;
      ctx.error('SFW209', `custom id "${entry.id}" is ${what}; list it under apps or choose another id`, `${base}/id`);
      return;
    }
    if (listed.has(entry.id)) {
      ctx.error('SFW207', `custom id "${entry.id}" is used twice`, `${base}/id`);
      return;
    }
    const specs: Array<{ text: string; spec: PortSpec; j: number }> = [];
    entry.ports.forEach((text, j) => {
      const r = parsePortSpec(text);
      if (r.ok) specs.push({ text, spec: r.spec, j });
      else if (r.problem === 'range') ctx.error('SFW203', `custom ${entry.id}: port "${text}" is out of range 1-65535`, `${base}/ports/${j}`);
      else if (r.problem === 'order') ctx.error('SFW210', `custom ${entry.id}: "${text}" has its first port after its last`, `${base}/ports/${j}`);
      else ctx.error('SFW210', `custom ${entry.id}: "${text}" is not a port spec: write PORT/PROTO or FIRST-LAST/PROTO with PROTO tcp, udp or both (e.g. "32400/tcp")`, `${base}/ports/${j}`);
    });
    const labels = entry.ports;
    for (const key of Object.keys(entry.external ?? {})) {
      if (!labels.includes(key)) {
        ctx.error('SFW202', `custom ${entry.id}: external key "${key}" is not one of its ports (${labels.join(', ')})`, `${base}/external/${pointerKey(key)}`, true);
      }
    }
    const record = { id: entry.id, kind: 'custom' as const, labels, riskyLabels: [] as string[] };
    listed.set(entry.id, record);

    const name = entry.description ?? entry.id;
    const pos = ctx.pos(`${base}/id`);
    let forwarded = 0;
    for (const { text, spec, j } of specs) {
      const externalFirst = entry.external?.[text];
      const external = externalFirst === undefined ? spec.range : shift(spec.range, externalFirst);
      if (external.last > 65535) {
        ctx.error('SFW203', `custom ${entry.id}: external ${text}: WAN ports ${formatRange(external)} go past 65535`, `${base}/external/${pointerKey(text)}`);
        continue;
      }
      for (const proto of spec.protos) {
        const single = spec.range.first === spec.range.last;
        const inside = riskyInside(wellKnown, spec.range, proto);
        const exposure = inside.length ? ('risky' as const) : ('public' as const);
        if (inside.length && !risky.allows([entry.id], text)) {
          const what = single
            ? `${spec.range.first}/${proto} is ${wellKnown.get(`${spec.range.first}/${proto}`)}`
            : `${formatRange(spec.range)}/${proto} includes ${inside.slice(0, 3).join(', ')}${inside.length > 3 ? ` and ${inside.length - 3} more risky ports` : ''}`;
          skipped.push({
            app: entry.id,
            label: text,
            name,
            proto,
            ports: spec.range,
            exposure,
            reason: `risky: ${what}; forward it only by adding "${entry.id}:${text}" (or "${entry.id}") to allowRisky`,
            pos: ctx.pos(`${base}/ports/${j}`),
          });
          const warning = single
            ? `custom ${entry.id}: ${spec.range.first}/${proto} is a risky port (${wellKnown.get(`${spec.range.first}/${proto}`)}) and is not forwarded`
            : `custom ${entry.id}: ${what}; the range is not forwarded`;
          ctx.warn('SFW250', `${warning}; to forward it, add "${entry.id}:${text}" to allowRisky`, `${base}/ports/${j}`);
          continue;
        }
        const known = inside.length > 0;
        if (known) record.riskyLabels.push(text);
        candidates.push({
          proto,
          external,
          internal: spec.range,
          origin: { app: entry.id, label: text, name, kind: 'custom', exposure, pos },
        });
        forwarded++;
      }
    }
    if (forwarded === 0 && specs.length === entry.ports.length) {
      ctx.error('SFW208', `custom ${entry.id}: nothing to forward (its only ports are risky; see the warnings above)`, `${base}/id`);
    }
  });
}
