// Builds src/catalog/catalog.generated.json from the reviewable src/catalog/dsm-apps.yaml and
// lints the catalog on the way. Run directly (`node dist/build/catalog.js [--check]`) it rewrites
// the JSON, or with --check exits 1 when the committed JSON is stale or the YAML has problems.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSON_SCHEMA, load } from 'js-yaml';
import type { Catalog, CatalogApp, CatalogPort, DsmWindow } from '../catalog/types.js';

/** Paths relative to the repository root. */
export const CATALOG_YAML_PATH = 'src/catalog/dsm-apps.yaml';
export const CATALOG_JSON_PATH = 'src/catalog/catalog.generated.json';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION = /^\d+\.\d+(?:\.\d+)?$/;
const SEED_ROW = /^S(\d\d)$/;
const SEED_ROWS = 80;

const KEYS = {
  catalog: ['newestDsm', 'apps', 'sources'],
  app: ['id', 'name', 'aliases', 'servedBy', 'dsm', 'thirdParty', 'ports', 'sources', 'notes'],
  port: ['label', 'port', 'end', 'proto', 'exposure', 'configurable', 'purpose', 'sources', 'dsm', 'notes'],
  servedBy: ['app', 'dsm'],
  window: ['introduced', 'removed'],
  appWindow: ['introduced', 'removed', 'legacy'],
  source: ['key', 'title', 'url'],
};

/** Parses the catalog YAML (JSON data model only: no dates, merges or custom tags). */
export function parseCatalogYaml(yamlText: string): Catalog {
  const data = load(yamlText, { schema: JSON_SCHEMA });
  if (!isRecord(data)) throw new Error('catalog YAML: the document must be a mapping');
  return data as unknown as Catalog;
}

