// The report of `synfw diff` as a person reads it: one line per port, in the plan's terms
// ("tcp 443 -> 192.168.1.10:5001 from any, hairpin"), missing (+), stale (-), changed (~), foreign
// (!, never touched), then what the reader skipped.

import { escapeUnsafe } from '../diagnostics.js';
import type { DiffReport, PlanPort, Port } from './types.js';

const sources = (p: Port): string => (p.sources.length ? `from ${p.sources.join(', ')}` : 'from nobody on the WAN');

/** "tcp 443 -> 192.168.1.10:5001 from any, hairpin" */
export function describePort(p: Port): string {
  const arrives = p.wan === null ? `${p.proto} (IPv6)` : `${p.proto} ${p.wan}`;
  return `${arrives} -> ${p.targets.join(' and ')} ${sources(p)}${p.hairpin ? ', hairpin' : ''}`;
}

const where = (at: string[]): string => ` [${at.join('; ')}]`;
const apps = (p: PlanPort): string => (p.apps.length ? ` (${p.apps.join(', ')})` : '');

export function formatReport(r: DiffReport): string {
  const out: string[] = [];
  const count = r.missing.length + r.stale.length + r.changed.length;
  out.push(
    r.inSync
      ? `synfw diff: the router matches profile ${r.profile} (${r.target}): ${r.same.length} port(s) in sync`
      : `synfw diff: the router differs from profile ${r.profile} (${r.target}): ${count} difference(s), ${r.same.length} port(s) in sync`,
  );
  for (const p of r.missing) out.push(`+ missing  ${describePort(p)}${apps(p)}`);
  for (const p of r.stale) out.push(`- stale    ${describePort(p)}${where(p.at)}`);
  for (const c of r.changed) {
    out.push(`~ changed  ${describePort(c.plan)}${apps(c.plan)}`);
    out.push(`           the router has ${describePort(c.router)}${where(c.router.at)} (${c.what.join(', ')} differ)`);
  }
  for (const f of r.foreign) {
    out.push(`! foreign  ${describePort(f)}${where(f.at)}: ${f.owner ?? 'not made by synfw'}, ${f.reasons.join(' and ')}; synfw never touches it`);
  }
  if (r.skipped.length) {
    out.push(`? skipped  ${r.skipped.length} line(s) or rule(s) the reader does not understand, so the report says nothing about them:`);
    for (const s of r.skipped) out.push(`    ${s.at}: ${s.text ? `${s.text}: ` : ''}${s.why}`);
  }
  return `${out.map(escapeUnsafe).join('\n')}\n`;
}
