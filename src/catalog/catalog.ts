// The catalog as the CLI uses it: the generated JSON (built from dsm-apps.yaml) plus lookups.

import data from './catalog.generated.json' with { type: 'json' };
import type { Catalog, CatalogApp } from './types.js';

export const catalog = data as Catalog;

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
