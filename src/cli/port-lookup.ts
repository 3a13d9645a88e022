// The reverse lookup behind `synfw why PORT` and `synfw apps --port PORT`: which catalog apps use a
// port, and which apps reach it through the web server that serves them. Pure.

import type { Catalog, CatalogApp, CatalogPort, Proto } from '../catalog/types.js';

export interface PortQuery {
  port: number;
  /** Absent: both protocols. */
  proto?: Proto;
}

/** "445", "445/tcp" or "445/udp"; a string is the problem. */
export function parsePortQuery(text: string): PortQuery | string {
  const m = /^(\d{1,5})(?:\/(tcp|udp))?$/i.exec(text.trim());
  const port = m ? Number(m[1]) : NaN;
  if (!m || port < 1 || port > 65535) return `"${text}" is not a port: write PORT or PORT/PROTO with PROTO tcp or udp (e.g. 445/tcp)`;
  return m[2] ? { port, proto: m[2].toLowerCase() as Proto } : { port };
}

export const queryText = (q: PortQuery) => (q.proto ? `${q.port}/${q.proto}` : `${q.port} (tcp or udp)`);

/** One catalog port that covers the queried port. */
export interface PortUse {
  app: CatalogApp;
  port: CatalogPort;
  /** The port's first and last number here (DSM's own web ports follow the user's settings). */
  first: number;
  last: number;
}

/** Apps without web listeners of their own that reach the queried port through a server's. */
export interface ServedUse {
  server: 'dsm' | 'web-station';
  label: 'http' | 'https';
  apps: CatalogApp[];
}

export interface DsmWebPorts {
  http: number;
  https: number;
}

export const DEFAULT_DSM_PORTS: DsmWebPorts = { http: 5000, https: 5001 };
const WEB_STATION_PORTS: DsmWebPorts = { http: 80, https: 443 };

export function portUsers(catalog: Catalog, q: PortQuery, dsm: DsmWebPorts = DEFAULT_DSM_PORTS): { own: PortUse[]; served: ServedUse[] } {
  const protoOk = (p: Proto) => q.proto === undefined || q.proto === p;
  const own: PortUse[] = [];
  for (const app of catalog.apps) {
    for (const port of app.ports) {
      const moved = app.id === 'dsm' && (port.label === 'http' || port.label === 'https') ? dsm[port.label] : undefined;
      const first = moved ?? port.port;
      const last = moved ?? port.end ?? port.port;
      if (protoOk(port.proto) && first <= q.port && q.port <= last) own.push({ app, port, first, last });
    }
  }
  const served: ServedUse[] = [];
  if (protoOk('tcp')) {
    for (const [server, ports] of [['dsm', dsm], ['web-station', WEB_STATION_PORTS]] as const) {
      for (const label of ['https', 'http'] as const) {
        if (ports[label] !== q.port) continue;
        const apps = catalog.apps.filter((a) => a.servedBy?.app === server);
        if (apps.length) served.push({ server, label, apps });
      }
    }
  }
  return { own, served };
}
