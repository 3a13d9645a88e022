// The words the page uses for a catalog app's ports: "5001/tcp", the class as `synfw apps` names
// it, and why a port is or is not forwarded, in the resolver's own terms (riskyAdvice).

import type { CatalogApp } from '../catalog/types.js';
import type { AppPort } from '../resolve/app-ports.js';
import { encryptedTwin, riskyAdvice } from '../resolve/risky-advice.js';

export const portsOf = (p: Pick<AppPort, 'port' | 'end' | 'proto'>): string => `${p.port}${p.end !== p.port ? `-${p.end}` : ''}/${p.proto}`;

/** "public", "public (unencrypted)", "risky", "lan-only", "outbound". */
export const classOf = (p: Pick<AppPort, 'exposure' | 'encrypted'>): string => (p.exposure === 'public' && p.encrypted === false ? 'public (unencrypted)' : p.exposure);

/** Why the port is forwarded or not, for the row under its class. `entryId` is the name the profile uses. */
export function portWhy(p: AppPort, ports: AppPort[], entryId: string, forwarded: boolean): string {
  switch (p.exposure) {
    case 'public':
      return p.purpose;
    case 'risky': {
      if (forwarded) return `${p.purpose}. Forwarded because allowRisky names it: anyone on the internet can try it.`;
      const twin = encryptedTwin(
        p.label,
        ports.map((q) => q.label),
      );
      const twinPort = ports.find((q) => q.label === twin);
      return riskyAdvice([{ ports: portsOf(p), label: p.label, purpose: p.purpose, ...(twinPort ? { encrypted: `${twin} (${portsOf(twinPort)})` } : {}) }], [`${entryId}:${p.label}`]);
    }
    case 'lan-only':
      return `Never forwarded: ${p.purpose}; it cannot work through a port forward.`;
    case 'outbound':
      return `Never forwarded: ${p.purpose}; the NAS connects out on it, there is nothing to forward.`;
  }
}

/** The words a search matches: id, name, aliases, vendor, port numbers. */
export function searchText(app: CatalogApp): string {
  return [app.id, app.name, ...app.aliases, app.vendor ?? '', ...app.ports.map((p) => `${p.port}${p.end ? ` ${p.end}` : ''}`)].join(' ').toLowerCase();
}

/** The apps every word of the query matches, by name. */
export function searchApps(apps: readonly CatalogApp[], query: string): CatalogApp[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return apps.filter((a) => words.every((w) => searchText(a).includes(w))).sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