/** The generated JSON for a catalog YAML text; throws when the catalog has lint problems. */
export function buildCatalogJson(yamlText: string): string {
  const catalog = parseCatalogYaml(yamlText);
  const problems = lintCatalog(catalog);
  if (problems.length > 0) {
    throw new Error(`${CATALOG_YAML_PATH} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
  return `${JSON.stringify(catalog, null, 2)}\n`;
}

/** Every problem of the catalog, one line each; empty when the catalog is fine. */
export function lintCatalog(c: Catalog): string[] {
  const problems: string[] = [];
  const add = (where: string, message: string) => problems.push(`${where}: ${message}`);
  unknownKeys(c, KEYS.catalog, 'catalog', add);
  if (typeof c.newestDsm !== 'string' || !VERSION.test(c.newestDsm)) add('catalog', `newestDsm "${String(c.newestDsm)}" is not MAJOR.MINOR[.PATCH]`);
  if (!Array.isArray(c.apps) || !Array.isArray(c.sources)) {
    add('catalog', 'apps and sources must be lists');
    return problems;
  }

  const sourceKeys = new Set<string>();
  c.sources.forEach((s, i) => {
    const where = `sources[${i}]`;
    unknownKeys(s, KEYS.source, where, add);
    if (typeof s.key !== 'string' || s.key === '') add(where, 'key is missing');
    else if (sourceKeys.has(s.key)) add(where, `duplicate source key "${s.key}"`);
    else sourceKeys.add(s.key);
    if (typeof s.title !== 'string' || s.title === '') add(where, 'title is missing');
  });
  const checkSources = (keys: unknown, where: string) => {
    if (!Array.isArray(keys) || keys.length === 0) return add(where, 'needs at least one source');
    for (const key of keys) {
      const row = typeof key === 'string' ? SEED_ROW.exec(key) : null;
      const seedOk = row !== null && Number(row[1]) >= 1 && Number(row[1]) <= SEED_ROWS;
      if (!seedOk && !sourceKeys.has(key as string)) add(where, `unknown source "${String(key)}"`);
    }
  };

  const names = new Map<string, string>(); // id or alias -> who claimed it
  for (const app of c.apps) {
    if (typeof app.id === 'string' && !names.has(app.id)) names.set(app.id, `app ${app.id}`);
  }
  const ids = new Set<string>();
  c.apps.forEach((app, i) => {
    const where = typeof app.id === 'string' ? app.id : `apps[${i}]`;
    unknownKeys(app, KEYS.app, where, add);
    if (typeof app.id !== 'string' || !KEBAB.test(app.id)) add(where, `id "${String(app.id)}" is not kebab-case`);
    if (ids.has(app.id)) add(where, `duplicate id "${app.id}"`);
    ids.add(app.id);
    if (typeof app.name !== 'string' || app.name === '') add(where, 'name is missing');
    if (!Array.isArray(app.aliases)) add(where, 'aliases must be a list (may be empty)');
    for (const alias of app.aliases ?? []) {
      if (!KEBAB.test(alias)) add(where, `alias "${alias}" is not kebab-case`);
      const owner = names.get(alias);
      if (owner) add(where, `alias "${alias}" is already taken by ${owner}`);
      else names.set(alias, `alias of ${app.id}`);
    }
    if (app.thirdParty !== undefined && typeof app.thirdParty !== 'boolean') add(where, 'thirdParty must be true or false');
    if (app.dsm !== undefined) {
      checkWindow(app.dsm, KEYS.appWindow, `${where} dsm`, add);
      if (app.dsm.legacy !== undefined && typeof app.dsm.legacy !== 'boolean') add(where, 'dsm.legacy must be true or false');
    }
    if (app.servedBy !== undefined) checkServedBy(app, c.apps, where, add);
    checkSources(app.sources, `${where} sources`);
    if (!Array.isArray(app.ports)) return add(where, 'ports must be a list (may be empty)');
    checkPorts(app, add, checkSources);
  });
  return problems;
}

type Add = (where: string, message: string) => void;

function checkPorts(app: CatalogApp, add: Add, checkSources: (keys: unknown, where: string) => void): void {
  const labels = new Set<string>();
  app.ports.forEach((p, i) => {
    const where = `${app.id} ports[${i}]${typeof p.label === 'string' ? ` (${p.label})` : ''}`;
    unknownKeys(p, KEYS.port, where, add);
    if (typeof p.label !== 'string' || !KEBAB.test(p.label)) add(where, `label "${String(p.label)}" is not kebab-case`);
    else if (labels.has(p.label)) add(where, `duplicate label "${p.label}"`);
    labels.add(p.label);
    if (app.servedBy && (p.label === 'http' || p.label === 'https')) {
      add(where, `label "${p.label}" is inherited from ${app.servedBy.app} (servedBy); use another label`);
    }
    if (!isPortNumber(p.port)) add(where, `port ${String(p.port)} is not an integer in 1-65535`);
    if (p.end !== undefined && (!isPortNumber(p.end) || p.end <= p.port)) add(where, `end ${String(p.end)} must be a port number above ${String(p.port)}`);
    if (p.proto !== 'tcp' && p.proto !== 'udp') add(where, `proto "${String(p.proto)}" is not tcp or udp`);
    if (!['public', 'risky', 'lan-only', 'outbound'].includes(p.exposure)) add(where, `exposure "${String(p.exposure)}" is not public, risky, lan-only or outbound`);
    if (typeof p.configurable !== 'boolean') add(where, 'configurable must be true or false');
    if (typeof p.purpose !== 'string' || p.purpose === '') add(where, 'purpose is missing');
    checkSources(p.sources, `${where} sources`);
    if (p.dsm !== undefined) checkWindow(p.dsm, KEYS.window, `${where} dsm`, add);
  });
  app.ports.forEach((a, i) => {
    for (const b of app.ports.slice(i + 1)) {
      if (a.proto === b.proto && a.port <= last(b) && b.port <= last(a)) {
        add(app.id, `ports "${a.label}" and "${b.label}" overlap on ${a.proto}`);
      }
    }
  });
}

function checkServedBy(app: CatalogApp, apps: CatalogApp[], where: string, add: Add): void {
  const served = app.servedBy;
  if (!isRecord(served)) return add(where, 'servedBy must be a mapping');
  unknownKeys(served, KEYS.servedBy, `${where} servedBy`, add);
  if (served.app !== 'dsm' && served.app !== 'web-station') return add(where, `servedBy.app "${String(served.app)}" is not dsm or web-station`);
  const server = apps.find((a) => a.id === served.app);
  if (!server) add(where, `servedBy.app "${served.app}" is not in the catalog`);
  else if (server.servedBy) add(where, `servedBy.app "${served.app}" is itself served by another app`);
  else if (!['http', 'https'].every((l) => server.ports?.some((p) => p.label === l && p.proto === 'tcp'))) {
    add(where, `servedBy.app "${served.app}" has no tcp ports labelled http and https to inherit`);
  }
  if (served.dsm !== undefined) checkWindow(served.dsm, KEYS.window, `${where} servedBy.dsm`, add);
}

function checkWindow(w: DsmWindow, allowed: string[], where: string, add: Add): void {
  if (!isRecord(w)) return add(where, 'must be a mapping');
  unknownKeys(w, allowed, where, add);
  for (const key of ['introduced', 'removed'] as const) {
    const v = w[key];
    if (v !== undefined && (typeof v !== 'string' || !VERSION.test(v))) add(where, `${key} "${String(v)}" is not a quoted "MAJOR.MINOR[.PATCH]" string`);
  }
  if (typeof w.introduced === 'string' && typeof w.removed === 'string' && compareVersions(w.introduced, w.removed) >= 0) {
    add(where, `introduced ${w.introduced} is not before removed ${w.removed}`);
  }
}

function unknownKeys(value: unknown, allowed: string[], where: string, add: Add): void {
  if (!isRecord(value)) return add(where, 'must be a mapping');
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) add(where, `unknown key "${key}" (allowed: ${allowed.join(', ')})`);
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

const last = (p: CatalogPort): number => p.end ?? p.port;
const isPortNumber = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 65535;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rewrites (or with `check`, verifies) the generated JSON under `root`; returns the exit code. */
export function syncCatalogJson(root: URL, check: boolean): number {
  const jsonUrl = new URL(CATALOG_JSON_PATH, root);
  let fresh: string;
  try {
    fresh = buildCatalogJson(readFileSync(new URL(CATALOG_YAML_PATH, root), 'utf8'));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
  let current: string | undefined;
  try {
    current = readFileSync(jsonUrl, 'utf8');
  } catch {
    // a missing file counts as stale
  }
  if (current === fresh) return 0;
  if (check) {
    console.error(`${CATALOG_JSON_PATH} is stale: run npm run generate`);
    return 1;
  }
  writeFileSync(jsonUrl, fresh);
  console.error(`${CATALOG_JSON_PATH} updated`);
  return 0;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  process.exitCode = syncCatalogJson(new URL('../../', import.meta.url), process.argv.includes('--check'));
}
