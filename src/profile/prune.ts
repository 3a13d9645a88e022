// A profile with schema errors is still worth resolving: an unknown app id in apps[3] should be
// reported in the same run as a typo in another key. This cuts every part the schema rejected out
// of the data, at the level of a whole entry (an app, a custom service, an allowFrom or allowRisky
// item, an optional top-level key), so that what remains is valid and means what the user wrote.

import { keysAt } from './schema-check.generated.js';
import type { Profile } from './types.js';

export interface Pruned {
  profile: Profile;
  /** The entries that were cut out ("/apps/2", "/router"); unknown keys outside lists are not listed. */
  cut: string[];
}

const LISTS = new Set(['apps', 'custom', 'allowFrom', 'allowRisky']);
const TOP_KEYS: readonly string[] = keysAt[''];

/** The entry a bad value belongs to, "" when the rest of the profile cannot do without it. */
function unitOf(pointer: string): string {
  const [, top, index] = pointer.split('/');
  if (top === undefined || top === 'version' || top === 'nas') return '';
  if (LISTS.has(top) && index !== undefined && /^\d+$/.test(index)) return `/${top}/${index}`;
  if (top === 'apps') return '/apps';
  return `/${top}`;
}

/** A value the schema rejected; an unknown key is the key's own pointer. */
export interface Invalid {
  pointer: string;
  unknownKey: boolean;
}

/**
 * The profile without the entries that hold the invalid values, or undefined when an invalid value
 * is one the whole profile depends on (version, nas, the document itself). An unknown key outside
 * the lists means nothing, so only the key goes. List entries become holes, so every other entry
 * keeps its index (and its position in messages).
 */
export function pruneInvalid(data: unknown, invalid: readonly Invalid[]): Pruned | undefined {
  if (!isRecord(data)) return undefined;
  const units = new Set<string>();
  const strayDeep: string[][] = [];
  for (const { pointer, unknownKey } of invalid) {
    // Unknown top-level keys go with the copy below, which takes only the known ones.
    if (unknownKey && pointer.indexOf('/', 1) < 0) continue;
    const unit = unitOf(pointer);
    const path = pointer.split('/').slice(1).map(unescapeToken);
    const inList = LISTS.has(path[0]!) && path.length > 1 && /^\d+$/.test(path[1]!);
    if (unknownKey && !inList) strayDeep.push(path);
    else if (unit === '') return undefined;
    else units.add(unit);
  }
  const copy: Record<string, unknown> = {};
  for (const key of TOP_KEYS) if (Object.hasOwn(data, key)) copy[key] = data[key];
  for (const key of LISTS) if (Array.isArray(copy[key])) copy[key] = [...(copy[key] as unknown[])];
  for (const path of strayDeep) deleteKey(copy, path);
  for (const unit of units) {
    const [, top, index] = unit.split('/') as [string, string, string?];
    if (index !== undefined) delete (copy[top] as unknown[])[Number(index)];
    else if (top === 'apps') copy.apps = [];
    else delete copy[top];
  }
  if (!Array.isArray(copy.apps) || !isRecord(copy.nas)) return undefined;
  return { profile: copy as unknown as Profile, cut: [...units].sort() };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const unescapeToken = (t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~');

/** Deletes data[path[0]][path[1]]..., copying every mapping on the way so the input stays intact. */
function deleteKey(root: Record<string, unknown>, path: string[]): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isRecord(next)) return;
    node[key] = { ...next };
    node = node[key] as Record<string, unknown>;
  }
  delete node[path[path.length - 1]!];
}
