// Builds src/catalog/catalog.generated.json from the reviewable src/catalog/dsm-apps.yaml and
// lints the catalog on the way. Run directly (`node dist/build/catalog.js [--check]`) it rewrites
// the JSON, or with --check exits 1 when the committed JSON is stale or the YAML has problems.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSON_SCHEMA, load } from 'js-yaml';
import { SEED_ROW, SEED_SOURCE_KEY } from '../catalog/catalog-keys.js';
import type { Catalog, CatalogApp, CatalogPort, DsmWindow, SharedPort } from '../catalog/types.js';

/** Paths relative to the repository root. */
export const CATALOG_YAML_PATH = 'src/catalog/dsm-apps.yaml';
export const CATALOG_JSON_PATH = 'src/catalog/catalog.generated.json';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION = /^\d+\.\d+(?:\.\d+)?$/;
const URL_RE = /^https?:\/\/\S+$/;
const SEED_ROWS = 80;

const KEYS = {
  catalog: ['newestDsm', 'apps', 'shared', 'sources'],
  app: ['id', 'name', 'aliases', 'servedBy', 'dsm', 'thirdParty', 'vendor', 'ports', 'sources', 'notes', 'researchNote'],
  port: ['label', 'port', 'end', 'proto', 'exposure', 'configurable', 'encrypted', 'purpose', 'sources', 'dsm', 'notes', 'researchNote'],
  servedBy: ['app', 'dsm'],
  window: ['introduced', 'removed'],
  appWindow: ['introduced', 'removed', 'legacy'],
  source: ['key', 'title', 'url', 'internal'],
  shared: ['port', 'end', 'proto', 'apps', 'note'],
};

/**
 * Wording that belongs to the research, not to users: seed rows, source keys in brackets, "the
 * seed printed", "[unverified]". Printed catalog text (names, purposes, notes, source titles,
 * shared-port notes) must match none of them; reviewers' reasons go into researchNote.
 */
export const JARGON: Array<[RegExp, string]> = [
  [/\bseed\b/i, 'mentions "the seed"'],
  [/\bS\d\d\b/, 'cites a seed row'],
  [/unverified/i, 'says "unverified"'],
  [/not identified/i, 'says "not identified"'],
  [/\bresearch\b/i, 'refers to the research'],
  [/\bopen item/i, 'refers to an open item'],
  [/\bas printed\b/i, 'says "as printed"'],
  [/\[[A-Z][A-Za-z0-9-]*\]/, 'cites a source key in brackets'],
];

/** Jargon found in one printed string; `keys` are source keys that must not appear bare either. */
export function jargonIn(text: string, keys: readonly string[] = []): string[] {
  const found = JARGON.filter(([re]) => re.test(text)).map(([, what]) => what);
  for (const key of keys) {
    if (/\d/.test(key) && new RegExp(`\\b${key.replace(/[-]/g, '\\-')}\\b`).test(text)) found.push(`names the source key ${key}`);
  }
  return found;
}

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
  // Reviewers' notes stay in the YAML: nothing the CLI can print may carry them.
  return `${JSON.stringify(catalog, (key, value: unknown) => (key === 'researchNote' ? undefined : value), 2)}\n`;
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
  const keyList = c.sources.map((s) => s.key).filter((k): k is string => typeof k === 'string');
  // Source titles may name their own document ids (US-CERT "TA14-017A"), so keys are not checked there.
  const printed = (text: unknown, where: string, keys: readonly string[] = keyList) => {
    if (typeof text !== 'string') return;
    for (const what of jargonIn(text, keys)) add(where, `printed text ${what}: write it for users, or move it to researchNote`);
  };
  const checkSources = sourceChecker(checkSourceList(c, add, printed), add);
  const names = new Map<string, string>(); // id or alias -> who claimed it
  for (const app of c.apps) {
    if (typeof app.id === 'string' && !names.has(app.id)) names.set(app.id, `app ${app.id}`);
  }
  const ids = new Set<string>();
  c.apps.forEach((app, i) => checkApp(c, app, i, { ids, names, add, printed, checkSources }));
  if (!Array.isArray(c.shared)) add('catalog', 'shared must be a list (may be empty)');
  else checkShared(c, add, printed);
  return problems;
}

