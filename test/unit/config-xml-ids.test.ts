// The pfSense/OPNsense ids are written digit by digit from the digest's bytes (config-xml/ids.ts);
// here they are checked against their definition, computed the plain way from the hex digest
// (BigInt, slices), for profile names and keys of every shape, salts and sources included.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { associatedRuleId, ruleUuid, unique, type RuleKey } from '../../src/targets/config-xml/ids.js';

const hex = (text: string): string => createHash('sha256').update(text).digest('hex');
const keyText = (profile: string, k: RuleKey, salt: number): string =>
  `synfw\u0000${profile}\u0000${k.protocol}\u0000${k.external}\u0000${k.internal}\u0000${salt}${k.source === undefined ? '' : `\u0000${k.source}`}`;

function referenceId(profile: string, key: RuleKey, salt: number): string {
  const h = hex(keyText(profile, key, salt));
  const digits = (BigInt(`0x${h.slice(13, 40)}`) % 1_000_000_000n).toString().padStart(9, '0');
  return `nat_${h.slice(0, 13)}${digits[0]}.${digits.slice(1)}`;
}

function referenceUuid(profile: string, kind: string, key: RuleKey, salt: number): string {
  const h = hex(`uuid\u0000${kind}\u0000${keyText(profile, key, salt)}`);
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const cases: [string, RuleKey, number][] = [];
for (const profile of ['home', 'Grüße 🚀 \ud800', 'x'.repeat(90)]) {
  for (let i = 0; i < 200; i++) {
    const key: RuleKey = { protocol: ['tcp', 'udp', 'tcp/udp', 'ipv6 tcp'][i % 4]!, external: String(1 + i * 97), internal: `${i}-${i + 5}` };
    if (i % 3 === 0) key.source = `10.0.${i}.0/24`;
    cases.push([profile, key, i % 5]);
  }
}

describe('config.xml ids', () => {
  it('associatedRuleId is nat_ + the first 13 hex digits + hex digits 13-39 modulo 10^9 as d.dddddddd', () => {
    for (const [profile, key, salt] of cases) expect(associatedRuleId(profile, key, salt)).toBe(referenceId(profile, key, salt));
    // Self-check: a leading zero among the nine digits must survive (the reference pads it).
    expect(cases.some(([p, k, s]) => /^nat_[0-9a-f]{13}0/.test(referenceId(p, k, s)))).toBe(true);
  });

  it('ruleUuid is the digest in the v4 uuid layout', () => {
    for (const [profile, key, salt] of cases) expect(ruleUuid(profile, 'dnat', key, salt)).toBe(referenceUuid(profile, 'dnat', key, salt));
  });

  it('unique salts a value until it is new, and records it', () => {
    const taken = new Set(['a0', 'a1']);
    expect(unique(taken, (salt) => `a${salt}`)).toBe('a2');
    expect(unique(taken, (salt) => `b${salt}`)).toBe('b0');
    expect([...taken]).toEqual(['a0', 'a1', 'a2', 'b0']);
  });
});
