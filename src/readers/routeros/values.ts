// Value checks for the RouterOS rule readers (rules.ts): every property value is checked as
// strictly as the syntax: known words only, ports 1-65535, at most 15 port-list slots (a range
// takes 2), IPv4/IPv6 addresses and CIDRs, and no property a rule kind does not use.

import { RosSyntaxError } from './lexer.js';

/**
 * A property's value as a reader of RouterOS text gives it: a bare word or a quoted string (other
 * kinds, such as the tests' [command substitutions] and $variables, are never a constant).
 */
export interface RosPropValue {
  kind: string;
  text?: string;
}

export interface Ports {
  first: number;
  last: number;
}

export type Props = ReadonlyMap<string, RosPropValue>;

const MAX_SLOTS = 15;

export function fail(line: number, msg: string): never {
  throw new RosSyntaxError(msg, line, 0);
}

export function text(v: RosPropValue | undefined, line: number, what: string, quoted = false): string {
  if (v === undefined) fail(line, `missing ${what}`);
  if ((v.kind !== 'word' && v.kind !== 'string') || v.text === undefined || (quoted && v.kind !== 'string')) fail(line, `${what} must be ${quoted ? 'a quoted string' : 'a constant'}`);
  return v.text;
}

export function oneOf<T extends string>(v: RosPropValue | undefined, line: number, what: string, allowed: readonly T[]): T {
  const t = text(v, line, what);
  if (!(allowed as readonly string[]).includes(t)) fail(line, `${what}=${t} is not one of ${allowed.join(', ')}`);
  return t as T;
}

/** Refuses any property outside `allowed`: a known property this rule kind ignores would change its meaning. */
export function only(p: Props, allowed: readonly string[], line: number, what: string): void {
  for (const k of p.keys()) if (!allowed.includes(k)) fail(line, `${k} is not expected in a synfw ${what}`);
}

/** Exactly one of `<prefix>-interface` and `<prefix>-interface-list`. */
export function iface(p: Props, prefix: 'in' | 'out', line: number): { key: string; value: string } {
  const key = `${prefix}-interface`;
  if (p.has(key) === p.has(`${key}-list`)) fail(line, `exactly one of ${key} and ${key}-list`);
  const k = p.has(key) ? key : `${key}-list`;
  return { key: k, value: text(p.get(k), line, k) };
}

export function port(s: string, line: number): number {
  if (!/^[1-9]\d{0,4}$/.test(s) || Number(s) > 65535) fail(line, `bad port ${s}`);
  return Number(s);
}

export function portList(s: string, line: number): Ports[] {
  const items = s.split(',').map((item) => {
    const m = /^([^-]+)(?:-([^-]+))?$/.exec(item);
    if (!m) fail(line, `bad port list item "${item}"`);
    const first = port(m[1]!, line);
    const last = m[2] === undefined ? first : port(m[2], line);
    if (m[2] !== undefined && last <= first) fail(line, `bad port range ${item}`);
    return { first, last };
  });
  const slots = items.reduce((n, r) => n + (r.first === r.last ? 1 : 2), 0);
  if (slots > MAX_SLOTS) fail(line, `port list ${s} takes ${slots} slots (more than ${MAX_SLOTS})`);
  const sorted = [...items].sort((a, b) => a.first - b.first);
  sorted.forEach((r, i) => i > 0 && r.first <= sorted[i - 1]!.last && fail(line, `port list ${s} overlaps itself`));
  return items;
}

export const expand = (rs: Ports[]): number[] => rs.flatMap((r) => Array.from({ length: r.last - r.first + 1 }, (_, i) => r.first + i));

const isIpv4 = (s: string): boolean => {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
};

export function ipv4(s: string, line: number): string {
  if (!isIpv4(s)) fail(line, `bad IPv4 address ${s}`);
  return s;
}

/** An IPv4 address or CIDR (address-list entries). */
export function ipv4Cidr(s: string, line: number): string {
  const [a, len, ...rest] = s.split('/');
  if (rest.length || !isIpv4(a!) || (len !== undefined && !/^(3[0-2]|[12]?\d)$/.test(len))) fail(line, `bad IPv4 address or CIDR ${s}`);
  return s;
}

const isIpv6 = (s: string): boolean => {
  if (!/^[0-9a-f:]+$/.test(s) || !s.includes(':') || (s.match(/::/g) ?? []).length > 1) return false;
  const groups = s.split(':');
  return groups.length <= 8 && groups.every((g) => g.length <= 4) && (s.includes('::') || groups.length === 8);
};

/** An IPv6 CIDR (`/len` required, so a host is written /128 and cannot be misread as a prefix). */
export function ipv6Cidr(s: string, line: number): string {
  const [a, len, ...rest] = s.split('/');
  if (rest.length || !isIpv6(a!) || len === undefined || !/^(12[0-8]|1[01]\d|[1-9]?\d)$/.test(len)) fail(line, `bad IPv6 CIDR ${s}`);
  return s;
}
