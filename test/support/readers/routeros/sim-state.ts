// The router a simulated RouterOS script runs on (routeros-sim.ts): one ordered table of items per
// menu (/ip firewall filter, /interface list, ...), each item an internal id ("*1A") and its
// properties as text, plus the script's runtime values and their text form.

export class Id {
  constructor(readonly id: string) {}
}

/** A runtime value: str, num, bool, nil, an internal id, or an array of them. */
export type RV = string | number | boolean | null | Id | RV[];

export interface Item {
  id: string;
  props: Record<string, string>;
}

/** Item flags that read "no" when unset. */
const FLAGS = new Set(['dynamic', 'disabled', 'invalid', 'builtin']);

export const menuKey = (path: readonly string[]): string => path.join(' ');

export class RouterState {
  private readonly tables = new Map<string, Item[]>();
  private next = 1;

  table(path: readonly string[]): Item[] {
    const key = menuKey(path);
    let t = this.tables.get(key);
    if (!t) this.tables.set(key, (t = []));
    return t;
  }

  /** Appends (or inserts at `index`) a new item with a fresh id. */
  insert(path: readonly string[], props: Record<string, string>, index?: number): Item {
    const item = { id: `*${(this.next++).toString(16).toUpperCase()}`, props: { ...props } };
    const t = this.table(path);
    t.splice(index ?? t.length, 0, item);
    return item;
  }

  find(id: string): { path: string; table: Item[]; index: number } | undefined {
    for (const [path, table] of this.tables) {
      const index = table.findIndex((i) => i.id === id);
      if (index >= 0) return { path, table, index };
    }
    return undefined;
  }

  /** Names of the items of a menu (interfaces, interface lists). */
  names(path: readonly string[]): string[] {
    return this.table(path).map((i) => i.props.name ?? '');
  }

  clone(): RouterState {
    const c = new RouterState();
    c.next = this.next;
    for (const [k, t] of this.tables) c.tables.set(k, t.map((i) => ({ id: i.id, props: { ...i.props } })));
    return c;
  }

  /** Every non-empty table, one line per item in order: what "nothing changed" compares. */
  dump(withIds = true): string {
    return [...this.tables]
      .filter(([, t]) => t.length)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, t]) => `/${k}\n${t.map((i) => `  ${withIds ? `${i.id} ` : ''}${Object.entries(i.props).map(([p, v]) => `${p}=${JSON.stringify(v)}`).join(' ')}`).join('\n')}`)
      .join('\n');
  }
}

export function prop(item: Item, name: string): string {
  return item.props[name] ?? (FLAGS.has(name) ? 'no' : '');
}

export function toStr(v: RV): string {
  if (v === null) return '';
  if (v instanceof Id) return v.id;
  if (Array.isArray(v)) return v.map(toStr).join(';');
  return String(v);
}

export const isNumeric = (v: RV): boolean => typeof v === 'number' || (typeof v === 'string' && /^-?\d+$/.test(v));

/** yes/no and true/false are one thing in property comparisons. */
export const normBool = (s: string): string => (s === 'true' ? 'yes' : s === 'false' ? 'no' : s);

export function equal(a: RV, b: RV): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? a : [a];
    const y = Array.isArray(b) ? b : [b];
    // An empty array compares equal to "" and nil, as in `[find ...] = ""`.
    if (!x.length || !y.length) return x.length + y.length === 0 || [...x, ...y].every((v) => v === '' || v === null);
    return x.length === y.length && x.every((v, i) => equal(v, y[i]!));
  }
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b);
  return toStr(a) === toStr(b);
}
