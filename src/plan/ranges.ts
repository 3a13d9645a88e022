// Port ranges: parsing the profile's "PORT/PROTO" specs and formatting ranges for people.

import type { PortRange, Proto } from './types.js';

export function range(first: number, last = first): PortRange {
  return { first, last };
}

export function rangeSize(r: PortRange): number {
  return r.last - r.first + 1;
}

/** "5001" or "6001-6010". */
export function formatRange(r: PortRange, sep = '-'): string {
  return r.first === r.last ? String(r.first) : `${r.first}${sep}${r.last}`;
}

/** A forward that sends its WAN ports to other NAS port numbers. */
export function isRemapped(f: { external: PortRange; internal: PortRange }): boolean {
  return f.external.first !== f.internal.first;
}

export function shift(r: PortRange, first: number): PortRange {
  return { first, last: first + r.last - r.first };
}

export interface PortSpec {
  range: PortRange;
  protos: Proto[];
}

export type PortSpecResult = { ok: true; spec: PortSpec } | { ok: false; problem: 'syntax' | 'range' | 'order' };

const SPEC = /^(\d{1,5})(?:-(\d{1,5}))?\/(tcp|udp|both)$/;

/** Parses "32400/tcp", "6001-6010/udp", "9999/both". */
export function parsePortSpec(text: string): PortSpecResult {
  const m = SPEC.exec(text);
  if (!m) return { ok: false, problem: 'syntax' };
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  if (first < 1 || first > 65535 || last < 1 || last > 65535) return { ok: false, problem: 'range' };
  if (last < first) return { ok: false, problem: 'order' };
  const protos: Proto[] = m[3] === 'both' ? ['tcp', 'udp'] : [m[3] as Proto];
  return { ok: true, spec: { range: { first, last }, protos } };
}

/** Parses an override value: a port number (keeps the range's length) or "FIRST-LAST". */
export function parseOverride(value: number | string, current: PortRange): PortRange | 'range' | 'order' {
  if (typeof value === 'number') {
    const r = shift(current, value);
    return r.last > 65535 ? 'range' : r;
  }
  const [a, b] = value.split('-').map(Number) as [number, number];
  if (a < 1 || b > 65535 || a > 65535 || b < 1) return 'range';
  if (b < a) return 'order';
  return { first: a, last: b };
}
