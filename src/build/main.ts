// `npm run generate`: rewrites the committed generated files from their sources.
// `node dist/build/main.js --check`: exits 1 when any of them is stale.

import { readFileSync, writeFileSync } from 'node:fs';
import { buildCatalogJson, CATALOG_JSON_PATH, CATALOG_YAML_PATH } from './catalog.js';
import { buildSchemaValidator, SCHEMA_VALIDATOR_PATH } from './schema.js';
import { buildTemplatesModule, TEMPLATES_MODULE_PATH } from './templates.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const outputs: Array<[string, () => string]> = [
  [CATALOG_JSON_PATH, () => buildCatalogJson(read(CATALOG_YAML_PATH))],
  [SCHEMA_VALIDATOR_PATH, () => buildSchemaValidator(read('schema/profile.schema.json'))],
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
