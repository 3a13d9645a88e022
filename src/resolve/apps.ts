// The `apps` list: catalog lookups, DSM version checks, port selection, overrides, external remaps
// and the exposure policy, producing forward candidates, skipped ports and each entry's outcome.
// The short form (`- dsm`, or an entry without `ports`) means "the app's internet-safe ports": its
// risky and LAN-only ports are skipped as information. Only a port the user named explicitly and
// may not forward is a warning (SFW250, SFW252).

import type { CatalogIndex } from '../catalog/catalog.js';
import type { CatalogApp } from '../catalog/types.js';
import { quote } from '../diagnostics.js';
import type { Skipped } from '../plan/types.js';
import { formatRange, parseOverride, shift } from '../plan/ranges.js';
import type { AppEntry, AppEntryLong } from '../profile/types.js';
import { didYouMean } from '../suggest.js';
import { appPorts, type AppPort, type DsmSettings } from './app-ports.js';
import { pointerKey, type ResolveContext } from './context.js';
import type { Candidate } from './merge.js';
import type { EntryOutcome, RiskySkip } from './outcome.js';
import { encryptedTwin, riskyAdvice } from './risky-advice.js';
import type { Listed, RiskyPolicy } from './risky.js';
import { lookup, selectorNames, selects } from './selectors.js';
import { windowStatus } from './versions.js';

const long = (e: AppEntry): AppEntryLong => (typeof e === 'string' ? { id: e } : e);

/** Every id and alias of the catalog, as one array (so did-you-mean prepares it only once). */
const namesCache = new WeakMap<CatalogIndex, string[]>();
export function catalogNames(index: CatalogIndex): string[] {
  let names = namesCache.get(index);
  if (!names) namesCache.set(index, (names = [...index.byName.keys()]));
  return names;
}

/** SFW201's message: the closest id, or else how to forward a service the catalog does not know. */
export function unknownAppMessage(id: string, names: Iterable<string>): string {
  const suggestion = didYouMean(id, names);
  const custom = /^[a-z0-9][a-z0-9-]*$/.test(id) ? id : 'my-service';
  return suggestion
    ? `unknown app ${quote(id)}${suggestion}; \`synfw apps\` lists the apps synfw knows`
    : `unknown app ${quote(id)}; \`synfw apps\` lists the apps synfw knows, and a service it does not know goes under custom (e.g. custom: [{ id: ${custom}, ports: ["8080/tcp"] }])`;
}

/** What the resolution of one `apps` entry shares: the entry, its app and ports, and where to report. */
interface EntryScope {
  ctx: ResolveContext;
  app: CatalogApp;
  entry: AppEntryLong;
  /** The entry's JSON pointer and that of its id (for a short-form entry, the entry itself). */
  base: string;
  idPtr: string;
  ports: AppPort[];
  labels: string[];
  /** The serving app's entry (dsm, web-station) whose remaps and overrides the app follows. */
  servers: Map<string, AppEntryLong>;
}

/** The catalog app of an entry, or undefined after reporting why it cannot be used (SFW201, SFW206, SFW207). */
function lookupApp(ctx: ResolveContext, entry: AppEntryLong, i: number, idPtr: string, index: CatalogIndex, dsm: DsmSettings, firstSeen: Map<string, number>): CatalogApp | undefined {
  const app = index.byName.get(entry.id);
  if (!app) {
    ctx.error('SFW201', unknownAppMessage(entry.id, catalogNames(index)), idPtr);
    return undefined;
  }
  const alias = app.id !== entry.id ? ` (${entry.id} is ${app.id})` : '';
  const prev = firstSeen.get(app.id);
  if (prev !== undefined) {
    const line = ctx.pos(`/apps/${prev}`)?.line;
    ctx.error('SFW207', `app "${app.id}"${alias} is listed twice (first at apps[${prev}]${line ? `, line ${line}` : ''}); merge the two entries`, idPtr);
    return undefined;
  }
  firstSeen.set(app.id, i);
  const status = windowStatus(app.dsm, dsm.version);
  if (status !== 'ok') {
    const why = status === 'too-old' ? `needs DSM ${app.dsm!.introduced} or later` : `was removed in DSM ${app.dsm!.removed}`;
    ctx.error('SFW206', `${app.id}${alias} ${why}, and the profile's DSM is ${dsm.version} (nas.dsm.version)`, idPtr);
    return undefined;
  }
  return app;
}

