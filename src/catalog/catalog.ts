// The catalog as the CLI uses it: the generated JSON (built from dsm-apps.yaml) plus lookups.

import data from './catalog.generated.json' with { type: 'json' };
import { SEED_ROW, SEED_SOURCE_KEY } from './catalog-keys.js';
import type { Catalog, CatalogApp, CatalogSource } from './types.js';

export const catalog = data as unknown as Catalog;

export interface CatalogIndex {
  catalog: Catalog;
  /** id or alias -> app */
  byName: Map<string, CatalogApp>;
}

export function indexCatalog(c: Catalog): CatalogIndex {
  const byName = new Map<string, CatalogApp>();
  for (const app of c.apps) {
    byName.set(app.id, app);
    for (const alias of app.aliases) byName.set(alias, app);
  }
  return { catalog: c, byName };
}

/** The source a key stands for (seed rows resolve to the 2020 port table), if the catalog has it. */
export function sourceOf(c: Catalog, key: string): CatalogSource | undefined {
  const k = SEED_ROW.test(key) ? SEED_SOURCE_KEY : key;
  return c.sources.find((s) => s.key === k);
}

/** The sources a user can open behind some keys, deduplicated, in catalog order. */
export function openableSources(c: Catalog, keys: Iterable<string>): CatalogSource[] {
  const wanted = new Set<string>();
  for (const key of keys) {
    const s = sourceOf(c, key);
    if (s && !s.internal && s.url) wanted.add(s.key);
  }
  return c.sources.filter((s) => wanted.has(s.key));
}

/** Every source key an app cites, its own and its ports'. */
export function appSourceKeys(app: CatalogApp): string[] {
  return [...app.sources, ...app.ports.flatMap((p) => p.sources)];
}
