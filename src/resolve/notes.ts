// Information for the user that is neither an error nor a warning: `synfw plan` prints it, `gen`
// and `check` do not. Each note must stay quiet for the users it does not concern.

import type { CatalogIndex } from '../catalog/catalog.js';
import type { Forward, PlanNote } from '../plan/types.js';

const HTTP_01_PORT = 80;

/** Whether a forward's origin is HTTPS served by DSM's web server (DSM, Web Station, reverse proxy). */
function servesDsmHttps(index: CatalogIndex, o: Forward['origins'][number]): boolean {
  if (o.kind !== 'catalog' || o.label !== 'https') return false;
  const app = index.byName.get(o.app);
  return app !== undefined && (['dsm', 'web-station', 'reverse-proxy'].includes(app.id) || app.servedBy !== undefined);
}

/**
 * The forwards that carry a catalog app's port, in plan order: the note is about catalog apps, so
 * after one plain pass a profile's thousands of custom ports are not looked at again.
 */
function withCatalogPort(forwards: readonly Forward[]): Forward[] {
  const out: Forward[] = [];
  for (let i = 0; i < forwards.length; i++) {
    const origins = forwards[i]!.origins;
    for (let j = 0; j < origins.length; j++) {
      if (origins[j]!.kind === 'catalog') {
        out.push(forwards[i]!);
        break;
      }
    }
  }
  return out;
}

/** The tcp forward whose WAN ports hold `port`: forwards are in plan order (tcp first, by WAN port) and a plan's never overlap. */
function tcpForwardAt(forwards: readonly Forward[], port: number): Forward | undefined {
  for (const f of forwards) {
    if (f.proto !== 'tcp' || f.external.first > port) return undefined;
    if (port <= f.external.last) return f;
  }
  return undefined;
}

/**
 * DSM renews a Let's Encrypt certificate for the user's own domain with the HTTP-01 challenge,
 * which only works on WAN port 80 reaching DSM's web server on 80. Certificates for Synology DDNS
 * names are validated over DNS, so the note says so instead of telling everyone to open 80.
 */
export function letsEncryptNote(forwards: readonly Forward[], index: CatalogIndex): PlanNote | undefined {
  const note = (why: string): PlanNote => ({
    id: 'letsencrypt-port-80',
    port: HTTP_01_PORT,
    message:
      `If DSM has a Let's Encrypt certificate for a domain name you own, renewing it ${why}. ` +
      'Certificates for Synology DDNS names (such as NAME.synology.me) renew without port 80.',
  });
  const catalogForwards = withCatalogPort(forwards);
  const listed = catalogForwards.find((f) => f.origins.some((o) => o.kind === 'catalog' && o.app === 'letsencrypt'));
  if (listed && listed.external.first !== HTTP_01_PORT) {
    return note(`needs WAN port 80/tcp, but this profile forwards letsencrypt from WAN port ${listed.external.first} (remove its external remap)`);
  }
  if (!catalogForwards.some((f) => f.proto === 'tcp' && f.origins.some((o) => servesDsmHttps(index, o)))) return undefined;
  const port80 = tcpForwardAt(forwards, HTTP_01_PORT);
  if (!port80) return note('needs WAN port 80/tcp forwarded to the NAS\'s port 80 (add "letsencrypt" to apps)');
  const nasPort = port80.internal.first + (HTTP_01_PORT - port80.external.first);
  if (nasPort === HTTP_01_PORT) return undefined;
  return note(`needs WAN port 80/tcp to reach the NAS's port 80, but this profile sends it to NAS port ${nasPort}`);
}

export function planNotes(forwards: readonly Forward[], index: CatalogIndex): PlanNote[] {
  const letsEncrypt = letsEncryptNote(forwards, index);
  return letsEncrypt ? [letsEncrypt] : [];
}