/** The sources list: keys unique, titles, urls; returns the keys and those a user can open. */
function checkSourceList(c: Catalog, add: Add, printed: (text: unknown, where: string, keys?: readonly string[]) => void): { sourceKeys: Set<string>; openable: Set<string> } {
  const sourceKeys = new Set<string>();
  const openable = new Set<string>();
  c.sources.forEach((s, i) => {
    const where = `sources[${i}]`;
    unknownKeys(s, KEYS.source, where, add);
    if (typeof s.key !== 'string' || s.key === '') add(where, 'key is missing');
    else if (sourceKeys.has(s.key)) add(where, `duplicate source key "${s.key}"`);
    else sourceKeys.add(s.key);
    if (typeof s.title !== 'string' || s.title === '') add(where, 'title is missing');
    if (s.internal !== undefined && s.internal !== true) add(where, 'internal must be true or absent');
    if (s.url !== undefined && (typeof s.url !== 'string' || !URL_RE.test(s.url))) add(where, `url "${String(s.url)}" is not an http(s) address`);
    if (!s.internal) {
      if (s.url === undefined) add(where, 'needs a url a user can open (or internal: true for research material)');
      else openable.add(s.key);
      printed(s.title, where, []);
    }
  });
  return { sourceKeys, openable };
}

type CheckSources = (keys: unknown, where: string) => boolean;

/** A check of a list of source keys: unknown keys are problems; returns whether some key is a source a user can open. */
function sourceChecker({ sourceKeys, openable }: { sourceKeys: Set<string>; openable: Set<string> }, add: Add): CheckSources {
  return (keys, where) => {
    if (!Array.isArray(keys) || keys.length === 0) {
      add(where, 'needs at least one source');
      return false;
    }
    let canOpen = false;
    for (const key of keys) {
      const row = typeof key === 'string' ? SEED_ROW.exec(key) : null;
      if (row !== null && Number(row[1]) >= 1 && Number(row[1]) <= SEED_ROWS) {
        if (!sourceKeys.has(SEED_SOURCE_KEY)) add(where, `cites seed row ${key}, but the catalog has no source ${SEED_SOURCE_KEY} for them`);
        canOpen ||= openable.has(SEED_SOURCE_KEY);
      } else if (!sourceKeys.has(key as string)) add(where, `unknown source "${String(key)}"`);
      else canOpen ||= openable.has(key as string);
    }
    return canOpen;
  };
}

/** One app: id, name, aliases, vendor, DSM window, servedBy, sources and ports. */
function checkApp(
  c: Catalog,
  app: Catalog['apps'][number],
  i: number,
  o: { ids: Set<string>; names: Map<string, string>; add: Add; printed: Printed; checkSources: CheckSources },
): void {
  const { ids, names, add, printed, checkSources } = o;
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
  if (app.thirdParty === true && (typeof app.vendor !== 'string' || app.vendor === '')) add(where, 'a third-party app needs a vendor');
  if (app.vendor !== undefined && app.thirdParty !== true) add(where, 'vendor is only for third-party apps (thirdParty: true)');
  if (app.researchNote !== undefined && typeof app.researchNote !== 'string') add(where, 'researchNote must be text');
  printed(app.name, `${where} name`);
  printed(app.notes, `${where} notes`);
  if (app.dsm !== undefined) {
    checkWindow(app.dsm, KEYS.appWindow, `${where} dsm`, add);
    if (app.dsm.legacy !== undefined && typeof app.dsm.legacy !== 'boolean') add(where, 'dsm.legacy must be true or false');
  }
  if (app.servedBy !== undefined) checkServedBy(app, c.apps, where, add);
  if (!checkSources(app.sources, `${where} sources`) && Array.isArray(app.sources) && app.sources.length > 0) {
    add(`${where} sources`, 'needs at least one source a user can open (with a url)');
  }
  if (!Array.isArray(app.ports)) return add(where, 'ports must be a list (may be empty)');
  checkPorts(app, add, checkSources, printed);
}

