// `synfw apps`: the catalog as a table, one app in detail, or JSON. Everything here is for users:
// sources are shown as document titles and links (never research keys), researchNote never.

import { appSourceKeys, openableSources } from '../catalog/catalog.js';
import type { Catalog, CatalogApp, CatalogPort, CatalogSource, Exposure, SharedPort } from '../catalog/types.js';
import { table, wrapParagraph } from './table.js';
import { classColumnStyle } from './terminal.js';

export const portText = (p: Pick<CatalogPort, 'port' | 'end' | 'proto'>) => `${p.port}${p.end ? `-${p.end}` : ''}/${p.proto}`;

/** "public", or "public (unencrypted)" for a public port that does not encrypt. */
export function classText(exposure: Exposure, encrypted?: boolean): string {
  return exposure === 'public' && encrypted === false ? 'public (unencrypted)' : exposure;
}

function served(app: CatalogApp): string {
  if (!app.servedBy) return '';
  const host = app.servedBy.app === 'dsm' ? 'DSM web ports' : 'Web Station 80/443';
  const since = app.servedBy.dsm?.introduced ? ` (DSM ${app.servedBy.dsm.introduced}+)` : '';
  return `via ${host}${since}`;
}

function versions(app: CatalogApp): string {
  const parts: string[] = [];
  if (app.dsm?.introduced) parts.push(`DSM ${app.dsm.introduced}+`);
  if (app.dsm?.removed) parts.push(`removed in DSM ${app.dsm.removed}`);
  if (app.dsm?.legacy) parts.push('legacy');
  return parts.join(', ');
}

/** When a port exists only in some DSM versions, as words. */
export function portWindow(p: Pick<CatalogPort, 'dsm'>): string {
  const parts: string[] = [];
  if (p.dsm?.introduced) parts.push(`DSM ${p.dsm.introduced}+`);
  if (p.dsm?.removed) parts.push(`before DSM ${p.dsm.removed} only`);
  return parts.join(', ');
}

/** The shared-port entries that concern one app, in catalog order. */
export function sharedFor(catalog: Catalog, appId: string): SharedPort[] {
  return catalog.shared.filter((s) => s.apps.includes(appId));
}

export function appsTable(catalog: Catalog): string {
  const rows = [...catalog.apps]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((app) => {
      const ports = [served(app), ...app.ports.map(portText)].filter(Boolean).join(' ');
      const classes = [...new Set([...(app.servedBy ? ['public', 'risky'] : []), ...app.ports.map((p) => classText(p.exposure, p.encrypted))])];
      const name = app.thirdParty ? `${app.name} (third-party)` : app.name;
      // The long column goes last so that lines wrap only there.
      return [app.id, name, classes.join(', ') || '-', ports || '-'];
    });
  return (
    `${table(['ID', 'NAME', 'CLASSES', 'PORTS'], rows, '', { style: classColumnStyle(2), optional: [1] })}\n\n` +
    `${wrapParagraph(`${catalog.apps.length} apps. \`synfw apps ID\` shows one in detail; \`synfw why PORT\` shows which apps use a port.`)}\n`
  );
}

/** Numbers the sources an app cites (1, 2, ...) so that the port table can refer to them. */
function numbered(catalog: Catalog, app: CatalogApp): { list: CatalogSource[]; refs: (keys: string[]) => string } {
  const list = openableSources(catalog, appSourceKeys(app));
  const refs = (keys: string[]) =>
    openableSources(catalog, keys)
      .map((s) => String(list.indexOf(s) + 1))
      .join(' ');
  return { list, refs };
}

export function appDetail(catalog: Catalog, app: CatalogApp): string {
  const out = [`${app.id}: ${app.name}`];
  if (app.aliases.length) out.push(`Aliases: ${app.aliases.join(', ')}`);
  if (app.servedBy) out.push(`Served ${served(app)}: labels https (public) and http (risky) follow nas.dsm.https/http`);
  if (app.thirdParty) out.push(`Third-party, made by ${app.vendor ?? 'another vendor'}`);
  const v = versions(app);
  if (v) out.push(`Versions: ${v}`);
  if (app.notes) out.push(`Notes: ${app.notes}`);
  const { list, refs } = numbered(catalog, app);
  out.push('', 'Ports:');
  if (app.ports.length) {
    out.push(
      table(
        ['LABEL', 'PORT', 'CLASS', 'CONFIGURABLE', 'SOURCES', 'PURPOSE'],
        app.ports.map((p) => {
          const window = portWindow(p);
          return [p.label, portText(p), classText(p.exposure, p.encrypted), p.configurable ? 'yes' : 'no', refs(p.sources), `${p.purpose}${window ? ` (${window})` : ''}`];
        }),
        '  ',
        { style: classColumnStyle(2), optional: [4, 3] },
      ),
    );
    const notes = app.ports.filter((p) => p.notes);
    if (notes.length) {
      out.push('', 'Port notes:');
      for (const p of notes) out.push(`  ${p.label}: ${p.notes}`);
    }
  } else out.push('  none of its own');
  const shared = sharedFor(catalog, app.id);
  if (shared.length) {
    out.push('', 'Shared with other apps:');
    for (const s of shared) {
      const others = s.apps.filter((id) => id !== app.id).join(', ');
      out.push(`  ${portText(s)} with ${others}: ${s.note}`);
    }
  }
  if (list.length) {
    out.push('', 'Sources:');
    list.forEach((s, i) => out.push(`  ${i + 1}. ${s.title}: ${s.url}`));
  }
  // Free-text lines wrap to the terminal like the tables (a table's lines are short enough already);
  // a source stays on one line with its link, like an entry of a reference list.
  return `${out.map((l) => (/^ {2}\d+\. .*: https?:\/\//.test(l) ? l : wrapParagraph(l))).join('\n')}\n`;
}

interface PublicSource {
  title: string;
  url: string;
}

const publicSources = (catalog: Catalog, keys: string[]): PublicSource[] =>
  openableSources(catalog, keys).map((s) => ({ title: s.title, url: s.url! }));

/** An app as `synfw apps --json` prints it: sources resolved to titles and links. */
export function publicApp(catalog: Catalog, app: CatalogApp): object {
  // The generated JSON has no researchNote; dropping it here keeps that true for any catalog.
  const { researchNote: _app, ...rest } = app;
  return {
    ...rest,
    ports: app.ports.map(({ researchNote: _port, ...p }) => ({ ...p, sources: publicSources(catalog, p.sources) })),
    sources: publicSources(catalog, app.sources),
    shared: sharedFor(catalog, app.id),
  };
}
