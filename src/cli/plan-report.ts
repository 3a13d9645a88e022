// `synfw plan`: the plan as a table for people and as JSON for scripts. The JSON shape is documented
// in the README and kept stable (planJsonVersion changes if it ever must break).

import { formatDiagnostic } from '../diagnostics.js';
import { formatRange } from '../plan/ranges.js';
import type { Plan } from '../plan/types.js';
import { table } from './table.js';

export const PLAN_JSON_VERSION = 1;

export function planTable(plan: Plan): string {
  const { nas } = plan;
  const out = [
    `Profile "${plan.profile.name}" (${plan.profile.file}): NAS ${nas.address}${nas.address6 ? ` / ${nas.address6}` : ''}, DSM ${nas.dsm.version} (http ${nas.dsm.http}, https ${nas.dsm.https})`,
  ];
  const sources = [...plan.allowFrom, ...plan.allowFrom6];
  if (sources.length) out.push(`Only from: ${sources.join(', ')}`);
  if (plan.hairpin) out.push('Hairpin NAT: on');
  out.push('', `Forwarded (${plan.forwards.length}):`);
  out.push(
    table(
      ['WAN', 'PROTO', 'NAS', 'APPS', 'CLASS'],
      plan.forwards.map((f) => [
        formatRange(f.external),
        f.proto,
        `${nas.address}:${formatRange(f.internal)}`,
        f.origins.map((o) => `${o.app}:${o.label}`).join(', '),
        f.exposure === 'risky' ? 'risky (allowRisky)' : f.origins.some((o) => o.encrypted === false) ? 'public (unencrypted)' : 'public',
      ]),
    ),
  );
  out.push('', `Skipped (${plan.skipped.length}):`);
  if (plan.skipped.length) {
    out.push(
      table(
        ['PORT', 'PROTO', 'APP:LABEL', 'REASON'],
        plan.skipped.map((s) => [formatRange(s.ports), s.proto, `${s.app}:${s.label}`, s.reason]),
      ),
    );
  } else out.push('  none');
  if (plan.notes?.length) {
    out.push('', 'Notes:');
    for (const n of plan.notes) out.push(`  ${n.message}`);
  }
  return `${out.join('\n')}\n`;
}

export function planJson(plan: Plan): string {
  const doc = {
    planJsonVersion: PLAN_JSON_VERSION,
    profile: plan.profile,
    nas: plan.nas,
    router: plan.router,
    allowFrom: plan.allowFrom,
    allowFrom6: plan.allowFrom6,
    hairpin: plan.hairpin,
    forwards: plan.forwards.map((f) => ({
      proto: f.proto,
      external: f.external,
      internal: f.internal,
      apps: f.apps,
      exposure: f.exposure,
      origins: f.origins.map((o) => ({
        app: o.app,
        label: o.label,
        name: o.name,
        kind: o.kind,
        exposure: o.exposure,
        ...(o.encrypted === false ? { encrypted: false } : {}),
      })),
    })),
    skipped: plan.skipped.map((s) => ({
      app: s.app,
      label: s.label,
      name: s.name,
      proto: s.proto,
      ports: s.ports,
      exposure: s.exposure,
      reason: s.reason,
    })),
    warnings: plan.warnings.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.pos ? { line: d.pos.line, column: d.pos.column } : {}),
      text: formatDiagnostic(d, plan.profile.file),
    })),
    notes: (plan.notes ?? []).map((n) => ({ id: n.id, message: n.message })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
