// The ports a catalog app has on the user's NAS: its own ports that exist in the profile's DSM
// version, plus the web ports of the app that serves it (DSM or Web Station), with the user's DSM
// ports substituted.

import type { CatalogApp, CatalogPort } from '../catalog/types.js';
import { windowStatus } from './versions.js';

export interface AppPort {
  label: string;
  port: number;
  end: number;
  proto: CatalogPort['proto'];
  exposure: CatalogPort['exposure'];
  /** false: public but unencrypted (catalog `encrypted: false`). */
  encrypted?: false;
  purpose: string;
  /** Set when the port comes from the serving app (its external remap is inherited). */
  inheritedFrom?: 'dsm' | 'web-station';
}

export interface DsmSettings {
  version: string;
  http: number;
  https: number;
}

const WEB_STATION: Record<'http' | 'https', number> = { http: 80, https: 443 };

function webPorts(server: 'dsm' | 'web-station', dsm: DsmSettings): AppPort[] {
  const ports = server === 'dsm' ? { http: dsm.http, https: dsm.https } : WEB_STATION;
  const host = server === 'dsm' ? 'DSM' : 'Web Station';
  return [
    {
      label: 'https',
      port: ports.https,
      end: ports.https,
      proto: 'tcp',
      exposure: 'public',
      purpose: `HTTPS, served by ${host}`,
      inheritedFrom: server,
    },
    {
      label: 'http',
      port: ports.http,
      end: ports.http,
      proto: 'tcp',
      exposure: 'risky',
      purpose: `cleartext HTTP, served by ${host}`,
      inheritedFrom: server,
    },
  ];
}

export function appPorts(app: CatalogApp, dsm: DsmSettings): AppPort[] {
  const own: AppPort[] = app.ports
    .filter((p) => windowStatus(p.dsm, dsm.version) === 'ok')
    .map((p) => {
      // DSM's own web ports follow the profile's nas.dsm settings (Login Portal > DSM).
      const moved = app.id === 'dsm' && (p.label === 'http' || p.label === 'https') ? dsm[p.label] : undefined;
      const port = moved ?? p.port;
      return {
        label: p.label,
        port,
        end: moved ?? p.end ?? p.port,
        proto: p.proto,
        exposure: p.exposure,
        ...(p.encrypted === false ? { encrypted: false as const } : {}),
        purpose: p.purpose,
      };
    });
  const served = app.servedBy && windowStatus(app.servedBy.dsm, dsm.version) === 'ok' ? webPorts(app.servedBy.app, dsm) : [];
  return [...served, ...own];
}
