// `synfw apps`: the catalog as a table, one app in detail, or JSON.

import type { Catalog, CatalogApp, CatalogPort } from '../catalog/types.js';
import { table, wrapParagraph } from './table.js';
import { classColumnStyle } from './terminal.js';

const portText = (p: Pick<CatalogPort, 'port' | 'end' | 'proto'>) => `${p.port}${p.end ? `-${p.end}` : ''}/${p.proto}`;

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
  if (app.thirdParty) parts.push('third-party');
  return parts.join(', ');
}

export function appsTable(catalog: Catalog): string {
  const rows = [...catalog.apps]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((app) => {
      const ports = [served(app), ...app.ports.map(portText)].filter(Boolean).join(' ');
      const classes = [...new Set([...(app.servedBy ? ['public', 'risky'] : []), ...app.ports.map((p) => p.exposure)])];
      // The long column goes last so that lines wrap only there.
      return [app.id, app.name, classes.join(', ') || '-', ports || '-'];
    });
  return `${table(['ID', 'NAME', 'CLASSES', 'PORTS'], rows, '', { style: classColumnStyle(2), optional: [1] })}\n\n${catalog.apps.length} apps. \`synfw apps ID\` shows one in detail.\n`;
}

export function appDetail(catalog: Catalog, app: CatalogApp): string {
  const out = [`${app.id}: ${app.name}`];
  if (app.aliases.length) out.push(`Aliases: ${app.aliases.join(', ')}`);
  if (app.servedBy) out.push(`Served ${served(app)}: labels https (public) and http (risky) follow nas.dsm.https/http`);
  const v = versions(app);
  if (v) out.push(`Versions: ${v}`);
  if (app.notes) out.push(`Notes: ${app.notes}`);
  out.push('', 'Ports:');
  if (app.ports.length) {
    out.push(
      table(
        ['LABEL', 'PORT', 'CLASS', 'CONFIGURABLE', 'PURPOSE', 'SOURCES'],
        app.ports.map((p) => [
          p.label,
          portText(p),
          p.exposure,
          p.configurable ? 'yes' : 'no',
          `${p.purpose}${p.dsm?.introduced ? ` (DSM ${p.dsm.introduced}+)` : ''}${p.dsm?.removed ? ` (before DSM ${p.dsm.removed})` : ''}${p.notes ? ` - ${p.notes}` : ''}`,
          p.sources.join(' '),
        ]),
        '  ',
        { style: classColumnStyle(2), optional: [5, 3] },
      ),
    );
  } else out.push('  none of its own');
  const keys = new Set([...app.sources, ...app.ports.flatMap((p) => p.sources)]);
  const sources = catalog.sources.filter((s) => keys.has(s.key));
  if (sources.length) {
    out.push('', 'Sources:');
    for (const s of sources) out.push(`  [${s.key}] ${s.title}${s.url ? ` ${s.url}` : ''}`);
  }
  // Free-text lines wrap to the terminal like the tables (a table's lines are short enough already).
  return `${out.map((l) => wrapParagraph(l)).join('\n')}\n`;
}
