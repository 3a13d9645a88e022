// MikroTik's own RouterOS command trees: the `/console/inspect` dumps in
// ../shared/vendor/routeros/inspect-<version>.json.gz (RouterOS 7.9, 7.16.2, 7.23.3, from
// github.com/tikoci/restraml), read with zlib at test time. They list every menu, command and
// argument name of a version; not the allowed values, and not the read-only properties.

import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Availability } from '../../../lab/lab.js';
import { ROOT } from '../../profiles.js';

export const INSPECT_DIR = `${ROOT}../shared/vendor/routeros/`;
/** Oldest first. */
export const INSPECT_VERSIONS = ['7.9', '7.16.2', '7.23.3'] as const;
const fileOf = (version: string): string => `${INSPECT_DIR}inspect-${version}.json.gz`;

/**
 * Item flags that every configuration item carries and `print` shows in its Flags legend, but that
 * the dumps do not list (they hold settable arguments only): accepted in find/where expressions.
 */
export const ITEM_FLAGS: ReadonlySet<string> = new Set(['dynamic', 'disabled', 'invalid']);
/** Arguments of add/set that are not properties of the item. */
const NOT_PROPERTIES = new Set(['numbers', 'copy-from', 'place-before']);

interface RawNode {
  _type: 'path' | 'dir' | 'cmd' | 'arg';
  [child: string]: unknown;
}

const children = (n: RawNode): [string, RawNode][] =>
  Object.entries(n).filter((e): e is [string, RawNode] => e[0] !== '_type' && e[0] !== 'desc' && typeof e[1] === 'object' && e[1] !== null);

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** One version's command tree. Paths are menu names without slashes: ['ip', 'firewall', 'nat']. */
export class CommandTree {
  constructor(
    readonly version: string,
    private readonly root: RawNode,
  ) {}

  private child(n: RawNode | undefined, name: string): RawNode | undefined {
    const c = n && Object.hasOwn(n, name) ? (n[name] as RawNode) : undefined;
    return c && typeof c === 'object' ? c : undefined;
  }

  /** The menu at `path` (the root for []), or undefined. */
  menu(path: readonly string[]): RawNode | undefined {
    let n: RawNode | undefined = this.root;
    for (const p of path) {
      n = this.child(n, p);
      if (n?._type !== 'dir' && n?._type !== 'path') return undefined;
    }
    return n;
  }

  isMenu(path: readonly string[]): boolean {
    return this.menu(path) !== undefined;
  }

  private readonly argCache = new Map<string, Set<string> | undefined>();

  /** Argument names of command `cmd` in menu `path`, or undefined when there is no such command. */
  args(path: readonly string[], cmd: string): Set<string> | undefined {
    const key = `${path.join(' ')}/${cmd}`;
    if (!this.argCache.has(key)) {
      const c = this.child(this.menu(path), cmd);
      this.argCache.set(key, c?._type === 'cmd' ? new Set(children(c).map(([k]) => k)) : undefined);
    }
    return this.argCache.get(key);
  }

  /** What find/where may test in menu `path`: the add and set arguments, plus ITEM_FLAGS. */
  properties(path: readonly string[]): Set<string> {
    const out = new Set(ITEM_FLAGS);
    for (const cmd of ['add', 'set']) for (const a of this.args(path, cmd) ?? []) if (!NOT_PROPERTIES.has(a)) out.add(a);
    return out;
  }
}

export function inspectAvailability(): Availability {
  const missing = INSPECT_VERSIONS.map(fileOf).filter((f) => !existsSync(f));
  return missing.length ? { ok: false, why: `missing ${missing.join(', ')} (see ../shared/vendor/README.md)` } : { ok: true };
}

let cache: CommandTree[] | undefined;
/** Every version's tree, oldest first (read once per test file). */
export function commandTrees(): CommandTree[] {
  cache ??= INSPECT_VERSIONS.map((v) => new CommandTree(v, JSON.parse(gunzipSync(readFileSync(fileOf(v))).toString('utf8')) as RawNode));
  return cache;
}

/** Whether any version knows a menu or command: what the script parser splits paths with. */
export interface MenuIndex {
  isMenu(path: readonly string[]): boolean;
  isCommand(path: readonly string[], name: string): boolean;
  hasArg(path: readonly string[], cmd: string, arg: string): boolean;
}

let defaultIndex: MenuIndex | undefined;
/** unionIndex of every version's tree (built once). */
export function menuIndex(): MenuIndex {
  defaultIndex ??= unionIndex(commandTrees());
  return defaultIndex;
}

export function unionIndex(trees: readonly CommandTree[]): MenuIndex {
  return {
    isMenu: (path) => trees.some((t) => t.isMenu(path)),
    isCommand: (path, name) => trees.some((t) => t.args(path, name) !== undefined),
    hasArg: (path, cmd, arg) => trees.some((t) => t.args(path, cmd)?.has(arg) ?? false),
  };
}