type Add = (where: string, message: string) => void;

type Printed = (text: unknown, where: string) => void;

function checkPorts(app: CatalogApp, add: Add, checkSources: (keys: unknown, where: string) => boolean, printed: Printed): void {
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
    if (p.encrypted !== undefined) {
      if (p.encrypted !== false) add(where, 'encrypted is only written as false (public ports are encrypted unless marked)');
      else if (p.exposure !== 'public') add(where, 'encrypted: false is for public ports; a risky port says "cleartext" in its purpose');
      else if (typeof p.notes !== 'string' || p.notes === '') add(where, 'an unencrypted public port needs notes that say why it is still public');
    }
    if (p.researchNote !== undefined && typeof p.researchNote !== 'string') add(where, 'researchNote must be text');
    printed(p.purpose, `${where} purpose`);
    printed(p.notes, `${where} notes`);
    if (!checkSources(p.sources, `${where} sources`) && Array.isArray(p.sources) && p.sources.length > 0) {
      add(`${where} sources`, 'needs at least one source a user can open (with a url)');
    }
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

/** A port an app listens on (outbound ports are the NAS connecting out: they claim nothing). */
interface Listener {
  app: string;
  label: string;
  port: number;
  last: number;
  proto: string;
}

function listeners(apps: CatalogApp[]): Listener[] {
  return apps.flatMap((app) =>
    Array.isArray(app.ports)
      ? app.ports.filter((p) => p.exposure !== 'outbound').map((p) => ({ app: app.id, label: p.label, port: p.port, last: last(p), proto: p.proto }))
      : [],
  );
}

const spanText = (first: number, end: number, proto: string) => `${first}${end !== first ? `-${end}` : ''}/${proto}`;

/** Every port two apps both listen on has a shared entry naming both; every entry is real. */
function checkShared(c: Catalog, add: Add, printed: Printed): void {
  const ids = new Set(c.apps.map((a) => a.id));
  const all = listeners(c.apps);
  const covers = (s: SharedPort, proto: string, lo: number, hi: number, a: string, b: string) =>
    s.proto === proto && s.port <= hi && lo <= (s.end ?? s.port) && s.apps.includes(a) && s.apps.includes(b);
  c.shared.forEach((s, i) => {
    const where = `shared[${i}]${isPortNumber(s.port) ? ` (${spanText(s.port, s.end ?? s.port, String(s.proto))})` : ''}`;
    unknownKeys(s, KEYS.shared, where, add);
    if (!isPortNumber(s.port)) return add(where, `port ${String(s.port)} is not an integer in 1-65535`);
    if (s.end !== undefined && (!isPortNumber(s.end) || s.end <= s.port)) add(where, `end ${String(s.end)} must be a port number above ${s.port}`);
    if (s.proto !== 'tcp' && s.proto !== 'udp') add(where, `proto "${String(s.proto)}" is not tcp or udp`);
    if (typeof s.note !== 'string' || s.note.trim() === '') add(where, 'note is missing: say why the apps share the port');
    printed(s.note, `${where} note`);
    if (!Array.isArray(s.apps) || new Set(s.apps).size < 2) return add(where, 'apps must list at least two different apps');
    for (const id of s.apps) {
      if (!ids.has(id)) add(where, `app "${id}" is not in the catalog`);
      else if (!all.some((l) => l.app === id && l.proto === s.proto && l.port <= (s.end ?? s.port) && s.port <= l.last)) {
        add(where, `app "${id}" does not listen on ${spanText(s.port, s.end ?? s.port, s.proto)}`);
      }
    }
  });
  all.forEach((a, i) => {
    for (const b of all.slice(i + 1)) {
      if (a.app === b.app || a.proto !== b.proto || a.port > b.last || b.port > a.last) continue;
      const lo = Math.max(a.port, b.port);
      const hi = Math.min(a.last, b.last);
      if (!c.shared.some((s) => covers(s, a.proto, lo, hi, a.app, b.app))) {
        add('shared', `${a.app} (${a.label}) and ${b.app} (${b.label}) both listen on ${spanText(lo, hi, a.proto)}: add a shared entry that says why`);
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
