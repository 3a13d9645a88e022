// The profile schema lists the catalog's app ids and aliases (definitions.appId.enum), so editors
// that read the schema complete them and flag a typo such as "synology-drvie-server". The list is
// generated from the catalog by `npm run generate`; a test fails when it is stale.

import type { Catalog } from '../catalog/types.js';

export const SCHEMA_PATH = 'schema/profile.schema.json';

interface SchemaWithApps {
  definitions: { appId: { enum?: string[] } & Record<string, unknown> };
}

/** Every name a profile may use for a catalog app: ids and aliases, sorted. */
export function catalogAppNames(catalog: Catalog): string[] {
  return [...new Set(catalog.apps.flatMap((a) => [a.id, ...a.aliases]))].sort();
}

/** The schema text with the app-id list replaced by the catalog's. */
export function schemaWithCatalogApps(schemaText: string, catalog: Catalog): string {
  const schema = JSON.parse(schemaText) as SchemaWithApps;
  if (!schema.definitions?.appId) throw new Error(`${SCHEMA_PATH}: definitions.appId is missing`);
  schema.definitions.appId.enum = catalogAppNames(catalog);
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * The schema the CLI validates with: the same, without the app-id list. The resolver checks app ids
 * itself, so that an unknown id gets a did-you-mean and the custom: hint, and an alias resolves.
 */
export function schemaWithoutAppList(schemaText: string): string {
  const schema = JSON.parse(schemaText) as SchemaWithApps;
  delete schema.definitions.appId.enum;
  return JSON.stringify(schema);
}
