// Profile data -> YAML text a person would write: keys in the order profile-format.md uses, short
// lists and small mappings inline ([https, sync], { https: 443 }), everything else in block style.
// Strings are plain only where no YAML reader could take them for anything else; otherwise they
// are double-quoted with every character a YAML stream may not hold raw escaped. Reading the text
// back (src/profile/parse.ts) gives the same data (test/web/profile-yaml.test.ts).

import type { ProfileData } from './profile-data.js';

/** Key order per place in the profile; keys not listed follow in their own order. */
const ORDER: Record<string, string[]> = {
  '': ['$schema', 'version', 'name', 'nas', 'router', 'apps', 'custom', 'allowFrom', 'hairpin', 'allowRisky'],
  nas: ['address', 'address6', 'dsm'],
  dsm: ['version', 'http', 'https'],
  router: ['wan', 'lan'],
  apps: ['id', 'ports', 'external', 'override'],
  custom: ['id', 'description', 'ports', 'external'],
};

const HEADER = '# A synfw profile: `synfw plan FILE` shows what it forwards, `synfw gen FILE --target T` prints rules.\n';

// Words some YAML reader takes for a boolean or null (YAML 1.1 included), in any case.
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null)$/i;

function plainOk(s: string): boolean {
  if (RESERVED.test(s)) return false;
  // A letter first (never a number), or an IPv4 address (three dots: never a number either).
  return /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(s) || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(s);
}

// Outside YAML's printable set (never raw in a stream): DEL, C1 but NEL, U+FFFE and U+FFFF; plus
// the separators YAML 1.1 readers take for line breaks. JSON.stringify has escaped C0 and lone
// surrogates already and leaves surrogate pairs (printable) as they are.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff\u2028\u2029]/g;

export function yamlString(s: string): string {
  if (plainOk(s)) return s;
  // JSON's escapes (\" \\ \n \t \uXXXX) are YAML double-quoted escapes too.
  return JSON.stringify(s).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function scalar(v: unknown): string {
  return typeof v === 'string' ? yamlString(v) : String(v);
}

function ordered(obj: Record<string, unknown>, place: string): string[] {
  const order = ORDER[place] ?? [];
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  return [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k))];
}

/** Inline form, when the value is short and flat: [a, b], { a: 1 }, or a scalar. */
export function inline(v: unknown, place: string): string | undefined {
  if (isScalar(v)) return scalar(v);
  if (Array.isArray(v) && v.every(isScalar)) return `[${v.map(scalar).join(', ')}]`;
  if (isObj(v) && Object.values(v).every(isScalar)) {
    const keys = ordered(v, place);
    return keys.length ? `{ ${keys.map((k) => `${yamlString(k)}: ${scalar(v[k])}`).join(', ')} }` : '{}';
  }
  return undefined;
}

/** Lines of a mapping's entries at `indent`; `place` picks the key order. */
function mapping(obj: Record<string, unknown>, indent: string, place: string, inlineSmall: boolean): string[] {
  const lines: string[] = [];
  for (const key of ordered(obj, place)) {
    const v = obj[key];
    const k = yamlString(key);
    const flat = inlineSmall || !isObj(v) ? inline(v, key) : undefined;
    if (flat !== undefined) lines.push(`${indent}${k}: ${flat}`);
    else if (isObj(v) && Object.keys(v).length === 0) lines.push(`${indent}${k}: {}`);
    else if (isObj(v)) lines.push(`${indent}${k}:`, ...mapping(v, `${indent}  `, key, false));
    else lines.push(`${indent}${k}:`, ...sequence(v as unknown[], `${indent}  `, key));
  }
  return lines;
}

function sequence(items: unknown[], indent: string, place: string): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const flat = isObj(item) ? undefined : inline(item, place);
    if (flat !== undefined) lines.push(`${indent}- ${flat}`);
    else if (isObj(item) && Object.keys(item).length > 0) {
      // "- " then the first key on the same line, the rest below it.
      const inner = mapping(item, `${indent}  `, place, true);
      lines.push(`${indent}- ${inner[0]!.trimStart()}`, ...inner.slice(1));
    } else if (isObj(item)) lines.push(`${indent}- {}`);
    else lines.push(`${indent}-`, ...sequence(item as unknown[], `${indent}  `, place));
  }
  return lines;
}

export function profileYaml(data: ProfileData): string {
  return `${HEADER}${mapping(data, '', '', false).join('\n')}\n`;
}
