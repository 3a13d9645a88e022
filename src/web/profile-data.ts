// The profile as the page's form edits it: the plain data a profile's YAML holds, changed by small
// pure edits (each returns a new object), so that keys the form has no field for (external,
// override, allowFrom, hairpin, nas.address6, router.<target>, unknown keys) pass through untouched.
// profile-yaml.ts writes the data back as YAML; the pipeline reads that text, as the CLI would.

import type { CatalogApp } from '../catalog/types.js';
import type { CatalogIndex } from '../catalog/catalog.js';
import { appPorts, type AppPort, type DsmSettings } from '../resolve/app-ports.js';
import { RiskyPolicy } from '../resolve/risky.js';
import { selects } from '../resolve/selectors.js';

export type ProfileData = Record<string, unknown>;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const optional = (v: unknown, ok: (v: unknown) => boolean): boolean => v === undefined || ok(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** A new profile: nothing chosen yet. */
export function newProfile(): ProfileData {
  return { version: 1, nas: {}, apps: [] };
}

/**
 * Why the form cannot show this data (the YAML box still edits it), or undefined. The schema's
 * own errors are the diagnostics' job: this only refuses shapes the form's fields cannot hold.
 */
export function formProblem(data: unknown): string | undefined {
  if (!isObj(data)) return 'the profile is not a mapping of keys';
  const nas = data.nas;
  if (!optional(nas, isObj)) return 'nas is not a mapping';
  const n = (nas ?? {}) as Obj;
  if (!optional(n.address, isString)) return 'nas.address is not text';
  if (!optional(n.dsm, isObj)) return 'nas.dsm is not a mapping';
  const dsm = (n.dsm ?? {}) as Obj;
  for (const k of ['http', 'https']) if (!optional(dsm[k], (v) => typeof v === 'number')) return `nas.dsm.${k} is not a number`;
  if (!optional(dsm.version, (v) => isString(v) || typeof v === 'number')) return 'nas.dsm.version is not a version';
  if (!optional(data.name, isString)) return 'name is not text';
  if (!optional(data.router, isObj)) return 'router is not a mapping';
  const router = (data.router ?? {}) as Obj;
  for (const k of ['wan', 'lan']) if (!optional(router[k], isString)) return `router.${k} is not text`;
  if (!optional(data.apps, (v) => Array.isArray(v) && v.every((e) => isString(e) || (isObj(e) && isString(e.id) && optional(e.ports, isStrings))))) {
    return 'apps is not a list of app ids and { id: ... } entries';
  }
  const customOk = (e: unknown) => isObj(e) && isString(e.id) && optional(e.description, isString) && optional(e.ports, isStrings);
  if (!optional(data.custom, (v) => Array.isArray(v) && v.every(customOk))) return 'custom is not a list of { id, ports } entries';
  if (!optional(data.allowRisky, isStrings)) return 'allowRisky is not a list of text';
  return undefined;
}

/** One entry of `apps` as the form sees it (the data must have passed formProblem). */
export interface AppEntryView {
  index: number;
  id: string;
  ports?: string[];
  /** The catalog app the id or alias names, if any. */
  app?: CatalogApp;
  /** The entry's other keys (external, override, ...), which only the YAML box edits. */
  more: Obj;
}

export function appEntries(data: ProfileData, index: CatalogIndex): AppEntryView[] {
  return ((data.apps ?? []) as Array<string | Obj>).map((e, i) => {
    const { id, ports, ...more } = isString(e) ? { id: e } : (e as Obj & { id: string; ports?: string[] });
    const app = index.byName.get(id);
    return { index: i, id, ...(ports ? { ports } : {}), ...(app ? { app } : {}), more };
  });
}

/** nas.dsm with the resolver's defaults, for the ports an app has on this NAS. */
export function dsmSettings(data: ProfileData, index: CatalogIndex): DsmSettings {
  const dsm = ((data.nas as Obj | undefined)?.dsm ?? {}) as Obj;
  const num = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
  return { version: dsm.version !== undefined ? String(dsm.version) : index.catalog.newestDsm, http: num(dsm.http, 5000), https: num(dsm.https, 5001) };
}

/** What happens to one port of an app entry, and which control the form offers for it. */
export interface PortState {
  port: AppPort;
  forwarded: boolean;
  /** forward: a public port (untick to leave it out); allow: a risky port (tick for allowRisky); none: never forwarded. */
  control: 'forward' | 'allow' | 'none';
}

export function portStates(data: ProfileData, entry: AppEntryView, index: CatalogIndex): PortState[] {
  if (!entry.app) return [];
  const policy = new RiskyPolicy((data.allowRisky as string[] | undefined) ?? []);
  return appPorts(entry.app, dsmSettings(data, index)).map((port) => {
    const selected = entry.ports === undefined || entry.ports.some((sel) => selects(sel, port.label));
    if (port.exposure === 'public') return { port, forwarded: selected, control: 'forward' };
    if (port.exposure === 'risky') return { port, forwarded: selected && policy.allows([entry.app!.id, entry.id], port.label), control: 'allow' };
    return { port, forwarded: false, control: 'none' };
  });
}

// ---------------------------------------------------------------------------------------------
// Edits: each takes the data and returns a changed copy.

function edit(data: ProfileData, change: (d: Obj) => void): ProfileData {
  const copy = structuredClone(data);
  change(copy);
  return copy;
}

/** Sets `path` to value; undefined or "" removes it, and a mapping left empty by that (nas.dsm, router) goes too. */
export function setValue(data: ProfileData, path: string[], value: string | number | undefined): ProfileData {
  return edit(data, (d) => {
    const parents: Obj[] = [d];
    for (const key of path.slice(0, -1)) {
      const parent = parents[parents.length - 1]!;
      if (!isObj(parent[key])) parent[key] = {};
      parents.push(parent[key] as Obj);
    }
    const last = path[path.length - 1]!;
    const target = parents[parents.length - 1]!;
    if (value === undefined || value === '') delete target[last];
    else target[last] = value;
    // nas stays (it is required); an emptied nas.dsm or router does not.
    for (let i = path.length - 1; i >= 1; i--) {
      if (Object.keys(parents[i]!).length === 0 && !(i === 1 && path[0] === 'nas')) delete parents[i - 1]![path[i - 1]!];
    }
  });
}

const allowList = (d: Obj): string[] => ((d.allowRisky as string[] | undefined) ?? []).slice();

function setAllow(d: Obj, list: string[]): void {
  if (list.length) d.allowRisky = list;
  else delete d.allowRisky;
}

const entryName = (entry: string): string => entry.split(':')[0]!;

/** Ticks (adds in the short form) or unticks (removes every entry of it, and its allowRisky entries) a catalog app. */
export function setApp(data: ProfileData, app: CatalogApp, on: boolean, index: CatalogIndex): ProfileData {
  const entries = appEntries(data, index).filter((e) => e.app?.id === app.id);
  if (on === entries.length > 0) return data;
  return edit(data, (d) => {
    const apps = ((d.apps as unknown[] | undefined) ?? []).slice();
    if (on) {
      d.apps = [...apps, app.id];
      return;
    }
    const names = new Set([app.id, ...entries.map((e) => e.id)]);
    d.apps = apps.filter((_, i) => !entries.some((e) => e.index === i));
    setAllow(d, allowList(d).filter((a) => !names.has(entryName(a))));
  });
}

/** Removes the entry at `i` of apps (one whose id the catalog does not know, too). */
export function removeAppEntry(data: ProfileData, i: number): ProfileData {
  return edit(data, (d) => {
    d.apps = ((d.apps as unknown[] | undefined) ?? []).filter((_, j) => j !== i);
  });
}

/**
 * Forwards one port of an app entry or leaves it out. A risky port changes allowRisky ("id:label");
 * `ports` then lists what is forwarded, or goes (the short form) when the short form forwards the same.
 */
export function setPort(data: ProfileData, entry: AppEntryView, label: string, on: boolean, index: CatalogIndex): ProfileData {
  const states = portStates(data, entry, index);
  const state = states.find((s) => s.port.label === label);
  if (!entry.app || !state || state.control === 'none' || state.forwarded === on) return data;
  const names = [entry.app.id, entry.id];
  const forwarded = new Set(states.filter((s) => s.forwarded).map((s) => s.port.label));
  if (on) forwarded.add(label);
  else forwarded.delete(label);

  let allow = (data.allowRisky as string[] | undefined) ?? [];
  if (state.control === 'allow') {
    if (on && !new RiskyPolicy(allow).allows(names, label)) allow = [...allow, `${entry.id}:${label}`];
    if (!on) {
      // A bare "id" allowed every risky port: it becomes one "id:label" per other port it let through.
      const bare = allow.some((a) => names.includes(a));
      const others = states.filter((s) => s.control === 'allow' && s.forwarded && s.port.label !== label).map((s) => `${entry.id}:${s.port.label}`);
      allow = allow.filter((a) => {
        const sel = a.includes(':') ? a.slice(a.indexOf(':') + 1) : undefined;
        return !names.includes(entryName(a)) || (sel !== undefined && !selects(sel, label));
      });
      if (bare) allow = [...allow, ...others.filter((o) => !allow.includes(o))];
    }
  }

  const known = states.map((s) => s.port.label);
  // Selectors that name no port of the app are the user's to fix (SFW202): kept as they are.
  const unknown = (entry.ports ?? []).filter((sel) => !known.some((l) => selects(sel, l)));
  const policy = new RiskyPolicy(allow);
  const shortForm = states.filter((s) => s.control === 'forward' || (s.control === 'allow' && policy.allows(names, s.port.label)));
  const same = unknown.length === 0 && shortForm.length === forwarded.size && shortForm.every((s) => forwarded.has(s.port.label));
  return edit(data, (d) => {
    const apps = d.apps as Array<string | Obj>;
    const old = apps[entry.index]!;
    const long: Obj = isString(old) ? { id: old } : { ...old };
    if (same) delete long.ports;
    else long.ports = [...known.filter((l) => forwarded.has(l)), ...unknown];
    apps[entry.index] = Object.keys(long).length === 1 ? (long.id as string) : long;
    setAllow(d, allow);
  });
}

export interface CustomFields {
  id: string;
  description: string;
  ports: string[];
}

/** "27015/tcp, 8080-8090/udp" or one per line: the port specs of a custom entry. */
export function splitPorts(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

export function customEntries(data: ProfileData): CustomFields[] {
  return ((data.custom ?? []) as Obj[]).map((c) => ({ id: c.id as string, description: (c.description as string | undefined) ?? '', ports: (c.ports as string[] | undefined) ?? [] }));
}

/** Adds a custom entry, or changes the one at `i`: an empty description is left out; other keys stay. */
export function setCustom(data: ProfileData, i: number | 'new', fields: CustomFields): ProfileData {
  return edit(data, (d) => {
    const list = ((d.custom as Obj[] | undefined) ?? []).slice();
    const old = i === 'new' ? {} : list[i]!;
    const { id: _id, description: _description, ports: _ports, ...rest } = old;
    const entry: Obj = { id: fields.id, ...(fields.description ? { description: fields.description } : {}), ports: fields.ports, ...rest };
    if (i === 'new') list.push(entry);
    else {
      // Renaming an entry renames its allowRisky entries with it.
      const before = old.id as string;
      if (before !== fields.id) setAllow(d, allowList(d).map((a) => (entryName(a) === before ? fields.id + a.slice(before.length) : a)));
      list[i] = entry;
    }
    d.custom = list;
  });
}

export function removeCustom(data: ProfileData, i: number): ProfileData {
  return edit(data, (d) => {
    const list = ((d.custom as Obj[] | undefined) ?? []).slice();
    const [gone] = list.splice(i, 1);
    if (list.length) d.custom = list;
    else delete d.custom;
    setAllow(d, allowList(d).filter((a) => entryName(a) !== gone?.id));
  });
}

/** Whether the custom entry `id` has a bare allowRisky entry (its risky ports are forwarded). */
export function customRiskyAllowed(data: ProfileData, id: string): boolean {
  return allowList(data).includes(id);
}

export function setCustomRisky(data: ProfileData, id: string, on: boolean): ProfileData {
  return edit(data, (d) => {
    const rest = allowList(d).filter((a) => a !== id);
    setAllow(d, on ? [...rest, id] : rest);
  });
}
