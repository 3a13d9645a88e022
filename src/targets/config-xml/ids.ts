// Deterministic stand-ins for the values pfSense's and OPNsense's GUIs make up at save time (linking
// ids, trackers, uuids), so the same profile always gives the same file and a later --merge
// recognises its own rules by id.

import { sha256, sha256Hex } from '../../lib/sha256.js';

/** What identifies a generated rule within its profile: protocol, ports and (when restricted) source. */
export interface RuleKey {
  protocol: string;
  external: string;
  internal: string;
  /** Source CIDR of a rule restricted by allowFrom; undefined for "any" (ids as before allowFrom existed). */
  source?: string;
}

/**
 * What a rule's ids are the digest of: "synfw", the profile and the key's fields, NUL-separated.
 * Joined from a list, which makes the one string the digest reads; a template literal made a
 * chain of ten partial strings per rule and then a flat copy of them.
 */
const keyText = (profile: string, k: RuleKey, salt: number): string =>
  (k.source === undefined ? ['synfw', profile, k.protocol, k.external, k.internal, salt] : ['synfw', profile, k.protocol, k.external, k.internal, salt, k.source]).join('\u0000');

const ID_MODULUS = 1_000_000_000;

/** Character codes of the lower-case hex digits, by value. */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = 0x2d;

// An id is written as character codes into one of these and made a string by one
// String.fromCharCode: converting the digest's numbers with toString(16) and String(), slicing and
// joining the pieces made a dozen short strings and three runtime calls per rule.
const NAT_ID = Array.from('nat_0000000000000d.dddddddd', (c) => c.charCodeAt(0));
const UUID = Array.from('xxxxxxxx-xxxx-4xxx-vxxx-xxxxxxxxxxxx', (c) => c.charCodeAt(0));

/** The digest the ids are made from, reused: a rule's ids need its bytes only while they are written. */
const digest = new Uint8Array(32);

/** Hex digits [from, to) of the digest (two per byte, high first) into `out` from `at`; the position after them. */
function hexDigits(out: number[], at: number, from: number, to: number): number {
  for (let i = from; i < to; i++) out[at++] = HEX[(i & 1 ? digest[i >> 1]! : digest[i >> 1]! >> 4) & 0xf]!;
  return at;
}

/**
 * The linking id in the shape of PHP uniqid("nat_", true), which pfSense's get_unique_id() and
 * OPNsense's legacy port-forward page use: "nat_" + 8 hex (seconds) + 5 hex (microseconds) + one
 * decimal digit "." 8 digits (the "%.8F" of lcg_value()*10), e.g. nat_675e62325ed802.70743995.
 * Derived from the profile and the rule instead of the clock: the digest's first 13 hex digits,
 * then its hex digits 13 to 39 as a number modulo 10^9, in 9 decimal digits. `salt` only changes
 * on a (practically impossible) hash collision.
 */
export function associatedRuleId(profile: string, key: RuleKey, salt = 0): string {
  sha256(keyText(profile, key, salt), digest);
  // Hex digits 13-39: the low half of byte 6, then bytes 7-19 two at a time, reduced modulo 10^9
  // after each step (below 2^53, so exact: plain numbers instead of a BigInt per rule).
  let r = digest[6]! & 0xf;
  for (let i = 7; i < 19; i += 2) r = (r * 65536 + digest[i]! * 256 + digest[i + 1]!) % ID_MODULUS;
  r = (r * 256 + digest[19]!) % ID_MODULUS;
  const out = NAT_ID;
  hexDigits(out, 4, 0, 13);
  // Nine decimal digits, leading zeros kept: "d.dddddddd" from the last digit back.
  for (let at = 26; at > 18; at--) {
    out[at] = 0x30 + (r % 10);
    r = (r - (r % 10)) / 10;
  }
  out[17] = 0x30 + r;
  return String.fromCharCode(...out);
}

/**
 * A uuid attribute for OPNsense's model rules, shaped like the v4 uuids OPNsense generates (version
 * nibble 4, variant 10xx) but derived from the profile and the rule, so it is stable across runs.
 * `kind` keeps port forwards and filter rules of the same ports apart. Hex digits 0-31 of the
 * digest in the 8-4-4-4-12 layout, digit 12 replaced by the version and digit 16 by the variant.
 */
export function ruleUuid(profile: string, kind: string, key: RuleKey, salt = 0): string {
  sha256(`uuid\u0000${kind}\u0000${keyText(profile, key, salt)}`, digest);
  const out = UUID;
  let at = hexDigits(out, 0, 0, 8);
  out[at++] = DASH;
  at = hexDigits(out, at, 8, 12);
  out[at++] = DASH;
  at = hexDigits(out, at + 1, 13, 16);
  out[at++] = DASH;
  out[at++] = HEX[((digest[8]! >> 4) & 0x3) | 0x8]!;
  at = hexDigits(out, at, 17, 20);
  out[at++] = DASH;
  hexDigits(out, at, 20, 32);
  return String.fromCharCode(...out);
}

/** Calls make(salt) until it gives a value not in `taken` (and records it). */
export function unique(taken: Set<string>, make: (salt: number) => string): string {
  for (let salt = 0; ; salt++) {
    const value = make(salt);
    // Added if new: one look-up per id instead of has() and then add().
    const size = taken.size;
    taken.add(value);
    if (taken.size > size) return value;
  }
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
  const bucket = Number(BigInt(`0x${sha256Hex(`synfw-tracker\u0000${profile}`).slice(0, 12)}`) % 10_000n);
  return 1_100_000_000 + bucket * 10_000;
}
