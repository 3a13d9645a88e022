// What every reader returns and the oracle expects: a flow is one port a router lets in, in plan
// terms. Readers of a router's exported state (one folder per dialect) and the tests' readers of
// synfw's own outputs all read down to this shape, so that one comparison serves every target and
// `synfw diff` can compare a router with a plan port by port.

import ipaddr from 'ipaddr.js';
import { isIPv4, isIPv6 } from './address.js';

export type Family = 4 | 6;

export interface Flow {
  family: Family;
  proto: 'tcp' | 'udp';
  /** The WAN port; null for IPv6, which reaches the NAS's own port without NAT. */
  wan: number | null;
  /** The NAS address, canonical (ipaddr.js's form for IPv6). */
  nas: string;
  port: number;
  /** A canonical CIDR ("198.51.100.0/24", "2001:db8::/48"), or 'any'. */
  source: string;
  /** wan: from the internet; hairpin: LAN clients to the router's WAN address (NAT loopback). */
  via: 'wan' | 'hairpin';
}

/** A flow as read from a router: with the profile of its synfw:<profile> tag, or null for a foreign rule. */
export interface ReadFlow extends Flow {
  profile: string | null;
  /** Where it was read: "line 12", "nat rule 3", "section synfw_home_tcp_443". */
  at: string;
}

/** Something a reader saw and did not understand, so it claims nothing about it. */
export interface Skipped {
  at: string;
  text: string;
  why: string;
}

/** What a router holds, as far as a reader understood it. */
export interface RouterState {
  flows: ReadFlow[];
  skipped: Skipped[];
}

/** One line per flow, for comparisons whose failures a person reads. */
export const flowKey = (f: Flow): string => `${f.family} ${f.proto} ${f.wan ?? '-'} -> ${f.nas}:${f.port} from ${f.source} via ${f.via}`;

/** The flows' keys, sorted: two lists of flows are equal when these are. */
export const flowKeys = (flows: readonly Flow[]): string[] => flows.map(flowKey).sort();

/** Only the Flow fields (a ReadFlow's profile and place dropped). */
export const bareFlow = ({ family, proto, wan, nas, port, source, via }: Flow): Flow => ({ family, proto, wan, nas, port, source, via });

