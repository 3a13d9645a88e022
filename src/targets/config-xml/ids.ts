// Deterministic stand-ins for the values pfSense's and OPNsense's GUIs make up at save time (linking
// ids, trackers, uuids), so the same profile always gives the same file and a later --merge
// recognises its own rules by id.

import { sha256Hex as sha256 } from '../../lib/sha256.js';

/** What identifies a generated rule within its profile: protocol, ports and (when restricted) source. */
export interface RuleKey {
  protocol: string;
  external: string;
  internal: string;
  /** Source CIDR of a rule restricted by allowFrom; undefined for "any" (ids as before allowFrom existed). */
  source?: string;
}

const keyText = (profile: string, k: RuleKey, salt: number): string =>
  `synfw\u0000${profile}\u0000${k.protocol}\u0000${k.external}\u0000${k.internal}\u0000${salt}${k.source === undefined ? '' : `\u0000${k.source}`}`;

/**
 * The linking id in the shape of PHP uniqid("nat_", true), which pfSense's get_unique_id() and
 * OPNsense's legacy port-forward page use: "nat_" + 8 hex (seconds) + 5 hex (microseconds) + one
 * decimal digit "." 8 digits (the "%.8F" of lcg_value()*10), e.g. nat_675e62325ed802.70743995.
 * Derived from the profile and the rule instead of the clock. `salt` only changes on a
 * (practically impossible) hash collision.
 */
export function associatedRuleId(profile: string, key: RuleKey, salt = 0): string {
  const h = sha256(keyText(profile, key, salt));
  const digits = hexMod(h, 13, 40, 1_000_000_000).toString().padStart(9, '0');
  return `nat_${h.slice(0, 13)}${digits[0]}.${digits.slice(1)}`;
}

/**
 * The lower-case hex digits hex[from..to) as a number, modulo m: what BigInt(`0x...`) % m gives,
 * in plain numbers instead of a BigInt per rule. Five digits at a time between reductions, which
 * stays exact below 2^53 for m up to 2^33.
 */
function hexMod(hex: string, from: number, to: number, m: number): number {
  let r = 0;
  for (let i = from; i < to; i++) {
    const c = hex.charCodeAt(i);
    r = r * 16 + (c <= 57 ? c - 48 : c - 87);
    if ((i - from) % 5 === 4) r %= m;
  }
  return r % m;
}

/**
 * A uuid attribute for OPNsense's model rules, shaped like the v4 uuids OPNsense generates (version
 * nibble 4, variant 10xx) but derived from the profile and the rule, so it is stable across runs.
 * `kind` keeps port forwards and filter rules of the same ports apart.
 */
export function ruleUuid(profile: string, kind: string, key: RuleKey, salt = 0): string {
  const h = sha256(`uuid\u0000${kind}\u0000${keyText(profile, key, salt)}`);
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Calls make(salt) until it gives a value not in `taken` (and records it). */
export function unique(taken: Set<string>, make: (salt: number) => string): string {
  let salt = 0;
  let value = make(salt);
  while (taken.has(value)) value = make(++salt);
  taken.add(value);
  return value;
}

/**
 * First tracker of a profile. The GUI stores the epoch second of creation (~1.4e9 to 1.8e9 today)
 * and pfSense's own rules use 1000000xxx; 1100000000-1199999999 (epoch seconds of 2004-2008,
 * before pfSense had trackers) collides with neither. Each profile starts a block of 10000 values
 * chosen by its name and numbers its rules from there (distinct within a render), so two profiles
 * merged into one config almost never share trackers; pf takes the tracker as a 32-bit rule
 * identifier, and these stay below 2^31.
 */
export function trackerBase(profile: string): number {
  const bucket = Number(BigInt(`0x${sha256(`synfw-tracker\u0000${profile}`).slice(0, 12)}`) % 10_000n);
  return 1_100_000_000 + bucket * 10_000;
}
