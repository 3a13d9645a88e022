// `synfw plan`: the plan as a table for people and as JSON for scripts. The JSON shape is documented
// in the README and kept stable (planJsonVersion changes if it ever must break).

import { formatDiagnostic } from '../diagnostics.js';
import { formatRange } from '../plan/ranges.js';
import type { Forward, Plan } from '../plan/types.js';
import { table, wrapParagraph } from './table.js';
import { classPaint, outputWidth, palette, terminalStream, useColor, type Palette } from './terminal.js';

export const PLAN_JSON_VERSION = 1;

/** "5000/tcp (dsm:http), 2222/tcp -> 22 (ssh:ssh)": the risky ports allowRisky lets through. */
export function riskyForwarded(plan: Plan): string[] {
  return plan.forwards
    .filter((f) => f.exposure === 'risky')
    .map((f: Forward) => {
      const wan = `${formatRange(f.external)}/${f.proto}`;
      const nas = f.external.first === f.internal.first ? '' : ` -> ${formatRange(f.internal)}`;
      const who = f.origins.filter((o) => o.exposure === 'risky').map((o) => `${o.app}:${o.label}`);
      return `${wan}${nas} (${who.join(', ')})`;
    });
}

export function planTable(plan: Plan, options: { width?: number; color?: boolean } = {}): string {
  const { nas } = plan;
  const width = options.width ?? outputWidth();
  const p: Palette = palette(options.color ?? useColor(terminalStream(1)));
  const out = [
    wrapParagraph(
      `Profile "${plan.profile.name}" (${plan.profile.file}): NAS ${nas.address}${nas.address6 ? ` / ${nas.address6}` : ''}, DSM ${nas.dsm.version} (http ${nas.dsm.http}, https ${nas.dsm.https})`,
      2,
      width,
    ),
  ];
  const sources = [...plan.allowFrom, ...plan.allowFrom6];
  if (sources.length) out.push(wrapParagraph(`Only from: ${sources.join(', ')}`, 2, width));
  if (plan.hairpin) out.push('Hairpin NAT: on');
  out.push('', p.bold(`Forwarded (${plan.forwards.length}):`));
  // The NAS column names the address when there is room; on a narrow terminal only the port
  // (the address is on the first line already).
  const forwards = (withAddress: boolean) =>
    table(
      ['WAN', 'PROTO', withAddress ? 'NAS' : 'NAS PORT', 'APPS', 'CLASS'],
      plan.forwards.map((f) => [
        formatRange(f.external),
        f.proto,
        `${withAddress ? `${nas.address}:` : ''}${formatRange(f.internal)}`,
        f.origins.map((o) => `${o.app}:${o.label}`).join(', '),
        f.exposure === 'public' && f.origins.some((o) => o.encrypted === false) ? 'public (unencrypted)' : f.exposure,
      ]),
      '  ',
      { width, style: (col, text, row) => (col === 4 ? classPaint(p, plan.forwards[row]!.exposure)(text) : text) },
    );
  const full = forwards(true);
  out.push(full.split('\n').some((l) => l.length > width) ? forwards(false) : full);
  const risky = riskyForwarded(plan);
  if (risky.length) out.push('', wrapParagraph(`Risky ports forwarded because of allowRisky: ${risky.join(', ')}`, 2, width));
  out.push('', p.bold(`Skipped (${plan.skipped.length}):`));
  if (plan.skipped.length) {
    out.push(
      table(
        ['PORT', 'PROTO', 'APP:LABEL', 'REASON'],
        plan.skipped.map((s) => [formatRange(s.ports), s.proto, `${s.app}:${s.label}`, s.reason]),
        '  ',
        { width, style: (col, text, row) => (col === 3 ? classPaint(p, plan.skipped[row]!.exposure)(text) : text) },
      ),
    );
  } else out.push('  none');
  if (plan.notes?.length) {
    out.push('', p.bold('Notes:'));
    for (const n of plan.notes) out.push(wrapParagraph(`  ${n.message}`, 2, width));
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