/** Each flow once (by its key and profile), the first one read kept. */
export function uniqueFlows<F extends ReadFlow>(flows: readonly F[]): F[] {
  const seen = new Set<string>();
  return flows.filter((f) => {
    const k = `${flowKey(f)} ${f.profile}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** The profile a synfw tag at the start of a text names ("synfw:home tcp/443 ..."), or null. */
export function taggedProfile(text: string | undefined): string | null {
  const m = /^synfw:([a-z0-9][a-z0-9-]*)(?: |$)/.exec(text ?? '');
  return m ? m[1]! : null;
}

const familyOf = (address: string): Family => (address.includes(':') ? 6 : 4);

/** A NAS address in canonical form; throws on anything that is not one IPv4 or IPv6 address. */
export function canonicalAddress(address: string): string {
  if (familyOf(address) === 4) {
    if (!isIPv4(address)) throw new Error(`not an IPv4 address: ${address}`);
    return ipaddr.IPv4.parse(address).toString();
  }
  if (!isIPv6(address) || address.includes('/')) throw new Error(`not an IPv6 address: ${address}`);
  return ipaddr.IPv6.parse(address).toString();
}

/**
 * A source as a canonical CIDR: an address alone is a host (/32, /128), host bits must be clear,
 * and a /0 is 'any'. Throws on anything else.
 */
export function canonicalSource(source: string): string {
  if (source === 'any') return source;
  const [address, bits, extra] = source.split('/');
  if (extra !== undefined || address === undefined) throw new Error(`not an address or CIDR: ${source}`);
  const family = familyOf(address);
  const full = family === 4 ? 32 : 128;
  const len = bits === undefined ? full : Number(bits);
  if (bits !== undefined && (!/^(0|[1-9]\d{0,2})$/.test(bits) || len > full)) throw new Error(`bad prefix length in ${source}`);
  const canonical = canonicalAddress(address);
  if (len === 0) return 'any';
  const network = (family === 4 ? ipaddr.IPv4 : ipaddr.IPv6).networkAddressFromCIDR(`${canonical}/${len}`).toString();
  if (network !== canonical) throw new Error(`${source} has host bits set`);
  return `${network}/${len}`;
}

// ---- sources as address sets ----------------------------------------------------------------------

const toBig = (a: string): bigint => ipaddr.parse(a).toByteArray().reduce((n, b) => (n << 8n) | BigInt(b), 0n);

function fromBig(n: bigint, family: Family): string {
  const size = family === 4 ? 4 : 16;
  const bytes = Array.from({ length: size }, (_, i) => Number((n >> BigInt(8 * (size - 1 - i))) & 255n));
  return ipaddr.fromByteArray(bytes).toString();
}

/** An address range "a-b" or a CIDR as its first and last address. */
function span(element: string): { family: Family; first: bigint; last: bigint } {
  if (element.includes('-') && !element.includes('/')) {
    const [a, b] = element.split('-') as [string, string];
    const first = toBig(canonicalAddress(a));
    const last = toBig(canonicalAddress(b));
    if (familyOf(a) !== familyOf(b) || last < first) throw new Error(`bad address range ${element}`);
    return { family: familyOf(a), first, last };
  }
  const cidr = canonicalSource(element);
  if (cidr === 'any') throw new Error('a span of any has no family');
  const [address, len] = cidr.split('/') as [string, string];
  const family = familyOf(address);
  const first = toBig(address);
  return { family, first, last: first + (1n << BigInt((family === 4 ? 32 : 128) - Number(len))) - 1n };
}

/**
 * The fewest CIDRs that cover exactly the addresses of `elements` (CIDRs, addresses or a-b ranges of
 * one family), in address order; ['any'] when they cover every address. The form in which two
 * writings of the same sources compare equal (nft merges adjacent and overlapping set elements).
 */
export function sourceCover(elements: readonly string[]): string[] {
  const isRange = (e: string): boolean => e.includes('-') && !e.includes('/');
  if (elements.some((e) => !isRange(e) && canonicalSource(e) === 'any')) return ['any'];
  const spans = elements.map(span).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  if (!spans.length) return [];
  const family = spans[0]!.family;
  if (spans.some((s) => s.family !== family)) throw new Error('a cover of sources of two families');
  const merged: { first: bigint; last: bigint }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.first <= last.last + 1n) last.last = s.last > last.last ? s.last : last.last;
    else merged.push({ first: s.first, last: s.last });
  }
  const bits = family === 4 ? 32 : 128;
  const out: string[] = [];
  for (const m of merged) {
    let at = m.first;
    while (at <= m.last) {
      // The largest aligned block that starts at `at` and ends within the span.
      let size = 0;
      while (size < bits && (at & ((1n << BigInt(size + 1)) - 1n)) === 0n && at + (1n << BigInt(size + 1)) - 1n <= m.last) size++;
      if (size === bits) return ['any'];
      out.push(`${fromBig(at, family)}/${bits - size}`);
      at += 1n << BigInt(size);
    }
  }
  return out;
}

/**
 * The flows with each group's sources (the flows that differ in their source only) replaced by the
 * fewest CIDRs that cover them: two readings that admit the same addresses compare equal. Use it
 * where a target merges sources (nft's sets); elsewhere compare the flows themselves.
 */
export function coveredFlows(flows: readonly Flow[]): Flow[] {
  const groups = new Map<string, { flow: Flow; sources: string[] }>();
  for (const f of flows) {
    const key = flowKey({ ...f, source: '' });
    const g = groups.get(key) ?? { flow: bareFlow(f), sources: [] };
    g.sources.push(f.source);
    groups.set(key, g);
  }
  return [...groups.values()].flatMap(({ flow, sources }) => sourceCover(sources).map((source) => ({ ...flow, source })));
}
