// The catalog is synfw's core data: which DSM apps exist, which ports they listen on and how risky
// it is to forward each one. The reviewable source is dsm-apps.yaml next to this file; the build
// turns it into catalog.generated.json, which is what the CLI loads.

export type Proto = 'tcp' | 'udp';

/**
 * How a port may be exposed through a port forward.
 * - public: meant for the internet and encrypted: forwarded when the app is listed.
 * - risky: works over the internet but is an attack surface: forwarded only with allowRisky.
 * - lan-only: cannot work through NAT (multicast, broadcast, cluster links): never forwarded.
 * - outbound: the NAS connects out on it: never forwarded.
 */
export type Exposure = 'public' | 'risky' | 'lan-only' | 'outbound';

/** A DSM version window, both ends as "MAJOR.MINOR[.PATCH]" strings. */
export interface DsmWindow {
  /** First DSM version that has the app or port. */
  introduced?: string;
  /** First DSM version that no longer has it. */
  removed?: string;
}

export interface CatalogPort {
  /** Unique within the app, kebab-case: https, http, sync, vpn, passive, ... */
  label: string;
  /** First port of the range (or the only port). */
  port: number;
  /** Last port of an inclusive range; absent for a single port. */
  end?: number;
  proto: Proto;
  exposure: Exposure;
  /**
   * The user can change this port in DSM or in the app's settings (for a container: the NAS port
   * they publish it on). `notes` say where; the profile's `override` gives the moved port.
   */
  configurable: boolean;
  /**
   * false marks a port meant for the internet that does not encrypt (a BitTorrent peer port, the
   * Let's Encrypt HTTP-01 challenge on 80): only `public` ports carry it, and `notes` say why it is
   * still public. Absent means "encrypted" for public ports; risky ports say so in their purpose.
   */
  encrypted?: boolean;
  /** One line: what the port is for. */
  purpose: string;
  /** Keys into Catalog.sources, or seed rows ("S12", printed as Synology's 2020 port table). */
  sources: string[];
  /** Version window of this port when it differs from the app's. */
  dsm?: DsmWindow;
  /** For the user: caveats, what they may have changed, what to do. Printed. */
  notes?: string;
  /** For reviewers: why the data is as it is. Never printed; not in the generated JSON. */
  researchNote?: string;
}

/** An app without listeners of its own, served by another app's web server. */
export interface ServedBy {
  /** "dsm": DSM's web server on the user's nas.dsm.http/https; "web-station": 80/443. */
  app: 'dsm' | 'web-station';
  /** When only some DSM versions serve the app this way. */
  dsm?: DsmWindow;
}

export interface CatalogApp {
  /** kebab-case, unique across ids and aliases. */
  id: string;
  name: string;
  /**
   * Other names that resolve to this app: old product names (cloud-station), DSM's internal
   * ids, and mobile or desktop clients (ds-file) that connect to this service.
   */
  aliases: string[];
  servedBy?: ServedBy;
  dsm?: DsmWindow & { legacy?: boolean };
  /** Not made by Synology: a package from the Package Center's community, or a container. */
  thirdParty?: boolean;
  /** Who makes a third-party app (required with thirdParty). */
  vendor?: string;
  ports: CatalogPort[];
  /** Keys into Catalog.sources. */
  sources: string[];
  /** For the user. Printed. */
  notes?: string;
  /** For reviewers. Never printed; not in the generated JSON. */
  researchNote?: string;
}

export interface CatalogSource {
  key: string;
  /** The document's name as a user would look for it. */
  title: string;
  /** Where to open it. Required unless `internal`. */
  url?: string;
  /** Research material a user cannot open (copies, dumps): never printed, never a port's only source. */
  internal?: boolean;
}

/**
 * Two or more apps that listen on the same port and protocol, and why. Every such overlap in the
 * catalog needs one; `synfw apps ID` and `synfw why PORT` print the note.
 */
export interface SharedPort {
  /** First port of the shared span. */
  port: number;
  /** Last port of an inclusive span. */
  end?: number;
  proto: Proto;
  /** App ids, at least two, each with a listening port in the span. */
  apps: string[];
  /** For the user: why they share it and what that means for a profile. */
  note: string;
}

export interface Catalog {
  /** The newest DSM version the catalog knows; the default for profiles that give none. */
  newestDsm: string;
  apps: CatalogApp[];
  shared: SharedPort[];
  sources: CatalogSource[];
}
