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

const keyText = (profile: string, k: RuleKey, salt: number): string =>
  `synfw\u0000${profile}\u0000${k.protocol}\u0000${k.external}\u0000${k.internal}\u0000${salt}${k.source === undefined ? '' : `\u0000${k.source}`}`;

// Ids are written character by character into this buffer and made a string once: every rule of a
// pfSense or OPNsense render has one or two, and building them from slices of the hex digest made a
// dozen short-lived strings per rule. (Ids are ASCII: one byte per character.)
const chars = new Uint8Array(36);
const HEX = '0123456789abcdef';
const ID_MODULUS = 1_000_000_000;

/** Hex digit `i` of a digest (the high half of each byte first). */
const nibble = (digest: Uint8Array, i: number): number => (i & 1 ? digest[i >> 1]! & 0xf : digest[i >> 1]! >> 4);

/** Writes the digest's hex digits [from, to) into `chars` at `at`; returns where they end. */
function hexInto(at: number, digest: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) chars[at++] = HEX.charCodeAt(nibble(digest, i));
  return at;
}

/** The first `length` characters of `chars` as a string. */
const charsText = (length: number): string => String.fromCharCode.apply(null, chars.subarray(0, length) as unknown as number[]);

/**
 * The linking id in the shape of PHP uniqid("nat_", true), which pfSense's get_unique_id() and
 * OPNsense's legacy port-forward page use: "nat_" + 8 hex (seconds) + 5 hex (microseconds) + one
 * decimal digit "." 8 digits (the "%.8F" of lcg_value()*10), e.g. nat_675e62325ed802.70743995.
 * Derived from the profile and the rule instead of the clock: the digest's first 13 hex digits,
 * then its hex digits 13 to 39 as a number modulo 10^9, in 9 decimal digits. `salt` only changes
 * on a (practically impossible) hash collision.
 */
export function associatedRuleId(profile: string, key: RuleKey, salt = 0): string {
  const h = sha256(keyText(profile, key, salt));
  chars.set(NAT_PREFIX);
  hexInto(4, h, 0, 13);
  // Five hex digits at a time between reductions stays exact below 2^53 (plain numbers, not a BigInt).
  let r = 0;
  for (let i = 13; i < 40; i++) {
    r = r * 16 + nibble(h, i);
    if ((i - 13) % 5 === 4) r %= ID_MODULUS;
  }
  r %= ID_MODULUS;
  // The nine digits with leading zeros into 18..26, then the first moved before a "." at 18.
  for (let i = 26; i >= 18; i--) {
    chars[i] = 48 + (r % 10);
    r = Math.floor(r / 10);
  }
  chars[17] = chars[18]!;
  chars[18] = DOT;
  return charsText(27);
}

const NAT_PREFIX = [110, 97, 116, 95]; // "nat_"
const DOT = 46;
const DASH = 45;

/**
 * A uuid attribute for OPNsense's model rules, shaped like the v4 uuids OPNsense generates (version
 * nibble 4, variant 10xx) but derived from the profile and the rule, so it is stable across runs.
 * `kind` keeps port forwards and filter rules of the same ports apart. Hex digits 0-31 of the
 * digest in the 8-4-4-4-12 layout, with digit 12 replaced by the version and digit 16 by the variant.
 */
export function ruleUuid(profile: string, kind: string, key: RuleKey, salt = 0): string {
  const h = sha256(`uuid\u0000${kind}\u0000${keyText(profile, key, salt)}`);
  let at = hexInto(0, h, 0, 8);
  chars[at++] = DASH;
  at = hexInto(at, h, 8, 12);
  chars[at++] = DASH;
  chars[at++] = HEX.charCodeAt(4);
  at = hexInto(at, h, 13, 16);
  chars[at++] = DASH;
  chars[at++] = HEX.charCodeAt((nibble(h, 16) & 0x3) | 0x8);
  at = hexInto(at, h, 17, 20);
  chars[at++] = DASH;
  at = hexInto(at, h, 20, 32);
  return charsText(at);
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
  const bucket = Number(BigInt(`0x${sha256Hex(`synfw-tracker\u0000${profile}`).slice(0, 12)}`) % 10_000n);
  return 1_100_000_000 + bucket * 10_000;
}
