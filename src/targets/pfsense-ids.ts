// Deterministic stand-ins for the two values pfSense's GUI makes up at save time, so the same
// profile always gives the same file and a later --merge recognises its own rules by id.

import { createHash } from 'node:crypto';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The linking id in the shape of PHP uniqid("nat_", true), which pfSense's get_unique_id() uses:
 * "nat_" + 8 hex (seconds) + 5 hex (microseconds) + one decimal digit "." 8 digits (the "%.8F" of
 * lcg_value()*10), e.g. nat_675e62325ed802.70743995. Derived from the profile, protocol and ports
 * instead of the clock. `salt` only changes on a (practically impossible) hash collision.
 */
export function associatedRuleId(profile: string, protocol: string, external: string, internal: string, salt = 0): string {
  const h = sha256(`synfw\u0000${profile}\u0000${protocol}\u0000${external}\u0000${internal}\u0000${salt}`);
  const digits = (BigInt(`0x${h.slice(13, 40)}`) % 1_000_000_000n).toString().padStart(9, '0');
  return `nat_${h.slice(0, 13)}${digits[0]}.${digits.slice(1)}`;
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
