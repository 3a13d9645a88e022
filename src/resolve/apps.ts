// The `apps` list: catalog lookups, DSM version checks, port selection, overrides, external remaps
// and the exposure policy, producing forward candidates and skipped ports.

import type { CatalogIndex } from '../catalog/catalog.js';
import type { CatalogApp } from '../catalog/types.js';
import type { Skipped } from '../plan/types.js';
import { formatRange, parseOverride, shift } from '../plan/ranges.js';
import type { AppEntry, AppEntryLong } from '../profile/types.js';
import { didYouMean } from '../suggest.js';
import { appPorts, type AppPort, type DsmSettings } from './app-ports.js';
import { pointerKey, type ResolveContext } from './context.js';
import type { Candidate } from './merge.js';
import type { Listed, RiskyPolicy } from './risky.js';
import { lookup, selectorNames, selects } from './selectors.js';
import { windowStatus } from './versions.js';

const long = (e: AppEntry): AppEntryLong => (typeof e === 'string' ? { id: e } : e);

export function resolveApps(
  ctx: ResolveContext,
  entries: AppEntry[],
  index: CatalogIndex,
  dsm: DsmSettings,
  risky: RiskyPolicy,
  candidates: Candidate[],
  skipped: Skipped[],
): Listed {
  const listed: Listed = new Map();
  const firstSeen = new Map<string, number>();
  // The serving app's entry (dsm, web-station) lends its external remaps to the apps it serves:
  // with dsm's https on WAN 443, Synology Photos is reached on WAN 443 too.
  const servers = new Map<string, AppEntryLong>();
  for (const e of entries.map(long)) {
    const app = index.byName.get(e.id);
    if (app && (app.id === 'dsm' || app.id === 'web-station')) servers.set(app.id, e);
  }

  entries.forEach((raw, i) => {
    const entry = long(raw);
    const base = `/apps/${i}`;
    const idPtr = typeof raw === 'string' ? base : `${base}/id`;
    const app = index.byName.get(entry.id);
    if (!app) {
      ctx.error('SFW201', `unknown app "${entry.id}"${didYouMean(entry.id, index.byName.keys())}; \`synfw apps\` lists them`, idPtr);
      return;
    }
    const alias = app.id !== entry.id ? ` (${entry.id} is ${app.id})` : '';
    const prev = firstSeen.get(app.id);
    if (prev !== undefined) {
      const line = ctx.pos(`/apps/${prev}`)?.line;
      ctx.error('SFW207', `app "${app.id}"${alias} is listed twice (first at apps[${prev}]${line ? `, line ${line}` : ''}); merge the two entries`, idPtr);
      return;
    }
    firstSeen.set(app.id, i);

    const status = windowStatus(app.dsm, dsm.version);
    if (status !== 'ok') {
      const why =
        status === 'too-old'
          ? `needs DSM ${app.dsm!.introduced} or later`
          : `was removed in DSM ${app.dsm!.removed}`;
      ctx.error('SFW206', `${app.id}${alias} ${why}, and the profile's DSM is ${dsm.version} (nas.dsm.version)`, idPtr);
      return;
    }

    const ports = appPorts(app, dsm);
    const labels = ports.map((p) => p.label);
    const names = selectorNames(labels);
    const known = (sel: string) => labels.some((l) => selects(sel, l));
    const record = { id: app.id, kind: 'catalog' as const, labels, riskyLabels: [] as string[] };
    listed.set(app.id, record);
    listed.set(entry.id, record);

    let labelErrors = 0;
    const labelError = (pointer: string, label: string, what: string) => {
      labelErrors++;
      const message = `${app.id} has no port "${label}"${didYouMean(label, names)} (${what}); its ports: ${names.join(', ') || 'none'}`;
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
        ctx.error('SFW211', `set DSM's own ${l} port with nas.dsm.${l}, not with an override (apps served by DSM follow it)`, `${base}/override/${l}`, true);
      }
    }

    const selected = entry.ports ? ports.filter((p) => entry.ports!.some((sel) => selects(sel, p.label))) : ports;
    const origin = (p: AppPort) => ({
      app: app.id,
      label: p.label,
      name: app.name,
      kind: 'catalog' as const,
      exposure: p.exposure,
      ...(p.encrypted === false ? { encrypted: false as const } : {}),
      pos: ctx.pos(idPtr),
    });
    let forwarded = 0;
    const riskySkipped: AppPort[] = [];
    const reasons: string[] = [];
    for (const p of selected) {
      const server = p.inheritedFrom && p.inheritedFrom !== app.id ? servers.get(p.inheritedFrom) : undefined;
      const overrideValue = lookup(entry.override, p.label) ?? lookup(server?.override, p.label);
      const nominal = { first: p.port, last: p.end };
      const moved = overrideValue === undefined ? nominal : parseOverride(overrideValue, nominal);
      if (moved === 'range' || moved === 'order') {
        ctx.error(
          moved === 'range' ? 'SFW203' : 'SFW210',
          moved === 'range'
            ? `${app.id} override ${p.label}: ${String(overrideValue)} puts the port outside 1-65535`
            : `${app.id} override ${p.label}: "${String(overrideValue)}" must be FIRST-LAST with FIRST <= LAST`,
          `${base}/override/${pointerKey(p.label)}`,
        );
        continue;
      }
      const ports = `${formatRange(moved)}/${p.proto}`;
      const skip = (reason: string) =>
        skipped.push({
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
        skip(reason);
        reasons.push(`${ports} (${p.label}) is ${reason}`);
        if (entry.ports) {
          const j = entry.ports.findIndex((sel) => selects(sel, p.label));
          ctx.warn('SFW252', `${app.id} port "${p.label}" (${ports}) is never forwarded: ${reason}`, `${base}/ports/${j}`);
        }
        continue;
      }
      if (p.exposure === 'risky') {
        if (!risky.allows([app.id, entry.id], p.label)) {
          const reason = `risky: ${p.purpose}; forward it only by adding "${entry.id}:${p.label}" (or "${entry.id}") to allowRisky`;
          skip(reason);
          riskySkipped.push(p);
          reasons.push(`${ports} (${p.label}) is risky`);
          continue;
        }
        record.riskyLabels.push(p.label);
      }
      const externalFirst = lookup(entry.external, p.label) ?? lookup(server?.external, p.label);
      const external = externalFirst === undefined ? moved : shift(moved, externalFirst);
      if (external.last > 65535) {
        ctx.error('SFW203', `${app.id} external ${p.label}: WAN ports ${formatRange(external)} go past 65535`, `${base}/external/${pointerKey(p.label)}`);
        continue;
      }
      candidates.push({ proto: p.proto, external, internal: moved, origin: origin(p) });
      forwarded++;
    }
    // Risky labels that exist but were not selected still count for allowRisky's "no effect" check.
    if (forwarded === 0 && labelErrors === 0) {
      ctx.error('SFW208', nothingToForward(app, entry, selected, riskySkipped, reasons), idPtr);
    } else if (riskySkipped.length > 0) {
      const list = riskySkipped.map((p) => `${formatRange({ first: p.port, last: p.end })}/${p.proto} (${p.label}: ${p.purpose})`);
      const add = riskySkipped.map((p) => `"${entry.id}:${p.label}"`).join(', ');
      ctx.warn('SFW250', `${app.id}: risky port${riskySkipped.length > 1 ? 's' : ''} not forwarded: ${list.join('; ')}; to forward ${riskySkipped.length > 1 ? 'them' : 'it'}, add ${add} to allowRisky`, idPtr);
    }
  });
  return listed;
}

function nothingToForward(app: CatalogApp, entry: AppEntryLong, selected: AppPort[], risky: AppPort[], reasons: string[]): string {
  if (selected.length === 0) {
    return `${app.id}: nothing to forward: ${app.notes ?? 'the app has no ports of its own'}`;
  }
  if (risky.length === selected.length) {
    const list = risky.map((p) => `${formatRange({ first: p.port, last: p.end })}/${p.proto} (${p.label})`).join(', ');
    const them = risky.length > 1 ? 'them' : 'it';
    return `${app.id}: nothing to forward: ${risky.length > 1 ? 'its ports' : 'its port'} ${list} ${risky.length > 1 ? 'are' : 'is'} risky; to forward ${them}, add "${entry.id}" to allowRisky`;
  }
  return `${app.id}: nothing to forward: ${reasons.join('; ')}`;
}
