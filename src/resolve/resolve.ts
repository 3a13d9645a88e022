// Profile -> Plan. Implements the resolver guarantees of profile-format.md: exposure policy,
// DSM-served apps, overrides and external remaps, exact merging, conflicts, and a skipped list in
// which every port the profile asked for but that is not forwarded has a reason. Pure.

import type { CatalogIndex } from '../catalog/catalog.js';
import { hasErrors, quote, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import type { Origin, Plan, PortRange, Skipped } from '../plan/types.js';
import type { ParsedDocument } from '../profile/parse.js';
import type { Profile } from '../profile/types.js';
import { checkCidr4, checkCidr6, checkIPv4, checkIPv6, isPrivateIPv4 } from './addresses.js';
import { resolveApps } from './apps.js';
import { ResolveContext } from './context.js';
import { resolveCustom } from './custom.js';
import { mergeCandidates, type Candidate } from './merge.js';
import { settleOutcomes } from './outcome.js';
import { planNotes } from './notes.js';
import { formatRange } from '../plan/ranges.js';
import { RiskyPolicy } from './risky.js';

export interface ResolveOptions {
  file: string;
  catalog: CatalogIndex;
  /** The parsed YAML, for line and column in diagnostics. */
  doc?: ParsedDocument;
  /**
   * The profile had schema errors and the entries holding them were cut out (lists have holes):
   * skip the checks about the profile as a whole, which the cut would make wrong.
   */
  partial?: boolean;
}

export type ResolveResult = { plan: Plan; diagnostics: Diagnostic[] } | { plan?: undefined; diagnostics: Diagnostic[] };

/** The default profile name: the file's base name, slugged. */
export function profileNameFromFile(file: string): string {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? '';
  const slug = base
    .replace(/\.(ya?ml)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return slug || 'profile';
}

/** nas.address, nas.address6 and allowFrom, checked and normalised (SFW204, SFW253-SFW255). */
function resolveAddresses(ctx: ResolveContext, profile: Profile) {
  const address = checkIPv4(profile.nas.address);
  if (!address.ok) ctx.error('SFW204', `nas.address ${quote(profile.nas.address)} ${address.message}`, '/nas/address');
  else if (!isPrivateIPv4(address.value)) {
    ctx.warn(
      'SFW255',
      `nas.address ${address.value} is not a private LAN address (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16); a port forward sends traffic to the NAS's address behind the router: check it is the NAS's LAN address`,
      '/nas/address',
    );
  }
  let address6: string | undefined;
  if (profile.nas.address6 !== undefined) {
    const a6 = checkIPv6(profile.nas.address6);
    if (a6.ok) address6 = a6.value;
    else ctx.error('SFW204', `nas.address6 ${quote(profile.nas.address6)} ${a6.message}`, '/nas/address6');
  }
  const allowFrom: string[] = [];
  const allowFrom6: string[] = [];
  (profile.allowFrom ?? []).forEach((text, i) => {
    const c = text.includes(':') ? checkCidr6(text) : checkCidr4(text);
    if (!c.ok) ctx.error('SFW204', `allowFrom[${i}] ${quote(text)} ${c.message}`, `/allowFrom/${i}`);
    else if (text.includes(':')) allowFrom6.push(c.value);
    else allowFrom.push(c.value);
  });
  if (allowFrom6.length > 0 && allowFrom.length === 0) {
    ctx.warn('SFW254', 'allowFrom lists only IPv6 sources, so no IPv4 source may use the port forwards; add IPv4 CIDRs to allowFrom to allow some', '/allowFrom');
  }
  if (address6 && allowFrom.length > 0 && allowFrom6.length === 0) {
    ctx.warn('SFW253', 'allowFrom lists only IPv4 sources, so no IPv6 source may reach nas.address6 and no IPv6 rules are generated; add IPv6 CIDRs to allowFrom to allow some', '/nas/address6');
  }
  return { address: address.ok ? address.value : profile.nas.address, address6, allowFrom, allowFrom6 };
}

/** Two NAS ports claiming one WAN port and protocol (SFW205), each naming both claimants. */
function reportConflicts(ctx: ResolveContext, conflicts: ReturnType<typeof mergeCandidates>['conflicts'], more: boolean): void {
  for (const c of conflicts) {
    const claim = (x: Candidate) =>
      `${describeOrigin(x.origin)} -> NAS ${formatRange(x.internal)}${x.origin.pos ? ` (line ${x.origin.pos.line})` : ''}`;
    ctx.diagnostics.push({
      code: 'SFW205',
      severity: 'error',
      message: `WAN port ${formatRange(c.overlap)}/${c.proto} is claimed twice: ${claim(c.a)} and ${claim(c.b)}; give one of them another WAN port with "external"`,
      pos: c.b.origin.pos,
    });
  }
  if (more) {
    ctx.error('SFW205', `more than ${conflicts.length} WAN ports are claimed twice; fix the ones reported and run synfw again`, '/apps');
  }
}

export function resolvePlan(profile: Profile, options: ResolveOptions): ResolveResult {
  const ctx = new ResolveContext(options.doc, options.file);
  const { catalog } = options.catalog;
  const { address, address6, allowFrom, allowFrom6 } = resolveAddresses(ctx, profile);

  const dsm = {
    version: profile.nas.dsm?.version ?? catalog.newestDsm,
    http: profile.nas.dsm?.http ?? 5000,
    https: profile.nas.dsm?.https ?? 5001,
  };
  if (dsm.http === dsm.https) {
    ctx.error('SFW205', `nas.dsm.http and nas.dsm.https are both ${dsm.http}: DSM needs two different ports`, '/nas/dsm/https');
  }

  const risky = new RiskyPolicy(profile.allowRisky ?? []);
  const candidates: Candidate[] = [];
  const skipped: Skipped[] = [];
  const apps = resolveApps(ctx, profile.apps, options.catalog, dsm, risky, candidates, skipped);
  const custom = resolveCustom(ctx, profile.custom ?? [], options.catalog, apps.listed, risky, candidates);
  if (!options.partial) {
    risky.reportUnused(ctx, apps.listed);
    if (profile.apps.length === 0 && (profile.custom ?? []).length === 0) {
      ctx.error('SFW208', 'nothing to forward: apps and custom are both empty', '/apps');
    }
  }

  const { forwards, conflicts, moreConflicts, remapped } = mergeCandidates(candidates);
  settleOutcomes(ctx, [...apps.outcomes, ...custom], forwards, skipped, remapped);
  reportConflicts(ctx, conflicts, moreConflicts);

  const diagnostics = sortDiagnostics(ctx.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };
  skipped.sort((a, b) => cmp(a.app, b.app) || cmp(a.label, b.label) || cmp(a.proto, b.proto));
  const plan: Plan = {
    profile: { name: profile.name ?? profileNameFromFile(options.file), file: options.file },
    nas: { address, ...(address6 ? { address6 } : {}), dsm },
    router: routerOf(profile),
    allowFrom,
    allowFrom6,
    hairpin: profile.hairpin ?? null,
    forwards,
    skipped,
    warnings: diagnostics,
    notes: planNotes(forwards, options.catalog),
    keyPos: keyPositions(ctx, profile),
  };
  return { plan, diagnostics };
}

/** router.wan/lan for every target, and the per-target objects (the schema allows only target ids there). */
function routerOf(profile: Profile): Plan['router'] {
  const sides = (r: { wan?: unknown; lan?: unknown } | undefined) => ({
    ...(typeof r?.wan === 'string' ? { wan: r.wan } : {}),
    ...(typeof r?.lan === 'string' ? { lan: r.lan } : {}),
  });
  const targets: Plan['router']['targets'] = {};
  for (const [key, value] of Object.entries(profile.router ?? {})) if (value && typeof value === 'object') targets[key] = sides(value);
  return { ...sides(profile.router), targets };
}

function keyPositions(ctx: ResolveContext, profile: Profile): Plan['keyPos'] {
  const out: Plan['keyPos'] = {};
  const put = (k: string, pointer: string) => {
    const p = ctx.pos(pointer, true);
    if (p && ctx.has(pointer)) out[k] = p;
  };
  put('allowFrom', '/allowFrom');
  put('hairpin', '/hairpin');
  put('address6', '/nas/address6');
  put('wan', '/router/wan');
  put('lan', '/router/lan');
  for (const [key, value] of Object.entries(profile.router ?? {})) {
    if (!value || typeof value !== 'object') continue;
    put(`${key}.wan`, `/router/${key}/wan`);
    put(`${key}.lan`, `/router/${key}/lan`);
  }
  return out;
}

function describeOrigin(o: Origin): string {
  return o.kind === 'custom' ? `custom ${o.app} ${o.label}` : `${o.app} ${o.label}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type { PortRange };
