// Compiles schema/profile.schema.json into a standalone Ajv validator module, so that the CLI does
// not load and compile Ajv at start-up. The output is committed; a test fails when it is stale.

import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { schemaWithoutAppList } from './schema-apps.js';

export const SCHEMA_VALIDATOR_PATH = 'src/profile/schema-check.generated.ts';

const BANNER = `// GENERATED from schema/profile.schema.json by src/build/schema.ts: do not edit.
// Run \`npm run generate\` after changing the schema.
// @ts-nocheck
`;

// Ajv's standalone output require()s its runtime helper for maxLength. The published CLI is one
// bundled file without node_modules, so the helper (Ajv's ucs2length, MIT) is written inline.
const UCS2LENGTH_REQUIRE = 'require("ajv/dist/runtime/ucs2length").default';
const UCS2LENGTH = `function ucs2length(str) {
  const len = str.length;
  let length = 0;
  let pos = 0;
  while (pos < len) {
    length++;
    const value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}`;

export function buildSchemaValidator(schemaText: string): string {
  const runtimeSchema = schemaWithoutAppList(schemaText);
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: true, lines: true } });
  const validate = ajv.compile(JSON.parse(runtimeSchema));
  const code = standaloneCode
    .default(ajv, validate)
    .replace(/^"use strict";/, '')
    .split(UCS2LENGTH_REQUIRE)
    .join(`(${UCS2LENGTH})`);
  if (code.includes('require(')) throw new Error('the schema validator needs an Ajv runtime module that is not inlined');
  return `${BANNER}${code}\nexport const keysAt = ${JSON.stringify(schemaKeys(runtimeSchema))};\nexport const requiredAt = ${JSON.stringify(schemaKeys(runtimeSchema, 'required'))};\n`;
}

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  $ref?: string;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
}

/**
 * The keys each closed object in the schema allows (or, with "required", must have), keyed by
 * instance path with "*" for array items ("/apps/*"), so that an unknown-key error can list the
 * valid ones and an empty value's message can say whether the key may be left out.
 */
export function schemaKeys(schemaText: string, which: 'allowed' | 'required' = 'allowed'): Record<string, string[]> {
  const root = JSON.parse(schemaText) as SchemaNode & { definitions?: Record<string, SchemaNode> };
  const keys: Record<string, string[]> = {};
  const deref = (n: SchemaNode): SchemaNode =>
    n.$ref ? deref(root.definitions![n.$ref.replace('#/definitions/', '')]!) : n;
  const walk = (node: SchemaNode, path: string): void => {
    const n = deref(node);
    if (which === 'allowed' && n.properties && n.additionalProperties === false) keys[path] = Object.keys(n.properties);
    if (which === 'required' && n.required?.length) keys[path] = n.required;
    for (const [k, v] of Object.entries(n.properties ?? {})) walk(v, `${path}/${k}`);
    if (n.items) walk(n.items, `${path}/*`);
    for (const alt of n.oneOf ?? []) walk(alt, path);
  };
  walk(root, '');
  return keys;
}