/** The labels the entry names in ports, external and override must be the app's (SFW202, SFW211); false when one is not. */
function checkLabels(s: EntryScope): boolean {
  const { ctx, app, entry, base, labels } = s;
  const names = selectorNames(labels);
  const known = (sel: string) => labels.some((l) => selects(sel, l));
  let ok = true;
  const labelError = (pointer: string, label: string, what: string) => {
    ok = false;
    const message = `${app.id} has no port ${quote(label)}${didYouMean(label, names)} (${what}); its ports: ${names.join(', ') || 'none'}`;
    ctx.error('SFW202', message, pointer, what !== 'ports');
  };
  entry.ports?.forEach((l, j) => {
    if (!known(l)) labelError(`${base}/ports/${j}`, l, 'ports');
  });
  for (const l of Object.keys(entry.external ?? {})) {
    if (!known(l)) labelError(`${base}/external/${pointerKey(l)}`, l, 'external');
  }
  for (const l of Object.keys(entry.override ?? {})) {
    if (!known(l)) labelError(`${base}/override/${pointerKey(l)}`, l, 'override');
    else if (app.id === 'dsm' && (l === 'http' || l === 'https')) {
      ok = false;
      ctx.error('SFW211', `set DSM's own ${l} port with nas.dsm.${l}, not with an override (apps served by DSM follow it)`, `${base}/override/${l}`, true);
    }
  }
  return ok;
}

/** What became of one port of an entry. */
type PortResult =
  /** allowedRisky: a risky port the profile allows, whose WAN ports then failed (it still counts as used). */
  | { kind: 'failed'; allowedRisky?: boolean }
  | { kind: 'unforwardable'; text: string }
  | { kind: 'risky'; skip: RiskySkip }
  | { kind: 'forwarded'; risky: boolean };

/** One selected port: override, exposure policy, external remap; a candidate, a skip, or an error. */
function resolvePort(s: EntryScope, p: AppPort, explicit: boolean, risky: RiskyPolicy, candidates: Candidate[], skipped: Skipped[]): PortResult {
  const { ctx, app, entry, base, idPtr } = s;
  const server = p.inheritedFrom && p.inheritedFrom !== app.id ? s.servers.get(p.inheritedFrom) : undefined;
  const overrideValue = lookup(entry.override, p.label) ?? lookup(server?.override, p.label);
  const nominal = { first: p.port, last: p.end };
  const moved = overrideValue === undefined ? nominal : parseOverride(overrideValue, nominal);
  if (moved === 'range' || moved === 'order') {
    ctx.error(
      moved === 'range' ? 'SFW203' : 'SFW210',
      moved === 'range'
        ? `${app.id} override ${p.label}: ${quote(String(overrideValue))} puts the port outside 1-65535`
        : `${app.id} override ${p.label}: ${quote(String(overrideValue))} must be FIRST-LAST with FIRST <= LAST`,
      `${base}/override/${pointerKey(p.label)}`,
    );
    return { kind: 'failed' };
  }
  const portsText = `${formatRange(moved)}/${p.proto}`;
  const skipRecord = (reason: string): Skipped => ({
    app: app.id,
    label: p.label,
    name: app.name,
    proto: p.proto,
    ports: moved,
    exposure: p.exposure,
    reason,
    pos: ctx.pos(idPtr),
  });
  if (p.exposure === 'lan-only' || p.exposure === 'outbound') {
    const reason =
      p.exposure === 'lan-only'
        ? `lan-only: ${p.purpose}; it cannot work through a port forward`
        : `outbound: ${p.purpose}; the NAS connects out on it, there is nothing to forward`;
    skipped.push(skipRecord(reason));
    if (explicit) {
      const j = entry.ports!.findIndex((sel) => selects(sel, p.label));
      ctx.warn('SFW252', `${app.id} port ${quote(p.label)} (${portsText}) is never forwarded: ${reason}`, `${base}/ports/${j}`);
    }
    return { kind: 'unforwardable', text: `${portsText} (${p.label}) is ${reason}` };
  }
  const origin = {
    app: app.id,
    label: p.label,
    name: app.name,
    kind: 'catalog' as const,
    exposure: p.exposure,
    ...(p.encrypted === false ? { encrypted: false as const } : {}),
    pos: ctx.pos(idPtr),
  };
  const isRisky = p.exposure === 'risky';
  if (isRisky && !risky.allows([app.id, entry.id], p.label)) {
    const add = `"${entry.id}:${p.label}" (or "${entry.id}") to allowRisky`;
    const reason = explicit
      ? `risky: ${p.purpose}; forward it only by adding ${add}`
      : `risky: ${p.purpose}; the short form forwards only internet-safe ports: add ${add} to forward it`;
    return { kind: 'risky', skip: { proto: p.proto, ports: moved, origin, skipped: skipRecord(reason) } };
  }
  const externalFirst = lookup(entry.external, p.label) ?? lookup(server?.external, p.label);
  const external = externalFirst === undefined ? moved : shift(moved, externalFirst);
  if (external.last > 65535) {
    ctx.error('SFW203', `${app.id} external ${p.label}: WAN ports ${formatRange(external)} go past 65535`, `${base}/external/${pointerKey(p.label)}`);
    return { kind: 'failed', allowedRisky: isRisky };
  }
  candidates.push({ proto: p.proto, external, internal: moved, origin });
  return { kind: 'forwarded', risky: isRisky };
}

