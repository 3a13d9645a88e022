import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { buildSchemaValidator, SCHEMA_VALIDATOR_PATH } from '../../src/build/schema.js';
import { catalogAppNames, schemaWithCatalogApps } from '../../src/build/schema-apps.js';
import { catalog } from '../../src/catalog/catalog.js';
import { planFromText } from '../../src/pipeline.js';
import { TARGETS, targetIds } from '../../src/targets/index.js';
import { ROOT, SHIPPED_PROFILES } from '../support/profiles.js';

const schemaText = readFileSync(`${ROOT}schema/profile.schema.json`, 'utf8');
const schema = JSON.parse(schemaText) as Record<string, unknown>;

type Node = Record<string, unknown>;
function* objectsIn(node: unknown, path = '#'): Generator<[string, Node]> {
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  yield [path, n];
  for (const [k, v] of Object.entries(n)) {
    if (k === 'properties' || k === 'definitions') {
      for (const [pk, pv] of Object.entries(v as Node)) yield* objectsIn(pv, `${path}/${k}/${pk}`);
    } else if (k === 'items' || k === 'additionalProperties' || k === 'propertyNames') yield* objectsIn(v, `${path}/${k}`);
    else if (k === 'oneOf') for (const [i, alt] of (v as unknown[]).entries()) yield* objectsIn(alt, `${path}/oneOf/${i}`);
  }
}

describe('profile JSON Schema', () => {
  it('is draft-07 (what yaml-language-server supports)', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('describes every property and closes every object', () => {
    for (const [path, node] of objectsIn(schema)) {
      if (node.properties) {
        expect(node.additionalProperties, `${path} must set additionalProperties: false`).toBe(false);
        for (const [k, v] of Object.entries(node.properties as Node)) {
          expect((v as Node).description, `${path}/properties/${k} needs a description`).toEqual(expect.any(String));
        }
      }
    }
  });

  it('lists the catalog\'s app ids and aliases, generated from the catalog (run `npm run generate` when it does not)', () => {
    expect(schemaText === schemaWithCatalogApps(schemaText, catalog), 'schema/profile.schema.json is stale: run npm run generate').toBe(true);
    const names = (schema as { definitions: { appId: { enum: string[] } } }).definitions.appId.enum;
    expect(names).toEqual(catalogAppNames(catalog));
    expect(names).toEqual(expect.arrayContaining(['dsm', 'synology-drive-server', 'cloud-station', 'ds-file']));
  });

  it('lets an editor flag a typo in an app id, short form or long', () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const profile = (apps: unknown[]) => ({ version: 1, nas: { address: '192.168.1.10' }, apps });
    expect(validate(profile(['synology-drive-server', { id: 'cloud-station' }]))).toBe(true);
    expect(validate(profile(['synology-drvie-server']))).toBe(false);
    expect(validate(profile([{ id: 'synology-drvie-server' }]))).toBe(false);
  });

  it('the committed standalone validator matches the schema (run `npm run generate` when it does not)', () => {
    const committed = readFileSync(`${ROOT}${SCHEMA_VALIDATOR_PATH}`, 'utf8');
    expect(committed === buildSchemaValidator(schemaText), `${SCHEMA_VALIDATOR_PATH} is stale: run npm run generate`).toBe(true);
  });
});

describe('router names per target', () => {
  it('the schema offers router.<id> for exactly the targets that name router interfaces', () => {
    const router = (JSON.parse(schemaText) as { properties: { router: { properties: Record<string, unknown> } } }).properties.router.properties;
    const withNames = targetIds.filter((id) => TARGETS[id].router !== undefined);
    expect(Object.keys(router).filter((k) => k !== 'wan' && k !== 'lan').sort()).toEqual([...withNames].sort());
  });

  it('router.<id> keys reach the plan, with their positions', () => {
    const text = 'version: 1\nnas: { address: 192.168.1.10 }\nrouter:\n  wan: eth0\n  openwrt: { wan: wan }\napps: [dsm]\n';
    const r = planFromText(text, 'p.yaml');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.plan!.router).toEqual({ wan: 'eth0', targets: { openwrt: { wan: 'wan' } } });
    expect(r.plan!.keyPos['openwrt.wan']).toEqual({ file: 'p.yaml', line: 5, column: 14 });
    const bad = planFromText(text.replace('openwrt:', 'fritzbox:'), 'p.yaml');
    expect(bad.diagnostics.map((d) => [d.code, d.severity])).toEqual([['SFW110', 'error']]);
    expect(bad.diagnostics[0]!.message).toContain('fritzbox');
  });

  it('hairpin omitted is null in the plan (the router default), true and false as written', () => {
    const base = 'version: 1\nnas: { address: 192.168.1.10 }\napps: [dsm]\n';
    expect(planFromText(base, 'p.yaml').plan!.hairpin).toBeNull();
    expect(planFromText(`${base}hairpin: false\n`, 'p.yaml').plan!.hairpin).toBe(false);
    expect(planFromText(`${base}hairpin: true\n`, 'p.yaml').plan!.hairpin).toBe(true);
  });
});

describe('shipped profiles', () => {
  it('exist', () => {
    expect(SHIPPED_PROFILES.length).toBeGreaterThanOrEqual(3);
  });

  it.each(SHIPPED_PROFILES)('%s starts with the yaml-language-server line pointing at the schema', (path) => {
    const first = readFileSync(`${ROOT}${path}`, 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../schema/profile.schema.json');
  });

  it.each(SHIPPED_PROFILES)('%s passes check with no errors and no warnings', (path) => {
    const r = planFromText(readFileSync(`${ROOT}${path}`, 'utf8'), path);
    expect(r.diagnostics).toEqual([]);
    expect(r.plan!.forwards.length).toBeGreaterThan(0);
  });
});
