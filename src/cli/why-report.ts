// `synfw why PORT [PROFILE]`: which apps use a port, in what class, and whether a profile forwards
// it (and if not, why not). Pure: the command reads the profile and prints what comes back.

import type { Catalog } from '../catalog/types.js';
import { formatRange } from '../plan/ranges.js';
import type { Plan, PortRange, Proto } from '../plan/types.js';
import { classText, portText, portWindow } from './apps-report.js';
import { DEFAULT_DSM_PORTS, portUsers, queryText, type PortQuery } from './port-lookup.js';
import { table } from './table.js';

const covers = (r: PortRange, port: number) => r.first <= port && port <= r.last;

function catalogPart(catalog: Catalog, q: PortQuery, plan?: Plan): string[] {
  const dsm = plan ? { http: plan.nas.dsm.http, https: plan.nas.dsm.https } : DEFAULT_DSM_PORTS;
  const { own, served } = portUsers(catalog, q, dsm);
  const out: string[] = [];
  if (own.length === 0 && served.length === 0) {
    out.push(`No app in the catalog uses ${queryText(q)}.`);
    return out;
  }
  out.push(`${queryText(q)} in the catalog:`);
  if (own.length) {
    out.push(
      table(
        ['APP', 'LABEL', 'PORT', 'CLASS', 'PURPOSE'],
        own.map((u) => {
          const window = portWindow(u.port);
          const third = u.app.thirdParty ? ' (third-party)' : '';
          return [
            `${u.app.id}${third}`,
            u.port.label,
            `${u.first}${u.last !== u.first ? `-${u.last}` : ''}/${u.port.proto}`,
            classText(u.port.exposure, u.port.encrypted),
            `${u.port.purpose}${window ? ` (${window})` : ''}`,
          ];
        }),
      ),
    );
    const notes = own.filter((u) => u.port.notes);
    if (notes.length) {
      out.push('', 'Notes:');
      for (const u of notes) out.push(`  ${u.app.id}:${u.port.label}: ${u.port.notes}`);
    }
  }
  for (const s of served) {
    const host = s.server === 'dsm' ? "DSM's" : "Web Station's";
    const cls = s.label === 'https' ? 'public' : 'risky';
    out.push('', `Also served through ${host} ${s.label.toUpperCase()} port (${cls}), labels "${s.label}": ${s.apps.map((a) => a.id).join(', ')}`);
  }
  const shared = catalog.shared.filter((s) => (q.proto === undefined || s.proto === q.proto) && s.port <= q.port && q.port <= (s.end ?? s.port));
  if (shared.length) {
    out.push('', 'Shared:');
    for (const s of shared) out.push(`  ${portText(s)} (${s.apps.join(', ')}): ${s.note}`);
  }
  return out;
}

function profilePart(plan: Plan, q: PortQuery): string[] {
  const protoOk = (p: Proto) => q.proto === undefined || q.proto === p;
  const lines: string[] = [];
  let forwarded = false;
  for (const f of plan.forwards) {
    if (!protoOk(f.proto) || !(covers(f.external, q.port) || covers(f.internal, q.port))) continue;
    forwarded = true;
    const cls = f.exposure === 'risky' ? 'risky, accepted in allowRisky' : f.origins.some((o) => o.encrypted === false) ? 'public, unencrypted' : 'public';
    const who = f.origins.map((o) => `${o.app}:${o.label}`).join(', ');
    lines.push(`  forwarded: WAN ${formatRange(f.external)}/${f.proto} -> NAS ${formatRange(f.internal)}/${f.proto} for ${who} (${cls})`);
  }
  for (const s of plan.skipped) {
    if (!protoOk(s.proto) || !covers(s.ports, q.port)) continue;
    lines.push(`  not forwarded: ${s.app}:${s.label} ${formatRange(s.ports)}/${s.proto}: ${s.reason}`);
  }
  const verdict = forwarded ? `forwards ${queryText(q)}` : `does not forward ${queryText(q)}`;
  if (lines.length === 0) lines.push(`  no app or custom entry of this profile asks for ${queryText(q)}`);
  for (const n of plan.notes ?? []) if (n.port === q.port && protoOk('tcp')) lines.push(`  note: ${n.message}`);
  return [`Profile "${plan.profile.name}" (${plan.profile.file}) ${verdict}:`, ...lines];
}

export function whyReport(catalog: Catalog, q: PortQuery, plan?: Plan): string {
  const out = catalogPart(catalog, q, plan);
  if (plan) out.push('', ...profilePart(plan, q));
  return `${out.join('\n')}\n`;
}