/** The entry's outcome: reported once the plan knows which risky ports other entries forward anyway. */
function outcomeOf(
  s: EntryScope,
  o: { forwarded: number; failed: boolean; selected: AppPort[]; explicit: boolean; riskySkips: RiskySkip[]; portOf: Map<RiskySkip, AppPort>; unforwardable: string[] },
): EntryOutcome {
  const { app, entry, idPtr, ports, labels } = s;
  return {
    forwarded: o.forwarded,
    failed: o.failed,
    risky: o.riskySkips,
    report(c, still) {
      const advice = () =>
        riskyAdvice(
          still.map((sk) => {
            const p = o.portOf.get(sk)!;
            const twin = encryptedTwin(p.label, labels);
            const twinPort = ports.find((q) => q.label === twin);
            return {
              ports: `${formatRange(sk.ports)}/${sk.proto}`,
              label: p.label,
              purpose: p.purpose,
              ...(twinPort ? { encrypted: `${twin} (${formatRange({ first: twinPort.port, last: twinPort.end })}/${twinPort.proto})` } : {}),
            };
          }),
          this.forwarded === 0 && still.length === o.riskySkips.length ? [entry.id] : still.map((sk) => `${entry.id}:${sk.origin.label}`),
        );
      if (this.forwarded === 0 && !this.failed) {
        const why = o.selected.length === 0 ? (app.notes ?? 'the app has no ports of its own') : [...o.unforwardable, ...(still.length ? [advice()] : [])].join('; ');
        c.error('SFW208', `${app.id}: nothing to forward: ${why || 'none of its ports can be forwarded'}`, idPtr);
      } else if (still.length > 0 && o.explicit) {
        c.warn('SFW250', `${app.id}: ${advice()}`, idPtr);
      }
    },
  };
}

export function resolveApps(
  ctx: ResolveContext,
  entries: AppEntry[],
  index: CatalogIndex,
  dsm: DsmSettings,
  risky: RiskyPolicy,
  candidates: Candidate[],
  skipped: Skipped[],
): { listed: Listed; outcomes: EntryOutcome[] } {
  const listed: Listed = new Map();
  const outcomes: EntryOutcome[] = [];
  const firstSeen = new Map<string, number>();
  // The serving app's entry (dsm, web-station) lends its external remaps to the apps it serves:
  // with dsm's https on WAN 443, Synology Photos is reached on WAN 443 too. (Entries may have
  // holes where the schema rejected an entry: forEach skips them.)
  const servers = new Map<string, AppEntryLong>();
  entries.forEach((raw) => {
    const e = long(raw);
    const app = index.byName.get(e.id);
    if (app && (app.id === 'dsm' || app.id === 'web-station')) servers.set(app.id, e);
  });

  entries.forEach((raw, i) => {
    const entry = long(raw);
    const base = `/apps/${i}`;
    const idPtr = typeof raw === 'string' ? base : `${base}/id`;
    const app = lookupApp(ctx, entry, i, idPtr, index, dsm, firstSeen);
    if (!app) return;
    const ports = appPorts(app, dsm);
    const labels = ports.map((p) => p.label);
    const record = { id: app.id, kind: 'catalog' as const, labels, riskyLabels: [] as string[] };
    listed.set(app.id, record);
    listed.set(entry.id, record);
    const scope: EntryScope = { ctx, app, entry, base, idPtr, ports, labels, servers };
    let failed = !checkLabels(scope);

    const explicit = entry.ports !== undefined;
    const selected = explicit ? ports.filter((p) => entry.ports!.some((sel) => selects(sel, p.label))) : ports;
    let forwarded = 0;
    const riskySkips: RiskySkip[] = [];
    const portOf = new Map<RiskySkip, AppPort>();
    const unforwardable: string[] = [];
    for (const p of selected) {
      const r = resolvePort(scope, p, explicit, risky, candidates, skipped);
      if (r.kind === 'failed') {
        failed = true;
        if (r.allowedRisky) record.riskyLabels.push(p.label);
      }
      else if (r.kind === 'unforwardable') unforwardable.push(r.text);
      else if (r.kind === 'risky') {
        riskySkips.push(r.skip);
        portOf.set(r.skip, p);
      } else {
        if (r.risky) record.riskyLabels.push(p.label);
        forwarded++;
      }
    }
    outcomes.push(outcomeOf(scope, { forwarded, failed, selected, explicit, riskySkips, portOf, unforwardable }));
  });
  return { listed, outcomes };
}
