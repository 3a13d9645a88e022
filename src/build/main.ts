// `npm run generate`: rewrites the committed generated files from their sources.
// `node dist/build/main.js --check`: exits 1 when any of them is stale.

import { readFileSync, writeFileSync } from 'node:fs';
import type { Catalog } from '../catalog/types.js';
import { buildCatalogJson, CATALOG_JSON_PATH, CATALOG_YAML_PATH } from './catalog.js';
import { buildSchemaValidator, SCHEMA_VALIDATOR_PATH } from './schema.js';
import { SCHEMA_PATH, schemaWithCatalogApps } from './schema-apps.js';
import { buildTemplatesModule, TEMPLATES_MODULE_PATH } from './templates.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

// Each output is built from the fresh one before it: catalog -> schema's app list -> validator.
const catalogJson = buildCatalogJson(read(CATALOG_YAML_PATH));
const schema = schemaWithCatalogApps(read(SCHEMA_PATH), JSON.parse(catalogJson) as Catalog);
const outputs: Array<[string, () => string]> = [
  [CATALOG_JSON_PATH, () => catalogJson],
  [SCHEMA_PATH, () => schema],
  [SCHEMA_VALIDATOR_PATH, () => buildSchemaValidator(schema)],
  [TEMPLATES_MODULE_PATH, () => buildTemplatesModule(new URL('templates/', root))],
];

const check = process.argv.includes('--check');
let stale = 0;
for (const [path, build] of outputs) {
  const fresh = build();
  let current = '';
  try {
    current = read(path);
  } catch {
    // missing counts as stale
  }
  if (current === fresh) continue;
  if (check) {
    console.error(`${path} is stale: run npm run generate`);
    stale++;
  } else {
    writeFileSync(new URL(path, root), fresh);
    console.error(`${path} updated`);
  }
}
process.exitCode = stale ? 1 : 0;
