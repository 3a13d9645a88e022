// Compiles schema/profile.schema.json into a standalone Ajv validator module, so that the CLI does
// not load and compile Ajv at start-up. The output is committed; a test fails when it is stale.

import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

export const SCHEMA_VALIDATOR_PATH = 'src/profile/schema-check.generated.ts';

const BANNER = `// GENERATED from schema/profile.schema.json by src/build/schema.ts: do not edit.
// Run \`npm run generate\` after changing the schema.
// @ts-nocheck
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
`;

export function buildSchemaValidator(schemaText: string): string {
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: true, lines: true } });
  const validate = ajv.compile(JSON.parse(schemaText));
  // Ajv's ESM output still require()s its small runtime helpers (ucs2length for maxLength).
  const code = standaloneCode.default(ajv, validate).replace(/^"use strict";/, '');
  return `${BANNER}${code}\nexport const keysAt = ${JSON.stringify(schemaKeys(schemaText))};\n`;
}

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  $ref?: string;
  additionalProperties?: boolean | SchemaNode;
}

/**
 * The keys each closed object in the schema allows, keyed by instance path with "*" for array
 * items ("/apps/*"), so that an unknown-key error can list the valid ones.
 */
export function schemaKeys(schemaText: string): Record<string, string[]> {
  const root = JSON.parse(schemaText) as SchemaNode & { definitions?: Record<string, SchemaNode> };
  const keys: Record<string, string[]> = {};
  const deref = (n: SchemaNode): SchemaNode =>
    n.$ref ? deref(root.definitions![n.$ref.replace('#/definitions/', '')]!) : n;
  const walk = (node: SchemaNode, path: string): void => {
    const n = deref(node);
    if (n.properties && n.additionalProperties === false) keys[path] = Object.keys(n.properties);
    for (const [k, v] of Object.entries(n.properties ?? {})) walk(v, `${path}/${k}`);
    if (n.items) walk(n.items, `${path}/*`);
    for (const alt of n.oneOf ?? []) walk(alt, path);
  };
  walk(root, '');
  return keys;
}
